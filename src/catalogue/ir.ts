/**
 * The engine-facing intermediate form of an indicator: plain, serialisable, readonly objects with
 * a `kind` field (style guide §2–3). The catalogue states WHAT is measured; src/engine compiles
 * these objects to SQL. Nothing here knows SQL or DuckDB.
 */
import type { Kohort } from '../contract/results.ts';
import type { MeasureKind, Text, Unit } from './types.ts';

/** Target groups a person can belong to (law-rules §2). */
export type Maalgruppe = 'intro' | 'norsk_rett_plikt' | 'norsk_plikt' | 'asylsoker' | 'utenfor';
export const MAALGRUPPER: readonly Maalgruppe[] = ['intro', 'norsk_rett_plikt', 'norsk_plikt', 'asylsoker', 'utenfor'];

/** Which municipality a unit is counted under (indicators.md, default operationalisations). */
export type RegionBasis = 'ansvarlig' | 'bosetting';

/** Who is counted (the denominator) and on which clock. */
export type PopulationSpec =
  /** Intro participants (a person with an `introprogram` row), timed by `cohort`. */
  | {
      readonly kind: 'intro';
      readonly cohort: Kohort;
    }
  /** Persons in a settlement (or start) cohort in the given target groups, with a readiness condition. */
  | {
      readonly kind: 'settled';
      readonly cohort: Kohort;
      readonly groups: readonly Maalgruppe[];
      readonly ready: Readiness;
    }
  /** Link 3: settlement cohort Y measured each year Y + t while resident (botid t = 1, 2, …). */
  | {
      readonly kind: 'outcome_years';
      readonly cohort: Kohort;
    }
  /** Municipality-year figures (kommune_aar, brukerundersokelse): not persons. */
  | {
      readonly kind: 'municipality_year';
      readonly cohort: 'aktive';
    };

/** When a settled person can be measured (so that recent arrivals are not counted as "not yet"). */
export type Readiness =
  | { readonly kind: 'rights_period_ended' }
  | {
      readonly kind: 'months_since_anchor';
      readonly months: number;
      /** settlement date, or the programme decision for intro participants (civics, law-rules §4). */
      readonly anchor: 'bosetting' | 'vedtak';
    };

/** A per-unit fact: boolean facts feed shares, numeric facts feed means and medians. NULL = missing. */
export type FactSpec =
  | { readonly kind: 'element_in_period'; readonly elements: readonly string[] }
  | { readonly kind: 'programme_flag'; readonly column: 'heltid' | 'forlenget' | 'vgo_heltid' }
  | { readonly kind: 'programme_months' }
  | { readonly kind: 'programme_vs_cap'; readonly relation: 'at' | 'above' }
  | { readonly kind: 'norwegian_hours' }
  | { readonly kind: 'startup_step'; readonly step: string; readonly withinMonths: number }
  | { readonly kind: 'reason'; readonly field: 'hoved' | 'alle'; readonly codes: readonly string[] }
  | { readonly kind: 'end_goal_reached' }
  | { readonly kind: 'last_end_goal'; readonly codes: readonly string[] }
  | { readonly kind: 'recommended_goal'; readonly codes: readonly string[] }
  | { readonly kind: 'subgroup'; readonly subgroup: string }
  | { readonly kind: 'education'; readonly levels: readonly string[]; readonly source: 'fullfort_norge' | 'godkjent_utland'; readonly by: EducationDeadline }
  | { readonly kind: 'language_goal_reached' }
  | { readonly kind: 'language_level'; readonly oral: string | null; readonly writing: string | null; readonly grade: number }
  | { readonly kind: 'language_ambition'; readonly relation: 'under' | 'lik' | 'over' }
  | { readonly kind: 'civics_passed'; readonly withinMonths: number }
  | { readonly kind: 'outcome_flag'; readonly columns: readonly string[] }
  | { readonly kind: 'outcome_code'; readonly column: string; readonly codes: readonly string[] }
  | { readonly kind: 'income_above_g'; readonly multiple: number }
  | { readonly kind: 'citizenship_oral'; readonly denominator: 'provetakere' | 'alle_bosatte' }
  | { readonly kind: 'months_to_first_element'; readonly elements: readonly string[] }
  | { readonly kind: 'municipality_ratio'; readonly numerator: string; readonly denominator: string }
  | { readonly kind: 'spend_per_participant' }
  | { readonly kind: 'all_of'; readonly facts: readonly FactSpec[] };

/** When an education counts: by programme end, within N years of start, or by the November measurement. */
export type EducationDeadline =
  | { readonly kind: 'programme_end' }
  | { readonly kind: 'years_after_start'; readonly years: number }
  | { readonly kind: 'measurement' };

export interface MeasureSpec {
  /** The `maal` code in the results table. */
  readonly kode: string;
  readonly navn: Text;
  readonly kind: MeasureKind;
  readonly enhet: Unit;
  readonly fact: FactSpec;
  /** Restricts the denominator to units where this fact is true (not counted as missing). */
  readonly among?: FactSpec;
  readonly additiveGroup?: string;
  /** Deepest region level published for this measure (fine-grained codes stop at county: table size). */
  readonly deepestRegion?: 'fylke' | 'kommune';
  /**
   * A derived measure: the gap in percentage points between the share measure `of` of the same
   * indicator and a municipality's reference rate (`table`.`column`, per kommune and year of
   * measurement). Computed from the share's cells at municipality level, not from unit rows.
   */
  readonly referenceGap?: ReferenceGap;
}

/** See MeasureSpec.referenceGap. */
export interface ReferenceGap {
  readonly of: string;
  readonly table: 'kommune_aar';
  readonly column: string;
}

export const FACT_KINDS: readonly FactSpec['kind'][] = [
  'element_in_period', 'programme_flag', 'programme_months', 'programme_vs_cap', 'norwegian_hours',
  'startup_step', 'reason', 'end_goal_reached', 'last_end_goal', 'recommended_goal', 'subgroup', 'education',
  'language_goal_reached', 'language_level', 'language_ambition', 'civics_passed', 'outcome_flag',
  'outcome_code', 'income_above_g', 'citizenship_oral', 'months_to_first_element', 'municipality_ratio',
  'spend_per_participant', 'all_of',
];

export const isShare = (m: MeasureSpec): boolean => m.kind === 'share';
export const isMean = (m: MeasureSpec): boolean => m.kind === 'mean';
export const isMedian = (m: MeasureSpec): boolean => m.kind === 'median';
export const isOutcomeYears = (p: PopulationSpec): p is Extract<PopulationSpec, { kind: 'outcome_years' }> =>
  p.kind === 'outcome_years';
