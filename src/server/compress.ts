/**
 * Compression of every response (API and dashboard): brotli or gzip as the client's
 * Accept-Encoding prefers (q-values honoured, `identity` when nothing fits), done in libuv's thread
 * pool (async zlib), so a 15 MB JSON-stat never blocks the event loop. Bodies under 1 KB, already
 * compressed types (XLSX is a zip) and HEAD requests are left alone.
 *
 * `Vary: Accept-Encoding` is sent only on compressed answers, and a compressed answer's ETag gets
 * the coding as suffix (`"abc-br"`), so caches never mix representations; If-None-Match with either
 * form finds the same answer (respond.ts). Compressed bodies are cached by ETag and coding.
 */
import { Readable, pipeline } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { promisify } from 'node:util';
import { brotliCompress, constants, createBrotliCompress, createGzip, gzip, type BrotliCompress, type Gzip } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { ResponseCache } from './response-cache.ts';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

export type Coding = 'br' | 'gzip';
const MIN_BYTES = 1024;
/** Bodies at least this large (a prebuilt file from disk, a whole indicator) are compressed as a stream. */
const STREAM_BYTES = 4 * 1024 * 1024;
/** Brotli quality for bodies over 1 MB. */
const BIG_QUALITY = 2;
const COMPRESSIBLE = /^(text\/|application\/(json|problem\+json|javascript|xml|geo\+json)|image\/svg\+xml)/;

/** The coding to use for an Accept-Encoding header, or null (identity). */
export function negotiate(acceptEncoding: string | undefined): Coding | null {
  if (!acceptEncoding) return null;
  const q = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qp ? Number(qp.slice(2)) : 1;
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  const star = q.get('*');
  const weight = (c: Coding) => q.get(c) ?? star ?? 0;
  const br = weight('br');
  const gzipW = weight('gzip');
  if (br <= 0 && gzipW <= 0) return null;
  return br >= gzipW ? 'br' : 'gzip';
}

export async function compressBody(body: Uint8Array, coding: Coding): Promise<Uint8Array> {
  if (coding === 'br') {
    // Quality 5 (2 for big bodies): most of the gain at a small fraction of quality 11's cost. On a
    // national JSON-stat quality 2 is ~5× faster than 4 and no larger (20 MB: 185 ms, 3.3 MB vs 927 ms, 3.5 MB).
    const quality = body.byteLength > 1_000_000 ? BIG_QUALITY : 5;
    return new Uint8Array(
      await brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength } }),
    );
  }
  return new Uint8Array(await gz(body, { level: body.byteLength > 1_000_000 ? 4 : 6 }));
}

/** A streaming compressor with the settings compressBody uses for big bodies. */
function compressor(coding: Coding, sizeHint: number): BrotliCompress | Gzip {
  return coding === 'br'
    ? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: BIG_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: sizeHint } })
    : createGzip({ level: 4 });
}

/** The ETag of a compressed representation: `"abc"` → `"abc-br"` (weak tags keep their W/). */
export function codedEtag(etag: string, coding: Coding): string {
  return etag.endsWith('"') ? `${etag.slice(0, -1)}-${coding}"` : `${etag}-${coding}`;
}

export function compression(opts: { cacheBytes?: number } = {}): MiddlewareHandler {
  const cache = new ResponseCache<{ body: Uint8Array }>(2000, opts.cacheBytes ?? 64 * 1024 * 1024);
  return async (c, next) => {
    await next();
    if (c.req.method === 'HEAD') return;
    // Headers first, the body last: touching `res.body` turns the server's light response into a
    // stream, which costs more than the rest of a cached answer.
    const coding = negotiate(c.req.header('Accept-Encoding'));
    if (!coding) return;
    const res = c.res;
    if (res.headers.has('Content-Encoding')) return;
    const type = res.headers.get('Content-Type') ?? '';
    if (!COMPRESSIBLE.test(type)) return;
    const length = Number(res.headers.get('Content-Length') ?? NaN);
    if (length < MIN_BYTES) return;
    const headers = new Headers(res.headers);
    const etag = res.headers.get('ETag');
    const send = (body: Uint8Array | ReadableStream<Uint8Array>) => {
      headers.set('Content-Encoding', coding);
      headers.append('Vary', 'Accept-Encoding');
      headers.delete('Content-Length');
      if (etag) headers.set('ETag', codedEtag(etag, coding));
      // Clear first: Hono's setter would otherwise copy the old headers (ETag, Content-Length) back.
      c.res = undefined;
      c.res = new Response(body as Uint8Array<ArrayBuffer>, { status: res.status, statusText: res.statusText, headers });
    };
    // An answer compressed before (same ETag): sent without reading the plain body at all.
    const done = etag && res.status === 200 ? cache.peek(`${etag}|${coding}`) : undefined;
    if (done) return send(done.body);
    if (!res.body) return;
    if (length >= STREAM_BYTES) {
      // Compressed while it is sent: the first bytes leave at once, nothing large is held in memory.
      const z = compressor(coding, length);
      pipeline(Readable.fromWeb(res.body as WebReadableStream<Uint8Array>), z, () => undefined);
      return send(Readable.toWeb(z) as ReadableStream<Uint8Array>);
    }
    const raw = new Uint8Array(await res.arrayBuffer());
    send(etag ? (await cache.get(`${etag}|${coding}`, async () => ({ body: await compressBody(raw, coding) }))).body : await compressBody(raw, coding));
  };
}
