/**
 * A child process for the publication fault tests: runs runPublication on a store with fixed rows
 * (the fixture rows, a stand-in engine) and, with HOLD_AFTER_FILE set, stops after that many files
 * and waits to be killed. Also `hold-open` mode: opens the store read-only and waits (a server).
 *   node --import tsx test/publish/publish-child.ts publish DB OUT [generatedAt]
 *   node --import tsx test/publish/publish-child.ts hold-open DB
 */
import { openStore } from '../../src/store/index.ts';
import { runPublication } from '../../src/pipeline/index.ts';
import type { ComputeResult } from '../../src/engine/index.ts';
import { fixtureRows } from '../fixtures/fixture-rows.ts';
import { FIXTURE_CATALOGUE } from '../fixtures/fixture-catalogue.ts';

export function fixtureEngine(shift = 0): () => Promise<ComputeResult> {
  return async () => ({
    rows: fixtureRows().map((r) => (r.verdi === null ? r : { ...r, verdi: r.verdi + shift })),
    availability: { indikatorer: [], tabeller: {} } as unknown as ComputeResult['availability'],
    dataLastDate: '2023-12-31',
    persons: 42,
    secondsByLink: { forberedelse: 0, innsats: 0, programresultat: 0, integreringsresultat: 0 },
    missing: new Map(),
    windows: { withheld: 0, withheldByIndicator: {}, preliminary: 0, poolsDropped: 0 },
  });
}

const [mode, db, out, shift] = process.argv.slice(2);
if (mode === 'hold-open') {
  const store = await openStore(db!, { readOnly: true });
  process.stdout.write('OPEN\n');
  // Keep the store referenced: a collected instance would release its lock.
  setInterval(() => void store.path, 1000);
  await new Promise(() => undefined);
} else if (mode === 'publish') {
  const hold = Number(process.env['HOLD_AFTER_FILE'] ?? 0);
  const store = await openStore(db!);
  let written = 0;
  await runPublication(store, {
    out: out!,
    disclosure: 'off',
    catalogue: FIXTURE_CATALOGUE,
    engine: fixtureEngine(Number(shift ?? 0)),
    background: 'skip',
    onFile: async (name) => {
      written++;
      if (hold && written >= hold) {
        process.stdout.write(`FILE ${name}\n`);
        await new Promise(() => undefined);
      }
    },
  });
  await store.close();
  process.stdout.write('DONE\n');
}
