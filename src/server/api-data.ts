/**
 * What the API reads, all through the publish stage: pub_* tables, the catalogue, region names and
 * aggregated ingest counts. Never a microdata table, never a rejected row's values. Per-indicator
 * lookups are cached per data version (pub_meta 'versjon', new on every saveResults).
 */
import { CATALOGUE } from '../catalogue/index.ts';
import type { IndicatorMeta } from '../catalogue/types.ts';
import type { ResultRow } from '../contract/results.ts';
import {
  FILTER_DIMENSIONS,
  PUB_RESULTS,
  filterResults,
  hasTable,
  loadKommuner,
  loadResults,
  readAvailability,
  readDataVersion,
  readPublication,
  readStoredCatalogue,
  regionNameMap,
  type Kommune,
  type PublicationMeta,
  type ResultFilter,
} from '../publish/index.ts';
import type { Store } from '../store/index.ts';
import { NULL_CATEGORY } from '../publish/labels.ts';

export interface ApiData {
  version(): Promise<string>;
  catalogue(): Promise<readonly IndicatorMeta[]>;
  indicatorIds(): Promise<readonly string[]>;
  /** Existing values per dimension for one indicator (the allow-list for filters). */
  dimensionValues(id: string): Promise<ReadonlyMap<string, readonly string[]>>;
  latestPeriod(id: string): Promise<number | null>;
  results(filter: ResultFilter): Promise<ResultRow[]>;
  publication(): Promise<PublicationMeta | null>;
  availability(): Promise<unknown>;
  kommuner(): Promise<readonly Kommune[]>;
  regionNames(): Promise<ReadonlyMap<string, string>>;
  store: Store;
}

const VERSION_TTL_MS = 1000;

export function apiData(store: Store, catalogueOverride?: readonly IndicatorMeta[]): ApiData {
  let cachedVersion = '';
  let perVersion = new Map<string, Promise<unknown>>();
  // The version is re-read at most once a second: a re-publish in the same process shows within 1 s.
  let versionRead: { at: number; value: Promise<string> } | null = null;
  const currentVersion = (): Promise<string> => {
    const now = Date.now();
    if (!versionRead || now - versionRead.at > VERSION_TTL_MS) versionRead = { at: now, value: readDataVersion(store) };
    return versionRead.value;
  };
  /** Memoises fn per data version, so a re-publish invalidates everything. */
  const memo = async <T>(key: string, fn: () => Promise<T>): Promise<T> => {
    const v = await currentVersion();
    if (v !== cachedVersion) {
      cachedVersion = v;
      perVersion = new Map();
    }
    let p = perVersion.get(key) as Promise<T> | undefined;
    if (!p) {
      p = fn();
      perVersion.set(key, p);
      p.catch(() => perVersion.delete(key));
    }
    return p;
  };
  const hasResults = () => memo('hasResults', () => hasTable(store, PUB_RESULTS));

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
        const out = new Map<string, string[]>();
        for (const dim of FILTER_DIMENSIONS) {
          if (!(await hasResults())) {
            out.set(dim, []);
            continue;
          }
          // dim comes from the fixed FILTER_DIMENSIONS list; the id is bound.
          const rows = await store.all(`SELECT DISTINCT "${dim}" AS v FROM ${PUB_RESULTS} WHERE indikator = $1`, [id]);
          out.set(dim, rows.map((r) => (r['v'] === null ? NULL_CATEGORY : String(r['v']))));
        }
        return out;
      }),
    latestPeriod: (id) =>
      memo(`latest:${id}`, async () => {
        if (!(await hasResults())) return null;
        const rows = await store.all(`SELECT MAX(periode) AS p FROM ${PUB_RESULTS} WHERE indikator = $1`, [id]);
        const p = rows[0]?.['p'];
        return p === null || p === undefined ? null : Number(p);
      }),
    // One indicator's published rows stay in memory per data version (the memo); each query then
    // filters in memory with the same semantics as the SQL filter (src/publish/results-filter.ts).
    results: async (filter) => {
      if (!(await hasResults())) return [];
      const all = await memo(`rows:${filter.indikator}`, () => loadResults(store, { indikator: filter.indikator }));
      return filterResults(all, filter);
    },
    publication: () => memo('publication', () => readPublication(store)),
    availability: () => memo('availability', () => readAvailability(store)),
    kommuner: () => memo('kommuner', () => loadKommuner(store)),
    regionNames: () => memo('regionNames', async () => regionNameMap(await data.kommuner())),
  };
  return data;
}
