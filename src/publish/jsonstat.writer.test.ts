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
      assert.deepEqual(ds.role?.metric, ['maaltall']);
    });
  }

  it('keeps every key column as a dimension (size 1 when it does not vary), in sorted order', () => {
    const doc = toJsonStat(rowsOf('R1'), meta('R1'), {});
    assert.deepEqual(doc.id, ['maal', 'ledd', 'kohort', 'periode', 'botid', 'lovregime', 'region', 'gruppe', 'kjonn', 'maaltall']);
    assert.deepEqual(doc.dimension['gruppe']?.category.index, ['alle']);
    assert.equal(doc.size[doc.id.indexOf('gruppe')], 1);
    assert.equal(doc.dimension['botid']?.category.label?.['1'], '1');
    assert.equal(doc.extension['faste'], undefined);
    // A filtered selection keeps the same dimensions.
    const one = toJsonStat(rowsOf('R1').filter((r) => r.region === '4601'), meta('R1'), {});
    assert.deepEqual(one.id, doc.id);
    assert.deepEqual(one.dimension['region']?.category.index, ['4601']);
    for (const [dim, d] of Object.entries(doc.dimension)) {
      if (dim === 'maaltall') continue;
      const idx = d.category.index as string[];
      const again = toJsonStat([...rowsOf('R1')].reverse(), meta('R1'), {}).dimension[dim]!.category.index;
      assert.deepEqual(again, idx, `${dim}: the order does not depend on the row order`);
    }
    assert.deepEqual(doc.dimension['region']?.category.index, ['0', '03', '46', '0301', '4601', '4602'].filter((c) => (doc.dimension['region']!.category.index as string[]).includes(c)));
  });

  it('carries a unit per content category: counts in persons, the value in the measure unit', () => {
    const r1 = toJsonStat(rowsOf('R1'), meta('R1'), {});
    const unit = r1.dimension['maaltall']?.category.unit;
    assert.equal(unit?.['nevner']?.label, 'personer');
    assert.equal(unit?.['nevner']?.decimals, 0);
    assert.equal(unit?.['verdi']?.label, 'prosent');
    assert.equal(unit?.['ki_ovre']?.label, 'prosent');
    assert.equal(r1.dimension['maal']?.category.unit, undefined, 'no unit on maal: it is not the metric dimension');
    const i3 = toJsonStat(rowsOf('I3'), meta('I3'), { lang: 'en' });
    assert.equal(i3.dimension['maaltall']?.category.unit?.['verdi']?.label, 'hours');
    assert.equal(i3.dimension['maaltall']?.category.unit?.['teller']?.label, 'persons');
  });

  it('gives every null a status: ":" suppressed, ".." no data, "." not applicable or not existing', () => {
    for (const id of ['I1', 'I3', 'R1']) {
      const doc = toJsonStat(rowsOf(id), meta(id), {});
      const values = doc.value as (number | null)[];
      const status = doc.status as (string | null)[];
      assert.equal(values.length, doc.size.reduce((a, b) => a * b, 1));
      assert.equal(status.length, values.length);
      values.forEach((v, i) => assert.equal(v === null, status[i] !== null, `${id} cell ${i}: value ${v}, status ${status[i]}`));
      const filled = rowsOf(id).length * 6;
      const existing = values.length - status.filter((s) => s === '.').length;
      assert.ok(existing <= filled);
    }
    const r1 = toJsonStat(rowsOf('R1').filter((r) => r.kjonn === 'alle' || r.region === '0'), meta('R1'), {});
    const ds = readWithToolkit(r1);
    let notExisting = 0;
    for (let i = 0; i < ds.n; i++) {
      const d = ds.Data(i)!;
      if (d.value === null) assert.ok(d.status !== null, `cell ${i} null without status`);
      if (d.status === '.') notExisting++;
    }
    assert.ok(notExisting > 0, 'sex only at country level: the other combinations are "."');
    assert.equal(jsonStatSchemaErrors(r1), '');
  });

  it('uses the object form for a very sparse cube, with a status on every null of an existing row', () => {
    // One municipality row among many regions × groups: far more combinations than rows.
    const rows = rowsOf('R1');
    const sparse = rows.filter((r) => r.region === '0' ? r.gruppe === 'alle' && r.kjonn === 'alle' : true).slice(0, 3);
    const wide = [...sparse, ...rows.filter((r) => r.region !== '0' && r.kjonn !== 'alle').slice(0, 1)];
    const doc = toJsonStat(wide, meta('R1'), {});
    const n = doc.size.reduce((a, b) => a * b, 1);
    if (n > 3 * wide.length * 6) {
      assert.ok(!Array.isArray(doc.value), 'object form');
      const values = doc.value as Record<string, number | null>;
      const status = (doc.status ?? {}) as Record<string, string>;
      for (const [i, v] of Object.entries(values)) assert.equal(v === null, status[i] !== undefined, `cell ${i}`);
      assert.equal(Object.keys(values).length, wide.length * 6);
    } else {
      assert.ok(Array.isArray(doc.value));
    }
    assert.equal(jsonStatSchemaErrors(doc), '');
    assert.equal(readWithToolkit(doc).n, n);
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
