/**
 * Types of the law-rules module (docs/law-rules.md). Pure: no I/O, no runtime dependencies.
 */

/** Which act applies (law-rules §1). */
export type Regime = 'introduksjonsloven' | 'integreringsloven';
/** Target group derived from permit basis and age (law-rules §2, report table 2.2). */
export type TargetGroup = 'intro' | 'norsk_rett_plikt' | 'norsk_plikt' | 'asylsoker' | 'utenfor';
/** The three intro subgroups (law-rules §3, report section 6). */
export type IntroSubgroup = 'under_25' | 'har_vgo' | 'ovrige';
/** CEFR levels in ascending order (law-rules §7). */
export type Cefr = 'under_A1' | 'A1' | 'A2' | 'B1' | 'B2' | 'C1';
/** Start-up steps with a deadline (law-rules §4). */
export type DeadlineStep =
  | 'programstart'
  | 'kompetansekartlegging'
  | 'karriereveiledning'
  | 'integreringsplan'
  | 'norskplan'
  | 'samfunnskunnskap';

/** The date a table's validity is measured against. */
export type DateBasis =
  | 'forste_tillatelse' // the person's first residence permit (regime, chapter 6A)
  | 'vedtak' // the decision date (age limits)
  | 'bosetting' // settlement (deadlines)
  | 'programstart' // programme start (programme length, language goal)
  | 'soknad' // application date (citizenship)
  | 'kalender'; // a calendar date (G, national targets)

/** Where a row comes from. */
export interface RuleSource {
  /** The legal source: act/regulation and section, or a budget/proposition. */
  readonly law: string;
  /** Section/table of the NIBR 2020 report, or null for rules added after the report. */
  readonly report: string | null;
  /** True for rules that were not in the 2020 report (later amendments, added by us). */
  readonly postReport: boolean;
  readonly url?: string;
  /** Caveats: what is an interpretation or not verified against the law text. */
  readonly note?: string;
}

/**
 * One row of a dated table: a value for a key, valid from validFrom to validTo, both inclusive
 * (ISO dates; null = open-ended). Rows with the same key must not overlap (checkRuleTables).
 */
export interface DatedRow<V = unknown> {
  readonly key: string;
  readonly validFrom: string | null;
  readonly validTo: string | null;
  readonly value: V;
  readonly source: RuleSource;
}

/** A named table of dated rows: an amendment of the law is a new row, not a code change. */
export interface DatedRuleTable<V = unknown> {
  readonly id: string;
  readonly title: { readonly nb: string; readonly en: string };
  /** Which date of the person selects the row. */
  readonly dateBasis: DateBasis;
  /** Law-rules section this table encodes (docs/law-rules.md). */
  readonly section: string;
  readonly rows: readonly DatedRow<V>[];
}

/** Age limits of a scheme, in completed years at the decision date, both inclusive. */
export interface AgeLimits {
  readonly minAge: number;
  readonly maxAge: number | null;
}

/** What table 2.2 says a permit basis gives. */
export type Entitlement = 'rett_og_plikt' | 'rett' | 'plikt' | 'nei';
export interface PermitRights {
  /** Introduction programme (chapter 4 / chapter 6A). */
  readonly intro: Entitlement;
  /** Norwegian and civics (chapter 6). */
  readonly norsk: Entitlement;
  /** Asylum seeker in reception: early qualification (chapter 3). */
  readonly asylsoker: boolean;
  /** Competence mapping §10 / career guidance §11 apply. */
  readonly kartlegging: boolean;
}

/** Programme length rule (law-rules §5), months. */
export interface ProgrammeLength {
  readonly minMonths: number;
  readonly normalMonths: number;
  readonly extensionMonths: number;
}

export type LanguageGoal =
  | { readonly kind: 'cefr'; readonly lytte: Cefr; readonly lese: Cefr; readonly skrive: Cefr; readonly muntlig: Cefr }
  | { readonly kind: 'vgo_grade'; readonly grade: number };

/** A date the rules do not cover (e.g. G before the table starts). */
export class RuleNotInForceError extends RangeError {
  override name = 'RuleNotInForceError';
}
