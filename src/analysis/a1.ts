/**
 * A1 adjusted municipal comparison (spec indicators.md A1; report §3.2, §5.1.1.5, §5.5).
 * Expected value per person from the controls-only model (no municipality term); per
 * municipality and pooled window of cohort years: n, observed, expected, observed − expected with
 * a 95 % interval, an empirical-Bayes shrunken difference and lower / as / higher than expected.
 * Never a rank. Pools below the minimum n are published as ':' with no values.
 */
import type { AnalysisRow, AnalysisModelMeta, Vurdering } from '../contract/analysis.ts';
import { DEFAULT_DISCLOSURE } from '../disclosure/config.ts';
import { round1 } from '../stats/index.ts';
import type { Frame } from './frame.ts';
import { expit } from './glm.ts';
import { fitNestedIntercepts } from './glmm.ts';
import { fitModel, modelMeta, type FittedModel } from './model.ts';
import { betweenVariance, overdispersion, shrink, Z95, type UnitDifference } from './shrink.ts';

export interface A1Options {
  /** Cohort years per pool (default 3). */
  readonly window: number;
  /** Minimum persons in a pool for a municipality to be published (default 20). */
  readonly minN: number;
}

/** One municipality × window before publication (also used by the checks against planted effects). */
export interface A1Unit {
  readonly region: string;
  readonly from: number;
  readonly to: number;
  readonly n: number;
  readonly observed: number;
  readonly expected: number;
  /** Σ p(1 − p) (shares) or n·σ² (means): the variance of the observed total under the model. */
  readonly variance: number;
  /** Row indices of the persons (into the frame). */
  readonly rows: readonly number[];
}

export interface A1Result {
  readonly rows: AnalysisRow[];
  readonly meta: AnalysisModelMeta;
  readonly model: FittedModel;
  readonly units: readonly A1Unit[];
}

/** Pools of `w` consecutive cohort years ending in each year that has w years behind it. */
export function windows(years: readonly number[], w: number): [number, number][] {
  if (years.length === 0) return [];
  const min = Math.min(...years);
  const max = Math.max(...years);
  const out: [number, number][] = [];
  for (let to = min + w - 1; to <= max; to++) out.push([to - w + 1, to]);
  if (out.length === 0) out.push([min, max]);
  return out;
}

/** Groups the frame's rows by a unit code per window and sums observed / expected / variance. */
export function poolUnits(f: Frame, mu: Float64Array, unitCodes: Int32Array, unitLevels: readonly string[], win: [number, number], scale = 1): A1Unit[] {
  const by = new Map<number, number[]>();
  for (let i = 0; i < f.n; i++) {
    const y = f.periode[i]!;
    if (y < win[0] || y > win[1]) continue;
    const c = unitCodes[i]!;
    let list = by.get(c);
    if (!list) by.set(c, (list = []));
    list.push(i);
  }
  const units: A1Unit[] = [];
  for (const [c, rows] of by) {
    let o = 0;
    let e = 0;
    let v = 0;
    for (const i of rows) {
      o += f.y[i]!;
      e += mu[i]!;
      v += f.outcome.family === 'binomial' ? mu[i]! * (1 - mu[i]!) : scale;
    }
    units.push({ region: unitLevels[c]!, from: win[0], to: win[1], n: rows.length, observed: o, expected: e, variance: v, rows });
  }
  return units.sort((a, b) => a.region.localeCompare(b.region));
}

/**
 * The primary rule of the indicator tables (src/disclosure/config.ts, NIBR 2020 § 4.3) for a
 * published share: n and the observed share give the count O exactly, so O and n − O must not be
 * 1..minCount − 1 (zero is allowed). A unit that breaks it is withheld whole (':'), since observed
 * = expected + difference would give the count back.
 */
export function primarySafe(f: Frame, u: Pick<A1Unit, 'n' | 'observed'>, minCount = DEFAULT_DISCLOSURE.minCount): boolean {
  if (f.outcome.family !== 'binomial') return true;
  const o = Math.round(u.observed);
  const small = (x: number) => x >= 1 && x < minCount;
  return !small(o) && !small(u.n - o);
}

const pp = (f: Frame) => (f.outcome.family === 'binomial' ? 100 : 1);

export function classify(lo: number, hi: number): Vurdering {
  return lo > 0 ? 'hoyere' : hi < 0 ? 'lavere' : 'som_forventet';
}

/** The difference of one unit on the published scale (pp for shares) and its standard error. */
export function unitDifference(f: Frame, u: A1Unit): UnitDifference {
  const k = pp(f);
  return { d: (k * (u.observed - u.expected)) / u.n, se: (k * Math.sqrt(u.variance)) / u.n };
}

/** Rows of comparison units (regionniva given) for one window, with shrinkage and classification. */
export function comparisonRows(
  f: Frame, units: readonly A1Unit[], base: Pick<AnalysisRow, 'analyse' | 'sammenligning' | 'regionniva'>, minN: number,
  shrunken?: ReadonlyMap<string, number>,
): { rows: AnalysisRow[]; tau2: number; phi: number } {
  const k = pp(f);
  const published = units.filter((u) => u.n >= minN && primarySafe(f, u));
  const diffs = published.map((u) => unitDifference(f, u));
  const { tau2 } = betweenVariance(diffs);
  const phi = overdispersion(diffs);
  const o = f.outcome;
  const rows = units.map((u): AnalysisRow => {
    const common = {
      ...base, indikator: o.indikator, maal: o.maal, kohort: o.kohort, botid: o.botid, gruppe: o.gruppe,
      periode: u.from === u.to ? String(u.to) : `${u.from}-${u.to}`, region: u.region,
    };
    if (u.n < minN || !primarySafe(f, u)) {
      return { ...common, n: null, observert: null, forventet: null, differanse: null, ki_nedre: null, ki_ovre: null, krympet: null, vurdering: null, status: ':' };
    }
    const ud = unitDifference(f, u);
    const lo = ud.d - Z95 * ud.se;
    const hi = ud.d + Z95 * ud.se;
    return {
      ...common,
      n: u.n,
      observert: round1((k * u.observed) / u.n),
      forventet: round1((k * u.expected) / u.n),
      differanse: round1(ud.d),
      ki_nedre: round1(lo),
      ki_ovre: round1(hi),
      krympet: round1(shrunken?.get(u.region) ?? shrink(ud, tau2)),
      vurdering: classify(lo, hi),
      status: '',
    };
  });
  return { rows, tau2, phi };
}

/** A1 for one outcome frame. */
export function runA1(f: Frame, opts: A1Options, model: FittedModel = fitModel(f), analyse: 'A1' | 'A4c' = 'A1', sammenligning = 'kommune_mot_forventet'): A1Result & { effects?: MunicipalityEffects } {
  const years = [...new Set(f.periode)].sort((a, b) => a - b);
  const rows: AnalysisRow[] = [];
  const units: A1Unit[] = [];
  const fitStats: Record<string, number> = { min_n: opts.minN, vindu: opts.window };
  const known = f.kommune.levels.map((c) => c !== '9999' && c !== 'mangler');
  const effects = f.outcome.family === 'binomial' ? municipalityEffects(f, model.eta, known) : undefined;
  if (effects) {
    fitStats['sigma_kommune'] = effects.sigmaKommune;
    fitStats['sigma_kommune_aar'] = effects.sigmaKommuneAar;
  }
  for (const win of windows(years, opts.window)) {
    const us = poolUnits(f, model.mu, f.kommune.codes, f.kommune.levels, win, model.fit.scale)
      .filter((u) => known[f.kommune.levels.indexOf(u.region)]);
    const shrunken = effects ? new Map(us.map((u) => [u.region, effects.pool(u).pp])) : undefined;
    const out = comparisonRows(f, us, { analyse, sammenligning, regionniva: 'kommune' }, opts.minN, shrunken);
    rows.push(...out.rows);
    units.push(...us);
    fitStats[`tau2_${win[0]}_${win[1]}`] = out.tau2;
    fitStats[`phi_${win[0]}_${win[1]}`] = out.phi;
  }
  return { rows, meta: modelMeta(analyse, f, model, fitStats), model, units, ...(effects ? { effects } : {}) };
}

export interface MunicipalityEffects {
  /** Standard deviation of the persistent municipality intercepts (log-odds). */
  readonly sigmaKommune: number;
  /** Standard deviation of the municipality × cohort-year deviations (log-odds). */
  readonly sigmaKommuneAar: number;
  /** The pool's effect of one unit: log-odds (person-weighted over its years) and pp for its persons. */
  pool(u: A1Unit): { readonly b: number; readonly pp: number };
}

/**
 * The empirical-Bayes municipality effects: a random-intercept logistic model with the
 * controls-only GLM's linear predictor η as offset and two nested intercepts,
 *   y ~ 0 + offset(η) + (1 | kommune) + (1 | kommune:kohortaar)
 * (Laplace as lme4's glmer with nAGQ = 0; src/analysis/glmm.ts). A municipality's effect in cohort
 * year t is a_k + c_kt: the persistent part a_k borrows strength from all its cohorts, the
 * deviation c_kt is the year's own, and how much of the variation is persistent (σ₁ vs σ₂) is
 * estimated from the data. A pool's effect is a_k plus the person-weighted mean of its years' c_kt;
 * on the published scale, the mean change in its own persons' probabilities,
 * (100/n) Σ [expit(η_i + a_k + c_kt(i)) − expit(η_i)]. Fitted once per outcome (all cohorts).
 */
export function municipalityEffects(f: Frame, eta: Float64Array, known: readonly boolean[]): MunicipalityEffects {
  // Groups and sub-groups numbered in row order; sub-group key = municipality code × year span + year.
  let minYear = Infinity;
  let maxYear = -Infinity;
  for (let i = 0; i < f.n; i++) {
    minYear = Math.min(minYear, f.periode[i]!);
    maxYear = Math.max(maxYear, f.periode[i]!);
  }
  const span = Number.isFinite(minYear) ? maxYear - minYear + 1 : 1;
  const groupOf = new Int32Array(f.kommune.levels.length).fill(-1);
  const subOf = new Map<number, number>();
  const parent: number[] = [];
  const idx = new Int32Array(f.n);
  const sub = new Int32Array(f.n);
  let m = 0;
  let groups = 0;
  for (let i = 0; i < f.n; i++) {
    const k = f.kommune.codes[i]!;
    if (!known[k]) continue;
    let g = groupOf[k]!;
    if (g < 0) groupOf[k] = g = groups++;
    const key = k * span + (f.periode[i]! - minYear);
    let sc = subOf.get(key);
    if (sc === undefined) {
      subOf.set(key, (sc = parent.length));
      parent.push(g);
    }
    idx[m] = i;
    sub[m++] = sc;
  }
  const y = new Float64Array(m);
  const off = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    y[j] = f.y[idx[j]!]!;
    off[j] = eta[idx[j]!]!;
  }
  const fit = fitNestedIntercepts(y, off, sub.subarray(0, m), Int32Array.from(parent), groups);
  // Each row's effect a_k + c_kt (0 outside the fitted municipalities).
  const effect = new Float64Array(f.n);
  for (let j = 0; j < m; j++) {
    const sc = sub[j]!;
    effect[idx[j]!] = fit.groupEffect[parent[sc]!]! + fit.subEffect[sc]!;
  }
  return {
    sigmaKommune: fit.sigmaGroup,
    sigmaKommuneAar: fit.sigmaSub,
    pool(u: A1Unit) {
      let b = 0;
      let s = 0;
      for (const i of u.rows) {
        const e = effect[i]!;
        b += e;
        s += expit(eta[i]! + e) - expit(eta[i]!);
      }
      const n = Math.max(1, u.rows.length);
      return { b: b / n, pp: (100 * s) / n };
    },
  };
}
