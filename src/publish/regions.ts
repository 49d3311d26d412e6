/**
 * Region codes and names (land, fylker, kommuner) in the harmonised 2024 structure: from the
 * store's ref_kommuner when present, else from data/refdata/kommuner_2024.csv (SSB KLASS 131, NLOD),
 * read by src/refdata (the one reader of the reference files).
 */
import { loadMunicipalities } from '../refdata/index.ts';
import type { Store } from '../store/index.ts';
import { hasTable } from './pub-meta.ts';

export interface Kommune {
  kode: string;
  navn: string;
  fylke: string;
  fylkesnavn: string;
}

export interface RegionList {
  land: { kode: '0'; navn: string };
  fylker: { kode: string; navn: string }[];
  kommuner: Kommune[];
}

const REF_TABLE = 'ref_kommuner';
/** Column names ref_kommuner may use: the ingest stage's (Municipality) or the refdata file's. */
const REF_LAYOUTS = [
  { kode: 'kommune', navn: 'navn', fylke: 'fylke', fylkesnavn: 'fylkesnavn' },
  { kode: 'kommunenummer', navn: 'kommunenavn', fylke: 'fylkesnummer', fylkesnavn: 'fylkesnavn' },
] as const;

let refdataCache: Kommune[] | null = null;
/** The shipped 2024 municipalities (refdata's reader), cached. */
export function refdataKommuner(): Kommune[] {
  refdataCache ??= loadMunicipalities().map((m) => ({ kode: m.kommune, navn: m.navn, fylke: m.fylke, fylkesnavn: m.fylkesnavn }));
  return refdataCache;
}

async function storeKommuner(store: Store): Promise<Kommune[] | null> {
  if (!(await hasTable(store, REF_TABLE))) return null;
  const cols = await store.all<{ column_name: string }>(
    'SELECT column_name FROM information_schema.columns WHERE table_name = $1',
    [REF_TABLE],
  );
  const names = new Set(cols.map((c) => c.column_name));
  const layout = REF_LAYOUTS.find((l) => Object.values(l).every((c) => names.has(c)));
  if (!layout) return null;
  // Identifiers come from the fixed layouts above, never from a request.
  const rows = await store.all(
    `SELECT DISTINCT CAST("${layout.kode}" AS VARCHAR) AS kode, CAST("${layout.navn}" AS VARCHAR) AS navn,
            CAST("${layout.fylke}" AS VARCHAR) AS fylke, CAST("${layout.fylkesnavn}" AS VARCHAR) AS fylkesnavn
       FROM ${REF_TABLE} ORDER BY kode`,
  );
  return rows.map((r) => ({ kode: String(r['kode']), navn: String(r['navn']), fylke: String(r['fylke']), fylkesnavn: String(r['fylkesnavn']) }));
}

/** Kommuner from the store, falling back to the shipped reference file. */
export async function loadKommuner(store: Store | null): Promise<Kommune[]> {
  const fromStore = store ? await storeKommuner(store) : null;
  return fromStore && fromStore.length ? fromStore : refdataKommuner();
}

export function regionList(kommuner: readonly Kommune[], countryName: string): RegionList {
  const fylker = new Map<string, string>();
  for (const k of kommuner) fylker.set(k.fylke, k.fylkesnavn);
  return {
    land: { kode: '0', navn: countryName },
    fylker: [...fylker].map(([kode, navn]) => ({ kode, navn })).sort((a, b) => a.kode.localeCompare(b.kode)),
    kommuner: [...kommuner].sort((a, b) => a.kode.localeCompare(b.kode)),
  };
}

/** code → name for every fylke and kommune (for JSON-stat region labels). */
export function regionNameMap(kommuner: readonly Kommune[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const k of kommuner) {
    names.set(k.fylke, k.fylkesnavn);
    names.set(k.kode, k.navn);
  }
  return names;
}
