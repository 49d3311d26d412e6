/**
 * Analysis cells against the protected indicator tables (issue 10 §6). An A1/A2 cell publishes n and
 * the observed share of a pool of cohort years in a municipality or county, which is exactly the
 * pooled indicator cell of those years (pool = Σ years; checked on medium: R2 0301 2012–2014 has
 * n = 33 + 47 + 55 = 135 and O = 6 + 15 + 13 = 34 in both). Published beside yearly cells of which
 * one is suppressed, it would give that year back (test/disclosure/analysis-cells.test.ts).
 *
 * The rule: a sub-national analysis cell with counts is published only when the indicator table
 * already publishes what it reveals — the pooled cell of the same window (audited together with
 * the yearly cells by the disclosure control), or every yearly cell of the window. Otherwise the
 * whole cell is withheld (status ':'). Cells of a measure the indicator tables do not hold (A4c's
 * education goal) keep their own primary rule (a1.ts primarySafe); see the module README.
 */
import type { AnalysisRow } from '../contract/analysis.ts';
import type { ResultRow } from '../contract/results.ts';

const key = (r: Pick<ResultRow, 'indikator' | 'maal' | 'kohort' | 'botid' | 'regionniva' | 'region' | 'gruppe'>): string =>
  `${r.indikator}|${r.maal}|${r.kohort}|${r.botid ?? ''}|${r.regionniva}|${r.region}|${r.gruppe}`;

/** The years of a window written `2021-2023` or `2021`; null for anything else (lists of windows). */
function windowYears(periode: string): { from: number; to: number } | null {
  const m = /^(\d{4})(?:-(\d{4}))?$/.exec(periode);
  if (!m) return null;
  const from = Number(m[1]);
  const to = m[2] ? Number(m[2]) : from;
  return to >= from ? { from, to } : null;
}

export interface GuardResult {
  readonly rows: AnalysisRow[];
  /** Cells withheld because the tables do not publish what they reveal. */
  readonly withheld: number;
}

/**
 * Withholds every sub-national analysis cell with counts whose pool is not already published by
 * `published` (the protected indicator rows: status '' = published). A measure `published` does
 * not hold at all keeps its own primary rule, unless `strict` (then it is withheld too: used when
 * no protected publication is at hand).
 */
export function guardAnalysisCells(rows: readonly AnalysisRow[], published: readonly ResultRow[], strict = false): GuardResult {
  const wanted = new Set<string>();
  const measures = new Set<string>();
  for (const r of rows) if (r.n !== null && r.regionniva !== 'land') wanted.add(`${r.indikator}|${r.maal}`);
  // Published yearly cells by key → years; published pools by key → "from-to".
  const years = new Map<string, Set<number>>();
  const pools = new Map<string, Set<string>>();
  for (const c of published) {
    if (!wanted.has(`${c.indikator}|${c.maal}`)) continue;
    measures.add(`${c.indikator}|${c.maal}`);
    if (c.status !== '' || c.lovregime !== 'alle' || c.kjonn !== 'alle' || c.forelopig) continue;
    const k = key(c);
    const vindu = c.vindu ?? 1;
    if (vindu > 1) {
      let s = pools.get(k);
      if (!s) pools.set(k, (s = new Set()));
      s.add(`${c.periode - vindu + 1}-${c.periode}`);
    } else {
      let s = years.get(k);
      if (!s) years.set(k, (s = new Set()));
      s.add(c.periode);
    }
  }
  let withheld = 0;
  const out = rows.map((r): AnalysisRow => {
    if (r.n === null || r.regionniva === 'land') return r;
    if (!strict && !measures.has(`${r.indikator}|${r.maal}`)) return r;
    const w = windowYears(r.periode);
    const k = key(r);
    let shown = false;
    if (w) {
      if (w.to > w.from && pools.get(k)?.has(`${w.from}-${w.to}`)) shown = true;
      else {
        const ys = years.get(k);
        shown = ys !== undefined;
        for (let y = w.from; shown && y <= w.to; y++) shown = ys!.has(y);
      }
    }
    if (shown) return r;
    withheld++;
    return { ...r, n: null, observert: null, forventet: null, differanse: null, ki_nedre: null, ki_ovre: null, krympet: null, vurdering: null, status: ':' };
  });
  return { rows: out, withheld };
}
