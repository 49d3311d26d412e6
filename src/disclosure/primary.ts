import type { ResultRow } from '../contract/results.ts';
import type { DisclosureConfig } from './config.ts';
import type { MeasureInfo } from './measure-kind.ts';
import { measureKind } from '../catalogue/measure-kinds.ts';

/** True when a count is a small non-zero number of persons (1..minCount-1). */
function smallCount(x: number, cfg: DisclosureConfig): boolean {
  return x >= 1 && x < cfg.minCount;
}

/**
 * Primary rule for one published cell (indicators.md "Small numbers"): a share is unsafe when the
 * denominator is below `minDenominator` or the numerator or complement is 1..minCount-1; a mean or
 * median is unsafe when based on fewer than `minMeanN` persons; a sensitive share (catalogue
 * `sensitive`) is unsafe when everyone in the group has it (teller = nevner). Cells whose counts are unknown
 * (null) cannot be shown to be safe and are unsafe.
 */
export function isPrimaryUnsafe(row: ResultRow, info: MeasureInfo, cfg: DisclosureConfig): boolean {
  const n = row.nevner;
  if (n === null) return true;
  if (measureKind(info.kind).primary === 'persons') return n < cfg.minMeanN;
  const t = row.teller;
  if (t === null) return true;
  // Attribute disclosure: everyone in the group has a sensitive attribute, at any group size.
  if (info.sensitive && t === n && n > 0) return true;
  return n < cfg.minDenominator || smallCount(t, cfg) || smallCount(n - t, cfg);
}

/** The published form of a suppressed cell: SSB's ':' and every count and value emptied (also
 * `mangler`: with the denominator it would bound the population). A cell of a withheld split
 * (split-withholding.ts) is emptied the same way with status '.'. */
export function suppressRow(row: ResultRow, status: ':' | '.' = ':'): ResultRow {
  return { ...row, status, teller: null, nevner: null, verdi: null, ki_nedre: null, ki_ovre: null, mangler: null };
}
