/**
 * Disclosure thresholds (indicators.md "Small numbers", NIBR 2020 § 4.3: no published figure may
 * reveal a cell of fewer than the threshold of persons, directly or by subtracting from totals).
 */
export interface DisclosureConfig {
  /** A share is unsafe when its denominator is below this (5: denominator < 5 unsafe). */
  readonly minDenominator: number;
  /** A share is unsafe when its numerator or complement is in 1..minCount-1 (3: 1–2 unsafe). */
  readonly minCount: number;
  /** A mean or median is unsafe when based on fewer persons than this (5). */
  readonly minMeanN: number;
  /**
   * 1 = also audit with exact LP bounds (HiGHS, `lp-bounds.ts`) once propagation finds nothing: no
   * hidden count narrower than `minCount` for a reader with an LP solver. Off by default: on the
   * real tables it costs seconds per universe (docs/disclosure.md "Exact bounds").
   */
  readonly exactBounds?: 0 | 1;
  /**
   * Protect what people read (issue 11 item 4): a cell of at least this many persons that is safe
   * by itself should not be hidden to protect a small split; the split is withheld instead
   * (status '.', split-withholding.ts). 0 or absent = off (the default: withholding whole splits per
   * universe costs 2–7× the suppression time and withholds far more cells on medium, see docs/disclosure.md).
   */
  readonly protectLarge?: number;
}

export const DEFAULT_DISCLOSURE: DisclosureConfig = Object.freeze({ minDenominator: 5, minCount: 3, minMeanN: 5 });
