/**
 * Hostile and malformed requests: only 4xx (never 5xx), the store is unharmed, and no response ever
 * carries microdata (no person_id field, none of the planted pseudonyms, no rejected values).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { testApi, type TestApi } from './helpers.ts';
import { PSEUDONYMS } from '../fixtures/fixture-store.ts';

let api: TestApi;
before(async () => {
  api = await testApi({ requestBudgetMs: 120_000 });
});
after(async () => {
  await api.close();
});

const sqlBits = ["'; DROP TABLE pub_resultater;--", "0301' OR '1'='1", '1) UNION SELECT person_id FROM personer --', '"; SELECT * FROM ingest_avviste; --'];
const hostileValues = [
  ...sqlBits,
  '../../etc/passwd',
  '..%2F..%2Fetc%2Fpasswd',
  '%00',
  '0301%00',
  '%C0%AE%C0%AE%2F',
  'Ø̸̡ͅ💥',
  '<script>alert(1)</script>',
  '*'.repeat(200),
  'a'.repeat(5000),
  '%',
  '%%%',
  '\u0000',
];

function paths(): string[] {
  const out: string[] = [];
  for (const v of hostileValues) {
    const e = encodeURIComponent(v);
    out.push(
      `/api/v1/indikatorer/${e}`,
      `/api/v1/indikatorer/${e}/metadata`,
      `/api/v1/kommuner/${e}/profil`,
      `/api/v1/indikatorer/I1?valueCodes[region]=${e}`,
      `/api/v1/indikatorer/I1?valueCodes[${e}]=0301`,
      `/api/v1/indikatorer/I1?outputFormat=${e}`,
      `/api/v1/indikatorer/I1?lang=${e}`,
      `/api/v1/katalog?${e}=1`,
      `/api/v1/${e}`,
      `/api/v1/analyser/${e}`,
      `/api/v1/analyser/A1?valueCodes[region]=${e}`,
      `/api/v2/tables/${e}/data`,
      `/api/v1/indikatorer/I1?outputFormat=csv&outputFormatParams=${e}`,
    );
  }
  out.push(
    '/api/v1/indikatorer/../../etc/passwd',
    '/api/../../../etc/passwd',
    '/api/v1/indikatorer/I1?valueCodes[region]=' + '0301,'.repeat(3000),
    '/api/v1/indikatorer/I1?' + Array.from({ length: 500 }, (_, i) => `valueCodes[region]=${i}`).join('&'),
    '/api/v1/indikatorer/I1?valueCodes[region]=0301&valueCodes[region]=%27%3B%20DROP%20TABLE%20x%3B--',
    '/api/v1/indikatorer/I1?valueCodes[periode]=2022%20OR%201%3D1',
    '/api/v1/indikatorer/I1?valueCodes[botid]=-1e999',
    '/api/v1/indikatorer/I1?outputFormat=csv&outputFormat=xlsx',
    '/api/v1/indikatorer/I1?valueCodes[region]=',
    '/api/v1/indikatorer/I1?valueCodes[]=1',
    '/api/v1/indikatorer/I1?valueCodes=1',
    '/api/v1/indikatorer/I1?valueCodes[region][0]=1',
    '/api/v1/innlesing?detaljer=1',
    '/api/v1/innlesing?tabell=personer',
    '/api/v1/kommuner/0301%27--/profil',
    '/api/v1/indikatorer/I1?valueCodes[region]=' + '*'.repeat(10) + 'x',
    '/api/v1/indikatorer/I1?valueCodes[region]=range(0301',
    '/api/v1/indikatorer/I1?valueCodes[region]=top(999999999)',
    '/api/v1/indikatorer/I1?valueCodes[periode]=range(2022,%27%20OR%201=1)',
    '/api/v1/indikatorer/I1?lang=no&lang=en',
  );
  return out;
}

function assertNoMicrodata(text: string, where: string): void {
  assert.ok(!/"person_id"\s*:/.test(text), `person_id field in ${where}`);
  for (const p of PSEUDONYMS) assert.ok(!text.includes(p), `pseudonym ${p} in ${where}`);
  for (const v of ['1990-13', '1991-00', '9998']) assert.ok(!text.includes(`"${v}"`), `rejected value ${v} in ${where}`);
}

describe('hostile parameters', () => {
  it('get only 4xx answers with a JSON error, never 5xx', async () => {
    const seen = new Set<number>();
    for (const path of paths()) {
      const res = await api.request(path);
      const text = await res.text();
      seen.add(res.status);
      assert.ok(res.status >= 400 && res.status < 500, `${res.status} for ${path.slice(0, 120)}`);
      if (path.startsWith('/api/') && res.headers.get('content-type')?.includes('json')) {
        const body = JSON.parse(text) as { error?: { code: string } };
        assert.ok(body.error?.code, `JSON error body for ${path.slice(0, 120)}`);
      }
      assertNoMicrodata(text, path);
    }
    assert.ok(seen.has(400) && seen.has(404) && seen.has(414), [...seen].join(','));
  });

  it('leave the store unharmed', async () => {
    const rows = await api.store.all('SELECT COUNT(*)::INTEGER AS n FROM pub_resultater');
    assert.ok(Number(rows[0]?.['n']) > 0);
    const people = await api.store.all('SELECT COUNT(*)::INTEGER AS n FROM personer');
    assert.equal(people[0]?.['n'], PSEUDONYMS.length);
  });
});

describe('no microdata in any normal response', () => {
  it('holds for every endpoint and format', async () => {
    const normal = [
      '/api/v1/',
      '/api/openapi.json',
      '/api/v1/katalog',
      '/api/v1/regioner',
      '/api/v1/tilgjengelighet',
      '/api/v1/innlesing',
      '/api/v1/innlesing?lang=en',
      '/api/v1/kommuner/0301/profil',
      '/api/v1/etiketter',
      '/api/v1/analyser',
      '/api/v1/analyser/A1',
      '/api/v2/tables',
      ...['I1', 'I3', 'R1'].flatMap((id) => [
        `/api/v1/indikatorer/${id}`,
        `/api/v1/indikatorer/${id}/metadata`,
        `/api/v1/indikatorer/${id}?outputFormat=csv`,
        `/api/v1/indikatorer/${id}?outputFormat=csv&outputFormatParams=UseCodesAndTexts,SeparatorSemicolon`,
        `/api/v2/tables/${id}/data`,
      ]),
    ];
    for (const path of normal) {
      const res = await api.request(path);
      assert.equal(res.status, 200, path);
      assertNoMicrodata(await res.text(), path);
    }
  });
});
