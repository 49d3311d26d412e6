/**
 * What the dashboard reads, behind one narrow interface so pages stay plain functions of data.
 * Results, publication metadata, availability and region names come through the publish stage
 * (src/publish); indicator metadata from the catalogue the results were computed from (stored in
 * pub_meta), else the built-in catalogue; the ingest report from ingest_filer.
 */
import { CATALOGUE } from '../../catalogue/index.ts';
import type { IndicatorMeta } from '../../catalogue/types.ts';
import type { ResultRow } from '../../contract/results.ts';
import { ANALYSIS_COLUMNS, type AnalysisRow } from '../../contract/analysis.ts';
import { ingestReport } from '../ingest-report.ts';
import { versionCache } from '../version-cache.ts';
import { headlineBotid, headlineMeasure } from './select.ts';
import {
  loadKommuner,
  loadResults,
  loadResultsOf,
  readAvailability,
  readPublication,
  readStoredCatalogue,
  resultsWhere,
  PUB_RESULTS,
  type PublicationMeta,
  type ResultFilter,
} from '../../publish/index.ts';
import { sql, type Row, type Store } from '../../store/index.ts';

export interface Region {
  readonly code: string;
  readonly name: string;
  /** County code of a municipality ('' for counties). */
  readonly county: string;
}

export interface Regions {
  readonly kommuner: ReadonlyMap<string, Region>;
  readonly fylker: ReadonlyMap<string, Region>;
}

export interface DashboardData {
  indicators(): Promise<readonly IndicatorMeta[]>;
  results(filter: ResultFilter): Promise<readonly ResultRow[]>;
  /** The rows of several filters in one statement, per filter in the same order. */
  resultsOf(filters: readonly ResultFilter[]): Promise<readonly (readonly ResultRow[])[]>;
  /**
   * The rows matching the filter, grouped by `by` and counted in the engine (rows, the sum of the
   * denominators, and how many denominators are present): a page that needs totals over many
   * municipalities reads a few hundred sums instead of every row.
   */
  summarize<K extends SummaryKey>(filter: ResultFilter, by: readonly K[]): Promise<readonly Summary<K>[]>;
  /** The data version (new on every publication): caches of derived values key on it. */
  version(): Promise<string>;
  publication(): Promise<PublicationMeta | null>;
  regions(): Promise<Regions>;
  /** The availability matrix as the compute stage stored it (JSON), or null. */
  availability(): Promise<unknown>;
  /** The ingest report per file (rows read / loaded / rejected); [] when nothing was ingested here. */
  ingestFiles(): Promise<readonly Row[]>;
  /** Rejected rows counted by table / file / column / reason (no values, no line numbers). */
  rejections(lang: 'nb' | 'en'): Promise<readonly Record<string, unknown>[]>;
  /**
   * Rows of the analyses table (`pub_analyser`, A1–A4) matching the filter; null when the store
   * has no analyses (the pages then say so).
   */
  analyses(filter: AnalysisFilter): Promise<readonly AnalysisRow[] | null>;
  /** Model metadata per analysis × indicator × measure (`pub_analyser_modeller`); null when absent. */
  analysisModels(): Promise<readonly AnalysisModelRow[] | null>;
  /** SSB centrality class (1–6) per municipality, latest year in `kommune_aar`; empty when absent. */
  centrality(): Promise<ReadonlyMap<string, number>>;
  /**
   * Per indicator, the distinct measures × groups × years since settlement of its national rows
   * (both sexes, both acts): what the pages' headline keys are chosen from. Read once per data
   * version (a few hundred rows), so a page can ask the engine for the headline rows only.
   */
  nationalKeys(ids: readonly string[]): Promise<ReadonlyMap<string, readonly NationalKey[]>>;
}

/** One distinct (measure, group, years since settlement) of an indicator's national rows (kjonn and lovregime 'alle'). */
export type NationalKey = Pick<ResultRow, 'maal' | 'gruppe' | 'botid'>;

export type SummaryKey = 'maal' | 'botid' | 'gruppe' | 'periode' | 'vindu' | 'region' | 'regionniva' | 'kjonn' | 'lovregime';

/** One group of `summarize`: its key values, the row count, Σ nevner and the count of non-null nevner. */
export type Summary<K extends SummaryKey> = Pick<ResultRow, Exclude<K, 'vindu'>> & {
  readonly vindu: number;
  readonly rows: number;
  readonly nevner: number;
  readonly nevnerRows: number;
};

export interface AnalysisFilter {
  readonly analyse?: readonly string[];
  readonly indikator?: readonly string[];
  readonly regionniva?: readonly string[];
  readonly region?: readonly string[];
}

export interface AnalysisModelRow {
  readonly analyse: string;
  readonly indikator: string;
  readonly maal: string;
  /** Parsed meta_json (AnalysisModelMeta), or null when it does not parse. */
  readonly meta: Record<string, unknown> | null;
}

const ANALYSES_TABLE = 'pub_analyser';
const MODELS_TABLE = 'pub_analyser_modeller';

function toAnalysisRow(r: Row): AnalysisRow {
  const num = (k: string): number | null => (r[k] === null || r[k] === undefined ? null : Number(r[k]));
  const str = (k: string): string => String(r[k] ?? '');
  return {
    analyse: str('analyse') as AnalysisRow['analyse'],
    indikator: str('indikator'),
    maal: str('maal'),
    kohort: str('kohort') as AnalysisRow['kohort'],
    botid: num('botid'),
    gruppe: str('gruppe') as AnalysisRow['gruppe'],
    periode: str('periode'),
    regionniva: str('regionniva') as AnalysisRow['regionniva'],
    region: str('region'),
    sammenligning: str('sammenligning'),
    n: num('n'),
    observert: num('observert'),
    forventet: num('forventet'),
    differanse: num('differanse'),
    ki_nedre: num('ki_nedre'),
    ki_ovre: num('ki_ovre'),
    krympet: num('krympet'),
    vurdering: (r['vurdering'] === null || r['vurdering'] === undefined || r['vurdering'] === '' ? null : str('vurdering')) as AnalysisRow['vurdering'],
    status: str('status') as AnalysisRow['status'],
  };
}

/** A packed analysis row back to its columns (text; NULL as null), for toAnalysisRow. */
function unpackAnalysisRow(text: string): Row {
  const f = text.split(sql.PACK_SEPARATOR);
  if (f.length !== ANALYSIS_COLUMNS.length) throw new Error(`packed analysis row with ${f.length} fields, expected ${ANALYSIS_COLUMNS.length}`);
  const r: Row = {};
  ANALYSIS_COLUMNS.forEach((c, i) => {
    r[c] = f[i] === sql.PACK_NULL ? null : f[i]!;
  });
  return r;
}

/** `SELECT … FROM pub_analyser WHERE col IN (…)` with bound values only. */
export function analysesQuery(filter: AnalysisFilter): { sql: string; params: string[] } {
  const params: string[] = [];
  const where: string[] = [];
  for (const col of ['analyse', 'indikator', 'regionniva', 'region'] as const) {
    const values = filter[col];
    if (!values) continue;
    if (values.length === 0) {
      where.push('FALSE');
      continue;
    }
    where.push(`"${col}" IN (${values.map((v) => (params.push(v), `$${params.length}`)).join(', ')})`);
  }
  // One packed text per row (sql.packRow), as the results are read: far cheaper to move.
  const packed = sql.packRow(ANALYSIS_COLUMNS.map((c) => sql.quoteIdent(c)));
  return { sql: `SELECT ${packed} AS p FROM ${ANALYSES_TABLE}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY "analyse", "indikator", "maal", "periode", "region", "sammenligning"`, params };
}

/** The store's tables and their columns (main schema), in one statement. */
async function readTables(store: Store): Promise<ReadonlyMap<string, ReadonlySet<string>>> {
  const rows = await store.all<{ t: string; c: string }>(`SELECT table_name AS t, column_name AS c FROM duckdb_columns() WHERE schema_name = 'main'`);
  const out = new Map<string, Set<string>>();
  for (const r of rows) {
    const cols = out.get(r.t) ?? new Set<string>();
    cols.add(r.c);
    out.set(r.t, cols);
  }
  return out;
}

async function readNationalKeys(store: Store, ids: readonly string[]): Promise<Map<string, NationalKey[]>> {
  const out = new Map<string, NationalKey[]>();
  if (ids.length === 0) return out;
  const rows = await store.all(
    `SELECT DISTINCT "indikator", "maal", "gruppe", "botid" FROM ${PUB_RESULTS} WHERE "indikator" IN (${ids.map((_, i) => `$${i + 1}`).join(', ')}) AND "regionniva" = 'land' AND "kjonn" = 'alle' AND "lovregime" = 'alle'`,
    ids,
  );
  for (const r of rows) {
    const id = String(r['indikator']);
    const list = out.get(id) ?? [];
    list.push({ maal: String(r['maal']), gruppe: String(r['gruppe']) as ResultRow['gruppe'], botid: r['botid'] === null ? null : Number(r['botid']) });
    out.set(id, list);
  }
  return out;
}

async function readRegions(store: Store): Promise<Regions> {
  const kommuner = new Map<string, Region>();
  const fylker = new Map<string, Region>();
  for (const k of await loadKommuner(store)) {
    kommuner.set(k.kode, { code: k.kode, name: k.navn, county: k.fylke });
    if (k.fylke && !fylker.has(k.fylke)) fylker.set(k.fylke, { code: k.fylke, name: k.fylkesnavn, county: '' });
  }
  return { kommuner, fylker };
}

/** Centrality is public municipal context (SSB), not microdata: the latest class per municipality. */
async function readCentrality(store: Store, tables: ReadonlyMap<string, ReadonlySet<string>>): Promise<ReadonlyMap<string, number>> {
  const out = new Map<string, number>();
  if (!tables.get('kommune_aar')?.has('sentralitet')) return out;
  const rows = await store.all(
    `SELECT k.kommune, k.sentralitet AS s FROM kommune_aar k
       JOIN (SELECT kommune, max(aar) AS aar FROM kommune_aar WHERE sentralitet IS NOT NULL GROUP BY kommune) m
         ON k.kommune = m.kommune AND k.aar = m.aar`,
  );
  for (const r of rows) out.set(String(r['kommune']), Number(r['s']));
  return out;
}

/**
 * The rows of each indicator's headline measure (select.ts `headlineMeasure`: the first catalogue
 * measure with data) under its filter, all in one statement. The first catalogue measure is asked
 * for by its code, so the engine returns only its rows; only when it has none (or is a family like
 * `hoved:*`) are all measures read and the first present one taken.
 */
export async function headlineRowsOf(
  data: DashboardData,
  metas: readonly IndicatorMeta[],
  filterOf: (meta: IndicatorMeta) => ResultFilter,
): Promise<{ maal: string | undefined; rows: readonly ResultRow[] }[]> {
  const exact = metas.map((m) => {
    const first = m.maal[0]?.kode;
    return first && !first.endsWith('*') ? first : undefined;
  });
  const batch = await data.resultsOf(metas.map((m, i) => (exact[i] ? { ...filterOf(m), maal: [exact[i]] } : filterOf(m))));
  return Promise.all(
    metas.map(async (m, i) => {
      if (exact[i] && batch[i]!.length) return { maal: exact[i], rows: batch[i]! };
      const all = exact[i] ? await data.results(filterOf(m)) : batch[i]!;
      const maal = headlineMeasure(m, all);
      return { maal, rows: all.filter((r) => r.maal === maal) };
    }),
  );
}

/** The headline key of an indicator's cards: measure, total group, years since settlement (link 3). */
export interface HeadlineKey {
  readonly maal: string;
  readonly gruppe: ResultRow['gruppe'];
  readonly botid: number | null;
}

/**
 * The headline key chosen from an indicator's national keys exactly as the pages choose it from
 * rows that include the national ones (headlineMeasure, totalGroup, headlineBotid): every key at
 * county and municipality level is also a national key. Undefined when the choice would depend on
 * the rows' order (no 'intro' or 'alle' group) or there are no national rows: read the rows then.
 */
export function headlineKeyOf(meta: IndicatorMeta, keys: readonly NationalKey[] | undefined): HeadlineKey | undefined {
  if (!keys?.length) return undefined;
  const maal = headlineMeasure(meta, keys);
  if (maal === undefined) return undefined;
  const mine = keys.filter((k) => k.maal === maal);
  const groups = new Set(mine.map((k) => k.gruppe));
  const gruppe = groups.has('intro') ? 'intro' : groups.has('alle') ? 'alle' : undefined;
  if (!gruppe) return undefined;
  const botid = meta.ledd === 'integreringsresultat' ? headlineBotid(mine) : null;
  return { maal, gruppe, botid };
}

/** One indicator's headline rows: with its key when the national keys give it, else as headlineRowsOf found them. */
export type HeadlineRows =
  | { readonly meta: IndicatorMeta; readonly key: HeadlineKey; readonly rows: readonly ResultRow[] }
  | { readonly meta: IndicatorMeta; readonly key: undefined; readonly maal: string | undefined; readonly rows: readonly ResultRow[] };

/**
 * The rows the cards of several indicators use, in one round: where the headline key is known from
 * the national keys (per data version), only its measure (its group when `byGroup`, its years since
 * settlement for link 3) is read; the other indicators go through headlineRowsOf.
 */
export async function headlineRows(data: DashboardData, metas: readonly IndicatorMeta[], base: Omit<ResultFilter, 'indikator'>, byGroup: boolean): Promise<HeadlineRows[]> {
  const national = await data.nationalKeys(metas.map((m) => m.id));
  const known = metas.map((m) => headlineKeyOf(m, national.get(m.id)));
  const rest = metas.filter((_, i) => !known[i]);
  const [exact, heads] = await Promise.all([
    data.resultsOf(
      metas.flatMap((m, i) => {
        const k = known[i];
        return k ? [{ indikator: m.id, ...base, maal: [k.maal], ...(byGroup ? { gruppe: [k.gruppe] } : {}), ...(k.botid !== null ? { botid: [String(k.botid)] } : {}) }] : [];
      }),
    ),
    rest.length ? headlineRowsOf(data, rest, (meta) => ({ indikator: meta.id, ...base })) : Promise.resolve([]),
  ]);
  let e = 0;
  let h = 0;
  return metas.map((meta, i): HeadlineRows => {
    const key = known[i];
    if (key) return { meta, key, rows: exact[e++]! };
    const head = heads[h++]!;
    return { meta, key: undefined, maal: head.maal, rows: head.rows };
  });
}

/**
 * Builds the dashboard's data access on a store. Region names and the catalogue are read once per
 * app; results on every request; the table list, publication metadata and other small derived
 * values once per data version (they change when compute re-runs).
 */
export function storeData(store: Store): DashboardData {
  let regions: Promise<Regions> | undefined;
  let catalogue: Promise<readonly IndicatorMeta[]> | undefined;
  const { version, memo } = versionCache(store);
  const tables = () => memo('tables', () => readTables(store));
  const has = async (table: string) => (await tables()).has(table);
  return {
    indicators: () => (catalogue ??= readStoredCatalogue(store).then((c) => (c && c.length ? c : CATALOGUE))),
    results: (filter) => loadResults(store, filter),
    resultsOf: (filters) => loadResultsOf(store, filters),
    async summarize<K extends SummaryKey>(filter: ResultFilter, by: readonly K[]) {
      const { where, params } = resultsWhere(filter);
      const keys = by.map((c) => `"${c}"`).join(', ');
      const rows = await store.all(
        `SELECT ${keys}, count(*)::INTEGER AS "rows", coalesce(sum("nevner"), 0)::DOUBLE AS "nevner", count("nevner")::INTEGER AS "nevnerRows" FROM ${PUB_RESULTS} WHERE ${where} GROUP BY ${keys}`,
        params,
      );
      return rows.map((r) => {
        const out: Record<string, unknown> = { rows: Number(r['rows']), nevner: Number(r['nevner']), nevnerRows: Number(r['nevnerRows']), vindu: 1 };
        for (const k of by) out[k] = k === 'periode' || k === 'vindu' || k === 'botid' ? (r[k] === null ? null : Number(r[k])) : String(r[k]);
        return out as unknown as Summary<K>;
      });
    },
    version,
    publication: () => memo('publication', () => readPublication(store)),
    regions: () => (regions ??= readRegions(store)),
    availability: () => readAvailability(store),
    async ingestFiles() {
      if (!(await has('ingest_filer'))) return [];
      return store.all('SELECT * FROM ingest_filer ORDER BY tabell, fil');
    },
    async rejections(lang) {
      const report = await ingestReport(store, lang);
      return (report['avviste_etter_aarsak'] as Record<string, unknown>[] | undefined) ?? [];
    },
    async analyses(filter) {
      if (!(await has(ANALYSES_TABLE))) return null;
      const { sql, params } = analysesQuery(filter);
      return (await store.all<{ p: string }>(sql, params)).map((r) => toAnalysisRow(unpackAnalysisRow(r.p)));
    },
    analysisModels: () => memo('analysisModels', async () => {
      if (!(await has(MODELS_TABLE))) return null;
      const rows = await store.all(`SELECT "analyse", indikator, maal, meta_json FROM ${MODELS_TABLE} ORDER BY "analyse", indikator, maal`);
      return rows.map((r): AnalysisModelRow => {
        let meta: Record<string, unknown> | null = null;
        try {
          const parsed = JSON.parse(String(r['meta_json'] ?? 'null')) as unknown;
          meta = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : null;
        } catch {
          meta = null;
        }
        return { analyse: String(r['analyse']), indikator: String(r['indikator']), maal: String(r['maal']), meta };
      });
    }),
    centrality: () => memo('centrality', async () => readCentrality(store, await tables())),
    nationalKeys: (ids) => memo(`nationalKeys|${ids.join(',')}`, async () => ((await has(PUB_RESULTS)) ? readNationalKeys(store, ids) : new Map())),
  };
}
