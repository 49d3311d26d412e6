/**
 * API errors as RFC 9457 problem details (`application/problem+json`), in the request's language,
 * never a stack trace and never an echo of raw input:
 *
 *   { "type": "urn:integreringsmonitor:problem:unknown_value", "title": "Ugyldig forespørsel",
 *     "status": 400, "detail": "Ukjent verdi for region: 9999.", "code": "unknown_value",
 *     "error": { "code": "unknown_value", "message": "…", "message_en": "…" } }
 *
 * `code` and `error` are extension members; `error` keeps the v1 error shape for older clients.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { pick, text, type Lang, type Text } from '../shared/lang.ts';

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    readonly nb: string,
    readonly en: string,
    /** Extra response headers (e.g. Retry-After on 503). */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(en);
  }
}

export const PROBLEM_TYPE_PREFIX = 'urn:integreringsmonitor:problem:';
export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

const TITLES: Readonly<Record<number, Text>> = {
  400: text('Ugyldig forespørsel', 'Bad request'),
  404: text('Finnes ikke', 'Not found'),
  405: text('Metoden er ikke tillatt', 'Method not allowed'),
  406: text('Formatet kan ikke leveres', 'Not acceptable'),
  413: text('Svaret blir for stort', 'Response too large'),
  414: text('Adressen er for lang', 'URI too long'),
  500: text('Intern feil', 'Internal error'),
  503: text('Tjenesten er opptatt', 'Service unavailable'),
};

export function problemBody(err: ApiError, lang: Lang): Record<string, unknown> {
  return {
    type: `${PROBLEM_TYPE_PREFIX}${err.code}`,
    title: pick(TITLES[err.status] ?? TITLES[400]!, lang),
    status: err.status,
    detail: lang === 'en' ? err.en : err.nb,
    code: err.code,
    error: { code: err.code, message: err.nb, message_en: err.en },
  };
}

export function errorResponse(c: Context, err: ApiError, lang: Lang = 'nb'): Response {
  const headers: Record<string, string> = { 'Cache-Control': 'no-store', 'Content-Type': PROBLEM_CONTENT_TYPE, ...err.headers };
  return c.body(JSON.stringify(problemBody(err, lang)), err.status, headers);
}

export const notFound = (what: string, whatEn: string, code = 'not_found') =>
  new ApiError(404, code, `Fant ikke ${what}.`, `${whatEn} not found.`);

export const badRequest = (code: string, nb: string, en: string) => new ApiError(400, code, nb, en);

/** 503 with Retry-After: the server is busy or the answer is still being made. */
export const busy = (code: string, nb: string, en: string, retryAfterSeconds = 5) =>
  new ApiError(503, code, nb, en, { 'Retry-After': String(retryAfterSeconds) });
