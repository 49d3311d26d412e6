/**
 * A4 unintended consequences (spec indicators.md A4; report §5.4):
 * (a) the `har_vgo` group under the new act vs the old, adjusted (A3's method on that group);
 * (b) municipalities with good adjusted results before 2021: does their observed − expected
 *     drop after, compared with the other municipalities (difference in differences);
 * (c) end-goal ambition per municipality: the share with an education end goal against what
 *     the participants' education, age and sex predict (low = possibly strategic low goals);
 * (d) the user survey's softer outcomes (trust, belonging, …) over time, nationally.
 */
import type { AnalysisRow } from '../contract/analysis.ts';
import { round1 } from '../stats/index.ts';
import type { Store } from '../store/index.ts';
import { classify, runA1, unitDifference, windows, type A1Result } from './a1.ts';
import { runA3 } from './a3.ts';
import { subsetFrame, type Frame } from './frame.ts';
import { fitModel } from './model.ts';
import { Z95, betweenVariance, shrink } from './shrink.ts';
import type { AnalysisModelInfo, Note } from './types.ts';

/** (a) A3 on the har_vgo subgroup. */
export function runA4a(frames: readonly Frame[], minOverlap: number): { rows: AnalysisRow[]; models: AnalysisModelInfo[] } {
  const rows: AnalysisRow[] = [];
  const models: AnalysisModelInfo[] = [];
  for (const f of frames) {
    const code = f.undergruppe.levels.indexOf('har_vgo');
    if (code < 0) continue;
    const sub = subsetFrame(f, (i) => f.undergruppe.codes[i] === code);
    const g = { ...sub, outcome: { ...sub.outcome, gruppe: 'har_vgo' as const } };
    const r = runA3(g, { minOverlap });
    rows.push(...r.rows.filter((x) => x.sammenligning.startsWith('ny_mot')).map((x) => ({ ...x, analyse: 'A4a' as const })));
    if (r.meta) models.push({ ...r.meta, analyse: 'A4a' });
  }
  return { rows, models };
}

export const A4B_NOTES: readonly Note[] = [{
  nb: 'Kommuner valgt fordi de var gode før, vil i snitt falle noe tilbake av ren tilfeldighet (regresjon mot gjennomsnittet); derfor velges de på det krympede anslaget og sammenlignes med de andre kommunene.',
  en: 'Municipalities chosen because they were good before will on average fall back somewhat by chance (regression to the mean); they are therefore chosen on the shrunken estimate and compared with the other municipalities.',
}];

/** (b) Before (last old-act pool ending ≤ 2020) vs after (first pool starting ≥ 2021) the act. */
export function runA4b(input: { frame: Frame; result: A1Result }, minN: number, windowLength: number): { rows: AnalysisRow[]; meta: AnalysisModelInfo | null } {
  const { frame: f, result } = input;
  const years = [...new Set(f.periode)].sort((a, b) => a - b);
  const wins = windows(years, windowLength);
  const pre = wins.filter((w) => w[1] <= 2020).at(-1);
  const post = wins.find((w) => w[0] >= 2021);
  if (!pre || !post) return { rows: [], meta: null };
  const of = (w: [number, number]) => new Map(result.units.filter((u) => u.from === w[0] && u.to === w[1] && u.n >= minN).map((u) => [u.region, u]));
  const a = of(pre);
  const b = of(post);
  const preDiffs = [...a.values()].map((u) => unitDifference(f, u));
  const { tau2 } = betweenVariance(preDiffs);
  const o = f.outcome;
  const rows: AnalysisRow[] = [];
  const change: { good: boolean; d: number; se2: number }[] = [];
  const base = { analyse: 'A4b' as const, indikator: o.indikator, maal: o.maal, kohort: o.kohort, botid: o.botid, gruppe: o.gruppe, krympet: null, status: '' as const };
  for (const [region, u] of a) {
    const v = b.get(region);
    if (!v) continue;
    const d0 = unitDifference(f, u);
    const d1 = unitDifference(f, v);
    const good = shrink(d0, tau2) > 0 && d0.d - Z95 * d0.se > 0;
    const d = d1.d - d0.d;
    const se = Math.sqrt(d0.se ** 2 + d1.se ** 2);
    change.push({ good, d, se2: se ** 2 });
    if (!good) continue;
    rows.push({
      ...base, periode: `${pre[0]}-${pre[1]}/${post[0]}-${post[1]}`, regionniva: 'kommune', region, sammenligning: 'god_for_2021_endring',
      n: u.n + v.n, observert: round1(d1.d), forventet: round1(d0.d), differanse: round1(d), ki_nedre: round1(d - Z95 * se), ki_ovre: round1(d + Z95 * se),
      vurdering: classify(d - Z95 * se, d + Z95 * se),
    });
  }
  const mean = (xs: typeof change) => ({ m: xs.reduce((s, x) => s + x.d, 0) / xs.length, v: xs.reduce((s, x) => s + x.se2, 0) / xs.length ** 2 });
  const good = change.filter((x) => x.good);
  const rest = change.filter((x) => !x.good);
  if (good.length > 0 && rest.length > 0) {
    const g = mean(good);
    const r = mean(rest);
    const d = g.m - r.m;
    const se = Math.sqrt(g.v + r.v);
    rows.push({
      ...base, periode: `${pre[0]}-${pre[1]}/${post[0]}-${post[1]}`, regionniva: 'land', region: '0', sammenligning: 'gode_for_2021_mot_andre',
      n: good.length + rest.length, observert: round1(g.m), forventet: round1(r.m), differanse: round1(d), ki_nedre: round1(d - Z95 * se), ki_ovre: round1(d + Z95 * se),
      vurdering: classify(d - Z95 * se, d + Z95 * se),
    });
  }
  const meta: AnalysisModelInfo = {
    ...result.meta, analyse: 'A4b',
    fit: { ...result.meta.fit, gode_kommuner: good.length, andre_kommuner: rest.length, tau2_for: tau2 },
    notes: A4B_NOTES,
  };
  return { rows, meta };
}

/** (c) Education end goals against what education, age and sex predict. */
export function runA4c(f: Frame, minN: number, windowLength: number): { rows: AnalysisRow[]; meta: AnalysisModelInfo } {
  const model = fitModel(f, { factors: ['utdanning_medbrakt', 'aldersgruppe', 'kjonn', 'kohortaar'], numerics: [] });
  const r = runA1(f, { window: windowLength, minN }, model, 'A4c', 'sluttmaal_mot_forventet');
  return { rows: r.rows, meta: r.meta };
}

/** (d) The survey's questions over time, nationally (answers-weighted share positive), change from the first year. */
export async function runA4d(store: Store, tables: ReadonlySet<string>): Promise<AnalysisRow[]> {
  if (!tables.has('brukerundersokelse')) return [];
  const rs = await store.all<{ sporsmal: string; aar: number; n: number; andel: number }>(
    `SELECT sporsmal, CAST(aar AS INTEGER) AS aar, CAST(sum(antall_svar) AS DOUBLE) AS n,
       sum(andel_positiv * antall_svar) / NULLIF(sum(antall_svar), 0) AS andel
     FROM brukerundersokelse WHERE antall_svar > 0 GROUP BY sporsmal, aar ORDER BY sporsmal, aar`,
  );
  const first = new Map<string, { n: number; andel: number; aar: number }>();
  const rows: AnalysisRow[] = [];
  for (const r of rs) {
    if (!first.has(r.sporsmal)) first.set(r.sporsmal, r);
    const f0 = first.get(r.sporsmal)!;
    const p1 = r.andel / 100;
    const p0 = f0.andel / 100;
    const d = r.andel - f0.andel;
    const se = 100 * Math.sqrt((p1 * (1 - p1)) / r.n + (r.aar === f0.aar ? 0 : (p0 * (1 - p0)) / f0.n));
    rows.push({
      analyse: 'A4d', indikator: 'R10', maal: r.sporsmal, kohort: 'aktive', botid: null, gruppe: 'intro', periode: String(r.aar),
      regionniva: 'land', region: '0', sammenligning: `endring_fra_${f0.aar}`, n: r.n, observert: round1(r.andel), forventet: round1(f0.andel),
      differanse: round1(d), ki_nedre: round1(d - Z95 * se), ki_ovre: round1(d + Z95 * se), krympet: null,
      vurdering: r.aar === f0.aar ? null : classify(d - Z95 * se, d + Z95 * se), status: '',
    });
  }
  return rows;
}
