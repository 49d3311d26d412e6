/**
 * Static CSS: Designsystemet (components from @digdir/designsystemet-css, the Digdir theme from
 * @digdir/designsystemet-theme) served straight from node_modules, plus the dashboard's own sheet.
 * Each file is read once; its URL carries a content hash, so it can be cached for a year.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';

const require = createRequire(import.meta.url);

interface Asset {
  readonly body: string;
  readonly hash: string;
  readonly type: string;
}

const SOURCES: Record<string, () => string> = {
  'designsystemet.css': () => require.resolve('@digdir/designsystemet-css'),
  'theme-digdir.css': () => require.resolve('@digdir/designsystemet-theme/digdir.css'),
  'dashboard.css': () => fileURLToPath(new URL('./assets/dashboard.css', import.meta.url)),
};

let loaded: Map<string, Asset> | undefined;

function assets(): Map<string, Asset> {
  if (loaded) return loaded;
  loaded = new Map();
  for (const [name, resolve] of Object.entries(SOURCES)) {
    const body = readFileSync(resolve(), 'utf8');
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
    loaded.set(name, { body, hash, type: 'text/css; charset=utf-8' });
  }
  return loaded;
}

/** The stylesheet URLs in cascade order (components, theme, dashboard). */
export function stylesheetUrls(): string[] {
  return [...assets()].map(([name, a]) => `/assets/${a.hash}/${name}`);
}

/** GET /assets/:hash/:name — immutable, long-cached. A stale hash still gets the current file. */
export function assetRoutes(): Hono {
  const app = new Hono();
  app.get('/assets/:hash/:name', (c) => {
    const a = assets().get(c.req.param('name'));
    if (!a) return c.notFound();
    const etag = `"${a.hash}"`;
    const fresh = c.req.param('hash') === a.hash;
    c.header('Cache-Control', fresh ? 'public, max-age=31536000, immutable' : 'no-cache');
    c.header('ETag', etag);
    if (c.req.header('If-None-Match') === etag) return c.body(null, 304);
    return c.body(a.body, 200, { 'Content-Type': a.type });
  });
  return app;
}
