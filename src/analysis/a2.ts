/**
 * A2 chain diagnosis (spec indicators.md A2; report §3.2): per municipality, county and the
 * country, one key indicator per link of the results chain, each as observed − expected
 * (percentage points, adjusted by the A1 model) on one scale, side by side. The weakest link is
 * named only where its interval lies wholly below expected (then the most negative z);
 * otherwise "ingen_skiller_seg_ut" (none stands out). At country level observed = expected by
 * construction (the model is fitted on the whole country), so nothing stands out there.
 */
import type { AnalysisRow } from '../contract/analysis.ts';
import { comparisonRows, poolUnits, windows, type A1Result } from './a1.ts';
import type { Frame } from './frame.ts';

/** The key indicator of each link (outcome keys), in chain order. */
export const CHAIN_KEYS = { innsats: 'I5', programresultat: 'P4', integreringsresultat: 'R1_b2' } as const;
export type Ledd = keyof typeof CHAIN_KEYS;

const LEVELS = ['kommune', 'fylke', 'land'] as const;

export function runA2(inputs: readonly { frame: Frame; result: A1Result }[], minN: number, windowLength: number): AnalysisRow[] {
  const rows: AnalysisRow[] = [];
  // Per level and region: link → its row (latest window of that outcome).
  const byUnit = new Map<string, Map<Ledd, AnalysisRow>>();
  for (const [ledd, key] of Object.entries(CHAIN_KEYS) as [Ledd, string][]) {
    const input = inputs.find((x) => x.frame.outcome.key === key);
    if (!input) continue;
    const { frame: f, result } = input;
    const years = [...new Set(f.periode)].sort((a, b) => a - b);
    const win = windows(years, windowLength).at(-1);
    if (!win) continue;
    for (const level of LEVELS) {
      const codes = level === 'kommune' ? f.kommune.codes : level === 'fylke' ? f.fylke.codes : new Int32Array(f.n);
      const levels = level === 'kommune' ? f.kommune.levels : level === 'fylke' ? f.fylke.levels : ['0'];
      const units = poolUnits(f, result.model.mu, codes, levels, win, result.model.fit.scale)
        .filter((u) => u.region !== '9999' && u.region !== '99' && u.region !== 'mangler');
      const out = comparisonRows(f, units, { analyse: 'A2', sammenligning: `ledd_${ledd}`, regionniva: level }, minN);
      for (const r of out.rows) {
        rows.push(r);
        const k = `${level}|${r.region}`;
        if (!byUnit.has(k)) byUnit.set(k, new Map());
        byUnit.get(k)!.set(ledd, r);
      }
    }
  }
  for (const [k, links] of byUnit) {
    const [level, region] = k.split('|') as [(typeof LEVELS)[number], string];
    let weakest: [Ledd, AnalysisRow, number] | null = null;
    for (const [ledd, r] of links) {
      if (r.status !== '' || r.ki_ovre === null || r.differanse === null || r.ki_nedre === null) continue;
      if (!(r.ki_ovre < 0)) continue;
      const se = (r.ki_ovre - r.ki_nedre) / 3.92;
      const z = se > 0 ? r.differanse / se : -Infinity;
      if (!weakest || z < weakest[2]) weakest = [ledd, r, z];
    }
    const anyPublished = [...links.values()].some((r) => r.status === '');
    const periods = [...new Set([...links.values()].map((r) => r.periode))].join(';');
    rows.push({
      analyse: 'A2', indikator: weakest ? weakest[1].indikator : 'A2', maal: weakest ? weakest[0] : 'ingen_skiller_seg_ut',
      kohort: weakest ? weakest[1].kohort : 'bosettingskohort', botid: weakest ? weakest[1].botid : null, gruppe: 'intro',
      periode: weakest ? weakest[1].periode : periods, regionniva: level, region, sammenligning: 'svakeste_ledd',
      n: weakest ? weakest[1].n : null, observert: weakest ? weakest[1].observert : null, forventet: weakest ? weakest[1].forventet : null,
      differanse: weakest ? weakest[1].differanse : null, ki_nedre: weakest ? weakest[1].ki_nedre : null, ki_ovre: weakest ? weakest[1].ki_ovre : null,
      krympet: weakest ? weakest[1].krympet : null, vurdering: weakest ? 'lavere' : null, status: anyPublished ? '' : ':',
    });
  }
  return rows;
}
