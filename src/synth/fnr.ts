/**
 * Valid Norwegian national identity numbers (fødselsnummer), for the dirty fault "real identity
 * as person_id": 6 birth digits, 3 individual digits and two mod-11 check digits.
 */
import type { Rng } from './prng.ts';

const K1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const K2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function checkDigit(digits: readonly number[], weights: readonly number[]): number | undefined {
  const sum = weights.reduce((acc, w, i) => acc + w * (digits[i] as number), 0);
  const k = 11 - (sum % 11);
  if (k === 11) return 0;
  return k === 10 ? undefined : k;
}

/** True when an 11-digit string has valid fødselsnummer check digits. */
export function hasValidCheckDigits(id: string): boolean {
  if (!/^\d{11}$/.test(id)) return false;
  const d = [...id].map(Number);
  return checkDigit(d, K1) === d[9] && checkDigit(d, K2) === d[10];
}

/** A syntactically valid fødselsnummer for a random birth date in 1950–1999. */
export function randomFnr(rng: Rng): string {
  for (;;) {
    const day = rng.int(1, 28);
    const month = rng.int(1, 12);
    const year = rng.int(50, 99);
    const ind = rng.int(0, 499);
    const base = `${String(day).padStart(2, '0')}${String(month).padStart(2, '0')}${String(year).padStart(2, '0')}${String(ind).padStart(3, '0')}`;
    const digits = [...base].map(Number);
    const k1 = checkDigit(digits, K1);
    if (k1 === undefined) continue;
    const k2 = checkDigit([...digits, k1], K2);
    if (k2 === undefined) continue;
    return `${base}${k1}${k2}`;
  }
}
