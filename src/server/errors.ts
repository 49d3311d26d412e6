/** API errors: `{ error: { code, message, message_en } }`, Norwegian first, never a stack trace. */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    readonly nb: string,
    readonly en: string,
  ) {
    super(en);
  }
}

export function errorResponse(c: Context, err: ApiError): Response {
  c.header('Cache-Control', 'no-store');
  return c.json({ error: { code: err.code, message: err.nb, message_en: err.en } }, err.status);
}

export const notFound = (what: string, whatEn: string, code = 'not_found') =>
  new ApiError(404, code, `Fant ikke ${what}.`, `${whatEn} not found.`);

export const badRequest = (code: string, nb: string, en: string) => new ApiError(400, code, nb, en);
