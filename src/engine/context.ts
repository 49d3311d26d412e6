/** What the compiler needs to know about the loaded data (plain values, no store). */
import type { Kohort } from '../contract/results.ts';

export interface CompileContext {
  /** Tables present in the store. */
  readonly tables: ReadonlySet<string>;
  /** The data's last date (ISO). */
  readonly lastDate: string;
  /** Last year with outcome rows (utfall), for link 3. */
  readonly lastOutcomeYear: number | null;
  /** Average G by year (law-rules §8), for R3. */
  readonly averageG: ReadonlyMap<number, number>;
  /** Required citizenship oral level (CEFR rank) by measurement year (law-rules §9), for R9. */
  readonly citizenshipRank: ReadonlyMap<number, number>;
  /** Cohort to use instead of the definition's default (must be allowed by the definition). */
  readonly cohort?: Kohort;
  /** Length of pooled municipal windows in years (absent or 1: yearly cells only). */
  readonly poolYears?: number;
}
