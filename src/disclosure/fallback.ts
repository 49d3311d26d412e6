import type { ResultRow } from '../contract/results.ts';

export interface DisclosureFallback {
  indikator: string;
  kommune: string;
  fylke: string;
  suppressedShare: number;
}

/**
 * Indicators × municipalities whose cells are mostly suppressed (> `threshold`) get a pointer to
 * the county figure (indicators.md "Small numbers": offer coarser groupings where a
 * municipality's cells are suppressed).
 */
export function fallbacks(rows: readonly ResultRow[], threshold = 0.5): DisclosureFallback[] {
  const tally = new Map<string, { total: number; hidden: number }>();
  for (const r of rows) {
    if (r.regionniva !== 'kommune' || (r.status !== '' && r.status !== ':')) continue;
    const k = `${r.indikator}\u0000${r.region}`;
    const t = tally.get(k) ?? { total: 0, hidden: 0 };
    t.total++;
    if (r.status === ':') t.hidden++;
    tally.set(k, t);
  }
  const out: DisclosureFallback[] = [];
  for (const [k, t] of tally) {
    const share = t.hidden / t.total;
    if (share <= threshold) continue;
    const [indikator, kommune] = k.split('\u0000') as [string, string];
    out.push({ indikator, kommune, fylke: kommune.slice(0, 2), suppressedShare: Math.round(share * 1000) / 1000 });
  }
  return out.sort((a, b) => a.indikator.localeCompare(b.indikator) || a.kommune.localeCompare(b.kommune));
}
