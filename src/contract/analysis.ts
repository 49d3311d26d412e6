/**
 * The analyses table (output contract, section "Analyses (adjusted comparisons, A1–A4)"):
 * `analyser.csv`, one JSON-stat per analysis, stored as `pub_analyser`. One row per compared unit.
 * Built by `src/analysis`, published by `src/publish`, served by `src/server`.
 */
import type { Gruppe, Kohort, Regionniva, Status } from './results.ts';

export const ANALYSES_VERSION = '1.0.0';

/** `A1` … `A4`, with a sub-code where an analysis has parts (`A4a` … `A4d`). */
export type AnalyseKode = 'A1' | 'A2' | 'A3' | 'A4a' | 'A4b' | 'A4c' | 'A4d';
export type Vurdering = 'lavere' | 'som_forventet' | 'hoyere';

export interface AnalysisRow {
  readonly analyse: AnalyseKode;
  readonly indikator: string;
  readonly maal: string;
  readonly kohort: Kohort;
  /** Years since settlement where the outcome has one; null elsewhere. */
  readonly botid: number | null;
  readonly gruppe: Gruppe;
  /** The pooled window, written `2021-2023` (or one year). */
  readonly periode: string;
  readonly regionniva: Regionniva;
  readonly region: string;
  /** What is compared, e.g. `kommune_mot_forventet`, `ny_mot_gammel_lov`, `ny_mot_gammel_lov_justert`. */
  readonly sammenligning: string;
  /** Persons in the comparison. */
  readonly n: number | null;
  /** Observed value: a share in per cent (0–100) or a mean in the measure's unit. */
  readonly observert: number | null;
  /** Expected value from the model (A3: the old act's value reweighted or modelled). */
  readonly forventet: number | null;
  /** observert − forventet, percentage points for shares. */
  readonly differanse: number | null;
  readonly ki_nedre: number | null;
  readonly ki_ovre: number | null;
  /** Empirical-Bayes shrunken difference, where computed. */
  readonly krympet: number | null;
  /** Never a rank: lower than, as, or higher than expected (95 %). */
  readonly vurdering: Vurdering | null;
  readonly status: Status;
}

/** Column order of analyser.csv. */
export const ANALYSIS_COLUMNS: readonly (keyof AnalysisRow)[] = [
  'analyse', 'indikator', 'maal', 'kohort', 'botid', 'gruppe', 'periode', 'regionniva', 'region',
  'sammenligning', 'n', 'observert', 'forventet', 'differanse', 'ki_nedre', 'ki_ovre', 'krympet',
  'vurdering', 'status',
];

/** Model metadata for one fitted analysis (JSON-stat `extension`, method page). */
export interface AnalysisModelMeta {
  readonly analyse: AnalyseKode;
  readonly indikator: string;
  readonly maal: string;
  readonly formula: string;
  readonly covariates: readonly string[];
  readonly n: number;
  /** Persons left out per covariate for missing values (never dropped silently). */
  readonly missing: Readonly<Record<string, number>>;
  readonly fit: Readonly<Record<string, number>>;
  readonly software: string;
  readonly fittedAt: string;
}
