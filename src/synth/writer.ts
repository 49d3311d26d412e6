/**
 * Streamed CSV writing (UTF-8, comma, header, RFC 4180 quoting) with large buffered chunks,
 * so national scale never builds one giant string. Tracks the physical line of every row,
 * which the dirty sidecar needs (header = line 1).
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

const FLUSH_AT = 4 * 1024 * 1024;
const NEEDS_QUOTES = /[",\r\n]/;

/** Quotes a field when RFC 4180 requires it. */
export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export class CsvFile {
  private fd: number;
  private readonly buf = Buffer.allocUnsafe(FLUSH_AT);
  private used = 0;
  /** Physical line of the last written line (header = 1). */
  line = 0;
  rows = 0;

  constructor(
    readonly path: string,
    header: readonly string[],
  ) {
    mkdirSync(dirname(path), { recursive: true });
    this.fd = openSync(path, 'w');
    this.writeLine(header.map(csvField).join(','));
  }

  /** Writes one row and returns its physical line number. */
  row(fields: readonly string[]): number {
    let s = '';
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i] as string;
      s += (i ? ',' : '') + (NEEDS_QUOTES.test(f) ? csvField(f) : f);
    }
    this.writeLine(s);
    this.rows++;
    return this.line;
  }

  private writeLine(s: string): void {
    // A UTF-8 character takes at most 3 bytes per UTF-16 code unit.
    if (this.used + 3 * s.length + 1 > this.buf.length) this.flush();
    if (3 * s.length + 1 > this.buf.length) {
      writeSync(this.fd, s + '\n');
    } else {
      this.used += this.buf.write(s, this.used, 'utf8');
      this.buf[this.used++] = 10;
    }
    this.line++;
  }

  flush(): void {
    let off = 0;
    while (off < this.used) off += writeSync(this.fd, this.buf, off, this.used - off);
    this.used = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}
