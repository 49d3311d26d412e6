/**
 * Synthetic result tables for disclosure tests: random person counts at the finest level
 * (kommune × group × sex × regime), aggregated up every hierarchy exactly as the engine does, so
 * all the linear relations an attacker may use hold in the data.
 */
import type { IndicatorMeta, MeasureMeta } from '../../src/catalogue/types.ts';
import type { Gruppe, KjonnDim, Lovregime, ResultRow } from '../../src/contract/results.ts';

export interface SyntheticOptions {
  readonly seed: number;
  /** Municipalities per county; one county has a single municipality. */
  readonly fylker: number;
  readonly kommunerPerFylke: number;
  readonly perioder: number;
  /** Largest typical cell (persons per leaf), small gives many unsafe cells. */
  readonly scale: number;
  /** Give each measure's cells an own botid column (cohort followed over years). */
  readonly botid?: number;
}

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}

const LEAF_GROUPS = ['under_25', 'har_vgo', 'ovrige', 'norsk_rett_plikt', 'norsk_plikt', 'utenfor'] as const;
type LeafGroup = (typeof LEAF_GROUPS)[number];
const REGIMES: Lovregime[] = ['introduksjonsloven', 'integreringsloven'];
const REASONS = ['hoved:arbeid', 'hoved:utdanning', 'hoved:annet'] as const;
export const SHARE_MEASURES = ['a', 'b'] as const;
export const ALL_MEASURES = [...SHARE_MEASURES, ...REASONS];

function groupsOf(g: LeafGroup): Gruppe[] {
  if (g === 'utenfor') return ['alle']; // persons in no published group: `alle` is only an upper total
  if (g === 'norsk_rett_plikt' || g === 'norsk_plikt') return [g, 'alle'];
  return [g, 'intro', 'alle'];
}

function regionsOf(kommune: string): [string, 'land' | 'fylke' | 'kommune'][] {
  return [['0', 'land'], [kommune.slice(0, 2), 'fylke'], [kommune, 'kommune']];
}

interface Acc {
  n: number;
  t: number[];
}

/** The test catalogue: two shares and a main-reason distribution (P1 style). */
export function syntheticCatalogue(id = 'T1'): IndicatorMeta[] {
  const text = { nb: id, en: id };
  const m = (kode: string, extra: Partial<MeasureMeta> = {}): MeasureMeta => ({ kode, navn: text, kind: 'share', enhet: 'prosent', ...extra });
  return [{
    id, ledd: 'programresultat', navn: text, beskrivelse: text, populasjon: text, teller: text, kilder: [],
    kjerne: false, kapittel: '4.3', kohort: 'avslutningskohort', kohorter: ['avslutningskohort'],
    breakdowns: ['region', 'gruppe', 'kjonn', 'lovregime'],
    maal: [m('a'), m('b'), m('hoved:*')],
  }];
}

function binomial(n: number, p: number, r: () => number): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (r() < p) k++;
  return k;
}

function leafCounts(n: number, r: () => number): number[] {
  const reasons = [0, 0, 0];
  for (let i = 0; i < n; i++) {
    const u = r();
    if (u < 0.5) reasons[0]!++;
    else if (u < 0.8) reasons[1]!++;
    else if (u < 0.95) reasons[2]!++; // the rest have no main reason: Σ reasons ≤ n
  }
  return [binomial(n, 0.4, r), binomial(n, 0.9, r), ...reasons];
}

export function syntheticRows(o: SyntheticOptions, indikator = 'T1'): ResultRow[] {
  const r = rng(o.seed);
  const acc = new Map<string, Acc>();
  const kommuner: string[] = [];
  for (let f = 1; f <= o.fylker; f++) {
    const count = f === o.fylker ? 1 : o.kommunerPerFylke; // last county: one municipality
    for (let k = 1; k <= count; k++) kommuner.push(`${String(f + 10)}${String(k).padStart(2, '0')}`);
  }
  const botids = o.botid ? Array.from({ length: o.botid }, (_, i) => i + 1) : [null];
  for (let periode = 2020; periode < 2020 + o.perioder; periode++) {
    for (const kommune of kommuner) {
      const size = 1 + r() * o.scale;
      for (const g of LEAF_GROUPS) {
        for (const s of ['1', '2'] as const) {
          for (const reg of REGIMES) {
            if (r() < 0.25) continue;
            const n = Math.floor(r() * size);
            if (n === 0) continue;
            const counts = leafCounts(n, r);
            for (const [region, niva] of regionsOf(kommune)) {
              for (const gg of groupsOf(g)) {
                for (const ss of [s, 'alle'] as KjonnDim[]) {
                  for (const rr of [reg, 'alle'] as Lovregime[]) {
                    const k = [periode, region, niva, gg, ss, rr].join('|');
                    const a = acc.get(k) ?? { n: 0, t: ALL_MEASURES.map(() => 0) };
                    a.n += n;
                    counts.forEach((c, i) => (a.t[i]! += c));
                    acc.set(k, a);
                  }
                }
              }
            }
          }
        }
      }
    }
  }
  const rows: ResultRow[] = [];
  for (const [k, a] of acc) {
    const [periode, region, niva, gruppe, kjonn, lovregime] = k.split('|') as [string, string, ResultRow['regionniva'], Gruppe, KjonnDim, Lovregime];
    for (const botid of botids) {
      ALL_MEASURES.forEach((maal, i) => {
        const t = a.t[i]!;
        const verdi = Math.round((1000 * t) / a.n) / 10;
        rows.push({
          indikator, maal, ledd: 'programresultat', kohort: 'avslutningskohort', periode: Number(periode), botid,
          lovregime, regionniva: niva, region, gruppe, kjonn, teller: t, nevner: a.n, verdi,
          ki_nedre: Math.max(0, verdi - 5), ki_ovre: Math.min(100, verdi + 5), mangler: 0, status: '',
        });
      });
    }
  }
  return rows;
}

/**
 * Pooled windows of `window` years (issue 11 item 3) added to a yearly table: every window that
 * fits in the table's years, overlapping (2020-2022, 2021-2023, …), each cell the sum of its years'
 * cells (numerators and denominators; the window's last year is `periode`, `vindu` its length).
 */
export function withPools(rows: readonly ResultRow[], window: number): ResultRow[] {
  const years = [...new Set(rows.map((r) => r.periode))].sort((a, b) => a - b);
  const key = (r: ResultRow) => [r.indikator, r.maal, r.kohort, r.botid, r.lovregime, r.region, r.gruppe, r.kjonn].join('|');
  const byYear = new Map<number, Map<string, ResultRow>>();
  for (const r of rows) {
    if (!byYear.has(r.periode)) byYear.set(r.periode, new Map());
    byYear.get(r.periode)!.set(key(r), r);
  }
  const pools: ResultRow[] = [];
  for (let e = window - 1; e < years.length; e++) {
    const ys = years.slice(e - window + 1, e + 1);
    const acc = new Map<string, ResultRow & { teller: number; nevner: number }>();
    for (const y of ys) {
      for (const [k, r] of byYear.get(y)!) {
        const a = acc.get(k);
        if (a) acc.set(k, { ...a, teller: a.teller + (r.teller ?? 0), nevner: a.nevner + (r.nevner ?? 0) });
        else acc.set(k, { ...r, periode: years[e]!, vindu: window, teller: r.teller ?? 0, nevner: r.nevner ?? 0 });
      }
    }
    for (const a of acc.values()) {
      const verdi = a.nevner > 0 ? Math.round((1000 * a.teller) / a.nevner) / 10 : null;
      pools.push({ ...a, verdi, ki_nedre: verdi, ki_ovre: verdi });
    }
  }
  return [...rows, ...pools];
}
