/** Reads of the small published tables: publication metadata, data version, catalogue, availability. */
import type { IndicatorMeta } from '../catalogue/types.ts';
import type { Store } from '../store/index.ts';
import { PUB_AVAILABILITY, PUB_META } from './tables.ts';
import type { PublicationMeta } from './types.ts';

/** True when the store has the named table (main schema). */
export async function hasTable(store: Store, name: string): Promise<boolean> {
  const rows = await store.all('SELECT 1 AS x FROM information_schema.tables WHERE table_name = $1', [name]);
  return rows.length > 0;
}

async function metaValue(store: Store, key: string): Promise<string | null> {
  if (!(await hasTable(store, PUB_META))) return null;
  const rows = await store.all<{ verdi: string }>(`SELECT verdi FROM ${PUB_META} WHERE noekkel = $1`, [key]);
  return rows[0]?.verdi ?? null;
}

export async function readPublication(store: Store): Promise<PublicationMeta | null> {
  const text = await metaValue(store, 'publikasjon');
  return text ? (JSON.parse(text) as PublicationMeta) : null;
}

/** Changes with every saveResults: the API keys ETags and caches on it. */
export async function readDataVersion(store: Store): Promise<string> {
  return (await metaValue(store, 'versjon')) ?? 'tom';
}

export async function readStoredCatalogue(store: Store): Promise<IndicatorMeta[] | null> {
  const text = await metaValue(store, 'katalog');
  return text ? (JSON.parse(text) as IndicatorMeta[]) : null;
}

export async function readAvailability(store: Store): Promise<unknown> {
  if (!(await hasTable(store, PUB_AVAILABILITY))) return null;
  const rows = await store.all<{ verdi: string | null }>(`SELECT verdi FROM ${PUB_AVAILABILITY} LIMIT 1`);
  const text = rows[0]?.verdi;
  return text ? (JSON.parse(text) as unknown) : null;
}
