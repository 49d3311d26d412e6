/**
 * The API in SSB's PxWebApi v2 conventions, in-process: selection expressions, lang=no, output
 * format parameters (codes, texts, both; Norwegian CSV), file names, problem+json, CORS preflight,
 * compression, sorted metadata with labels in both languages, and the v2 paths.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { testApi, json, type TestApi } from './helpers.ts';
import { fixtureRows } from '../fixtures/fixture-rows.ts';
import { RESULT_COLUMNS } from '../../src/contract/results.ts';

let api: TestApi;
before(async () => {
  api = await testApi({ requestBudgetMs: 120_000 });
});
after(async () => {
  await api.close();
});

type Doc = { dimension: Record<string, { category: { index: string[] | Record<string, number>; label?: Record<string, string> } }> };
const cats = (doc: Doc, dim: string) => {
  const idx = doc.dimension[dim]!.category.index;
  return Array.isArray(idx) ? idx : Object.keys(idx);
};
const csvLines = (text: string) => text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');

describe('selection expressions over HTTP', () => {
  it('? wildcards, top(n), from/to/range and function names in any case', async () => {
    const q = (s: string) => api.request(`/api/v1/indikatorer/I1?${s}`).then((r) => json<Doc>(r));
    assert.deepEqual(cats(await q('valueCodes[region]=460?'), 'region'), ['4601', '4602']);
    assert.deepEqual(cats(await q('valueCodes[region]=top(3)'), 'region'), ['0', '03', '46']);
    assert.deepEqual(cats(await q('valueCodes[region]=range(03,0301)'), 'region'), ['03', '46', '0301']);
    const periods = [...new Set(fixtureRows().filter((r) => r.indikator === 'I1').map((r) => String(r.periode)))].sort();
    assert.deepEqual(cats(await q('valueCodes[periode]=TOP(1)'), 'periode'), [periods.at(-1)]);
    assert.deepEqual(cats(await q(`valueCodes[periode]=from(${periods.at(-1)})`), 'periode'), [periods.at(-1)]);
    assert.deepEqual(cats(await q(`valueCodes[periode]=to(${periods[0]})`), 'periode'), [periods[0]]);
  });

  it('answers a wildcard storm at once, with no regular expressions to backtrack', async () => {
    const t0 = performance.now();
    const res = await api.request(`/api/v1/indikatorer/I1?valueCodes[region]=${'*'.repeat(9)}x,${'*0'.repeat(20)}x`);
    assert.equal(res.status, 400);
    assert.equal((await json<{ code: string }>(res)).code, 'unknown_value');
    assert.ok(performance.now() - t0 < 1000);
  });
});

describe('languages', () => {
  it('lang=no is Norwegian, lang=en English, and an invalid lang is a problem in the default language', async () => {
    const no = await json<{ indikator: { navn_valgt_spraak: string; ledd_navn: string } }>(await api.request('/api/v1/indikatorer/R1/metadata?lang=no'));
    const en = await json<{ indikator: { navn_valgt_spraak: string; ledd_navn: string } }>(await api.request('/api/v1/indikatorer/R1/metadata?lang=en'));
    assert.notEqual(no.indikator.navn_valgt_spraak, en.indikator.navn_valgt_spraak);
    assert.equal(no.indikator.ledd_navn, 'Integreringsresultat');
    assert.equal(en.indikator.ledd_navn, 'Integration outcomes');
    const bad = await api.request('/api/v1/katalog?lang=de');
    assert.equal(bad.status, 400);
    assert.equal((await json<{ title: string }>(bad)).title, 'Ugyldig forespørsel');
  });

  it('/api/v1/etiketter has every label in both languages, innsats as Effort', async () => {
    const body = await json<{ dimensjoner: Record<string, { tekster: { nb: string; en: string }; verdier: Record<string, { nb: string; en: string }> }> }>(await api.request('/api/v1/etiketter'));
    assert.deepEqual(body.dimensjoner['ledd']!.verdier['innsats'], { nb: 'Innsats', en: 'Effort' });
    for (const [dim, d] of Object.entries(body.dimensjoner)) {
      assert.ok(d.tekster.nb && d.tekster.en, dim);
      for (const [code, t] of Object.entries(d.verdier)) assert.ok(t.nb && t.en, `${dim}.${code}`);
    }
  });
});

describe('metadata', () => {
  it('lists values in a fixed order with names in both languages', async () => {
    const body = await json<{ dimensjoner: Record<string, string[]>; etiketter: Record<string, { verdier: Record<string, { nb: string; en: string }> }> }>(
      await api.request('/api/v1/indikatorer/I1/metadata'),
    );
    assert.deepEqual(body.dimensjoner['region'], ['0', '03', '46', '0301', '4601', '4602']);
    const periods = body.dimensjoner['periode']!;
    assert.deepEqual(periods, [...periods].sort());
    assert.deepEqual(body.etiketter['region']!.verdier['0'], { nb: 'Hele landet', en: 'Norway' });
    assert.deepEqual(body.etiketter['region']!.verdier['4601'], { nb: 'Bergen', en: 'Bergen' });
    assert.equal(body.etiketter['gruppe']!.verdier['under_25']!.en, 'Under 25');
  });
});

describe('downloads', () => {
  const q = 'valueCodes[region]=4601&valueCodes[gruppe]=alle';
  const want = () => fixtureRows().filter((r) => r.indikator === 'I1' && r.region === '4601' && r.gruppe === 'alle');

  it('CSV with codes and names: a text column after each coded one', async () => {
    const res = await api.request(`/api/v1/indikatorer/I1?outputFormat=csv&outputFormatParams=UseCodesAndTexts&${q}`);
    assert.equal(res.status, 200);
    const lines = csvLines(await res.text());
    const header = lines[0]!.split(',');
    assert.deepEqual(header.slice(0, 4), ['indikator', 'indikator_tekst', 'maal', 'maal_tekst']);
    assert.ok(header.includes('region_tekst') && header.includes('kjonn_tekst') && header.includes('verdi'));
    assert.ok(!header.includes('verdi_tekst'), 'numbers get no text column');
    assert.equal(lines.length - 1, want().length);
    const row = lines[1]!.split(',');
    assert.equal(row[header.indexOf('region')], '4601');
    assert.equal(row[header.indexOf('region_tekst')], 'Bergen');
    assert.equal(res.headers.get('content-disposition'), 'attachment; filename="I1_kommune_4601_gruppe-alle.csv"');
  });

  it('the Norwegian CSV: BOM, semicolons and decimal commas, same cells', async () => {
    const res = await api.request(`/api/v1/indikatorer/I1?outputFormat=csv&outputFormatParams=SeparatorSemicolon&${q}`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
    const lines = csvLines(new TextDecoder().decode(bytes));
    assert.equal(lines[0], RESULT_COLUMNS.join(';'));
    const rows = want();
    assert.equal(lines.length - 1, rows.length);
    const verdiAt = RESULT_COLUMNS.indexOf('verdi');
    const withDecimal = rows.findIndex((r) => r.verdi !== null && !Number.isInteger(r.verdi));
    assert.ok(withDecimal >= 0);
    assert.equal(lines[withDecimal + 1]!.split(';')[verdiAt], String(rows[withDecimal]!.verdi).replace('.', ','));
  });

  it('UseTexts names the columns and values in the language asked for', async () => {
    const res = await api.request(`/api/v1/indikatorer/I1?outputFormat=csv&outputFormatParams=UseTexts&lang=en&${q}`);
    const lines = csvLines(await res.text());
    assert.ok(lines[0]!.startsWith('Indicator,Measure,Link in the results chain'));
    assert.ok(lines[1]!.includes('Bergen') && lines[1]!.includes('Effort'));
    assert.ok(!lines[1]!.split(',').includes('4601'));
  });

  it('XLSX with codes and names', async () => {
    const res = await api.request(`/api/v1/indikatorer/I1?outputFormat=xlsx&outputFormatParams=UseCodesAndTexts&${q}`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-disposition'), 'attachment; filename="I1_kommune_4601_gruppe-alle.xlsx"');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const sheet = wb.getWorksheet('data')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    assert.equal(header[header.indexOf('region') + 1], 'region_tekst');
    assert.equal(sheet.rowCount - 1, want().length);
    assert.equal(sheet.getRow(2).getCell(header.indexOf('region_tekst') + 1).value, 'Bergen');
    assert.ok(wb.getWorksheet('metadata'));
  });

  it('refuses unknown or conflicting format parameters', async () => {
    for (const p of ['Foo', 'UseCodes,UseTexts']) {
      const res = await api.request(`/api/v1/indikatorer/I1?outputFormat=csv&outputFormatParams=${p}`);
      assert.equal(res.status, 400, p);
      assert.equal((await json<{ code: string }>(res)).code, 'bad_format_params');
    }
  });
});

describe('HTTP conventions', () => {
  it('errors are RFC 9457 problems', async () => {
    const res = await api.request('/api/v1/indikatorer/I1?valueCodes[region]=9999&lang=en');
    assert.equal(res.status, 400);
    assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
    const p = await json<{ type: string; title: string; status: number; detail: string; code: string }>(res);
    assert.equal(p.type, 'urn:integreringsmonitor:problem:unknown_value');
    assert.equal(p.status, 400);
    assert.equal(p.title, 'Bad request');
    assert.equal(p.detail, 'Unknown value for region: 9999.');
  });

  it('answers a CORS preflight with 204 and the right headers', async () => {
    const res = await api.request('/api/v1/indikatorer/I1', {
      method: 'OPTIONS',
      headers: { Origin: 'https://example.org', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'If-None-Match, X-Evil\r\n' },
    });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.match(res.headers.get('access-control-allow-methods') ?? '', /GET/);
    assert.match(res.headers.get('access-control-allow-headers') ?? '', /If-None-Match/);
    assert.ok(Number(res.headers.get('access-control-max-age')) > 0);
    const get = await api.request('/api/v1/katalog', { headers: { Origin: 'https://example.org' } });
    assert.equal(get.headers.get('access-control-allow-origin'), '*');
    assert.match(get.headers.get('access-control-expose-headers') ?? '', /ETag/);
  });

  it('compresses with brotli or gzip as asked, Vary only then, and 304 works with the coded ETag', async () => {
    const path = '/api/v1/indikatorer/R1';
    const plain = await api.request(path);
    const plainText = await plain.text();
    assert.equal(plain.headers.get('content-encoding'), null);
    assert.equal(plain.headers.get('vary'), null);
    const br = await api.request(path, { headers: { 'Accept-Encoding': 'gzip;q=0.5, br' } });
    assert.equal(br.headers.get('content-encoding'), 'br');
    assert.match(br.headers.get('vary') ?? '', /Accept-Encoding/);
    const brBytes = Buffer.from(await br.arrayBuffer());
    assert.ok(brBytes.length < Buffer.byteLength(plainText) / 2);
    assert.equal(brotliDecompressSync(brBytes).toString(), plainText);
    const gz = await api.request(path, { headers: { 'Accept-Encoding': 'gzip, br;q=0' } });
    assert.equal(gz.headers.get('content-encoding'), 'gzip');
    assert.equal(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString(), plainText);
    const none = await api.request(path, { headers: { 'Accept-Encoding': 'identity' } });
    assert.equal(none.headers.get('content-encoding'), null);
    const etag = br.headers.get('etag')!;
    assert.notEqual(etag, plain.headers.get('etag'));
    const again = await api.request(path, { headers: { 'Accept-Encoding': 'br', 'If-None-Match': etag } });
    assert.equal(again.status, 304);
  });

  it('serves the PxWebApi v2 paths beside the v1 ones', async () => {
    const tables = await json<{ tables: { id: string }[] }>(await api.request('/api/v2/tables?lang=no'));
    assert.deepEqual(tables.tables.map((t) => t.id), ['I1', 'I3', 'R1']);
    const v2 = await api.request('/api/v2/tables/I1/data?valueCodes[region]=0301&outputFormat=csv');
    const v1 = await api.request('/api/v1/indikatorer/I1?valueCodes[region]=0301&outputFormat=csv');
    assert.equal(v2.status, 200);
    assert.equal(await v2.text(), await v1.text());
    const meta = await json<{ dimensjoner: Record<string, string[]> }>(await api.request('/api/v2/tables/I1/metadata'));
    assert.ok(meta.dimensjoner['region']);
    const spec = await json<{ paths: Record<string, unknown> }>(await api.request('/api/openapi.json'));
    for (const p of ['/api/v2/tables/{id}/data', '/api/v1/analyser', '/api/v1/analyser/{analyse}', '/api/v1/etiketter']) assert.ok(spec.paths[p], p);
  });
});
