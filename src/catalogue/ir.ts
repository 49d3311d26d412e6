/**
 * The engine-facing intermediate form of an indicator: plain, serialisable, readonly objects with
 * a `kind` field (style guide §2–3). The catalogue states WHAT is measured; src/engine compiles
 * these objects to SQL. Nothing here knows SQL or DuckDB.
 */
import type { Kohort } from '../contract/results.ts';
import { SUBGROUPS } from '../contract/dimensions.ts';
import type { MeasureKind, Text, Unit } from './types.ts';

/** Target groups a person can belong to (law-rules §2). */
export const MAALGRUPPER = ['intro', 'norsk_rett_plikt', 'norsk_plikt', 'asylsoker', 'utenfor'] as const;
export type Maalgruppe = (typeof MAALGRUPPER)[number];
/** Intro subgroups at programme start (law-rules §3): the published subgroups of contract/dimensions.ts. */
export const UNDERGRUPPER = SUBGROUPS;

/** Which municipality a unit is counted under (indicators.md, default operationalisations). */
export const REGION_BASES = ['ansvarlig', 'bosetting'] as const;
export type RegionBasis = (typeof REGION_BASES)[number];
export const POPULATION_KINDS = ['intro', 'settled', 'outcome_years', 'municipality_year'] as const;
export const READINESS_KINDS = ['rights_period_ended', 'months_since_anchor'] as const;
/** Deepest region level a measure may be published at. */
export const DEEPEST_REGIONS = ['fylke', 'kommune'] as const;
/** Programme columns a `programme_flag` fact may read (person_fakta, from introprogram). */
export const PROGRAMME_FLAG_COLUMNS = ['heltid', 'forlenget', 'vgo_heltid'] as const;
/** When a Norwegian test counts for P4: by the end of the right-and-duty period, or of training. */
export const LANGUAGE_MEASUREMENT_POINTS = ['rights_end', 'training_end'] as const;
export type LanguageMeasurementPoint = (typeof LANGUAGE_MEASUREMENT_POINTS)[number];
/** Reference tables and rate columns a derived gap may use (kommune_aar, weighted by ref_befolkning above municipality level). */
export const REFERENCE_COLUMNS = ['ref_inntekt_over_2g', 'ref_sysselsatt'] as const;

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
  | { readonly kind: 'programme_flag'; readonly column: (typeof PROGRAMME_FLAG_COLUMNS)[number] }
  | { readonly kind: 'programme_months' }
  /** Programme length in months (days / 30.4375) in [fromMonths, toMonths); toMonths null = open. */
  | { readonly kind: 'programme_months_band'; readonly fromMonths: number; readonly toMonths: number | null }
  | { readonly kind: 'programme_vs_cap'; readonly relation: 'at' | 'above' }
  | { readonly kind: 'norwegian_hours' }
  | { readonly kind: 'startup_step'; readonly step: string; readonly withinMonths: number }
  /** The person's first `step` row was done by one of `actors` (oppstart.utfort_av); NULL when not recorded. */
  | { readonly kind: 'startup_actor'; readonly step: string; readonly actors: readonly string[] }
  | { readonly kind: 'reason'; readonly field: 'hoved' | 'alle'; readonly codes: readonly string[] }
  | { readonly kind: 'end_goal_reached' }
  | { readonly kind: 'last_end_goal'; readonly codes: readonly string[] }
  | { readonly kind: 'recommended_goal'; readonly codes: readonly string[] }
  | { readonly kind: 'subgroup'; readonly subgroup: string }
  /** Education brought from before arrival (personer.utdanning_medbrakt) is one of `levels`. */
  | { readonly kind: 'education_background'; readonly levels: readonly string[] }
  /** The unit is measured `years` years after settlement (link 3, botid). */
  | { readonly kind: 'years_since_settlement'; readonly years: number }
  | { readonly kind: 'education'; readonly levels: readonly string[]; readonly source: 'fullfort_norge' | 'godkjent_utland'; readonly by: EducationDeadline }
  | { readonly kind: 'language_goal_reached'; readonly by?: LanguageMeasurementPoint }
  | { readonly kind: 'language_level'; readonly oral: string | null; readonly writing: string | null; readonly grade: number; readonly by?: LanguageMeasurementPoint }
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
  readonly deepestRegion?: (typeof DEEPEST_REGIONS)[number];
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
  readonly column: (typeof REFERENCE_COLUMNS)[number];
}

