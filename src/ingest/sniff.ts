/**
 * Looks at a CSV file before DuckDB reads it, in one streamed pass (never the whole file in
 * memory): what the content really is (Parquet, ZIP/XLSX, gzip and binary files are refused),
 * encoding and byte-order mark, line ends (LF, CRLF, a mix, a lone CR, very long lines), the
 * delimiter and the header. Lines that are not valid UTF-8 are decoded as Windows-1252 (a
 * superset of ISO-8859-1 for letters) *line by line* into a UTF-8 copy, so one Latin-1 line in a
 * UTF-8 file is read correctly and named, and never turns the rest of the file into mojibake.
 */
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { isAscii, isUtf8 } from 'node:buffer';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import iconv from 'iconv-lite';
import { splitCsvLine } from '../refdata/index.ts';

/**
 * How the physical lines are read: 'fast' with DuckDB's parallel line reader (files with one
 * kind of line end, no lone CR and no line over 1 MB), 'exact' by splitting the text on LF in
 * SQL (any mix of line ends, lone CR kept as data, lines of any length).
 */
export type LineMode = 'fast' | 'exact';

export interface CsvSource {
  /** The UTF-8 file DuckDB reads (the original, or a transcoded copy). */
  readonly path: string;
  readonly tegnsett: string;
  readonly skilletegn: ',' | ';';
  /** Header names, trimmed and lower-cased. */
  readonly header: readonly string[];
  readonly notes: readonly string[];
  readonly lineMode: LineMode;
}

export type SniffResult = { ok: true; source: CsvSource } | { ok: false; reason: string };

/** Longest physical line (bytes) the fast line reader is given; longer lines go the exact way. */
export const FAST_MAX_LINE = 1 << 20;
/** The exact reader holds a file as one string; DuckDB strings are limited to 4 GB. */
const EXACT_MAX_BYTES = 2 ** 32 - 1;

/** Content signatures of files that are not text. */
const SIGNATURES: readonly { bytes: readonly number[]; what: string }[] = [
  { bytes: [0x50, 0x41, 0x52, 0x31], what: 'Parquet' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'ZIP (f.eks. XLSX)' },
  { bytes: [0x1f, 0x8b], what: 'gzip' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'OLE (f.eks. XLS)' },
];

/** What the first bytes say a file is, when it is one of the known non-text formats. */
export function contentSignature(head: Buffer): string | null {
  for (const s of SIGNATURES) if (s.bytes.every((b, i) => head[i] === b)) return s.what;
  return null;
}

interface Scan {
  readonly utf16: 'utf-16le' | 'utf-16be' | null;
  readonly bom: boolean;
  /** Byte offset of the first NUL, or -1. */
  readonly nul: number;
  readonly validUtf8: boolean;
  readonly lf: number;
  readonly crlf: number;
  /** CR bytes not followed by LF. */
  readonly loneCr: number;
  /** Longest physical line in bytes (terminator excluded). */
  readonly maxLine: number;
}

/** Length of the incomplete UTF-8 sequence at the end of buf (0 when it ends on a boundary). */
function incompleteTail(buf: Buffer): number {
  let i = buf.length - 1;
  while (i >= 0 && i >= buf.length - 4 && (buf[i]! & 0xc0) === 0x80) i--;
  if (i < 0) return 0;
  const lead = buf[i]!;
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return buf.length - i < need ? buf.length - i : 0;
}

/** One streamed pass: NUL bytes, UTF-8 validity, line ends and the longest line. */
async function scan(file: string, head: Buffer): Promise<Scan> {
  const utf16 = head[0] === 0xff && head[1] === 0xfe ? 'utf-16le' : head[0] === 0xfe && head[1] === 0xff ? 'utf-16be' : null;
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  let carry = Buffer.alloc(0);
  let offset = 0; // bytes before `buf`
  let valid = true;
  let lf = 0;
  let crlf = 0;
  let cr = 0;
  let maxLine = 0;
  let lineStart = 0; // absolute offset of the current line's first byte
  let prevLast = -1; // last byte of the previous chunk
  for await (const chunk of createReadStream(file, { highWaterMark: 4 << 20 }) as AsyncIterable<Buffer>) {
    if (utf16 === null) {
      const nul = chunk.indexOf(0);
      if (nul >= 0) return { utf16, bom, nul: offset + nul, validUtf8: false, lf, crlf, loneCr: 0, maxLine };
    }
    // UTF-8 validity on boundaries (a sequence may be cut between chunks).
    if (valid) {
      const buf = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      const tail = incompleteTail(buf);
      if (!isUtf8(buf.subarray(0, buf.length - tail))) valid = false;
      carry = Buffer.from(buf.subarray(buf.length - tail));
    }
    const base = offset;
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) {
      lf++;
      const before = i > 0 ? chunk[i - 1] : prevLast;
      const end = base + i - (before === 13 ? 1 : 0);
      if (before === 13) crlf++;
      if (end - lineStart > maxLine) maxLine = end - lineStart;
      lineStart = base + i + 1;
    }
    for (let i = chunk.indexOf(13); i >= 0; i = chunk.indexOf(13, i + 1)) cr++;
    prevLast = chunk.length ? chunk[chunk.length - 1]! : prevLast;
    offset += chunk.length;
  }
  if (carry.length) valid = false;
  const last = offset - lineStart - (prevLast === 13 ? 1 : 0);
  if (last > maxLine) maxLine = last;
  return { utf16, bom, nul: -1, validUtf8: valid, lf, crlf, loneCr: cr - crlf, maxLine };
}

async function write(out: WriteStream, data: Buffer | string): Promise<void> {
  if (!out.write(data)) await once(out, 'drain');
}

interface LineTranscode {
  /** 1-based physical lines that were not valid UTF-8 (decoded as Windows-1252). */
  readonly lines: number[];
  readonly count: number;
  /** Whether some line with non-ASCII bytes was valid UTF-8 (the file is a mix). */
  readonly mixed: boolean;
}

/**
 * Writes a UTF-8 copy of `file`: lines that are valid UTF-8 are copied as they are, the others
 * decoded as Windows-1252. Line structure (LF, CR) is unchanged, so line numbers stay true.
 */
async function transcodeLines(file: string, outPath: string): Promise<LineTranscode> {
  const out = createWriteStream(outPath);
  const lines: number[] = [];
  let count = 0;
  let mixed = false;
  let line = 1; // physical line of the next byte
  let carry = Buffer.alloc(0);
  const lineOut = async (l: Buffer): Promise<void> => {
    if (isUtf8(l)) {
      if (!mixed && !isAscii(l)) mixed = true;
      await write(out, l);
    } else {
      count++;
      if (lines.length < 10) lines.push(line);
      await write(out, Buffer.from(iconv.decode(l, 'windows-1252'), 'utf8'));
    }
  };
  const block = async (buf: Buffer, final: boolean): Promise<void> => {
    if (isUtf8(buf)) {
      if (!mixed && !isAscii(buf)) mixed = true;
      await write(out, buf);
      for (let i = buf.indexOf(10); i >= 0; i = buf.indexOf(10, i + 1)) line++;
      return;
    }
    let start = 0;
    for (let i = buf.indexOf(10); i >= 0; i = buf.indexOf(10, i + 1)) {
      await lineOut(buf.subarray(start, i + 1));
      line++;
      start = i + 1;
    }
    if (final && start < buf.length) await lineOut(buf.subarray(start));
  };
  for await (const chunk of createReadStream(file, { highWaterMark: 4 << 20 }) as AsyncIterable<Buffer>) {
    const buf = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    const cut = buf.lastIndexOf(10) + 1;
    await block(buf.subarray(0, cut), false);
    carry = Buffer.from(buf.subarray(cut));
  }
  await block(carry, true);
  out.end();
  await once(out, 'finish');
  return { lines, count, mixed };
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
    return (nl >= 0 ? text.slice(0, nl) : text).replace(/\r+$/, '');
  } finally {
    await fh.close();
  }
}

async function readHead(file: string, n: number): Promise<Buffer> {
  const fh = await open(file, 'r');
  try {
    const head = Buffer.alloc(n);
    const { bytesRead } = await fh.read(head, 0, n, 0);
    return head.subarray(0, bytesRead);
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

const lines = (ls: readonly number[], n: number) => `${ls.join(', ')}${n > ls.length ? ` (og ${n - ls.length} til)` : ''}`;

/**
 * Prepares a CSV file for DuckDB. `workPath` is where a transcoded UTF-8 copy may be written.
 * Refuses (with a reason as a Norwegian/English pair joined by " / ") empty, binary and
 * non-CSV files, and files whose only line ends are lone CRs. Never puts file content in a reason.
 */
export async function sniffCsv(file: string, workPath: string): Promise<SniffResult> {
  const size = (await stat(file)).size;
  if (size === 0) return { ok: false, reason: 'filen er tom (ingen overskriftsrad) / the file is empty (no header row)' };
  const head = await readHead(file, 8);
  const what = contentSignature(head);
  if (what) {
    return {
      ok: false,
      reason: `filen heter .csv, men innholdet er ${what}, ikke CSV-tekst / the file is named .csv but its content is ${what}, not CSV text`,
    };
  }
  const s = await scan(file, head);
  if (s.nul >= 0) {
    return { ok: false, reason: `filen inneholder NUL-byte (posisjon ${s.nul}): ikke tekst, eller UTF-16 uten BOM / the file contains NUL bytes: not text, or UTF-16 without BOM` };
  }
  const notes: string[] = [];
  let path = file;
  let tegnsett: string;
  let lineMode: LineMode = 'fast';
  if (s.utf16) {
    path = workPath;
    tegnsett = s.utf16;
    await transcode(file, s.utf16, path);
    notes.push(`lest som ${s.utf16.toUpperCase()} og konvertert til UTF-8`);
    lineMode = 'exact';
  } else if (!s.validUtf8) {
    path = workPath;
    const t = await transcodeLines(file, path);
    tegnsett = t.mixed ? 'utf-8+windows-1252' : 'windows-1252';
    notes.push(
      t.mixed
        ? `${t.count} linje(r) er ikke gyldig UTF-8 og er lest som Windows-1252/ISO-8859-1: linje ${lines(t.lines, t.count)}; resten er UTF-8`
        : `ikke gyldig UTF-8; lest som Windows-1252/ISO-8859-1 og konvertert til UTF-8 (første linje med slike tegn: ${t.lines[0] ?? '?'})`,
    );
  } else {
    tegnsett = s.bom ? 'utf-8-bom' : 'utf-8';
  }
  if (!s.utf16) {
    if (s.lf === 0 && s.loneCr > 0) {
      return { ok: false, reason: 'linjene slutter bare med CR (gammelt Mac-format): lagre filen med LF eller CRLF / lines end in CR only (old Mac format): save with LF or CRLF' };
    }
    const oneKind = s.loneCr === 0 && (s.crlf === 0 || s.crlf === s.lf);
    if (!oneKind || s.maxLine >= FAST_MAX_LINE) lineMode = 'exact';
    if (s.crlf > 0 && s.crlf < s.lf) notes.push(`blandede linjeskift (${s.crlf} CRLF, ${s.lf - s.crlf} LF)`);
    if (s.loneCr > 0) notes.push(`${s.loneCr} CR-tegn uten LF (lest som tegn i feltet, ikke linjeskift)`);
  }
  if (lineMode === 'exact' && (await stat(path)).size > EXACT_MAX_BYTES) {
    return { ok: false, reason: 'filen er over 4 GB og har blandede linjeskift eller svært lange linjer: del den eller lagre med ett slags linjeskift / over 4 GB with mixed line ends or very long lines' };
  }
  const line = await firstLine(path);
  if (line.trim() === '') return { ok: false, reason: 'første linje er tom: overskriftsraden mangler / the first line is empty: header row missing' };
  const skilletegn = detectDelimiter(line);
  const header = splitCsvLine(line, skilletegn).map((h) => h.trim().toLowerCase());
  return { ok: true, source: { path, tegnsett, skilletegn, header, notes, lineMode } };
}
