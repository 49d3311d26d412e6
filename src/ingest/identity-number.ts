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
