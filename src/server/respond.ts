/**
 * Sending a body with ETag, If-None-Match → 304 and Cache-Control. The ETag is a hash of the body,
 * so it is correct whatever produced it (and changes when compute re-publishes).
 */
import { createHash } from 'node:crypto';
import { open, stat, type FileHandle } from 'node:fs/promises';
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

/**
 * Sends a file from disk as a stream (a prebuilt download): nothing is read into memory, the
 * first bytes leave at once. The ETag names the file's data version, size and time, so a new
 * publication changes it; HEAD and 304 never open the file.
 */
export async function sendFile(c: Context, path: string, contentType: string, version: string, filename?: string): Promise<Response> {
  const st = await stat(path);
  const etag = `"${createHash('sha1').update(`${version}|${path}|${st.size}|${st.mtimeMs}`).digest('base64url')}"`;
  c.header('ETag', etag);
  c.header('Cache-Control', CACHE_DATA);
  if (matches(c.req.header('If-None-Match'), etag)) return c.body(null, 304);
  c.header('Content-Type', contentType);
  if (filename) c.header('Content-Disposition', `attachment; filename="${filename}"`);
  c.header('Content-Length', String(st.size));
  if (c.req.method === 'HEAD') return c.body(null, 200);
  return c.body(fileStream(path), 200);
}

/**
 * A file as a web stream that opens the file on the first read only (an answer the compression
 * cache serves never opens it) and closes it at the end or on cancel.
 */
export function fileStream(path: string, chunkBytes = 256 * 1024): ReadableStream<Uint8Array> {
  let fh: FileHandle | undefined;
  return new ReadableStream<Uint8Array>(
    {
      async pull(ctrl) {
        fh ??= await open(path, 'r');
        const buf = new Uint8Array(chunkBytes);
        const { bytesRead } = await fh.read(buf, 0, chunkBytes, null);
        if (bytesRead === 0) {
          await fh.close();
          ctrl.close();
          return;
        }
        ctrl.enqueue(buf.subarray(0, bytesRead));
      },
      async cancel() {
        await fh?.close();
      },
    },
    { highWaterMark: 0 },
  );
}
