/**
 * What the API reads, all through the publish stage: pub_* tables, the catalogue, region names and
 * aggregated ingest counts. Never a microdata table, never a rejected row's values. Per-indicator
 * lookups (values per dimension, latest period) are cached per data version (pub_meta 'versjon',
 * new on every saveResults); rows are read per query, filtered in the engine.
 */
import { CATALOGUE } from '../catalogue/index.ts';
import type { IndicatorMeta } from '../catalogue/types.ts';
import { periodeKey, type ResultRow } from '../contract/results.ts';
import {
  FILTER_DIMENSIONS,
  PUB_RESULTS,
  hasTable,
  loadKommuner,
  loadResults,
  readAvailability,
  readPublication,
  readStoredCatalogue,
  regionNameMap,
  type Kommune,
  type PublicationMeta,
  type ResultFilter,
} from '../publish/index.ts';
import { NULL_CATEGORY } from '../shared/labels.ts';
import type { Row, Store } from '../store/index.ts';
import { readAnalyses, type AnalysesData } from './analyses-data.ts';
import { sortValues } from './selection.ts';
import { versionCache } from './version-cache.ts';

export interface ApiData {
  version(): Promise<string>;
  catalogue(): Promise<readonly IndicatorMeta[]>;
  indicatorIds(): Promise<readonly string[]>;
  /** Existing values per dimension for one indicator, in metadata order (the allow-list for filters). */
  dimensionValues(id: string): Promise<ReadonlyMap<string, readonly string[]>>;
  /** The latest single year with results (pools are not "a period" for the profile). */
  latestPeriod(id: string): Promise<number | null>;
  /** Rows of one indicator; `periode` values are period keys (`2023` or `2021-2023`). */
  results(filter: ResultFilter): Promise<ResultRow[]>;
  publication(): Promise<PublicationMeta | null>;
  availability(): Promise<unknown>;
  kommuner(): Promise<readonly Kommune[]>;
  regionNames(): Promise<ReadonlyMap<string, string>>;
  /** The analyses tables (pub_analyser, pub_analyser_modeller), or absent ones with a note. */
  analyses(): Promise<AnalysesData>;
  store: Store;
}

/** The measure codes of an indicator in catalogue order (families like `hoved:*` by their prefix). */
function measureOrder(meta: IndicatorMeta | undefined, codes: readonly string[]): string[] {
  if (!meta) return [...codes];
  const rank = (c: string) => {
    const i = meta.maal.findIndex((m) => (m.kode.endsWith('*') ? c.startsWith(m.kode.slice(0, -1)) : m.kode === c));
    return i < 0 ? meta.maal.length : i;
  };
  return [...codes].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

export function apiData(store: Store, catalogueOverride?: readonly IndicatorMeta[]): ApiData {
  const { version: currentVersion, memo } = versionCache(store);
  const hasResults = () => memo('hasResults', () => hasTable(store, PUB_RESULTS));
  /** The distinct stored values of one column of an indicator (one column scan; zone maps skip other indicators). */
  const distinct = async (id: string, cols: string): Promise<Row[]> =>
    (await hasResults()) ? store.all(`SELECT DISTINCT ${cols} FROM ${PUB_RESULTS} WHERE "indikator" = $1`, [id]) : [];

  const data: ApiData = {
    store,
    version: currentVersion,
    catalogue: () =>
      memo('catalogue', async () => catalogueOverride ?? (await readStoredCatalogue(store)) ?? CATALOGUE),
    indicatorIds: () =>
      memo('ids', async () => {
        const ids = new Set((await data.catalogue()).map((m) => m.id));
        if (await hasResults()) {
          const rows = await store.all<{ indikator: string }>(`SELECT DISTINCT indikator FROM ${PUB_RESULTS}`);
          rows.forEach((r) => ids.add(r.indikator));
        }
        return [...ids];
      }),
    dimensionValues: (id) =>
      memo(`dims:${id}`, async () => {
        const meta = (await data.catalogue()).find((m) => m.id === id);
        const out = new Map<string, string[]>();
        for (const dim of FILTER_DIMENSIONS) {
          const seen = new Set<string>();
          if (dim === 'periode') {
            for (const r of await distinct(id, '"periode", "vindu"')) seen.add(periodeKey({ periode: Number(r['periode']), vindu: Number(r['vindu']) }));
          } else {
            for (const r of await distinct(id, `"${dim}"`)) seen.add(r[dim] === null ? NULL_CATEGORY : String(r[dim]));
          }
          out.set(dim, dim === 'maal' ? measureOrder(meta, sortValues(dim, seen)) : sortValues(dim, seen));
        }
        return out;
      }),
    latestPeriod: (id) =>
      memo(`latest:${id}`, async () => {
        if (!(await hasResults())) return null;
        const rows = await store.all(`SELECT max("periode") AS p FROM ${PUB_RESULTS} WHERE "indikator" = $1 AND "vindu" = 1`, [id]);
        const p = rows[0]?.['p'];
        return p === null || p === undefined ? null : Number(p);
      }),
    // Read per query with the filter in the engine (periods by key, so a pool never collides with
    // its last year); the table's order (indicator, region level, region) keeps a region's read small.
    results: async (filter) => ((await hasResults()) ? loadResults(store, filter) : []),
    publication: () => memo('publication', () => readPublication(store)),
    availability: () => memo('availability', () => readAvailability(store)),
    kommuner: () => memo('kommuner', () => loadKommuner(store)),
    regionNames: () => memo('regionNames', async () => regionNameMap(await data.kommuner())),
    analyses: () => memo('analyses', () => readAnalyses(store)),
  };
  return data;
}
