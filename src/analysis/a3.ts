/**
 * A3 new act vs old act per core outcome (spec indicators.md A3; report §3.1):
 * - raw difference (all cohorts): new-act share − old-act share, Wald interval;
 * - adjusted difference: a model with a regime term and the controls (cohort year a factor), fitted
 *   on all cohort years, so the regime term rests on every overlap year (where both regimes have
 *   persons); the average effect on the new-act persons of the overlap years in percentage points
 *   (g-computation), interval by the delta method;
 * - a composition-standardised old-act series: old-act cohorts reweighted to the new-act mix of
 *   subgroup × country group × sex × age band, so that charts can show a like-for-like line.
 */
import type { AnalysisRow } from '../contract/analysis.ts';
import { round1 } from '../stats/index.ts';
import { classify } from './a1.ts';
import type { Frame } from './frame.ts';
import { expit } from './glm.ts';
import { fitModel, modelMeta, type FittedModel } from './model.ts';
import type { AnalysisModelInfo, Note } from './types.ts';
import { Z95 } from './shrink.ts';

export const A3_NOTES: readonly Note[] = [
  {
    nb: '2020 var pandemiår: ledigheten steg brått, og kull bosatt rundt 2020 møtte et annet arbeidsmarked (rapporten kap. 3.1).',
    en: '2020 was a pandemic year: unemployment rose sharply, and cohorts settled around 2020 met a different labour market (report §3.1).',
  },
  {
    nb: 'Andre reformer kom samtidig med integreringsloven (bl.a. fylkeskommunens nye ansvar og endringer i bosettingen); forskjellen kan ikke tilskrives loven alene.',
    en: 'Other reforms came at the same time as the act (e.g. new county responsibilities, changes in settlement); the difference cannot be attributed to the act alone.',
  },
  {
    nb: 'Den justerte forskjellen bygger bare på bosettingsår der begge lovene har personer (overlappsårene), og justerer bare for det som er målt. Den er ikke en årsakseffekt.',
    en: 'The adjusted difference uses only the cohort years where both acts have persons (the overlap years) and adjusts only for what is measured. It is not a causal effect.',
  },
];

export interface A3Options {
  /** Minimum persons of each regime in a cohort year for it to count as an overlap year (default 30). */
  readonly minOverlap: number;
}

const base = (f: Frame) => ({
  analyse: 'A3' as const, indikator: f.outcome.indikator, maal: f.outcome.maal, kohort: f.outcome.kohort,
  botid: f.outcome.botid, gruppe: f.outcome.gruppe, regionniva: 'land' as const, region: '0',
});

const span = (ys: readonly number[]) => (ys.length === 0 ? '' : ys[0] === ys[ys.length - 1] ? String(ys[0]) : `${ys[0]}-${ys[ys.length - 1]}`);

/** The adjusted new − old difference (percentage points) and its standard error by the delta method. */
export function regimeEffect(
  f: Frame, m: FittedModel, regimeCol: number, among: (i: number) => boolean = () => true,
): { ame: number; se: number; p1: number; p0: number; n1: number } {
  const d = m.built.design;
  const p = d.p;
  const b = m.fit.coef[regimeCol]!;
  const grad = new Float64Array(p);
  let s1 = 0;
  let s0 = 0;
  let n1 = 0;
  for (let i = 0; i < f.n; i++) {
    if (!f.nyLov[i] || !among(i)) continue;
    n1++;
    const eta1 = m.eta[i]!; // the regime term is on for these rows
    const eta0 = eta1 - b;
    const mu1 = expit(eta1);
    const mu0 = expit(eta0);
    s1 += mu1;
    s0 += mu0;
    const w1 = mu1 * (1 - mu1);
    const w0 = mu0 * (1 - mu0);
    for (let s = 0; s < d.k; s++) {
      const c = d.idx[i * d.k + s]!;
      if (c < 0) continue;
      const v = d.val[i * d.k + s]!;
      // x1 and x0 differ only in the regime column (1 vs 0).
      grad[c] = grad[c]! + (c === regimeCol ? w1 * v : (w1 - w0) * v);
    }
  }
  let v = 0;
  for (let a = 0; a < p; a++) {
    if (grad[a] === 0) continue;
    for (let c = 0; c < p; c++) {
      const cov = m.fit.cov[a * p + c]!;
      if (Number.isFinite(cov)) v += grad[a]! * cov * grad[c]!;
    }
  }
  return { ame: (100 * (s1 - s0)) / n1, se: (100 * Math.sqrt(v)) / n1, p1: (100 * s1) / n1, p0: (100 * s0) / n1, n1 };
}

/** Standardisation cells: subgroup × country group (10 largest + other) × sex × age band. */
function cellsOf(f: Frame): Int32Array {
  const land = f.factors.get('landbakgrunn')!;
  const count = new Map<number, number>();
  for (let i = 0; i < f.n; i++) count.set(land.codes[i]!, (count.get(land.codes[i]!) ?? 0) + 1);
  const top = new Set([...count].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([c]) => c));
  const sex = f.factors.get('kjonn')!;
  const age = f.factors.get('aldersgruppe')!;
  const key = new Map<string, number>();
  const out = new Int32Array(f.n);
  for (let i = 0; i < f.n; i++) {
    const k = `${f.undergruppe.codes[i]}|${top.has(land.codes[i]!) ? land.codes[i] : -1}|${sex.codes[i]}|${age.codes[i]}`;
    let c = key.get(k);
    if (c === undefined) key.set(k, (c = key.size));
    out[i] = c;
  }
  return out;
}

/** `start`: the A1 model of the same frame, whose coefficients start the fit (warm start). */
export function runA3(f: Frame, opts: A3Options, start?: FittedModel): { rows: AnalysisRow[]; meta: AnalysisModelInfo | null } {
  if (f.outcome.family !== 'binomial') throw new Error('A3 is implemented for shares');
  const rows: AnalysisRow[] = [];
  const years = [...new Set(f.periode)].sort((a, b) => a - b);
  // Raw difference over all cohorts.
  let o1 = 0, n1 = 0, o0 = 0, n0 = 0;
  for (let i = 0; i < f.n; i++) {
    if (f.nyLov[i]) { o1 += f.y[i]!; n1++; } else { o0 += f.y[i]!; n0++; }
  }
  const empty = { krympet: null, status: '' as const };
  if (n1 > 0 && n0 > 0) {
    const a = o1 / n1, b = o0 / n0;
    const d = 100 * (a - b);
    const se = 100 * Math.sqrt((a * (1 - a)) / n1 + (b * (1 - b)) / n0);
    rows.push({
      ...base(f), ...empty, sammenligning: 'ny_mot_gammel_lov', periode: span(years), n: n1 + n0,
      observert: round1(100 * a), forventet: round1(100 * b), differanse: round1(d), ki_nedre: round1(d - Z95 * se), ki_ovre: round1(d + Z95 * se),
      vurdering: classify(d - Z95 * se, d + Z95 * se),
    });
  }
  // Adjusted difference: the regime term with the controls (cohort year as a factor), fitted on
  // all cohort years. With the cohort-year factor the regime term is identified only within the
  // overlap years (both acts have persons); the other years sharpen the controls' coefficients.
  const byYear = new Map<number, [number, number]>();
  for (let i = 0; i < f.n; i++) {
    const c = byYear.get(f.periode[i]!) ?? [0, 0];
    c[f.nyLov[i]!]!++;
    byYear.set(f.periode[i]!, c);
  }
  const overlap = years.filter((y) => { const c = byYear.get(y)!; return c[0] > 0 && c[1] > 0; });
  const perAct: [number, number] = [0, 0];
  for (const y of overlap) {
    perAct[0] += byYear.get(y)![0];
    perAct[1] += byYear.get(y)![1];
  }
  let meta: AnalysisModelInfo | null = null;
  if (overlap.length > 0 && perAct[0] >= opts.minOverlap && perAct[1] >= opts.minOverlap) {
    const set = new Set(overlap);
    const m = fitModel(f, { extra: [{ name: 'ny_lov', values: Float64Array.from(f.nyLov) }], ...(start ? { startFrom: start } : {}) });
    const col = m.built.design.p - 1;
    // The average effect on the new-act persons of the overlap years (where both acts are observed).
    const r = regimeEffect(f, m, col, (i) => set.has(f.periode[i]!));
    const nOverlap = perAct[0] + perAct[1];
    const lo = r.ame - Z95 * r.se, hi = r.ame + Z95 * r.se;
    rows.push({
      ...base(f), ...empty, sammenligning: 'ny_mot_gammel_lov_justert', periode: span(overlap), n: nOverlap,
      observert: round1(r.p1), forventet: round1(r.p0), differanse: round1(r.ame), ki_nedre: round1(lo), ki_ovre: round1(hi), vurdering: classify(lo, hi),
    });
    meta = {
      ...modelMeta('A3', f, m, {
        ny_lov_logodds: m.fit.coef[col]!, ny_lov_se: m.fit.se[col]!, justert_differanse_pp: r.ame, justert_se_pp: r.se,
        overlapp_fra: overlap[0]!, overlapp_til: overlap[overlap.length - 1]!, overlapp_aar: overlap.length,
        overlapp_gammel_lov: perAct[0], overlapp_ny_lov: perAct[1], min_per_lov: opts.minOverlap,
      }),
      notes: A3_NOTES,
    };
  } else {
    rows.push({
      ...base(f), sammenligning: 'ny_mot_gammel_lov_justert', periode: span(years), n: null, observert: null, forventet: null,
      differanse: null, ki_nedre: null, ki_ovre: null, krympet: null, vurdering: null, status: '..',
    });
  }
  // Composition-standardised old-act series, reweighted to the new-act mix.
  const cell = cellsOf(f);
  const target = new Map<number, number>();
  for (let i = 0; i < f.n; i++) if (f.nyLov[i]) target.set(cell[i]!, (target.get(cell[i]!) ?? 0) + 1 / n1);
  for (const y of years) {
    const idx: number[] = [];
    const newIdx: number[] = [];
    for (let i = 0; i < f.n; i++) if (f.periode[i] === y) (f.nyLov[i] ? newIdx : idx).push(i);
    if (newIdx.length > 0) {
      const s = newIdx.reduce((a, i) => a + f.y[i]!, 0);
      rows.push({
        ...base(f), ...empty, sammenligning: 'ny_lov', periode: String(y), n: newIdx.length, observert: round1((100 * s) / newIdx.length),
        forventet: null, differanse: null, ki_nedre: null, ki_ovre: null, vurdering: null,
      });
    }
    if (idx.length === 0 || n1 === 0) continue;
    const cellN = new Map<number, number>();
    const cellO = new Map<number, number>();
    for (const i of idx) {
      cellN.set(cell[i]!, (cellN.get(cell[i]!) ?? 0) + 1);
      cellO.set(cell[i]!, (cellO.get(cell[i]!) ?? 0) + f.y[i]!);
    }
    let num = 0, den = 0;
    for (const [c, w] of target) {
      const n = cellN.get(c);
      if (!n) continue; // new-act mass in cells with no old-act persons this year is left out (coverage below)
      num += w * (cellO.get(c)! / n);
      den += w;
    }
    const raw = idx.reduce((a, i) => a + f.y[i]!, 0) / idx.length;
    rows.push({
      ...base(f), ...empty, sammenligning: 'gammel_lov_standardisert', periode: String(y), n: idx.length,
      observert: round1(100 * raw), forventet: den > 0 ? round1((100 * num) / den) : null, differanse: null, ki_nedre: null, ki_ovre: null,
      vurdering: null,
    });
    if (meta) meta = { ...meta, fit: { ...meta.fit, [`dekning_${y}`]: den } };
  }
  return { rows, meta };
}

