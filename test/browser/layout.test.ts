/**
 * Layout details of the municipality page in a real browser: a table's caption stays readable
 * inside the screen when the table scrolls sideways (390 px), and the funnel plot's heading keeps
 * its distance from the chain table above it (1280 px).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser.ts';
import { startFixtureApp, type RunningApp } from './server.ts';

let app: RunningApp;
let browser: Browser;

async function open(path: string, width: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const res = await page.goto(app.base + path);
  assert.equal(res?.status(), 200, `GET ${path}`);
  return page;
}

describe('municipality page layout in chromium', () => {
  before(async () => {
    browser = await launchChromium();
    app = await startFixtureApp();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  test('at 390 px every table caption lies inside the screen and inside its scrolling box', async () => {
    for (const lang of ['nb', 'en']) {
      const page = await open(`/kommune/4601${lang === 'en' ? '?lang=en' : ''}`, 390);
      const captions = await page.evaluate(() =>
        Array.from(document.querySelectorAll('main table caption')).map((cap) => {
          const c = cap.getBoundingClientRect();
          const wrap = cap.closest('.table-wrap')?.getBoundingClientRect() ?? c;
          const table = cap.closest('table')!.getBoundingClientRect();
          return { text: (cap.textContent ?? '').slice(0, 40), left: c.left, right: c.right, wrapLeft: wrap.left, wrapRight: wrap.right, tableWider: table.width > wrap.width + 1, screen: window.innerWidth };
        }),
      );
      assert.ok(captions.length >= 3, `${lang}: the page has its tables (${captions.length})`);
      assert.ok(captions.some((c) => c.text.startsWith(lang === 'en' ? 'The links of the chain' : 'Leddene i kjeden')), `${lang}: the chain table is there`);
      for (const c of captions) {
        assert.ok(c.left >= 0 && c.right <= c.screen, `${lang}: caption "${c.text}" spans ${c.left.toFixed(0)}–${c.right.toFixed(0)} px on a ${c.screen} px screen`);
        assert.ok(c.left >= c.wrapLeft - 1 && c.right <= c.wrapRight + 1, `${lang}: caption "${c.text}" spans ${c.left.toFixed(0)}–${c.right.toFixed(0)} px, its box ${c.wrapLeft.toFixed(0)}–${c.wrapRight.toFixed(0)} px`);
      }
      await page.close();
    }
  });

  test('at 1280 px the funnel heading is set off from the chain table above it', async () => {
    const page = await open('/kommune/4601', 1280);
    const gap = await page.evaluate(() => {
      const table = document.querySelector('.chain-diagnosis .table-wrap')!.getBoundingClientRect();
      const funnel = document.querySelector('.adjusted .funnel, .adjusted figure')!;
      const heading = (funnel.querySelector('h3, h4, figcaption, .chart-title') ?? funnel).getBoundingClientRect();
      return heading.top - table.bottom;
    });
    assert.ok(gap >= 24, `gap between the chain table and the funnel heading: ${gap.toFixed(1)} px`);
    await page.close();
  });
});
