/**
 * The dashboard: server-rendered HTML pages (hono/jsx), no client JS. Mounted by src/server/app.ts
 * with app.route('/', webRoutes(deps)). Language: Norwegian bokmål, English with ?lang=en.
 */
import { Hono } from 'hono';
import type { Store } from '../../store/index.ts';
import { assetRoutes, stylesheetUrls } from './assets.ts';
import { mapShapes } from './map/geo.ts';
import { storeData, type DashboardData } from './data.ts';
import { href, langFrom, type Lang } from './i18n.ts';
import { toHtml } from './render.ts';
import { PageCache } from './page-cache.ts';
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { frontPage } from './pages/front.tsx';
import { indicatorPage } from './pages/indicator.tsx';
import { municipalityIndex, municipalityPage } from './pages/municipality.tsx';
import { dataPage } from './pages/data-page.tsx';
import { notFoundPage } from './pages/not-found.tsx';
import { actComparisonPage } from './pages/act-comparison.tsx';
import { resolveMunicipality } from './components/municipality-picker.tsx';

export interface WebDeps {
  readonly store: Store;
}

/**
 * Reads what every page needs once at start-up (stylesheets, catalogue, region names, map
 * borders), so the first visitor does not pay for it. Failures surface on the first request.
 */
function warmUp(data: DashboardData): void {
  stylesheetUrls();
  data.indicators().catch(() => undefined);
  data.regions().catch(() => undefined);
  setImmediate(() => {
    mapShapes('fylke');
    mapShapes('kommune');
  });
}

/** Returns the dashboard's routes: /, /indikator/:id, /kommune[/:kode], /lov, /data and /assets/*. */
export function webRoutes(deps: WebDeps): Hono {
  const data: DashboardData = storeData(deps.store);
  const cache = new PageCache();
  warmUp(data);
  const app = new Hono();
  app.route('/', assetRoutes());

  /** Renders (or reuses) the page for this URL and data version; null → 404 page. */
  const page = (build: (lang: Lang, url: URL) => Promise<Child | null>) => async (c: Context) => {
    const url = new URL(c.req.url);
    const lang = langFrom(c.req.query('lang'));
    const key = `${await data.version()}|${url.pathname}${url.search}`;
    let status: 200 | 404 = 200;
    const body = await cache.get(key, async () => {
      const node = await build(lang, url);
      return toHtml(node ?? notFoundPage(lang, url));
    });
    if (body.includes('data-page="not-found"')) status = 404;
    c.header('Cache-Control', 'no-cache');
    return c.html(body, status);
  };

  app.get('/', page((lang, url) => frontPage(data, lang, url)));
  app.get('/indikator/:id', (c) => page((lang, url) => indicatorPage(data, lang, url, c.req.param('id')))(c));
  app.get('/kommune', async (c) => {
    const text = c.req.query('kode');
    // The picker is a plain GET form: turn ?kode=4601 (or a name) into the profile's own address.
    const kode = text ? resolveMunicipality(text, await data.regions()) : undefined;
    if (kode) return c.redirect(href(`/kommune/${kode}`, langFrom(c.req.query('lang'))), 303);
    return page((lang, url) => municipalityIndex(data, lang, url))(c);
  });
  app.get('/kommune/:kode', (c) => page((lang, url) => municipalityPage(data, lang, url, c.req.param('kode')))(c));
  app.get('/data', page((lang, url) => dataPage(data, lang, url)));
  app.get('/lov', page((lang, url) => actComparisonPage(data, lang, url)));
  return app;
}
