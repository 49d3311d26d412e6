import { periodeKey, type ResultRow } from '../contract/results.ts';
import { DEFAULT_DISCLOSURE, type DisclosureConfig } from './config.ts';

/** Problems found by `findUnsafeCells`, as `row index: reason`. */
export function findUnsafeCells(rows: readonly ResultRow[], config: DisclosureConfig = DEFAULT_DISCLOSURE): string[] {
  const out: string[] = [];
  const small = (x: number) => x >= 1 && x < config.minCount;
  rows.forEach((r, i) => {
    const at = `${i} (${r.indikator} ${r.maal} ${r.region} ${r.gruppe} ${r.kjonn} ${r.lovregime} ${periodeKey(r)})`;
    if (r.status !== '') {
      if (r.teller !== null || r.verdi !== null || r.ki_nedre !== null || r.ki_ovre !== null) {
        out.push(`${at}: status '${r.status}' but a count or value is shown`);
      }
      if (r.status === ':' && r.nevner !== null) out.push(`${at}: suppressed cell shows its denominator`);
      return;
    }
    const n = r.nevner;
    if (n === null) return; // a share without denominator reveals no count by itself
    if (r.teller === null) {
      if (n < config.minMeanN) out.push(`${at}: mean/median of ${n} < ${config.minMeanN} persons`);
      return;
    }
    if (n < config.minDenominator) out.push(`${at}: denominator ${n} < ${config.minDenominator}`);
    if (small(r.teller)) out.push(`${at}: numerator ${r.teller} in 1..${config.minCount - 1}`);
    if (small(n - r.teller)) out.push(`${at}: complement ${n - r.teller} in 1..${config.minCount - 1}`);
  });
  return out;
}

/**
 * Throws when any published cell breaks the primary rule (denominator < minDenominator,
 * numerator or complement in 1..minCount-1, mean of < minMeanN persons) or a suppressed cell
 * still shows a count. Reusable on rows read back from CSV or JSON-stat outputs.
 */
export function assertNoUnsafeCells(rows: readonly ResultRow[], config: DisclosureConfig = DEFAULT_DISCLOSURE): void {
  const bad = findUnsafeCells(rows, config);
  if (bad.length > 0) {
    throw new Error(`${bad.length} unsafe published cell(s):\n${bad.slice(0, 20).join('\n')}`);
  }
}
