/**
 * The project's one RFC 4180 reader for small CSV texts: the shipped reference files, the
 * generator's reference data and the read-back of published CSV (the writer round-trip).
 * Big input files never go through here: ingest reads them with DuckDB.
 */

/**
 * Parses a CSV text into records of fields: quoted fields may hold the delimiter, doubled quotes
 * and line breaks; records end at LF or CRLF; a leading BOM is dropped; a final line break does not
 * make an empty record.
 */
export function parseCsvText(text: string, delimiter = ','): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let i = start; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}

/** Splits one CSV line into fields; quotes are removed and "" becomes ". */
export function splitCsvLine(line: string, delimiter = ','): string[] {
  return parseCsvText(line, delimiter)[0] ?? [''];
}

/** Parses a small CSV text with a header row into records keyed by header name (blank lines skipped). */
export function parseCsvRecords(text: string, delimiter = ','): Record<string, string>[] {
  const [head, ...rest] = parseCsvText(text, delimiter).filter((r) => r.length > 1 || r[0] !== '');
  if (head === undefined) return [];
  const names = head.map((n) => n.trim());
  return rest.map((fields) => {
    const rec: Record<string, string> = {};
    names.forEach((n, i) => {
      rec[n] = fields[i] ?? '';
    });
    return rec;
  });
}
