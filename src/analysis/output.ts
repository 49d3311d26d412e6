/**
 * Publishing the analyses: store tables `pub_analyser` (exactly ANALYSIS_COLUMNS) and
 * `pub_analyser_modeller(analyse, indikator, maal, meta_json)` in one transaction, and files
 * `analyser.csv` plus one JSON-stat 2.0 dataset per analysis (model metadata in `extension`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ANALYSES_VERSION, ANALYSIS_COLUMNS, type AnalysisRow } from '../contract/analysis.ts';
import { csvField } from '../publish/index.ts';
import { sql, type SqlValue, type Store } from '../store/index.ts';
import type { AnalysisResult } from './types.ts';

export const PUB_ANALYSER = 'pub_analyser';
export const PUB_ANALYSER_MODELLER = 'pub_analyser_modeller';

const NUMERIC: ReadonlySet<keyof AnalysisRow> = new Set(['botid', 'n', 'observert', 'forventet', 'differanse', 'ki_nedre', 'ki_ovre', 'krympet']);
const INTEGER: ReadonlySet<keyof AnalysisRow> = new Set(['botid', 'n']);

/** Replaces both tables with the result, in one transaction. */
export async function saveAnalyses(store: Store, result: AnalysisResult): Promise<void> {
  const cols = ANALYSIS_COLUMNS.map((c) => `${sql.quoteIdent(c)} ${INTEGER.has(c) ? 'INTEGER' : NUMERIC.has(c) ? 'DOUBLE' : 'VARCHAR'}`);
  await store.transaction(async () => {
    await store.run(`DROP TABLE IF EXISTS ${PUB_ANALYSER}`);
    await store.run(`CREATE TABLE ${PUB_ANALYSER} (${cols.join(', ')})`);
    await store.run(`DROP TABLE IF EXISTS ${PUB_ANALYSER_MODELLER}`);
    await store.run(`CREATE TABLE ${PUB_ANALYSER_MODELLER} (${["analyse", "indikator", "maal", "meta_json"].map((c) => `${sql.quoteIdent(c)} VARCHAR`).join(", ")})`);
    await store.append(PUB_ANALYSER, result.rows.map((r) => ANALYSIS_COLUMNS.map((c) => r[c] as SqlValue)));
    await store.append(PUB_ANALYSER_MODELLER, result.models.map((m) => [m.analyse, m.indikator, m.maal, JSON.stringify(m)]));
  });
}

/** analyser.csv: header ANALYSIS_COLUMNS, one line per row. */
export function analysisCsv(rows: readonly AnalysisRow[]): string {
  const lines = [ANALYSIS_COLUMNS.join(',')];
  for (const r of rows) lines.push(ANALYSIS_COLUMNS.map((c) => csvField(r[c])).join(','));
  return `${lines.join('\n')}\n`;
}

const MEASURES = ['n', 'observert', 'forventet', 'differanse', 'ki_nedre', 'ki_ovre', 'krympet'] as const;

const ANALYSIS_LABEL: Readonly<Record<string, string>> = {
  A1: 'A1 Justert kommunesammenligning: observert mot forventet ut fra hvem som ble bosatt',
  A2: 'A2 Resultatkjeden: hvilket ledd svikter (justert)',
  A3: 'A3 Ny lov mot gammel lov, rått og justert for sammensetning',
  A4a: 'A4a Gruppen med vgo fra før under ny og gammel lov (justert)',
  A4b: 'A4b Kommuner med gode resultater før 2021: faller de etter?',
  A4c: 'A4c Sluttmål: ambisjon mot det utdanning og alder tilsier',
  A4d: 'A4d Brukerundersøkelsens mykere utfall over tid',
};

/** One JSON-stat 2.0 dataset for the rows of one analysis; the models' metadata in `extension`. */
export function analysisJsonStat(analyse: string, result: AnalysisResult): Record<string, unknown> {
  const rows = result.rows.filter((r) => r.analyse === analyse);
  const utfall = (r: AnalysisRow) => `${r.indikator}|${r.maal}|${r.botid ?? ''}|${r.kohort}|${r.gruppe}`;
  const dims: [string, (r: AnalysisRow) => string][] = [
    ['utfall', utfall], ['sammenligning', (r) => r.sammenligning], ['periode', (r) => r.periode],
    ['region', (r) => (r.regionniva === 'land' ? '0' : r.region)],
  ];
  const cats = dims.map(([, f]) => [...new Set(rows.map(f))]);
  const pos = cats.map((c) => new Map(c.map((v, i) => [v, i])));
  const size = [...cats.map((c) => c.length), MEASURES.length];
  const value: Record<string, number | null> = {};
  const status: Record<string, string> = {};
  const vurdering: Record<string, string> = {};
  for (const r of rows) {
    let idx = 0;
    dims.forEach(([, f], d) => { idx = idx * size[d]! + pos[d]!.get(f(r))!; });
    MEASURES.forEach((m, j) => {
      const k = String(idx * MEASURES.length + j);
      value[k] = r[m];
      if (r.status) status[k] = r.status;
    });
    if (r.vurdering) vurdering[String(idx)] = r.vurdering;
  }
  const category = (values: string[]) => ({ index: values });
  return {
    version: '2.0',
    class: 'dataset',
    label: ANALYSIS_LABEL[analyse] ?? analyse,
    id: [...dims.map(([d]) => d), 'maaltall'],
    size,
    role: { time: ['periode'], geo: ['region'], metric: ['maaltall'] },
    dimension: {
      utfall: { label: 'utfall (indikator|mål|botid|kohort|gruppe)', category: category(cats[0]!) },
      sammenligning: { label: 'sammenligning', category: category(cats[1]!) },
      periode: { label: 'periode', category: category(cats[2]!) },
      region: { label: 'region', category: category(cats[3]!) },
      maaltall: {
        label: 'måltall',
        category: { index: [...MEASURES], label: { n: 'antall personer', observert: 'observert', forventet: 'forventet', differanse: 'observert − forventet', ki_nedre: '95 % KI nedre', ki_ovre: '95 % KI øvre', krympet: 'krympet differanse (empirisk Bayes)' } },
      },
    },
    value,
    status,
    extension: {
      analyserVersjon: ANALYSES_VERSION,
      vurdering,
      modeller: result.models.filter((m) => m.analyse === analyse),
      merknad: 'Ikke en rangering: sammenligningen er for å lære hvordan loven virker (rapporten kap. 3.2, 5.5). Forskjellene er ikke årsakseffekter.',
    },
  };
}

/** Writes analyser.csv and one <analyse>.json (JSON-stat 2.0) per analysis; returns the paths. */
export function writeAnalysisOutputs(dir: string, result: AnalysisResult): string[] {
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  const csv = join(dir, 'analyser.csv');
  writeFileSync(csv, analysisCsv(result.rows));
  files.push(csv);
  for (const a of [...new Set(result.rows.map((r) => r.analyse))].sort()) {
    const p = join(dir, `analyse-${a}.json`);
    writeFileSync(p, JSON.stringify(analysisJsonStat(a, result)));
    files.push(p);
  }
  return files;
}
