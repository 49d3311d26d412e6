/** JSON-stat specifics: official schema, toolkit cell count, roles, sparse object form, labels, metadata. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { toJsonStat } from './jsonstat.writer.ts';
import { fixtureRows } from '../../test/fixtures/fixture-rows.ts';
import { FIXTURE_CATALOGUE } from '../../test/fixtures/fixture-catalogue.ts';
import { jsonStatSchemaErrors, readWithToolkit } from '../../test/fixtures/jsonstat-helpers.ts';

const names = new Map([['0301', 'Oslo'], ['03', 'Oslo fylke'], ['46', 'Vestland'], ['4601', 'Bergen'], ['4602', 'Kinn']]);
const meta = (id: string) => FIXTURE_CATALOGUE.find((m) => m.id === id) ?? null;
const rowsOf = (id: string) => fixtureRows().filter((r) => r.indikator === id);
const pub = { disclosure: 'on' as const, generatedAt: '2024-06-01T12:00:00Z', thresholds: { minNevner: 10 } };

describe('JSON-stat writer', () => {
  for (const id of ['I1', 'I3', 'R1']) {
    it(`${id} passes the official schema and loads in jsonstat-toolkit`, () => {
      const doc = toJsonStat(rowsOf(id), meta(id), { regionNames: names, publication: pub });
      assert.equal(jsonStatSchemaErrors(doc), '');
      const ds = readWithToolkit(doc);
      assert.equal(ds.class, 'dataset');
      assert.equal(ds.n, doc.size.reduce((a, b) => a * b, 1));
      assert.deepEqual(ds.role?.time, ['periode']);
      assert.deepEqual(ds.role?.geo, ['region']);
      assert.deepEqual(ds.role?.metric, ['maal']);
    });
  }

  it('has one dimension per varying column and keeps constants in extension.faste', () => {
    const doc = toJsonStat(rowsOf('R1'), meta('R1'), {});
    assert.deepEqual(doc.id, ['maal', 'periode', 'botid', 'lovregime', 'region', 'kjonn', 'maaltall']);
    assert.deepEqual((doc.extension['faste'] as Record<string, unknown>)['gruppe'], 'alle');
    assert.equal(doc.dimension['botid']?.category.label?.['1'], '1');
  });

  it('uses the object form for a sparse cube and the array form for a dense one', () => {
    const sparse = toJsonStat(rowsOf('I3'), meta('I3'), {});
    // I3 has no municipalities, but R1-like sparsity: check by computing density.
    const r1 = toJsonStat(rowsOf('R1'), meta('R1'), {});
    const n = r1.size.reduce((a, b) => a * b, 1);
    const filled = rowsOf('R1').length * 6;
    assert.equal(Array.isArray(r1.value), filled >= n / 2);
    assert.ok(Array.isArray(sparse.value), 'I3 is a full cube: dense array');
    const oneRegion = toJsonStat(
      rowsOf('R1').filter((r) => r.kjonn === 'alle' || r.region === '0'),
      meta('R1'),
      {},
    );
    assert.ok(!Array.isArray(oneRegion.value), 'sex only at country level (28 of 60 cells): sparse object form');
    assert.equal(jsonStatSchemaErrors(oneRegion), '');
    assert.equal(readWithToolkit(oneRegion).n, oneRegion.size.reduce((a, b) => a * b, 1));
  });

  it('gives suppressed cells value null and status ":"', () => {
    const doc = toJsonStat(rowsOf('I1'), meta('I1'), {});
    const ds = readWithToolkit(doc);
    let suppressed = 0;
    for (let i = 0; i < ds.n; i++) {
      const d = ds.Data(i)!;
      if (d.status === ':') {
        assert.equal(d.value, null);
        suppressed++;
      }
    }
    // verdi, teller, nevner, ki_nedre, ki_ovre, mangler are all null in the one suppressed row.
    assert.equal(suppressed, 6);
  });

  it('labels in Norwegian by default and English on request, with region names', () => {
    const nb = toJsonStat(rowsOf('I1'), meta('I1'), { regionNames: names });
    const en = toJsonStat(rowsOf('I1'), meta('I1'), { regionNames: names, lang: 'en' });
    assert.equal(nb.dimension['region']?.category.label?.['4601'], 'Bergen');
    assert.equal(nb.dimension['region']?.category.label?.['0'], 'Hele landet');
    assert.equal(en.dimension['region']?.category.label?.['0'], 'Norway');
    assert.equal(nb.dimension['gruppe']?.category.label?.['under_25'], 'Under 25 år');
    assert.equal(en.dimension['maal']?.category.label?.['vgo'], 'Upper secondary');
    assert.match(nb.label, /^I1 Opplæring/);
    assert.match(en.label, /^I1 Primary/);
  });

  it('carries indicator metadata and disclosure thresholds in extension, note and source', () => {
    const doc = toJsonStat(rowsOf('R1'), meta('R1'), { publication: pub });
    assert.equal(doc.extension['kapittel'], '5.3.1');
    assert.equal(doc.extension['kjerne'], true);
    assert.equal(doc.extension['ubeskyttet'], false);
    assert.deepEqual((doc.extension['personvern'] as { thresholds: unknown }).thresholds, { minNevner: 10 });
    assert.equal(doc.source, 'A-ordningen; NUDB');
    assert.equal(doc.updated, '2024-06-01T12:00:00Z');
    assert.ok(doc.note?.some((n) => n.includes('botid')));
  });

  it('refuses rows of more than one indicator', () => {
    assert.throws(() => toJsonStat(fixtureRows(), null, {}), /one indicator per dataset/);
  });

  it('writes a valid empty dataset', () => {
    const doc = toJsonStat([], meta('I1'), {});
    assert.equal(jsonStatSchemaErrors(doc), '');
    assert.equal(readWithToolkit(doc).n, 0);
  });
});
