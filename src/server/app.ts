/**
 * The HTTP application: the read-only API under /api (this stage) and the dashboard under /
 * (src/server/web). GET and HEAD only; every API error is a JSON 4xx, never a stack trace.
 */
import { Hono } from 'hono';
import type { IndicatorMeta } from '../catalogue/types.ts';
import type { Lang } from '../shared/lang.ts';
import type { Store } from '../store/index.ts';
import { webRoutes } from './web/index.ts';
import { apiData } from './api-data.ts';
import { apiRoutes, openApiPayload } from './api-routes.ts';
import { ApiError, errorResponse } from './errors.ts';
import { checkQueryLength } from './params.ts';
import { CACHE_STATIC, send } from './respond.ts';

export interface AppDeps {
  store: Store;
  lang?: Lang;
  /** Overrides the catalogue (else the one stored with the results, else the built-in one). */
  catalogue?: readonly IndicatorMeta[];
}

const READ_METHODS = new Set(['GET', 'HEAD']);

export function createApp(deps: AppDeps): Hono {
  // strict: false so /api/v1/ and /api/v1 are the same address.
  const app = new Hono({ strict: false });
  const data = apiData(deps.store, deps.catalogue);

  app.use('/api/*', async (c, next) => {
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
    if (!READ_METHODS.has(c.req.method)) {
      c.header('Allow', 'GET, HEAD');
      return errorResponse(c, new ApiError(405, 'method_not_allowed', 'Bare GET og HEAD er tillatt.', 'Only GET and HEAD are allowed.'));
    }
    checkQueryLength(c.req.url);
    await next();
  });
  app.get('/api/openapi.json', (c) => send(c, openApiPayload(), CACHE_STATIC));
  app.route('/api/v1', apiRoutes(data, deps.lang ?? 'nb'));
  app.all('/api/*', (c) => errorResponse(c, new ApiError(404, 'not_found', 'Fant ikke adressen.', 'No such endpoint.')));
  app.route('/', webRoutes({ store: deps.store }));

  app.onError((err, c) => {
    if (err instanceof ApiError) return errorResponse(c, err);
    process.stderr.write(`API-feil / API error: ${err.stack ?? String(err)}\n`);
    return errorResponse(c, new ApiError(500, 'internal', 'Intern feil.', 'Internal error.'));
  });
  return app;
}
