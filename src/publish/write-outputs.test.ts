/** writeOutputs from a results table: the file set from the registry, CSV = rows, JSON-stat valid, XLSX in the background, unprotected marks. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../store/index.ts';
import { prebuiltFile, readManifest, writeBackgroundOutputs, writeOutputs } from './write-outputs.ts';
import { saveResults } from './results-store.ts';
import { csvLines } from './csv.writer.ts';
import { PUB_RESULTS } from './tables.ts';
import { WRITERS } from './writers.ts';
import type { PublicationMeta } from './types.ts';
import { fixtureRows } from '../../test/fixtures/fixture-rows.ts';
import { FIXTURE_CATALOGUE } from '../../test/fixtures/fixture-catalogue.ts';
import { jsonStatSchemaErrors } from '../../test/fixtures/jsonstat-helpers.ts';

async function withSaved(meta: PublicationMeta, fn: (dir: string, input: Parameters<typeof writeOutputs>[1]) => Promise<void>) {
  const dir = await mkdtemp(join(tmpdir(), 'im-out-'));
  const store = await openStore(':memory:');
  try {
    await saveResults(store, fixtureRows(), meta, { outputDir: dir });
    const version = (await store.all<{ verdi: string }>(`SELECT verdi FROM pub_meta WHERE noekkel = 'versjon'`))[0]!.verdi;
    await fn(dir, { store, table: PUB_RESULTS, catalogue: FIXTURE_CATALOGUE, availability: { x: 1 }, meta, version });
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

const ON: PublicationMeta = { disclosure: 'on', generatedAt: '2024-06-01T12:00:00Z' };

describe('writeOutputs', () => {
  it('writes indikatorer.csv, one JSON-stat per indicator, katalog.json, tilgjengelighet.json and the manifest', async () => {
    await withSaved(ON, async (dir, input) => {
      const rows = fixtureRows();
      const { files } = await writeOutputs(dir, input);
      assert.deepEqual((await readdir(dir)).sort(), ['I1.json', 'I3.json', 'R1.json', 'filer.json', 'indikatorer.csv', 'katalog.json', 'tilgjengelighet.json']);
      assert.equal(files.length, 7);
      const csv = await readFile(join(dir, 'indikatorer.csv'), 'utf8');
      assert.equal(csv.trimEnd().split('\r\n').length, rows.length + 1);
      assert.ok(csv.startsWith('indikator,maal,ledd,kohort,periode,botid,'));
      // COPY in the engine writes the same lines as the JavaScript writer (row order aside).
      const js = [...csvLines(rows, { publication: ON })].join('');
      assert.deepEqual(csv.split('\r\n').sort(), js.split('\r\n').sort());
      const i1 = JSON.parse(await readFile(join(dir, 'I1.json'), 'utf8')) as { dimension: { region: { category: { label: Record<string, string> } } } };
      assert.equal(jsonStatSchemaErrors(i1), '');
      // Region names come from the shipped 2024 municipality list.
      assert.equal(i1.dimension.region.category.label['4601'], 'Bergen');
      const kat = JSON.parse(await readFile(join(dir, 'katalog.json'), 'utf8')) as { ubeskyttet: boolean; indikatorer: unknown[] };
      assert.equal(kat.ubeskyttet, false);
      assert.equal(kat.indikatorer.length, 3);
      const manifest = await readManifest(dir);
      assert.equal(manifest?.versjon, input.version);
      assert.deepEqual(manifest?.underveis, ['I1.xlsx', 'I3.xlsx', 'R1.xlsx']);
    });
  });

  it('writes the XLSX files in the background and lists them in the manifest for the API', async () => {
    await withSaved(ON, async (dir, input) => {
      await writeOutputs(dir, input);
      assert.equal(await prebuiltFile(input.store, WRITERS.xlsx, 'R1'), null, 'not built yet');
      const { files } = await writeBackgroundOutputs(dir, input);
      assert.deepEqual(files, ['I1.xlsx', 'I3.xlsx', 'R1.xlsx']);
      assert.equal(await prebuiltFile(input.store, WRITERS.xlsx, 'R1'), join(dir, 'R1.xlsx'));
      assert.equal(await prebuiltFile(input.store, WRITERS['json-stat2'], 'R1'), join(dir, 'R1.json'));
      assert.deepEqual((await readManifest(dir))?.underveis, []);
      // Same bytes as the API's writer for the whole indicator (apart from the zip's timestamps).
      const bytes = await readFile(join(dir, 'R1.xlsx'));
      assert.equal(bytes.subarray(0, 2).toString(), 'PK');
    });
  });

  it('marks every file when disclosure is off', async () => {
    await withSaved({ disclosure: 'off', generatedAt: '2024-06-01T12:00:00Z' }, async (dir, input) => {
      await writeOutputs(dir, input);
      for (const f of await readdir(dir)) {
        if (f === 'filer.json') continue;
        const text = await readFile(join(dir, f), 'utf8');
        if (f.endsWith('.csv')) assert.match(text.split('\r\n')[0]!, /,ubeskyttet$/, f);
        else assert.match(text, /"ubeskyttet":\s*true/, f);
      }
    });
  });
});
