/**
 * The analysis stage (spec indicators.md A1–A4, issue 10): person-level frames from the store,
 * GLMs fitted by Newton/IRLS, adjusted municipal comparisons, new vs old act, the chain diagnosis
 * and the unintended-consequence checks; published as `analyser.csv`, JSON-stat and store tables.
 */
export { runAnalyses, DEFAULT_ANALYSIS_OPTIONS, type AnalysisOptions } from './run.ts';
export { saveAnalyses, writeAnalysisOutputs, analysisCsv, analysisJsonStat, PUB_ANALYSER, PUB_ANALYSER_MODELLER } from './output.ts';
export { guardAnalysisCells, type GuardResult } from './disclosure-guard.ts';
export { funnelLimits, Z95, Z998 } from './shrink.ts';
export { OUTCOMES, type OutcomeSpec } from './outcomes.ts';
export { fitGlm, type Design, type GlmFit, type Family } from './glm.ts';
export type { AnalysisResult, AnalysisModelInfo, Note } from './types.ts';
