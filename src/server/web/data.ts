/**
 * What the dashboard reads, behind one narrow interface so pages stay plain functions of data.
 * Results, publication metadata, availability and region names come through the publish stage
 * (src/publish); indicator metadata from the catalogue the results were computed from (stored in
 * pub_meta), else the built-in catalogue; the ingest report from ingest_filer.
 */
import { CATALOGUE } from '../../catalogue/index.ts';
import type { IndicatorMeta } from '../../catalogue/types.ts';
import type { ResultRow } from '../../contract/results.ts';
import {
  hasTable,
  loadKommuner,
  loadResults,
  readAvailability,
  readPublication,
  readStoredCatalogue,
  type PublicationMeta,
  type ResultFilter,
} from '../../publish/index.ts';
import type { Row, Store } from '../../store/index.ts';

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
  publication(): Promise<PublicationMeta | null>;
  regions(): Promise<Regions>;
  /** The availability matrix as the compute stage stored it (JSON), or null. */
  availability(): Promise<unknown>;
  /** The ingest report per file (rows read / loaded / rejected); [] when nothing was ingested here. */
  ingestFiles(): Promise<readonly Row[]>;
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

/**
 * Builds the dashboard's data access on a store. Region names and the catalogue are read once per
 * app; results and publication metadata on every request (they change when compute re-runs).
 */
export function storeData(store: Store): DashboardData {
  let regions: Promise<Regions> | undefined;
  let catalogue: Promise<readonly IndicatorMeta[]> | undefined;
  return {
    indicators: () => (catalogue ??= readStoredCatalogue(store).then((c) => (c && c.length ? c : CATALOGUE))),
    results: (filter) => loadResults(store, filter),
    publication: () => readPublication(store),
    regions: () => (regions ??= readRegions(store)),
    availability: () => readAvailability(store),
    async ingestFiles() {
      if (!(await hasTable(store, 'ingest_filer'))) return [];
      return store.all('SELECT * FROM ingest_filer');
    },
  };
}
