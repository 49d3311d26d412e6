/**
 * The analyses tables as the API reads them: `pub_analyser` (exactly ANALYSIS_COLUMNS, written by
 * src/analysis through the publish stage) and `pub_analyser_modeller(analyse, indikator, maal,
 * meta_json)`. Absent or malformed tables give an empty answer with a note, never an error.
 */
import { ANALYSIS_COLUMNS, type AnalysisRow } from '../contract/analysis.ts';
import { hasTable } from '../publish/index.ts';
import { text, type Text } from '../shared/lang.ts';
import type { Row, Store } from '../store/index.ts';

export const PUB_ANALYSES = 'pub_analyser';
export const PUB_ANALYSIS_MODELS = 'pub_analyser_modeller';
const MODEL_COLUMNS = ['analyse', 'indikator', 'maal', 'meta_json'] as const;

export interface AnalysisModel {
  readonly analyse: string;
  readonly indikator: string;
  readonly maal: string;
  /** AnalysisModelMeta as stored (formula, covariates, n, fit, software, …); null if unreadable. */
  readonly meta: Record<string, unknown> | null;
}

export interface AnalysesData {
  readonly rows: readonly AnalysisRow[];
  readonly models: readonly AnalysisModel[];
  /** Why the answer is empty or partial (no analyses published, a table with the wrong columns). */
  readonly notes: readonly Text[];
}

const NUMBER_COLUMNS: ReadonlySet<string> = new Set(['botid', 'n', 'observert', 'forventet', 'differanse', 'ki_nedre', 'ki_ovre', 'krympet']);

async function columnsOf(store: Store, table: string): Promise<Set<string>> {
  const rows = await store.all<{ column_name: string }>('SELECT column_name FROM information_schema.columns WHERE table_name = $1', [table]);
  return new Set(rows.map((r) => r.column_name));
}

function toAnalysisRow(r: Row): AnalysisRow {
  const out: Record<string, unknown> = {};
  for (const c of ANALYSIS_COLUMNS) {
    const v = r[c];
    if (NUMBER_COLUMNS.has(c)) out[c] = v === null || v === undefined ? null : Number(v);
    else if (c === 'vurdering') out[c] = v === null || v === undefined || v === '' ? null : String(v);
    else out[c] = v === null || v === undefined ? '' : String(v);
  }
  return out as unknown as AnalysisRow;
}

function parseMeta(json: unknown): Record<string, unknown> | null {
  if (typeof json !== 'string') return null;
  try {
    const v = JSON.parse(json) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

async function readTable(store: Store, table: string, columns: readonly string[], notes: Text[]): Promise<Row[]> {
  if (!(await hasTable(store, table))) {
    notes.push(text(`Ingen analyser er publisert (tabellen ${table} finnes ikke).`, `No analyses are published (table ${table} does not exist).`));
    return [];
  }
  const have = await columnsOf(store, table);
  const missing = columns.filter((c) => !have.has(c));
  if (missing.length) {
    notes.push(text(`Tabellen ${table} mangler kolonnene ${missing.join(', ')} og er ikke lest.`, `Table ${table} lacks the columns ${missing.join(', ')} and was not read.`));
    return [];
  }
  // Column names come from the contract's fixed list; no user input reaches this SQL.
  const select = columns.map((c) => `"${c}"`).join(', ');
  return store.all(`SELECT ${select} FROM ${table}`);
}

export async function readAnalyses(store: Store): Promise<AnalysesData> {
  const notes: Text[] = [];
  const rows = (await readTable(store, PUB_ANALYSES, ANALYSIS_COLUMNS, notes)).map(toAnalysisRow);
  const modelNotes: Text[] = [];
  const models = (await readTable(store, PUB_ANALYSIS_MODELS, MODEL_COLUMNS, modelNotes)).map((r) => ({
    analyse: String(r['analyse'] ?? ''),
    indikator: String(r['indikator'] ?? ''),
    maal: String(r['maal'] ?? ''),
    meta: parseMeta(r['meta_json']),
  }));
  // A missing model table matters only when there are analyses to describe.
  if (rows.length) notes.push(...modelNotes);
  return { rows, models, notes };
}
