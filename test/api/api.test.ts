/** The read-only API in-process (style.md §8): every endpoint and format, filters, ETag/304, errors. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { testApi, json, type TestApi } from './helpers.ts';
import { jsonStatSchemaErrors, readWithToolkit } from '../fixtures/jsonstat-helpers.ts';
import { fixtureRows } from '../fixtures/fixture-rows.ts';
import { RESULT_COLUMNS } from '../../src/contract/results.ts';

let api: TestApi;
before(async () => {
  // A generous time budget: the export worker's first start is slow on a busy machine.
  api = await testApi({ requestBudgetMs: 120_000 });
});
after(async () => {
  await api.close();
});

type Doc = { id: string[]; size: number[]; label: string; dimension: Record<string, { category: { index: string[] | Record<string, number>; label?: Record<string, string> } }>; extension: Record<string, unknown> };
const cats = (doc: Doc, dim: string) => {
  const idx = doc.dimension[dim]!.category.index;
  return Array.isArray(idx) ? idx : Object.keys(idx);
};

describe('GET /api/v1/indikatorer/{id}', () => {
  it('returns a JSON-stat 2.0 dataset that passes the schema and loads in jsonstat-toolkit', async () => {
    const res = await api.request('/api/v1/indikatorer/I1');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    assert.ok(res.headers.get('etag'));
    assert.match(res.headers.get('cache-control') ?? '', /max-age/);
    const doc = await json<Doc>(res);
    assert.equal(jsonStatSchemaErrors(doc), '');
    const ds = readWithToolkit(doc);
    assert.equal(ds.n, doc.size.reduce((a, b) => a * b, 1));
    assert.deepEqual(cats(doc, 'region'), ['0', '03', '46', '0301', '4601', '4602']);
    assert.equal(doc.dimension['region']!.category.label!['4601'], 'Bergen');
  });

  it('filters with valueCodes, wildcards and repeated keys', async () => {
    const doc = await json<Doc>(await api.request('/api/v1/indikatorer/I1?valueCodes[region]=0301,4601&valueCodes[periode]=2022'));
    assert.deepEqual(cats(doc, 'region'), ['0301', '4601']);
    assert.deepEqual(cats(doc, 'periode'), ['2022']);
    const pattern = await json<Doc>(await api.request('/api/v1/indikatorer/I1?valueCodes[region]=46*&valueCodes[gruppe]=*'));
    assert.deepEqual(cats(pattern, 'region'), ['46', '4601', '4602']);
    const repeated = await json<Doc>(await api.request('/api/v1/indikatorer/I1?valueCodes[region]=0&valueCodes[region]=03'));
    assert.deepEqual(cats(repeated, 'region'), ['0', '03']);
    const vars = await json<Doc>(await api.request('/api/v1/indikatorer/R1?valueCodes[maaltall]=verdi&valueCodes[botid]=1'));
    assert.deepEqual(cats(vars, 'maaltall'), ['verdi']);
    // A filtered dimension stays a dimension (size 1), not extension.faste.
    assert.deepEqual(cats(vars, 'botid'), ['1']);
  });

  it('serves CSV with exactly the filtered rows', async () => {
    const res = await api.request('/api/v1/indikatorer/I1?outputFormat=csv&valueCodes[region]=4601&valueCodes[gruppe]=under_25');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/csv/);
    const lines = (await res.text()).trimEnd().split('\r\n');
    assert.equal(lines[0], RESULT_COLUMNS.join(','));
    const want = fixtureRows().filter((r) => r.indikator === 'I1' && r.region === '4601' && r.gruppe === 'under_25');
    assert.equal(lines.length - 1, want.length);
    assert.ok(lines.some((l) => l.endsWith(',:')), 'the suppressed cell is there with its status');
  });

  it('serves XLSX with the same cells as the CSV', async () => {
    const q = 'valueCodes[region]=0,4601&valueCodes[periode]=2022';
    const csv = (await (await api.request(`/api/v1/indikatorer/I1?outputFormat=csv&${q}`)).text()).trimEnd().split('\r\n').map((l) => l.split(','));
    const res = await api.request(`/api/v1/indikatorer/I1?outputFormat=xlsx&${q}`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-disposition'), 'attachment; filename="I1_0+4601_2022.xlsx"');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const sheet = wb.getWorksheet('data')!;
    const cells: string[][] = [];
    sheet.eachRow((row) => {
      const out: string[] = [];
      for (let c = 1; c <= RESULT_COLUMNS.length; c++) {
        const v = row.getCell(c).value;
        out.push(v === null || v === undefined ? '' : String(v));
      }
      cells.push(out);
    });
    assert.deepEqual(cells, csv);
  });

  it('labels in English with lang=en', async () => {
    const doc = await json<Doc>(await api.request('/api/v1/indikatorer/R1?lang=en'));
    assert.match(doc.label, /In work or education/);
    assert.equal(doc.dimension['region']!.category.label!['0'], 'Norway');
  });

  it('answers If-None-Match with 304 and HEAD without a body', async () => {
    const first = await api.request('/api/v1/indikatorer/I3');
    const etag = first.headers.get('etag')!;
    const again = await api.request('/api/v1/indikatorer/I3', { headers: { 'If-None-Match': etag } });
    assert.equal(again.status, 304);
    assert.equal(again.headers.get('etag'), etag);
    assert.equal((await again.text()).length, 0);
    const weak = await api.request('/api/v1/indikatorer/I3', { headers: { 'If-None-Match': `"x", W/${etag}` } });
    assert.equal(weak.status, 304);
    const other = await api.request('/api/v1/indikatorer/I3?outputFormat=csv', { headers: { 'If-None-Match': etag } });
    assert.equal(other.status, 200);
    const head = await api.request('/api/v1/indikatorer/I3', { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.headers.get('etag'), etag);
    assert.equal((await head.text()).length, 0);
  });
});

describe('metadata endpoints', () => {
  it('/api/v1/katalog lists every indicator with the disclosure rules', async () => {
    const body = await json<{ indikatorer: { id: string }[]; personvern: { thresholds: Record<string, number> }; ubeskyttet: boolean }>(
      await api.request('/api/v1/katalog'),
    );
    assert.deepEqual(body.indikatorer.map((i) => i.id), ['I1', 'I3', 'R1']);
    assert.deepEqual(body.personvern.thresholds, { minDenominator: 5, minCount: 3, minMeanN: 5 });
    assert.equal(body.ubeskyttet, false);
  });

  it('/api/v1/indikatorer/{id}/metadata gives metadata and the existing dimension values', async () => {
    const body = await json<{ indikator: { id: string; kapittel: string }; dimensjoner: Record<string, string[]> }>(
      await api.request('/api/v1/indikatorer/R1/metadata'),
    );
    assert.equal(body.indikator.kapittel, '5.3.1');
    assert.deepEqual([...body.dimensjoner['botid']!].sort(), ['1', '2']);
  });

  it('/api/v1/kommuner/{kode}/profil shows core indicators for the municipality, its county and the country', async () => {
    const res = await api.request('/api/v1/kommuner/4601/profil');
    assert.equal(res.status, 200);
    const body = await json<{ kommune: { navn: string }; fylke: { kode: string }; indikatorer: { id: string; periode: number; rader: { region: string; kjonn: string }[] }[] }>(res);
    assert.equal(body.kommune.navn, 'Bergen');
    assert.equal(body.fylke.kode, '46');
    assert.deepEqual(body.indikatorer.map((i) => i.id), ['I1', 'R1'], 'core indicators only (I3 is not core)');
    for (const ind of body.indikatorer) {
      assert.equal(ind.periode, 2022);
      assert.deepEqual(new Set(ind.rader.map((r) => r.region)), new Set(['0', '46', '4601']));
      assert.ok(ind.rader.every((r) => r.kjonn === 'alle'));
    }
  });

  it('/api/v1/regioner lists the country, counties and municipalities', async () => {
    const body = await json<{ land: { kode: string }; fylker: { kode: string; navn: string }[]; kommuner: { kode: string }[] }>(await api.request('/api/v1/regioner'));
    assert.equal(body.land.kode, '0');
    assert.deepEqual(body.fylker, [{ kode: '03', navn: 'Oslo' }, { kode: '46', navn: 'Vestland' }]);
    assert.deepEqual(body.kommuner.map((k) => k.kode), ['0301', '4601', '4602']);
  });

  it('/api/v1/tilgjengelighet returns the stored availability matrix', async () => {
    const body = await json<{ tilgjengelighet: { indikatorer: Record<string, string> } }>(await api.request('/api/v1/tilgjengelighet'));
    assert.equal(body.tilgjengelighet.indikatorer['R1'], 'delvis');
  });

  it('/api/v1/innlesing gives counts per file and per reason, no values or lines', async () => {
    const res = await api.request('/api/v1/innlesing');
    const text = await res.text();
    const body = JSON.parse(text) as { filer: Record<string, unknown>[]; totalt: Record<string, number>; avviste_etter_aarsak: Record<string, unknown>[] };
    assert.equal(body.filer.length, 2);
    assert.deepEqual(body.totalt, { rows_read: 150, rows_loaded: 146, rows_rejected: 4 });
    const fodt = body.avviste_etter_aarsak.find((r) => r['kolonne'] === 'fodt');
    assert.equal(fodt?.['antall'], 2);
    assert.equal(fodt?.['aarsak_kode'], 'ugyldig_maaned');
    assert.ok(!text.includes('1990-13') && !text.includes('"linje"') && !text.includes('"verdi"'));
  });

  it('/api/openapi.json and /api/v1/ describe the API', async () => {
    const spec = await json<{ openapi: string; paths: Record<string, unknown> }>(await api.request('/api/openapi.json'));
    assert.equal(spec.openapi, '3.1.0');
    assert.ok(spec.paths['/api/v1/indikatorer/{id}']);
    const index = await json<{ lenker: string[] }>(await api.request('/api/v1/'));
    assert.ok(index.lenker.includes('/api/v1/katalog'));
  });
});

describe('errors', () => {
  const cases: [string, number, string][] = [
    ['/api/v1/indikatorer/X9', 404, 'unknown_indicator'],
    ['/api/v1/indikatorer/drop', 400, 'bad_indicator'],
    ['/api/v1/indikatorer/I1?valueCodes[fylke]=03', 400, 'unknown_dimension'],
    ['/api/v1/indikatorer/I1?valueCodes[region]=9999', 400, 'unknown_value'],
    ['/api/v1/indikatorer/I1?outputFormat=pdf', 400, 'bad_format'],
    ['/api/v1/indikatorer/I1?lang=de', 400, 'bad_lang'],
    ['/api/v1/indikatorer/I1?foo=1', 400, 'unknown_parameter'],
    [`/api/v1/indikatorer/I1?valueCodes[region]=${Array.from({ length: 1001 }, () => '0').join(',')}`, 400, 'too_many_values'],
    ['/api/v1/kommuner/46/profil', 400, 'bad_region'],
    ['/api/v1/kommuner/1234/profil', 404, 'unknown_region'],
    ['/api/v1/finnesikke', 404, 'not_found'],
  ];
  for (const [path, status, code] of cases) {
    it(`${path.slice(0, 70)} → ${status} ${code}`, async () => {
      const res = await api.request(path);
      assert.equal(res.status, status);
      const body = await json<{ error: { code: string; message: string; message_en: string } }>(res);
      assert.equal(body.error.code, code);
      assert.ok(body.error.message.length > 0 && body.error.message_en.length > 0);
      assert.equal(res.headers.get('cache-control'), 'no-store');
    });
  }

  it('refuses writes with 405', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const res = await api.request('/api/v1/katalog', { method });
      assert.equal(res.status, 405, method);
      assert.equal(res.headers.get('allow'), 'GET, HEAD, OPTIONS');
    }
  });
});
