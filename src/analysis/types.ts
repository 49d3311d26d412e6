/** Shapes shared inside the analysis stage. */
import type { AnalysisModelMeta, AnalysisRow } from '../contract/analysis.ts';

/** A text in bokmål and English. */
export interface Note {
  readonly nb: string;
  readonly en: string;
}

/** Model metadata with notes (caveats) shown beside the results. */
export interface AnalysisModelInfo extends AnalysisModelMeta {
  readonly notes?: readonly Note[];
}

export interface AnalysisResult {
  readonly rows: AnalysisRow[];
  readonly models: AnalysisModelInfo[];
}
