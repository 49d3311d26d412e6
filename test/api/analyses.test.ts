/**
 * /api/v1/analyser in-process over a fixture store where this test creates pub_analyser (exactly
 * ANALYSIS_COLUMNS) and pub_analyser_modeller with a few hand-made rows; and over a store without
 * them (an empty, well-formed answer with a note, never a 5xx).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ANALYSIS_COLUMNS, type AnalysisRow } from '../../src/contract/analysis.ts';
import type { Store } from '../../src/store/index.ts';
import { fixtureStore } from '../fixtures/fixture-store.ts';
import { jsonStatSchemaErrors, readWithToolkit } from '../fixtures/jsonstat-helpers.ts';
import { testApi, json, type TestApi } from './helpers.ts';

const base = { indikator: 'R1', maal: 'andel', kohort: 'bosettingskohort', botid: 2, gruppe: 'intro', regionniva: 'kommune' } as const;
const ROWS: AnalysisRow[] = [
  { ...base, analyse: 'A1', periode: '2021-2023', region: '4601', sammenligning: 'kommune_mot_forventet', n: 120, observert: 54.2, forventet: 50.1, differanse: 4.1, ki_nedre: -1.2, ki_ovre: 9.4, krympet: 3.2, vurdering: 'som_forventet', status: '' },
  { ...base, analyse: 'A1', periode: '2021-2023', region: '0301', sammenligning: 'kommune_mot_forventet', n: 300, observert: 41.0, forventet: 47.5, differanse: -6.5, ki_nedre: -10.1, ki_ovre: -2.9, krympet: -5.8, vurdering: 'lavere', status: '' },
  { ...base, analyse: 'A1', periode: '2021-2023', region: '4602', sammenligning: 'kommune_mot_forventet', n: null, observert: null, forventet: null, differanse: null, ki_nedre: null, ki_ovre: null, krympet: null, vurdering: null, status: ':' },
  { ...base, analyse: 'A1', periode: '2018-2020', region: '4601', sammenligning: 'kommune_mot_forventet', n: 95, observert: 48.0, forventet: 46.0, differanse: 2.0, ki_nedre: -3.5, ki_ovre: 7.5, krympet: 1.1, vurdering: 'som_forventet', status: '' },
  { ...base, analyse: 'A3', periode: '2019-2021', regionniva: 'land', region: '0', sammenligning: 'ny_mot_gammel_lov_justert', n: 5000, observert: 48.0, forventet: 43.2, differanse: 4.8, ki_nedre: 2.1, ki_ovre: 7.5, krympet: null, vurdering: null, status: '' },
];
const MODEL = { analyse: 'A1', indikator: 'R1', maal: 'andel', formula: 'y ~ alder + kjonn + landgruppe', covariates: ['alder', 'kjonn', 'landgruppe'], n: 9000, missing: { utdanning: 12 }, fit: { aic: 1234.5 }, software: 'integreringsmonitor irls', fittedAt: '2026-12-01T10:00:00Z' };

async function addAnalysisTables(store: Store): Promise<void> {
  const types: Record<string, string> = { botid: 'INTEGER', n: 'INTEGER', observert: 'DOUBLE', forventet: 'DOUBLE', differanse: 'DOUBLE', ki_nedre: 'DOUBLE', ki_ovre: 'DOUBLE', krympet: 'DOUBLE' };
  await store.run(`CREATE TABLE pub_analyser (${ANALYSIS_COLUMNS.map((c) => `"${c}" ${types[c] ?? 'VARCHAR'}`).join(', ')})`);
  await store.append('pub_analyser', ROWS.map((r) => ANALYSIS_COLUMNS.map((c) => r[c])));
  await store.run('CREATE TABLE pub_analyser_modeller ("analyse" VARCHAR, indikator VARCHAR, maal VARCHAR, meta_json VARCHAR)');
  await store.append('pub_analyser_modeller', [['A1', 'R1', 'andel', JSON.stringify(MODEL)]]);
}

describe('analyses published', () => {
  let api: TestApi;
  before(async () => {
    const store = await fixtureStore();
    await addAnalysisTables(store);
    api = await testApi({ requestBudgetMs: 120_000 }, store);
  });
  after(async () => api.close());

  it('/api/v1/analyser lists every analysis with counts and model metadata', async () => {
    const body = await json<{ merknader: string[]; analyser: { kode: string; antall_rader: number; perioder: string[]; modeller: { meta: { formula: string } }[] }[] }>(await api.request('/api/v1/analyser'));
    assert.deepEqual(body.merknader, []);
    const a1 = body.analyser.find((a) => a.kode === 'A1')!;
    assert.equal(a1.antall_rader, 4);
    assert.deepEqual(a1.perioder, ['2018-2020', '2021-2023']);
    assert.equal(a1.modeller[0]!.meta.formula, MODEL.formula);
    assert.equal(body.analyser.find((a) => a.kode === 'A3')!.antall_rader, 1);
    assert.equal(body.analyser.find((a) => a.kode === 'A2')!.antall_rader, 0);
  });

  it('filters one analysis by region, indicator and period (JSON)', async () => {
    const body = await json<{ rader: AnalysisRow[]; modeller: unknown[] }>(
      await api.request('/api/v1/analyser/A1?valueCodes[region]=4601,0301&valueCodes[indikator]=R1&valueCodes[periode]=2021-2023'),
    );
    assert.deepEqual(body.rader.map((r) => r.region).sort(), ['0301', '4601']);
    assert.deepEqual(body.rader.find((r) => r.region === '4601'), ROWS[0]);
    assert.equal(body.modeller.length, 1);
  });

  it('serves CSV with codes and names, and a describing file name', async () => {
    const res = await api.request('/api/v1/analyser/A1?outputFormat=csv&outputFormatParams=UseCodesAndTexts&valueCodes[region]=4601&valueCodes[periode]=2021-2023');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-disposition'), 'attachment; filename="A1_kommune_4601_2021-2023.csv"');
    const [header, row, ...rest] = (await res.text()).trimEnd().split('\r\n');
    assert.equal(rest.length, 0);
    const h = header!.split(',');
    const cells = row!.split(',');
    assert.equal(cells[h.indexOf('vurdering_tekst')], 'Som forventet');
    assert.equal(cells[h.indexOf('region_tekst')], 'Bergen');
    assert.equal(cells[h.indexOf('differanse')], '4.1');
    const plain = (await (await api.request('/api/v1/analyser/A1?outputFormat=csv')).text()).split('\r\n')[0];
    assert.equal(plain, ANALYSIS_COLUMNS.join(','));
  });

  it('serves JSON-stat that passes the schema, keeps every dimension and gives every null a status', async () => {
    const res = await api.request('/api/v1/analyser/A1?outputFormat=json-stat2&valueCodes[periode]=2021-2023&lang=en');
    const doc = await json<{ id: string[]; size: number[]; value: (number | string | null)[]; status?: Record<string, string> | string[]; dimension: Record<string, { category: { label: Record<string, string> } }>; extension: { modeller: unknown[] } }>(res);
    assert.equal(jsonStatSchemaErrors(doc), '');
    const ds = readWithToolkit(doc);
    assert.equal(ds.n, doc.size.reduce((a, b) => a * b, 1));
    assert.ok(doc.id.includes('periode') && doc.id.includes('analyse'), 'filtered dimensions stay, with size 1');
    assert.equal(doc.size[doc.id.indexOf('periode')], 1);
    assert.equal(doc.dimension['region']!.category.label['4601'], 'Bergen');
    assert.equal(doc.extension.modeller.length, 1);
    doc.value.forEach((v, i) => {
      if (v === null) assert.ok(ds.Data(i)?.status, `null at ${i} has a status`);
    });
    const suppressed = doc.value.findIndex((_, i) => ds.Data(i)?.status === ':');
    assert.ok(suppressed >= 0, 'the suppressed row keeps its ":"');
  });

  it('refuses bad and unknown analysis codes and unknown values', async () => {
    const cases: [string, number, string][] = [
      ['/api/v1/analyser/A9', 404, 'unknown_analysis'],
      ['/api/v1/analyser/drop', 400, 'bad_analysis'],
      ['/api/v1/analyser/A1?valueCodes[region]=9999', 400, 'unknown_value'],
      ['/api/v1/analyser/A1?valueCodes[fylke]=46', 400, 'unknown_dimension'],
      ['/api/v1/analyser/A1?outputFormat=pdf', 400, 'bad_format'],
    ];
    for (const [path, status, code] of cases) {
      const res = await api.request(path);
      assert.equal(res.status, status, path);
      assert.equal((await json<{ code: string }>(res)).code, code, path);
    }
  });
});

describe('analyses not published', () => {
  let api: TestApi;
  before(async () => {
    api = await testApi({ requestBudgetMs: 120_000 });
  });
  after(async () => api.close());

  it('answers empty and well-formed with a note in every format, never 5xx', async () => {
    const list = await json<{ merknader: string[]; analyser: { antall_rader: number }[] }>(await api.request('/api/v1/analyser?lang=en'));
    assert.match(list.merknader[0] ?? '', /No analyses are published/);
    assert.ok(list.analyser.every((a) => a.antall_rader === 0));
    const one = await json<{ rader: unknown[]; merknader: string[] }>(await api.request('/api/v1/analyser/A1?valueCodes[region]=4601'));
    assert.deepEqual(one.rader, []);
    assert.ok(one.merknader.length > 0);
    const csv = await api.request('/api/v1/analyser/A1?outputFormat=csv');
    assert.equal(csv.status, 200);
    assert.equal((await csv.text()).trimEnd(), ANALYSIS_COLUMNS.join(','));
    const doc = await json(await api.request('/api/v1/analyser/A3?outputFormat=json-stat2'));
    assert.equal(jsonStatSchemaErrors(doc), '');
    const xlsx = await api.request('/api/v1/analyser/A1?outputFormat=xlsx');
    assert.equal(xlsx.status, 200);
  });
});
