/**
 * The HTTP application: the read-only API under /api (this stage) and the dashboard under /
 * (src/server/web). GET and HEAD (and CORS preflight OPTIONS); every API error is an RFC 9457
 * problem (4xx, or 503 when a request overruns its time budget), never a stack trace.
 * Every response is compressed when the client accepts it (compress.ts).
 */
import { Hono, type Context } from 'hono';
import type { IndicatorMeta } from '../catalogue/types.ts';
import type { Lang } from '../shared/lang.ts';
import type { Store } from '../store/index.ts';
import { webRoutes } from './web/index.ts';
import { apiData } from './api-data.ts';
import { apiRoutes, openApiPayload } from './api-routes.ts';
import { compression } from './compress.ts';
import { ApiError, busy, errorResponse } from './errors.ts';
import { ExportPool, type ExportPoolOptions } from './export-pool.ts';
import { checkQueryLength, errorLang } from './params.ts';
import { CACHE_STATIC, send } from './respond.ts';

export interface AppDeps {
  store: Store;
  lang?: Lang;
  /** Overrides the catalogue (else the one stored with the results, else the built-in one). */
  catalogue?: readonly IndicatorMeta[];
  /** Time budget per API request in ms (default 10 000): past it the answer is 503 with a problem body. */
  requestBudgetMs?: number;
  /** The export worker's bounds (queue, heap, rows). */
  exports?: ExportPoolOptions;
  /** Start the export worker at once rather than on the first download (serve does). */
  warmExports?: boolean;
  /** Answers with more rows than this are built in the export worker (default 20 000). */
  inlineRows?: number;
}

const READ_METHODS = new Set(['GET', 'HEAD']);
const ALLOW = 'GET, HEAD, OPTIONS';
const ALLOWED_HEADERS = 'Accept, Accept-Encoding, Accept-Language, If-None-Match, Content-Type';
const EXPOSED_HEADERS = 'ETag, Content-Disposition, Content-Encoding, Retry-After';

/** The app, with `close()` to stop the export worker (the store is the caller's). */
export type App = Hono & { close(): Promise<void> };

export function createApp(deps: AppDeps): App {
  // strict: false so /api/v1/ and /api/v1 are the same address.
  const app = new Hono({ strict: false });
  const data = apiData(deps.store, deps.catalogue);
  const defaultLang = deps.lang ?? 'nb';
  const exports = new ExportPool(deps.exports);
  if (deps.warmExports) exports.warm();
  const budgetMs = deps.requestBudgetMs ?? 10_000;
  const langOf = (c: Context) => errorLang(c.req.url, defaultLang);

  const routes = apiRoutes(data, { defaultLang, exports, ...(deps.inlineRows !== undefined ? { inlineRows: deps.inlineRows } : {}) });
  app.use('*', compression());
  app.use('/api/*', async (c, next) => {
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Access-Control-Expose-Headers', EXPOSED_HEADERS);
    c.header('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
    if (c.req.method === 'OPTIONS') {
      // CORS preflight: any origin may read (the API is public and read-only).
      c.header('Access-Control-Allow-Methods', ALLOW);
      c.header('Access-Control-Allow-Headers', c.req.header('Access-Control-Request-Headers') ? ALLOWED_HEADERS + ', ' + sanitizeHeaderList(c.req.header('Access-Control-Request-Headers')!) : ALLOWED_HEADERS);
      c.header('Access-Control-Max-Age', '86400');
      c.header('Allow', ALLOW);
      c.header('Cache-Control', 'public, max-age=86400');
      return c.body(null, 204);
    }
    if (!READ_METHODS.has(c.req.method)) {
      c.header('Allow', ALLOW);
      return errorResponse(c, new ApiError(405, 'method_not_allowed', 'Bare GET, HEAD og OPTIONS er tillatt.', 'Only GET, HEAD and OPTIONS are allowed.'), langOf(c));
    }
    checkQueryLength(c.req.url);
    // A data address answered before (same data version and URL): sent at once, without routing
    // or the time budget's timer — under load most requests are these.
    const hit = await routes.answered(c.req.url);
    if (hit) return send(c, hit);
    // The time budget: an answer not ready in time is a 503 with a problem body (the work goes on
    // and fills the cache, so a retry after Retry-After usually gets it at once).
    let timer: NodeJS.Timeout | undefined;
    const work = next().then(() => 'done' as const);
    work.catch(() => undefined);
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), budgetMs);
    });
    try {
      if ((await Promise.race([work, timeout])) === 'timeout') {
        return errorResponse(c, busy('timeout', `Svaret ble ikke ferdig innen ${budgetMs / 1000} s; prøv igjen om litt.`, `The answer was not ready within ${budgetMs / 1000} s; try again shortly.`), langOf(c));
      }
    } finally {
      clearTimeout(timer);
    }
    return undefined;
  });
  app.get('/api/openapi.json', (c) => send(c, openApiPayload(), CACHE_STATIC));
  app.route('/api/v1', routes.v1);
  app.route('/api/v2', routes.v2);
  app.all('/api/*', (c) => errorResponse(c, new ApiError(404, 'not_found', 'Fant ikke adressen.', 'No such endpoint.'), langOf(c)));
  app.route('/', webRoutes({ store: deps.store }));

  app.onError((err, c) => {
    if (err instanceof ApiError) return errorResponse(c, err, langOf(c));
    process.stderr.write(`API-feil / API error: ${err.stack ?? String(err)}\n`);
    return errorResponse(c, new ApiError(500, 'internal', 'Intern feil.', 'Internal error.'), langOf(c));
  });
  return Object.assign(app, { close: () => exports.close() });
}

/** Only header names (token characters) from a preflight's Access-Control-Request-Headers. */
function sanitizeHeaderList(list: string): string {
  return list
    .split(',')
    .map((h) => h.trim())
    .filter((h) => /^[A-Za-z0-9-]{1,64}$/.test(h))
    .slice(0, 20)
    .join(', ');
}
