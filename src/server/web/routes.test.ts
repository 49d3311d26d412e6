/** In-process checks of the dashboard routes (style guide §8): status, content type, key markup. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Hono } from 'hono';
import type { Store } from '../../store/index.ts';
import { browserFixtureStore, SUPPRESSED_KOMMUNE } from '../../../test/browser/fixture.ts';
import { webRoutes } from './index.ts';

let store: Store;
let app: Hono;

before(async () => {
  store = await browserFixtureStore();
  app = new Hono();
  app.route('/', webRoutes({ store }));
});
after(async () => store.close());

async function html(path: string, status = 200): Promise<string> {
  const res = await app.request(path);
  assert.equal(res.status, status, path);
  assert.match(res.headers.get('content-type') ?? '', /text\/html/);
  return res.text();
}

test('every page type renders, Norwegian by default and English on request', async () => {
  for (const p of ['/', '/indikator/P4', '/indikator/R2', `/kommune/${SUPPRESSED_KOMMUNE}`, '/kommune', '/data']) {
    const nb = await html(p);
    assert.match(nb, /^<!doctype html><html lang="nb"/, p);
    assert.match(nb, /class="ds-skip-link" href="#main"/, p);
    const en = await html(p + (p.includes('?') ? '&' : '?') + 'lang=en');
    assert.match(en, /<html lang="en"/, p);
  }
});

test('links keep ?lang=en', async () => {
  const en = await html('/?lang=en');
  assert.match(en, /href="\/indikator\/P4\?lang=en"/);
  assert.match(en, /href="\/data\?lang=en"/);
  assert.match(en, /<input type="hidden" name="lang" value="en"/);
});

test('unknown indicator or municipality gives a 404 page', async () => {
  assert.match(await html('/indikator/ZZ9', 404), /Fant ikke siden/);
  assert.match(await html('/kommune/0000', 404), /Fant ikke siden/);
});

test('the picker redirects ?kode= to the profile address, keeping the language', async () => {
  const res = await app.request('/kommune?kode=4601&lang=en');
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), '/kommune/4601?lang=en');
});

test('suppressed municipality cell: ":" explained and the county figure offered', async () => {
  const page = await html('/indikator/P4?niva=kommune');
  assert.match(page, /<abbr title="Prikket for å hindre at enkeltpersoner kan gjenkjennes"[^>]*>:<\/abbr>/);
  assert.match(page, /Fylket \(Vestland\): /);
});

test('filters outside the data fall back to defaults instead of failing', async () => {
  const page = await html('/indikator/P4?gruppe=bogus&periode=1800&maal=%3Cscript%3E');
  assert.doesNotMatch(page, /<script>/);
  assert.match(page, /<option value="2023" selected/);
});

test('stylesheets are served with long cache headers', async () => {
  const page = await html('/');
  const urls = [...page.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]!);
  assert.equal(urls.length, 3);
  for (const u of urls) {
    const res = await app.request(u);
    assert.equal(res.status, 200, u);
    assert.match(res.headers.get('content-type') ?? '', /text\/css/);
    assert.match(res.headers.get('cache-control') ?? '', /max-age=31536000, immutable/);
  }
  assert.match(await (await app.request(urls[0]!)).text(), /\.ds-button/);
});
