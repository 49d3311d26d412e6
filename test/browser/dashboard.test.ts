/**
 * The dashboard in a real browser (Debian's chromium via playwright-core) over a small fixture
 * publication: every page type, the language switch, filters, downloads, suppressed cells and
 * their explanation, axe-core accessibility checks, and screenshots in test-artifacts/.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchChromium } from './browser.ts';
import { startFixtureApp, type RunningApp } from './server.ts';
import { SUPPRESSED_KOMMUNE } from './fixture.ts';

const ARTIFACTS = 'test-artifacts';
let app: RunningApp;
let browser: Browser;

async function open(path: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const res = await page.goto(app.base + path);
  assert.equal(res?.status(), 200, `GET ${path}`);
  return page;
}

describe('dashboard in chromium', () => {
  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await launchChromium();
    app = await startFixtureApp();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  test('front page: the results chain with its three links and core indicators', async () => {
    // The browser itself is warmed on another page first (a new renderer's start-up is not the
    // page's cost); then the first view of / on this server (page not cached), then a repeat view.
    const warmBrowser = await open('/data');
    await warmBrowser.close();
    const dclOf = (p: Page) =>
      p.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return nav.domContentLoadedEventEnd - nav.startTime;
      });
    const page = await open('/');
    const cold = await dclOf(page);
    const again = await open('/');
    const warm = await dclOf(again);
    await again.close();
    console.log(`# DOMContentLoaded for / on localhost: first view ${cold.toFixed(0)} ms, repeat view ${warm.toFixed(0)} ms`);
    assert.equal(await page.getAttribute('html', 'lang'), 'nb');
    const links = await page.locator('.chain-link h2').allTextContents();
    assert.deepEqual(links.map((s) => s.replace(/^\d\s*/, '').trim()), ['Innsats', 'Programresultat', 'Integreringsresultat']);
    const p4 = page.locator('article', { has: page.locator('a[href="/indikator/P4"]') });
    assert.match(await p4.locator('.big-number').innerText(), /\d+,\d %/, 'latest value, Norwegian decimal comma');
    assert.match(await p4.locator('.compare').first().innerText(), /Gammel lov[\s\S]*Ny lov/);
    assert.match(await p4.locator('.groups').innerText(), /Under 25 år[\s\S]*Har videregående[\s\S]*Øvrige/);
    assert.equal(await p4.locator('svg.sparkline').count(), 1);
    await page.screenshot({ path: `${ARTIFACTS}/forside.png`, fullPage: true });
    await page.close();
  });

  test('language switch: English on request, kept across links', async () => {
    const page = await open('/');
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(/lang=en/);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.match(await page.locator('h1').innerText(), /results chain/);
    await page.locator('a[href^="/indikator/P4"]').first().click();
    await page.waitForURL(/\/indikator\/P4\?lang=en/);
    assert.match(await page.locator('#om').innerText(), /About the indicator/);
    // Back to Norwegian keeps the page.
    await page.getByRole('link', { name: 'Norsk (bokmål)' }).click();
    await page.waitForURL((u) => u.pathname === '/indikator/P4' && !u.search.includes('lang=en'));
    assert.equal(await page.getAttribute('html', 'lang'), 'nb');
    await page.close();
  });

  test('indicator page: definition, filters as a GET form, charts with target line and data table', async () => {
    const page = await open('/indikator/P4');
    assert.match(await page.locator('h1').innerText(), /P4 Norskferdigheter/);
    assert.match(await page.locator('.definition').innerText(), /Hvem telles med/);
    // The national target (90 % B1 oral) is drawn on the chart for that measure.
    await page.selectOption('#f-maal', 'b1_muntlig');
    await page.selectOption('#f-gruppe', 'under_25');
    await page.selectOption('#f-lovregime', 'integreringsloven');
    await page.selectOption('#f-niva', 'fylke');
    await page.getByRole('button', { name: 'Vis' }).click();
    await page.waitForURL(/gruppe=under_25/);
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('lovregime'), 'integreringsloven');
    assert.equal(url.searchParams.get('niva'), 'fylke');
    assert.match(await page.locator('#region-caption').innerText(), /Fylker: Under 25 år/);
    assert.match(await page.locator('#chart-gruppe .target text').first().textContent() ?? '', /90 %/);
    assert.equal(await page.locator('#chart-gruppe .chart-data table caption').count(), 1);
    assert.ok((await page.locator('#chart-gruppe svg[role="img"] title').count()) > 0);
    assert.ok((await page.locator('.map-svg path').count()) === 15, 'county map has 15 counties');
    assert.match(await page.locator('.attribution').innerText(), /© Kartverket, CC BY 4\.0/);
    await page.close();
  });

  test('link 3 indicator page has a chart by years since settlement', async () => {
    const page = await open('/indikator/R2');
    assert.equal(await page.locator('#chart-botid').count(), 1);
    assert.match(await page.locator('#f-botid').inputValue(), /^2$/);
    await page.close();
  });

  test('a suppressed municipality shows ":" with its explanation and the county figure', async () => {
    const page = await open('/indikator/P4?niva=kommune');
    const row = page.locator('tr', { has: page.locator(`a[href="/kommune/${SUPPRESSED_KOMMUNE}"]`) });
    const abbr = row.locator('.suppressed abbr').first();
    assert.equal((await abbr.innerText()).trim(), ':');
    assert.match((await abbr.getAttribute('title')) ?? '', /Prikket for å hindre at enkeltpersoner kan gjenkjennes/);
    assert.match(await row.locator('.county-fallback').innerText(), /Fylket \(Vestland\): \d+,\d %/);
    assert.match(await page.locator('#note-prikking').innerText(), /prikket for å hindre at enkeltpersoner kan gjenkjennes/);
    assert.ok((await page.locator('.map-svg path').count()) > 300, 'municipality map');
    assert.ok((await page.locator('.map-svg path[fill="url(#prikket)"]').count()) >= 1, 'suppressed region hatched');
    await page.screenshot({ path: `${ARTIFACTS}/indikator-P4.png`, fullPage: true });
    await page.close();
  });

  test('downloads in every format', async () => {
    const page = await open('/indikator/P4');
    const section = page.locator('section[aria-labelledby="last-ned"]');
    const expect = [
      { name: 'CSV', type: /^text\/csv/, first: (b: Buffer) => b.toString('utf8').replace(/^\uFEFF/, '').startsWith('indikator,maal,') },
      { name: 'Excel (XLSX)', type: /spreadsheetml/, first: (b: Buffer) => b.subarray(0, 2).toString('latin1') === 'PK' },
      { name: 'JSON-stat 2.0', type: /json/, first: (b: Buffer) => (JSON.parse(b.toString('utf8')) as { class?: string }).class === 'dataset' },
    ];
    for (const e of expect) {
      const link = section.getByRole('link', { name: e.name }).last();
      const res = await page.request.get(app.base + ((await link.getAttribute('href')) ?? ''));
      assert.equal(res.status(), 200, e.name);
      assert.match(res.headers()['content-type'] ?? '', e.type, e.name);
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      const file = await download.path();
      assert.ok(e.first(readFileSync(file)), `${e.name}: unexpected first bytes`);
    }
    await page.close();
  });

  test('municipality page: profile across the chain beside county and country', async () => {
    const page = await open(`/kommune/4601`);
    assert.match(await page.locator('h1').innerText(), /Bergen \(4601\)/);
    const headers = await page.locator('.profile-table').first().locator('thead th').allInnerTexts();
    assert.deepEqual(headers.slice(2), ['Bergen', 'Vestland', 'Hele landet']);
    assert.equal(await page.locator('.profile-table').count(), 3);
    await page.screenshot({ path: `${ARTIFACTS}/kommune-4601.png`, fullPage: true });
    await page.close();
    const kinn = await open(`/kommune/${SUPPRESSED_KOMMUNE}`);
    assert.ok((await kinn.locator('.profile-table .suppressed').count()) > 0);
    await kinn.close();
  });

  test('municipality picker works without JS', async () => {
    const page = await open('/kommune');
    await page.selectOption('#kode', '4601');
    await page.getByRole('button', { name: 'Vis kommunen' }).click();
    await page.waitForURL(/\/kommune\/4601$/);
    await page.close();
  });

  test('data page: availability matrix and ingest report', async () => {
    const page = await open('/data');
    const avail = await page.locator('table.availability').innerText();
    assert.match(avail, /P4[\s\S]*Delvis/);
    const ingest = await page.locator('table.ingest').innerText();
    assert.match(ingest, /personer\.csv[\s\S]*1\s188[\s\S]*12/);
    await page.close();
  });

  test('no serious or critical accessibility violations (axe-core)', async () => {
    const paths = ['/', '/?lang=en', '/indikator/P4', '/indikator/R2?lang=en', `/kommune/${SUPPRESSED_KOMMUNE}`, '/kommune', '/data'];
    const problems: string[] = [];
    for (const p of paths) {
      const page = await open(p);
      for (const v of await axeViolations(page)) {
        const line = `${p}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`;
        if (v.impact === 'serious' || v.impact === 'critical') problems.push(line);
        else console.log(`# axe, not failing: ${line}`);
      }
      await page.close();
    }
    assert.deepEqual(problems, []);
  });
});
