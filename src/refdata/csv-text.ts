/**
 * A small RFC 4180 parser for the shipped reference files (a few hundred lines each).
 * Big input files never go through here: ingest reads them with DuckDB.
 */

/** Splits one CSV line into fields; quotes are removed and "" becomes ". */
export function splitCsvLine(line: string, delimiter = ','): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out;
}

/** Parses a small CSV text with a header row into records keyed by header name. */
export function parseCsvRecords(text: string, delimiter = ','): Record<string, string>[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.length > 0);
  const [head, ...rest] = lines;
  if (head === undefined) return [];
  const names = splitCsvLine(head, delimiter).map((n) => n.trim());
  return rest.map((line) => {
    const fields = splitCsvLine(line, delimiter);
    const rec: Record<string, string> = {};
    names.forEach((n, i) => {
      rec[n] = fields[i] ?? '';
    });
    return rec;
  });
}
