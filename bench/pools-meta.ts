/**
 * Prints the information loss and headline coverage that `compute` stored in a store's metadata:
 *   node --import tsx bench/pools-meta.ts <store.duckdb>
 */
import { openStore } from '../src/store/index.ts';
import { PUB_META } from '../src/publish/index.ts';

const store = await openStore(process.argv[2]!, { readOnly: true } as never);
try {
  const rows = await store.all<{ noekkel: string; verdi: string }>(`SELECT noekkel, verdi FROM ${PUB_META}`);
  for (const r of rows) {
    let v: Record<string, unknown>;
    try {
      v = JSON.parse(r.verdi) as Record<string, unknown>;
    } catch {
      continue; // not a JSON value (e.g. the data version)
    }
    const loss = (v['informationLoss'] ?? (r.noekkel === 'informationLoss' ? v : undefined)) as { nivaa?: Record<string, Record<string, number>>; kommunedekning?: Record<string, Record<string, number>> } | undefined;
    if (!loss?.nivaa) continue;
    for (const [level, l] of Object.entries(loss.nivaa)) {
      console.log(`${level}: ${l['suppressedCells']}/${l['cells']} cells (${(100 * l['cellShare']!).toFixed(1)} %), ${l['suppressedPersons']}/${l['persons']} persons (${(100 * l['personShare']!).toFixed(1)} %)`);
    }
    for (const [id, c] of Object.entries(loss.kommunedekning ?? {})) {
      console.log(`${id} ${c['maal']} ${c['gruppe']} ${c['periode']}${c['botid'] === null ? '' : ` botid ${c['botid']}`}: ${(100 * c['andel']!).toFixed(1)} % (yearly only ${(100 * c['andelAarlig']!).toFixed(1)} %)`);
    }
  }
} finally {
  await store.close();
}
