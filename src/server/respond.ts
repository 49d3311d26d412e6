/**
 * Sending a body with ETag, If-None-Match → 304 and Cache-Control. The ETag is a hash of the body,
 * so it is correct whatever produced it (and changes when compute re-publishes).
 */
import { createHash } from 'node:crypto';
import type { Context } from 'hono';

export interface Payload {
  readonly body: Uint8Array;
  readonly contentType: string;
  readonly etag: string;
  readonly filename?: string;
}

export const CACHE_DATA = 'public, max-age=300, must-revalidate';
export const CACHE_STATIC = 'public, max-age=3600';

export function etagOf(body: Uint8Array): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

export function payload(body: Uint8Array | string, contentType: string, filename?: string): Payload {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  return { body: bytes, contentType, etag: etagOf(bytes), ...(filename ? { filename } : {}) };
}

export function jsonPayload(value: unknown): Payload {
  return payload(JSON.stringify(value), 'application/json; charset=utf-8');
}

/** An ETag without W/ and without a content-coding suffix (compress.ts: `"abc-br"` → `"abc"`). */
function baseTag(tag: string): string {
  return tag.trim().replace(/^W\//, '').replace(/-(br|gzip)"$/, '"');
}

/** True when If-None-Match names this ETag (weak or strong, any content coding) or is '*'. */
export function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((t) => baseTag(t) === etag);
}

export function send(c: Context, p: Payload, cacheControl = CACHE_DATA): Response {
  c.header('ETag', p.etag);
  c.header('Cache-Control', cacheControl);
  if (matches(c.req.header('If-None-Match'), p.etag)) return c.body(null, 304);
  c.header('Content-Type', p.contentType);
  if (p.filename) c.header('Content-Disposition', `attachment; filename="${p.filename}"`);
  c.header('Content-Length', String(p.body.byteLength));
  return c.body(p.body as Uint8Array<ArrayBuffer>, 200);
}
