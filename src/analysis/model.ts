/** The shared model step: a frame's controls → design → fitted GLM → per-person expected values. */
import type { AnalysisModelMeta, AnalyseKode } from '../contract/analysis.ts';
import { buildDesign, frameTerms, type BuiltDesign } from './design.ts';
import type { Frame } from './frame.ts';
import { fitGlm, linearPredictor, expit, type GlmFit } from './glm.ts';

/** Individual controls (spec §"Context and control variables"), plus the cohort year. */
export const CONTROL_FACTORS = [
  'kjonn', 'aldersgruppe', 'landbakgrunn', 'utdanning_medbrakt', 'barn_under_18', 'innvandringskategori', 'sentralitet', 'kohortaar',
] as const;
/** Municipal unemployment (all and immigrants) in the outcome year. */
export const CONTROL_NUMERICS = ['ledighet', 'ledighet_innvandrere'] as const;

export interface FittedModel {
  readonly built: BuiltDesign;
  readonly fit: GlmFit;
  /** Linear predictor per row. */
  readonly eta: Float64Array;
  /** Expected value per row (probability for shares). */
  readonly mu: Float64Array;
}

export interface ModelOptions {
  readonly factors?: readonly string[];
  readonly numerics?: readonly string[];
  readonly extra?: readonly { name: string; values: Float64Array }[];
  /**
   * Warm start: a fitted model of the same outcome whose coefficients start the columns of the
   * same name (others at 0). Newton then needs fewer iterations; the fit is the same within the
   * convergence tolerance (largest step 1e-11).
   */
  readonly startFrom?: FittedModel;
}

/** The numeric controls of a frame: unemployment, plus exact years since settlement for outcomes at a botid. */
export function controlNumerics(f: Frame): readonly string[] {
  return f.outcome.botid !== null ? [...CONTROL_NUMERICS, 'botid_eksakt'] : CONTROL_NUMERICS;
}

export function fitModel(f: Frame, opts: ModelOptions = {}): FittedModel {
  const terms = frameTerms(f, opts.factors ?? CONTROL_FACTORS, opts.numerics ?? controlNumerics(f));
  const built = buildDesign(f.n, terms, opts.extra ?? []);
  let start: Float64Array | undefined;
  if (opts.startFrom) {
    const by = new Map(opts.startFrom.fit.names.map((nm, j) => [nm, opts.startFrom!.fit.coef[j]!]));
    start = Float64Array.from(built.design.names, (nm) => by.get(nm) ?? 0);
  }
  const fit = fitGlm(built.design, f.y, { family: f.outcome.family, ...(start ? { start } : {}) });
  const eta = linearPredictor(built.design, fit.coef);
  const mu = f.outcome.family === 'binomial' ? eta.map(expit) : Float64Array.from(eta);
  return { built, fit, eta, mu };
}

export const SOFTWARE = `integreringsmonitor src/analysis (GLM ved Newton/IRLS, egen kode; kontrollert mot statsmodels 0.13 GLM), Node ${process.versions.node}`;

/** Model metadata for the JSON-stat extension and the method page. */
export function modelMeta(analyse: AnalyseKode, f: Frame, m: FittedModel, extraFit: Record<string, number> = {}): AnalysisModelMeta {
  const outcome = `${f.outcome.indikator}_${f.outcome.maal}${f.outcome.botid !== null ? `_botid${f.outcome.botid}` : ''}`;
  return {
    analyse,
    indikator: f.outcome.indikator,
    maal: f.outcome.maal,
    formula: `${m.built.formula(outcome)}  [${m.fit.family === 'binomial' ? 'binomial, logit' : 'gaussian, identity'}]`,
    covariates: m.built.covariates,
    n: f.n,
    missing: { ...m.built.missing, utfall_mangler: f.outcomeMissing },
    fit: {
      deviance: m.fit.deviance,
      null_deviance: m.fit.nullDeviance,
      aic: m.fit.aic,
      loglik: m.fit.logLik,
      mcfadden_r2: 1 - m.fit.deviance / m.fit.nullDeviance,
      parametre: m.fit.names.length - m.fit.aliased.length,
      iterasjoner: m.fit.iterations,
      konvergert: m.fit.converged ? 1 : 0,
      ...extraFit,
    },
    software: SOFTWARE,
    fittedAt: new Date().toISOString(),
  };
}
