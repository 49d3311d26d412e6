/**
 * No request can freeze the server (issue 13, item 4): a slow download runs in the export worker
 * while fast requests are answered without delay; a request past its time budget gets 503 with a
 * problem body; an export over the row bound gets 413 before any work.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { openStore, type Store } from '../../src/store/index.ts';
import { saveResults } from '../../src/publish/index.ts';
import type { ResultRow } from '../../src/contract/results.ts';
import { FIXTURE_CATALOGUE } from '../fixtures/fixture-catalogue.ts';
import { FIXTURE_META } from '../fixtures/fixture-store.ts';
import { createApp, type AppDeps } from '../../src/server/index.ts';

/** I1 with ~12 000 rows (enough that an XLSX takes seconds), I3 with a handful. */
function bigRows(): ResultRow[] {
  const rows: ResultRow[] = [];
  const regions = ['0', ...Array.from({ length: 40 }, (_, i) => String(10 + i)), ...Array.from({ length: 120 }, (_, i) => String(1000 + i))];
  for (const indikator of ['I1', 'I3']) {
    const periods = indikator === 'I1' ? [2018, 2019, 2020, 2021, 2022, 2023] : [2023];
    const groups = indikator === 'I1' ? (['under_25', 'har_vgo', 'ovrige', 'alle'] as const) : (['alle'] as const);
    for (const periode of periods) {
      for (const gruppe of groups) {
        for (const kjonn of ['1', '2', 'alle'] as const) {
          for (const region of indikator === 'I1' ? regions : ['0']) {
            const regionniva = region === '0' ? 'land' : region.length === 2 ? 'fylke' : 'kommune';
            rows.push({
              indikator, maal: indikator === 'I1' ? 'grunnskole' : 'snitt', ledd: 'innsats', kohort: 'startkohort', periode, botid: null, lovregime: 'alle', regionniva, region, gruppe, kjonn,
              teller: 12, nevner: 40, verdi: 30.5, ki_nedre: 20.1, ki_ovre: 40.2, mangler: 0, status: '',
            });
          }
        }
      }
    }
  }
  return rows;
}

let store: Store;
before(async () => {
  store = await openStore(':memory:');
  await saveResults(store, bigRows(), FIXTURE_META, { catalogue: FIXTURE_CATALOGUE });
});
after(async () => {
  await store.close();
});

/** An app over the shared big store (closing it stops its export worker, not the store). */
const appOver = (deps: Omit<AppDeps, 'store'>) => createApp({ store, ...deps });

describe('a slow request does not delay a fast one', () => {
  it('answers fast requests while a big XLSX is built', async () => {
    const server = appOver({ requestBudgetMs: 300_000 });
    try {
      // Warm the fast path (caches, row load) so the measurement is about the event loop only.
      assert.equal((await server.request('/api/v1/indikatorer/I3')).status, 200);
      assert.equal((await server.request('/api/v1/katalog')).status, 200);
      const loop = monitorEventLoopDelay({ resolution: 10 });
      loop.enable();
      let slowDone = false;
      const t0 = performance.now();
      const slow = Promise.resolve(server.request('/api/v1/indikatorer/I1?outputFormat=xlsx')).then(async (r) => {
        const bytes = (await r.arrayBuffer()).byteLength;
        slowDone = true;
        return { status: r.status, bytes, ms: performance.now() - t0 };
      });
      const fast: number[] = [];
      // Fast requests until the slow one is done (at least 10).
      while (!slowDone || fast.length < 10) {
        const f0 = performance.now();
        const res = await server.request(fast.length % 2 ? '/api/v1/katalog' : '/api/v1/indikatorer/I3?valueCodes[kjonn]=alle');
        assert.equal(res.status, 200);
        await res.arrayBuffer();
        fast.push(performance.now() - f0);
        await new Promise((r) => setTimeout(r, 20));
        if (fast.length > 5000) break;
      }
      const s = await slow;
      loop.disable();
      assert.equal(s.status, 200);
      assert.ok(s.bytes > 200_000, `a big XLSX (${s.bytes} bytes)`);
      const worst = Math.max(...fast);
      const maxLagMs = loop.max / 1e6;
      process.stderr.write(`slow XLSX ${s.ms.toFixed(0)} ms; ${fast.length} fast requests meanwhile, worst ${worst.toFixed(0)} ms; event-loop lag max ${maxLagMs.toFixed(0)} ms\n`);
      assert.ok(fast.length >= 10);
      // Bounds relative to the slow request, so they hold on a busy shared machine too: built on the
      // event loop, the XLSX would block it (and every fast request) for about its whole time.
      assert.ok(worst < s.ms / 4, `worst fast request ${worst.toFixed(0)} ms while the slow one took ${s.ms.toFixed(0)} ms`);
      assert.ok(maxLagMs < s.ms / 4, `event loop blocked for ${maxLagMs.toFixed(0)} ms`);
    } finally {
      await server.close();
    }
  });
});

describe('bounds', () => {
  it('answers 503 with a problem body when a request overruns its budget, and the retry is served', async () => {
    const api = await appOver({ requestBudgetMs: 200 });
    try {
      const path = '/api/v1/indikatorer/I1?outputFormat=xlsx&valueCodes[gruppe]=alle';
      const res = await api.request(path);
      assert.equal(res.status, 503);
      assert.match(res.headers.get('content-type') ?? '', /problem\+json/);
      assert.ok(Number(res.headers.get('retry-after')) > 0);
      const p = (await res.json()) as { code: string; status: number };
      assert.equal(p.code, 'timeout');
      assert.equal(p.status, 503);
      // The work went on and filled the cache: a later retry gets the file.
      let again: Response | null = null;
      for (let i = 0; i < 300; i++) {
        await new Promise((r) => setTimeout(r, 500));
        again = await api.request(path);
        if (again.status === 200) break;
      }
      assert.equal(again?.status, 200);
    } finally {
      await api.close();
    }
  });

  it('refuses an export over the row bound with 413 before any work', async () => {
    const api = await appOver({ requestBudgetMs: 60_000, exports: { maxRows: 1000 }, inlineRows: 100 });
    try {
      for (const format of ['xlsx', 'csv', 'json-stat2']) {
        const res = await api.request(`/api/v1/indikatorer/I1?outputFormat=${format}`);
        assert.equal(res.status, 413, format);
        assert.equal(((await res.json()) as { code: string }).code, 'export_too_large');
      }
    } finally {
      await api.close();
    }
  });
});
