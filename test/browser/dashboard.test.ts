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
import { publishStoresWindows, SUPPRESSED_KOMMUNE } from './fixture.ts';

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
    // Old vs new act: the same year on both sides (fixture: both acts up to 2022), never 2021 vs 2023.
    const acts = await p4.locator('.act-compare .compare').innerText();
    assert.match(acts, /Gammel lov 2022[\s\S]*Ny lov 2022/);
    assert.doesNotMatch(acts, /2023/);
    assert.match(await p4.locator('.card-flags').innerText(), /Ujustert/);
    assert.match(await p4.locator('.adjusted-line').innerText(), /Justert[\s\S]*prosentpoeng/);
    await p4.locator('.card-details summary').click();
    assert.match(await p4.locator('.card-details').innerText(), /n = 2\s400; 95 %-intervall/);
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
    const row = page.locator(`tr[data-region="${SUPPRESSED_KOMMUNE}"]`);
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

  test('municipality page: observed vs expected first, chain diagnosis, funnel, trends with bands and n, composition, peers', async () => {
    const page = await open(`/kommune/4601`);
    assert.match(await page.locator('h1').innerText(), /Bergen \(4601\)/);
    // The first section after the lead is the adjusted comparison, in plain words.
    assert.equal(await page.locator('main > section').first().getAttribute('class'), 'adjusted');
    assert.match(await page.locator('.oe-list li').first().innerText(),
      /^Sysselsatt, 2 år etter bosetting: 54,0 %; forventet ut fra hvem som ble bosatt: 50,0 %; \+4,0 prosentpoeng \(−1,0 til \+9,0\): som forventet \(bosatt 2020-2022, n = 412\)/);
    assert.match(await page.locator('.chain-diagnosis').innerText(), /Svakeste ledd: programresultat/);
    assert.equal(await page.locator('#trakt .me circle').count(), 1, 'Bergen highlighted in the funnel');
    assert.ok((await page.locator('#trakt .dots circle').count()) >= 15);
    assert.match((await page.locator('#trakt desc').textContent()) ?? '', /Bergen er uthevet/);
    // Every core indicator with data as a small time series with an interval band and n.
    const cards = page.locator('.trend-card', { has: page.locator('svg.chart-svg') });
    assert.ok((await cards.count()) >= 4);
    assert.ok((await page.locator('.trend-card .band').count()) >= 4, 'interval bands');
    assert.match(await page.locator('.trend-card', { has: page.locator('a[href^="/indikator/P4"]') }).locator('.big-number').innerText(), /\d+,\d %[\s\S]*n = 60/);
    // The pooled window when publish stores windows (3 × the yearly 18 persons), else the latest year.
    const under25 = (await publishStoresWindows()) ? 54 : 18;
    assert.match(await page.locator('.composition-table').innerText(), new RegExp(`Under 25 år\\s+30 % \\(${under25}\\)`));
    // Peers (documented) and a picked municipality, same period.
    const cmp = page.locator('.compare-table');
    assert.match(await cmp.innerText(), /Lignende kommune/);
    await page.fill('#c-sammenlign', 'Oslo');
    await page.getByRole('button', { name: 'Sammenlign' }).click();
    await page.waitForURL(/sammenlign=Oslo/);
    assert.match(await page.locator('.compare-table').innerText(), /Oslo[\s\S]*(Valgt av deg|Lignende kommune)/);
    assert.doesNotMatch(await page.locator('main').innerText(), /rangering av kommuner|plass nr/i);
    await page.screenshot({ path: `${ARTIFACTS}/kommune-4601.png`, fullPage: true });
    await page.close();
    const kinn = await open(`/kommune/${SUPPRESSED_KOMMUNE}`);
    const note = await kinn.locator('.fallback-note').first().innerText();
    if (await publishStoresWindows()) assert.match(note, /samlet tall for 20\d\d–?-?20\d\d/);
    else assert.match(note, /viser Vestland/);
    await kinn.close();
  });

  test('without analyses the pages say so', async () => {
    const bare = await startFixtureApp(0, { analyses: false });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(bare.base + '/kommune/4601');
      assert.match(await page.locator('.adjusted').innerText(), /ikke tilgjengelige i denne publiseringen/);
      await page.goto(bare.base + '/lov');
      assert.match(await page.locator('main').innerText(), /Justerte sammenligninger av lovene er ikke tilgjengelige/);
      assert.match(await page.locator('#lov-P4-cap').locator('xpath=ancestor::table').innerText(), /Ujustert, samme år\s+2022/);
      await page.close();
    } finally {
      await bare.close();
    }
  });

  test('"Ny og gammel lov": raw same-year, raw and adjusted differences, standardised line, caveats', async () => {
    const page = await open('/lov');
    assert.match(await page.locator('.caveats').innerText(), /2020 var et pandemiår[\s\S]*reformer kom samtidig/);
    const r2 = await page.locator('section[aria-labelledby="lov-R2"] table.act-table').innerText();
    assert.match(r2, /Ujustert, samme år\s+2021/);
    assert.match(r2, /Ujustert, overlappende år \(analyse\)\s+2021-2022[\s\S]*\+6,0 prosentpoeng \(\+4,1 til \+7,9\)/);
    assert.match(r2, /Justert for hvem som kom\s+2021-2022[\s\S]*\+1,5 prosentpoeng \(−0,6 til \+3,6\)/);
    assert.equal(await page.locator('#std-R2 polyline').count() >= 3, true);
    await page.close();
  });

  test('municipality picker works without JS', async () => {
    const page = await open('/kommune');
    await page.fill('#kv-kode', 'Bergen');
    await page.getByRole('button', { name: 'Vis kommunen' }).click();
    await page.waitForURL(/\/kommune\/4601$/);
    await page.close();
  });

  test('data page: availability matrix and ingest report', async () => {
    const page = await open('/data');
    const avail = page.locator('table.availability');
    assert.deepEqual((await avail.locator('thead tr').first().locator('th').allInnerTexts()).slice(0, 3), ['Under 25 år', 'Har videregående', 'Øvrige']);
    assert.match(await avail.locator('thead tr').nth(1).innerText(), /Gammel lov\s+Ny lov/);
    assert.match(await avail.locator('tr', { has: page.locator('a[href="/indikator/P4"]') }).innerText(), /✓ \d/);
    const ingest = await page.locator('table.ingest').innerText();
    assert.match(ingest, /personer\.csv[\s\S]*1\s188[\s\S]*12/);
    const rej = await page.locator('table.rejection-table').innerText();
    assert.match(rej, /personer\.csv\s+ugyldig dato[^\n]*\s+fodt\s+8/);
    assert.match(rej, /ukjent kode[^\n]*\s+kjonn\s+4/);
    const main = await page.locator('main').innerText();
    assert.match(main, /1\. juni 2024 kl\. \d\d:\d\d/);
    assert.match(main, /31\. desember 2023/);
    assert.doesNotMatch(main, /[{}]|\d{4}-\d\d-\d\dT/, 'no raw JSON or ISO timestamps');
    await page.close();
  });

  test('indicator page: region filter works for every level, and says so when it matches nothing', async () => {
    const page = await open('/indikator/R2?region=4601');
    assert.match(await page.locator('#utvikling').innerText(), /Utvikling: Bergen/);
    assert.equal(await page.locator('.region-table tr.is-selected th').innerText(), 'Bergen');
    assert.equal(await page.locator('.map-svg .selected-region').count(), 1);
    assert.equal(await page.locator('#f-region').inputValue(), 'Bergen (4601)');
    await page.goto(app.base + '/indikator/R2?region=46&niva=kommune');
    const names = await page.locator('.region-table tbody th').allInnerTexts();
    assert.deepEqual([...names].sort(), ['Bergen', 'Kinn', 'Sogndal']);
    await page.goto(app.base + '/indikator/R2?region=Vestland&niva=fylke');
    assert.match(await page.locator('#utvikling').innerText(), /Utvikling: Vestland/);
    await page.goto(app.base + '/indikator/R2?region=Atlantis');
    assert.match(await page.locator('#utvikling + .ds-alert').innerText(), /Fant ingen region som heter «Atlantis»/);
    await page.close();
  });

  test('indicator page: the table sorts by accessible header links; no link per row', async () => {
    const page = await open('/indikator/P4');
    assert.equal(await page.locator('.region-table tbody a').count(), 0);
    await page.locator('.region-table thead a', { hasText: 'Verdi' }).click();
    await page.waitForURL(/sort=verdi&retning=asc/);
    assert.equal(await page.locator('.region-table th[aria-sort="ascending"]').count(), 1);
    const values = (await page.locator('.region-table tbody tr:not(.is-suppressed) td:first-of-type .value').allInnerTexts()).map((x) => Number(x.replace(/[^\d,]/g, '').replace(',', '.')));
    assert.ok(values.length >= 2);
    assert.deepEqual(values, [...values].sort((a, b) => a - b));
    await page.locator('.region-table thead a', { hasText: 'Verdi' }).click();
    await page.waitForURL(/retning=desc/);
    assert.equal(await page.locator('.region-table th[aria-sort="descending"]').count(), 1);
    await page.close();
  });

  test('keyboard: fewer than 30 Tab presses from the top of an indicator page to a download link', async () => {
    for (const path of ['/indikator/P4', '/indikator/R2']) {
      const page = await open(path);
      let presses = 0;
      let inDownloads = false;
      while (presses < 60 && !inDownloads) {
        await page.keyboard.press('Tab');
        presses++;
        inDownloads = await page.evaluate(() => !!document.activeElement?.closest('section[aria-labelledby="last-ned"]'));
      }
      console.log(`# ${path}: ${presses} Tab presses to the first download link`);
      assert.ok(inDownloads && presses < 30, `${path}: ${presses} presses`);
      await page.close();
    }
  });

  const PAGE_TYPES = ['/', '/indikator/P4', '/indikator/R2?region=4601', `/kommune/4601`, `/kommune/${SUPPRESSED_KOMMUNE}`, '/kommune', '/lov', '/data'];

  test('every page type at 1280 and 390 px: no horizontal overflow, no clipped or tiny chart text, axe clean, English labels', async () => {
    const problems: string[] = [];
    for (const width of [1280, 390]) {
      for (const base of PAGE_TYPES) {
        for (const lang of ['nb', 'en']) {
          const path = lang === 'en' ? base + (base.includes('?') ? '&' : '?') + 'lang=en' : base;
          const page = await browser.newPage({ viewport: { width, height: 900 } });
          const res = await page.goto(app.base + path);
          assert.equal(res?.status(), 200, path);
          const where = `${width}px ${path}`;
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          if (overflow > 0) problems.push(`${where}: ${overflow} px horizontal overflow`);
          // SVG text must lie inside its SVG and be readable (≥ 9 px rendered).
          const clipped = await page.evaluate(() => {
            const out: string[] = [];
            for (const svg of Array.from(document.querySelectorAll('svg.chart-svg'))) {
              const box = svg.getBoundingClientRect();
              for (const tx of Array.from(svg.querySelectorAll('text'))) {
                const b = tx.getBoundingClientRect();
                if (b.width === 0) continue;
                if (b.left < box.left - 1 || b.right > box.right + 1 || b.top < box.top - 1 || b.bottom > box.bottom + 1) out.push(`clipped "${tx.textContent}"`);
                if (b.height < 9) out.push(`tiny (${b.height.toFixed(1)} px) "${tx.textContent}"`);
              }
            }
            // HTML text cut off by overflow: hidden.
            for (const el of Array.from(document.querySelectorAll('main *'))) {
              const cs = getComputedStyle(el);
              if ((cs.overflowX === 'hidden' || cs.textOverflow === 'ellipsis') && el.scrollWidth > el.clientWidth + 1 && !el.classList.contains('ds-sr-only')) out.push(`cut ${el.tagName}.${el.className}`);
            }
            return out.slice(0, 5);
          });
          for (const c of clipped) problems.push(`${where}: ${c}`);
          if (lang === 'en') {
            const text = await page.locator('main').innerText();
            for (const nb of ['Alle introdeltakere', 'Har videregående', 'Gammel lov', 'Hovedårsak', 'prosentpoeng', 'Hele landet']) if (text.includes(nb)) problems.push(`${where}: Norwegian label "${nb}" on an English page`);
          }
          for (const v of await axeViolations(page)) {
            const line = `${where}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`;
            if (v.impact === 'serious' || v.impact === 'critical') problems.push(line);
            else if (width === 1280 && lang === 'nb') console.log(`# axe, not failing: ${line}`);
          }
          if (lang === 'nb') await page.screenshot({ path: `${ARTIFACTS}/${base.replace(/[^a-z0-9]+/gi, '_') || 'forside'}-${width}.png`, fullPage: true });
          await page.close();
        }
      }
    }
    assert.deepEqual(problems, []);
  });
});
