/**
 * Looks at a CSV file before DuckDB reads it: encoding (streamed, never the whole file in
 * memory), byte-order mark, delimiter and header. Files that are not valid UTF-8 are decoded as
 * Windows-1252 (a superset of ISO-8859-1 for letters) into a UTF-8 copy, so æøå are read
 * correctly and never loaded as mojibake.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import { pipeline } from 'node:stream/promises';
import iconv from 'iconv-lite';
import { splitCsvLine } from '../refdata/index.ts';

export interface CsvSource {
  /** The UTF-8 file DuckDB reads (the original, or a transcoded copy). */
  readonly path: string;
  readonly tegnsett: string;
  readonly skilletegn: ',' | ';';
  /** Header names, trimmed and lower-cased. */
  readonly header: readonly string[];
  readonly notes: readonly string[];
}

export type SniffResult = { ok: true; source: CsvSource } | { ok: false; reason: string };

type Encoding = { kind: 'utf-8'; bom: boolean } | { kind: 'utf-16le' | 'utf-16be' } | { kind: 'windows-1252'; offset: number } | { kind: 'binary'; offset: number };

/** Length of the incomplete UTF-8 sequence at the end of buf (0 when it ends on a boundary). */
function incompleteTail(buf: Buffer): number {
  let i = buf.length - 1;
  while (i >= 0 && i >= buf.length - 4 && (buf[i]! & 0xc0) === 0x80) i--;
  if (i < 0) return 0;
  const lead = buf[i]!;
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return buf.length - i < need ? buf.length - i : 0;
}

async function detectEncoding(file: string): Promise<Encoding> {
  const fh = await open(file, 'r');
  const head = Buffer.alloc(3);
  await fh.read(head, 0, 3, 0);
  await fh.close();
  if (head[0] === 0xff && head[1] === 0xfe) return { kind: 'utf-16le' };
  if (head[0] === 0xfe && head[1] === 0xff) return { kind: 'utf-16be' };
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  let carry = Buffer.alloc(0);
  let offset = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 4 << 20 }) as AsyncIterable<Buffer>) {
    const buf = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    const nul = buf.indexOf(0);
    if (nul >= 0) return { kind: 'binary', offset: offset + nul };
    const tail = incompleteTail(buf);
    const body = buf.subarray(0, buf.length - tail);
    if (!isUtf8(body)) return { kind: 'windows-1252', offset: offset + firstInvalid(body) };
    carry = Buffer.from(buf.subarray(buf.length - tail));
    offset += body.length;
  }
  if (carry.length) return { kind: 'windows-1252', offset };
  return { kind: 'utf-8', bom };
}

/** Byte offset of the first invalid UTF-8 sequence (only called on invalid buffers). */
function firstInvalid(buf: Buffer): number {
  let lo = 0;
  let hi = buf.length;
  // Binary search on prefixes that end on a boundary: valid(prefix) is monotone.
  while (hi - lo > 4) {
    const mid = (lo + hi) >> 1;
    const cut = mid - incompleteTail(buf.subarray(0, mid));
    if (isUtf8(buf.subarray(0, cut))) lo = cut;
    else hi = mid;
  }
  return lo;
}

async function transcode(file: string, from: string, out: string): Promise<void> {
  await pipeline(createReadStream(file), iconv.decodeStream(from), createWriteStream(out, { encoding: 'utf8' }));
}

/** The first physical line of a UTF-8 file (at most 1 MB), without BOM and line ending. */
async function firstLine(file: string): Promise<string> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(1 << 20);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    const text = buf.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '');
    const nl = text.indexOf('\n');
    return (nl >= 0 ? text.slice(0, nl) : text).replace(/\r$/, '');
  } finally {
    await fh.close();
  }
}

/** ';' when the header has more semicolons than commas outside quotes, else ','. */
export function detectDelimiter(headerLine: string): ',' | ';' {
  let commas = 0;
  let semis = 0;
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semis++;
  }
  return semis > commas ? ';' : ',';
}

/**
 * Prepares a CSV file for DuckDB. `workPath` is where a transcoded UTF-8 copy may be written.
 * Refuses (with a reason in Norwegian/English pair joined by " / ") empty and binary files.
 */
export async function sniffCsv(file: string, workPath: string): Promise<SniffResult> {
  if ((await stat(file)).size === 0) return { ok: false, reason: 'filen er tom (ingen overskriftsrad) / the file is empty (no header row)' };
  const enc = await detectEncoding(file);
  const notes: string[] = [];
  let path = file;
  let tegnsett: string;
  if (enc.kind === 'binary') {
    return { ok: false, reason: `filen inneholder NUL-byte (posisjon ${enc.offset}): ikke tekst, eller UTF-16 uten BOM / the file contains NUL bytes: not text, or UTF-16 without BOM` };
  } else if (enc.kind === 'windows-1252') {
    path = workPath;
    tegnsett = 'windows-1252';
    await transcode(file, 'windows-1252', path);
    notes.push(`ikke gyldig UTF-8 (første ugyldige byte ved posisjon ${enc.offset}); lest som Windows-1252/ISO-8859-1 og konvertert til UTF-8`);
  } else if (enc.kind === 'utf-8') {
    tegnsett = enc.bom ? 'utf-8-bom' : 'utf-8';
  } else {
    path = workPath;
    tegnsett = enc.kind;
    await transcode(file, enc.kind, path);
    notes.push(`lest som ${enc.kind.toUpperCase()} og konvertert til UTF-8`);
  }
  const line = (await firstLine(path)).replace(/^\uFEFF/, '');
  if (line.trim() === '') return { ok: false, reason: 'første linje er tom: overskriftsraden mangler / the first line is empty: header row missing' };
  const skilletegn = detectDelimiter(line);
  const header = splitCsvLine(line, skilletegn).map((h) => h.trim().toLowerCase());
  return { ok: true, source: { path, tegnsett, skilletegn, header, notes } };
}
