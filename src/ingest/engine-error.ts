/**
 * Error text that is safe to show: DuckDB quotes the offending input in its messages (for a too
 * long line it prints the whole line, identity number included), so only the kind of error and
 * a known explanation are kept, never the engine's message itself.
 */

/** Known engine messages → an explanation that names no input value. */
const KNOWN: readonly { re: RegExp; nb: string }[] = [
  { re: /maximum line size/i, nb: 'en linje er lengre enn databasemotoren kan lese' },
  { re: /out of memory|memory limit/i, nb: 'for lite minne (øk --memory-limit)' },
  { re: /invalid unicode|utf-?8/i, nb: 'ugyldig tegnkoding' },
  { re: /parquet/i, nb: 'filen kan ikke leses som Parquet' },
  { re: /no space left/i, nb: 'disken er full' },
  { re: /permission denied/i, nb: 'mangler tilgang' },
];

/** "<kind>: <explanation>" without any part of the original message that could hold input. */
export function engineErrorText(err: unknown): string {
  const e = err as { code?: unknown; message?: unknown };
  const message = typeof e?.message === 'string' ? e.message : String(err);
  const known = KNOWN.find((k) => k.re.test(message));
  // Node file-system errors: the code (ENOENT, EACCES, EISDIR …) says it all.
  if (typeof e?.code === 'string' && /^E[A-Z]+$/.test(e.code)) return `${e.code}${known ? `, ${known.nb}` : ''}`;
  // DuckDB: "<Kind> Error: …" – the kind is a fixed phrase of letters and spaces.
  const kind = /^([A-Za-z ]{1,40} Error):/.exec(message)?.[1] ?? 'ukjent feil';
  return known ? `${kind}, ${known.nb}` : kind;
}
