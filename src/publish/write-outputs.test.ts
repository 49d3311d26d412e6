/** writeOutputs: the file set, CSV = rows, one valid JSON-stat per indicator, unprotected marks. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeOutputs } from './write-outputs.ts';
import { fixtureRows } from '../../test/fixtures/fixture-rows.ts';
import { FIXTURE_CATALOGUE } from '../../test/fixtures/fixture-catalogue.ts';
import { jsonStatSchemaErrors } from '../../test/fixtures/jsonstat-helpers.ts';

describe('writeOutputs', () => {
  it('writes indikatorer.csv, one JSON-stat per indicator, katalog.json and tilgjengelighet.json', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'im-out-'));
    try {
      const rows = fixtureRows();
      const { files } = await writeOutputs(dir, {
        rows,
        catalogue: FIXTURE_CATALOGUE,
        availability: { x: 1 },
        meta: { disclosure: 'on', generatedAt: '2024-06-01T12:00:00Z' },
      });
      assert.deepEqual((await readdir(dir)).sort(), ['I1.json', 'I3.json', 'R1.json', 'indikatorer.csv', 'katalog.json', 'tilgjengelighet.json']);
      assert.equal(files.length, 6);
      const csv = await readFile(join(dir, 'indikatorer.csv'), 'utf8');
      assert.equal(csv.trimEnd().split('\r\n').length, rows.length + 1);
      assert.ok(csv.startsWith('indikator,maal,ledd,kohort,periode,botid,'));
      const i1 = JSON.parse(await readFile(join(dir, 'I1.json'), 'utf8')) as { dimension: { region: { category: { label: Record<string, string> } } } };
      assert.equal(jsonStatSchemaErrors(i1), '');
      // Region names come from the shipped 2024 municipality list.
      assert.equal(i1.dimension.region.category.label['4601'], 'Bergen');
      const kat = JSON.parse(await readFile(join(dir, 'katalog.json'), 'utf8')) as { ubeskyttet: boolean; indikatorer: unknown[] };
      assert.equal(kat.ubeskyttet, false);
      assert.equal(kat.indikatorer.length, 3);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('marks every file when disclosure is off', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'im-out-'));
    try {
      await writeOutputs(dir, { rows: fixtureRows(), catalogue: FIXTURE_CATALOGUE, meta: { disclosure: 'off', generatedAt: '2024-06-01T12:00:00Z' } });
      for (const f of await readdir(dir)) {
        const text = await readFile(join(dir, f), 'utf8');
        if (f.endsWith('.csv')) assert.match(text.split('\r\n')[0]!, /,ubeskyttet$/, f);
        else assert.match(text, /"ubeskyttet":\s*true/, f);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
