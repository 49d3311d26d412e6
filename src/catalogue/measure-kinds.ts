/**
 * Measure kinds as strategies (style.md §3, issue 9): the one place that says, per kind, what fact
 * it needs, how its cells are aggregated, which interval it gets, which primary disclosure rule
 * protects it and how its value is written. Every stage asks `measureKind(kind)` (an exhaustive
 * switch: a new kind does not compile until it is described here) instead of guessing a kind
 * from other fields (`teller !== null`, `enhet === 'prosent'`).
 *
 * The SQL of each aggregation is the engine's (src/engine/aggregate.ts, finalize.ts); this module
 * only names it, so the catalogue stays free of SQL. Room for "adjusted" (model-based measures from
 * src/analysis): a new kind with aggregation 'model' and its own interval, added here first.
 */
import { assertNever } from '../shared/assert-never.ts';
import type { Unit } from './types.ts';

export const MEASURE_KINDS = ['share', 'mean', 'median', 'count', 'derived'] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

export interface MeasureKindRules {
  readonly kind: MeasureKind;
  /** What a unit row contributes: a true/false fact (counted), a number, or nothing (computed from another measure's cells). */
  readonly fact: 'flag' | 'number' | 'none';
  /**
   * How cells are formed. 'flag_sum': persons with the fact (counts add up, so the finest cells
   * are rolled up); 'mean': sum, sum of squares and n (add up too); 'median': one stage straight
   * from unit rows (medians do not add up); 'from_measure': from the cells of the measure it is
   * derived from (catalogue `referenceGap`), never from unit rows.
   */
  readonly aggregation: 'flag_sum' | 'mean' | 'median' | 'from_measure';
  /** 95 % interval: Wilson score (shares), Student t on the sample sd (means), none, or the source measure's interval shifted. */
  readonly interval: 'wilson' | 't' | 'none' | 'shifted';
  /**
   * Primary disclosure rule (docs/disclosure.md "Small numbers"): 'counts' = denominator below
   * minDenominator or numerator or complement 1..minCount-1; 'persons' = fewer than minMeanN persons.
   */
  readonly primary: 'counts' | 'persons';
  /** Whether `teller` is published (a count of persons with the fact). */
  readonly numerator: boolean;
  /** The unit every measure of this kind has (null = the definition chooses). */
  readonly unit: Unit | null;
  /** The published `verdi` of a cell from its count/sum/statistic `s` over `n` persons, unrounded. */
  value(s: number, n: number): number;
}

const SHARE: MeasureKindRules = {
  kind: 'share', fact: 'flag', aggregation: 'flag_sum', interval: 'wilson', primary: 'counts', numerator: true, unit: 'prosent',
  value: (s, n) => (100 * s) / n,
};
const MEAN: MeasureKindRules = {
  kind: 'mean', fact: 'number', aggregation: 'mean', interval: 't', primary: 'persons', numerator: false, unit: null,
  value: (s) => s,
};
const MEDIAN: MeasureKindRules = {
  kind: 'median', fact: 'number', aggregation: 'median', interval: 'none', primary: 'persons', numerator: false, unit: null,
  value: (s) => s,
};
const COUNT: MeasureKindRules = {
  kind: 'count', fact: 'flag', aggregation: 'flag_sum', interval: 'none', primary: 'counts', numerator: true, unit: 'antall',
  value: (s) => s,
};
const DERIVED: MeasureKindRules = {
  kind: 'derived', fact: 'none', aggregation: 'from_measure', interval: 'shifted', primary: 'persons', numerator: false, unit: null,
  value: (s) => s,
};

/** The rules of a measure kind. */
export function measureKind(kind: MeasureKind): MeasureKindRules {
  switch (kind) {
    case 'share':
      return SHARE;
    case 'mean':
      return MEAN;
    case 'median':
      return MEDIAN;
    case 'count':
      return COUNT;
    case 'derived':
      return DERIVED;
    default:
      return assertNever(kind, 'measure kind');
  }
}

/** Whether cells of this kind add up from the finest cells (else the engine aggregates in one stage). */
export function isAdditive(kind: MeasureKind): boolean {
  return measureKind(kind).aggregation !== 'median';
}
