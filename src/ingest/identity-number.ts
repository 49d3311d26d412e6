/**
 * Norwegian national identity numbers (fødselsnummer) and D-numbers: 11 digits, the last two
 * are mod-11 check digits (Skatteetaten's algorithm). A D-number has 4 added to the first digit;
 * the check digits are computed the same way over the digits as written.
 * The data contract refuses any person_id that is such a number: real identities must never
 * enter the store. The date part is deliberately not checked, so D-, H- and synthetic (Tenor,
 * month + 80) numbers are all caught.
 */

const W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2] as const;
const W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2] as const;

function checkDigit(digits: readonly number[], weights: readonly number[]): number | null {
  const sum = weights.reduce((acc, w, i) => acc + w * digits[i]!, 0);
  const k = (11 - (sum % 11)) % 11;
  return k === 10 ? null : k;
}

/** The two check digits for 9 leading digits, or null when none exist (a remainder of 10). */
export function identityCheckDigits(first9: string): string | null {
  if (!/^\d{9}$/.test(first9)) throw new Error(`expected 9 digits: ${first9}`);
  const d = [...first9].map(Number);
  const k1 = checkDigit(d, W1);
  if (k1 === null) return null;
  const k2 = checkDigit([...d, k1], W2);
  return k2 === null ? null : `${k1}${k2}`;
}

/** True for 11 digits whose two check digits are valid (fødselsnummer, D-number). */
export function isIdentityNumber(value: string): boolean {
  if (!/^\d{11}$/.test(value)) return false;
  return identityCheckDigits(value.slice(0, 9)) === value.slice(9);
}

/** 'd-nummer' when the first digit is 4–7, else 'fodselsnummer'; null when not an identity number. */
export function identityKind(value: string): 'fodselsnummer' | 'd-nummer' | null {
  if (!isIdentityNumber(value)) return null;
  return Number(value[0]) >= 4 ? 'd-nummer' : 'fodselsnummer';
}

/**
 * The same test as SQL over a VARCHAR expression: k1 is valid iff (Σw·d + d10) mod 11 = 0,
 * and likewise for k2 (a digit can never equal the invalid remainder 10).
 */
export function identityNumberSql(expr: string, fullMatch: (e: string, re: string) => string): string {
  const d = (i: number) => `(ascii(substr(${expr}, ${i}, 1)) - 48)`;
  const sum = (w: readonly number[]) => w.map((x, i) => `${x}*${d(i + 1)}`).join(' + ');
  return (
    `(${fullMatch(expr, '[0-9]{11}')} AND (${sum(W1)} + ${d(10)}) % 11 = 0 ` +
    `AND (${sum(W2)} + ${d(11)}) % 11 = 0)`
  );
}

/** Characters removed before the check: whitespace (incl. no-break spaces) and hyphens/dashes. */
export const IDENTITY_SEPARATORS = '[\\s\\p{Zs}\\x{2010}-\\x{2015}\\x{2212}-]';

/** Normalises like the SQL check: trim, remove inner spaces and hyphens. */
export function normaliseIdentity(value: string): string {
  return value.replace(/[\s\p{Zs}\u2010-\u2015\u2212-]/gu, '');
}

/** Maximal runs of exactly 11 digits (a longer run is a different number). */
function elevenDigitRuns(n: string): string[] {
  return (n.match(/\d+/g) ?? []).filter((d) => d.length === 11);
}

/**
 * True when a delivered value is, or hides, an identity number: after removing spaces and
 * hyphens (and a decimal part of zeros: `70790101234.0` from a DOUBLE column) it contains a run
 * of exactly 11 digits with valid check digits (`P01019012345` too); for pseudonym columns also
 * 10 digits that are one when a lost leading zero is put back (a number column or a spreadsheet
 * drops it: 01019012345 → 1019012345).
 */
export function isIdentityLike(value: string, opts: { tenDigits?: boolean } = {}): boolean {
  const n = normaliseIdentity(value).replace(/(?<=\d)[.,]0*$/, '');
  if (elevenDigitRuns(n).some(isIdentityNumber)) return true;
  return opts.tenDigits === true && /^\d{10}$/.test(n) && isIdentityNumber(`0${n}`);
}

/**
 * The SQL form of isIdentityLike over a VARCHAR expression, for the checks. `numeric` adds the
 * value read as a number (exponent notation: 1.5078512345E10). Cheap on ordinary rows: only
 * values with at least 10 digits in a row (separators allowed between them) are looked at.
 */
export function identityLikeSql(
  expr: string,
  opts: { tenDigits?: boolean; numeric?: boolean },
  fullMatch: (e: string, re: string) => string,
  lit: (s: string) => string,
): string {
  const n = `regexp_replace(regexp_replace(${expr}, ${lit(IDENTITY_SEPARATORS)}, '', 'g'), ${lit('([0-9])[.,]0*$')}, '\\1')`;
  const parts = [
    `list_bool_or(list_transform(regexp_extract_all(${n}, '[0-9]+'), d -> length(d) = 11 AND ${identityNumberSql('d', fullMatch)}))`,
  ];
  if (opts.tenDigits) parts.push(`(${fullMatch(n, '[0-9]{10}')} AND ${identityNumberSql(`('0' || ${n})`, fullMatch)})`);
  if (opts.numeric) {
    const x = `TRY_CAST(replace(regexp_replace(${expr}, '[\\s\\p{Zs}]', '', 'g'), ',', '.') AS DOUBLE)`;
    parts.push(
      `coalesce(${x} >= 1e10 AND ${x} < 1e11 AND ${x} = floor(${x}) AND ${identityNumberSql(`CAST(CAST(${x} AS BIGINT) AS VARCHAR)`, fullMatch)}, false)`,
    );
  }
  const sep = '[\\s\\p{Zs}\\x{2010}-\\x{2015}\\x{2212}-]*';
  const digits10 = `regexp_matches(${expr}, ${lit(`[0-9](${sep}[0-9]){9}`)})`;
  const exponent = opts.numeric ? ` OR regexp_matches(${expr}, '[eE]')` : '';
  return `(CASE WHEN length(${expr}) < 10 THEN false WHEN NOT (${digits10}${exponent}) THEN false ELSE coalesce(${parts.join(' OR ')}, false) END)`;
}

/**
 * SQL that keeps a rejected value fit to show: NULL when it holds 10 or more digits once spaces
 * and hyphens are removed (an identity number in any column, or one with its leading zero lost),
 * cut to 100 characters otherwise, so a 5 MB field is never echoed whole.
 */
export function shownValueSql(expr: string, lit: (s: string) => string): string {
  return (
    `(CASE WHEN ${expr} IS NULL THEN NULL ` +
    `WHEN regexp_matches(regexp_replace(${expr}, ${lit(IDENTITY_SEPARATORS)}, '', 'g'), '[0-9]{10}') THEN NULL ` +
    `WHEN length(${expr}) > 100 THEN left(${expr}, 100) || '…' ELSE ${expr} END)`
  );
}
