/**
 * Whole-indicator downloads come from the files compute published (JSON-stat, XLSX), streamed from
 * disk, when the folder holds the store's current data version; selections, other languages and
 * a stale folder are built as before.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { compression } from '../../src/server/compress.ts';
import { fileStream } from '../../src/server/respond.ts';
import { PUB_RESULTS, readDataVersion, saveResults, writeBackgroundOutputs, writeOutputs } from '../../src/publish/index.ts';
import { FIXTURE_AVAILABILITY, FIXTURE_META, fixtureStore } from '../fixtures/fixture-store.ts';
import { FIXTURE_CATALOGUE } from '../fixtures/fixture-catalogue.ts';
import { fixtureRows } from '../fixtures/fixture-rows.ts';
import { testApi, type TestApi } from './helpers.ts';

describe('prebuilt downloads', () => {
  let dir: string;
  let api: TestApi;
  let built: TestApi;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'im-prebuilt-'));
    const store = await fixtureStore();
    await saveResults(store, fixtureRows(), FIXTURE_META, { availability: FIXTURE_AVAILABILITY, catalogue: FIXTURE_CATALOGUE, outputDir: dir });
    const input = { store, table: PUB_RESULTS, catalogue: FIXTURE_CATALOGUE, meta: FIXTURE_META, version: await readDataVersion(store) };
    await writeOutputs(dir, input);
    await writeBackgroundOutputs(dir, input);
    api = await testApi({}, store);
    built = await testApi(); // the same results without a published folder: every answer is built
  });

  after(async () => {
    await api.close();
    await built.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves the published JSON-stat byte for byte, and it equals the answer built from the store', async () => {
    const res = await api.request('/api/v1/indikatorer/R1');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /application\/json/);
    const body = Buffer.from(await res.arrayBuffer());
    assert.ok(body.equals(await readFile(join(dir, 'R1.json'))), 'the file itself');
    assert.equal(res.headers.get('content-length'), String(body.length));
    const fresh = await built.request('/api/v1/indikatorer/R1');
    assert.deepEqual(JSON.parse(body.toString('utf8')), await fresh.json());
  });

  it('serves the published XLSX with a download name', async () => {
    const res = await api.request('/api/v1/indikatorer/R1?outputFormat=xlsx');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-disposition') ?? '', /attachment; filename="R1[^"]*\.xlsx"/);
    assert.ok(Buffer.from(await res.arrayBuffer()).equals(await readFile(join(dir, 'R1.xlsx'))));
  });

  it('answers If-None-Match with 304 and HEAD without a body', async () => {
    const first = await api.request('/api/v1/indikatorer/I1');
    const etag = first.headers.get('etag');
    assert.ok(etag);
    await first.arrayBuffer();
    assert.equal((await api.request('/api/v1/indikatorer/I1', { headers: { 'if-none-match': etag } })).status, 304);
    const head = await api.request('/api/v1/indikatorer/I1', { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.headers.get('content-length'), first.headers.get('content-length'));
    assert.equal((await head.arrayBuffer()).byteLength, 0);
  });

  it('compresses the file for a client that accepts brotli', async () => {
    const res = await api.request('/api/v1/indikatorer/R1', { headers: { 'accept-encoding': 'br' } });
    assert.equal(res.headers.get('content-encoding'), 'br');
    assert.ok(brotliDecompressSync(Buffer.from(await res.arrayBuffer())).equals(await readFile(join(dir, 'R1.json'))));
  });

  it('reads the file from disk, and builds selections, other languages and stale folders itself', async () => {
    const original = await readFile(join(dir, 'I3.json'), 'utf8');
    const marked = JSON.stringify({ ...(JSON.parse(original) as object), label: 'fra disk' });
    await writeFile(join(dir, 'I3.json'), marked);
    try {
      assert.equal(await (await api.request('/api/v1/indikatorer/I3')).text(), marked);
      const en = (await (await api.request('/api/v1/indikatorer/I3?lang=en')).json()) as { label: string };
      assert.notEqual(en.label, 'fra disk');
      const sel = (await (await api.request('/api/v1/indikatorer/I3?valueCodes[region]=0')).json()) as { label: string; size: number[] };
      assert.notEqual(sel.label, 'fra disk');
      // A new publication into the store without new files: the folder is stale and not served.
      await saveResults(api.store, fixtureRows(), FIXTURE_META, { availability: FIXTURE_AVAILABILITY, catalogue: FIXTURE_CATALOGUE, outputDir: dir });
      await new Promise((r) => setTimeout(r, 1100)); // the API re-reads the data version at most once a second
      const after = (await (await api.request('/api/v1/indikatorer/I3')).json()) as { label: string };
      assert.notEqual(after.label, 'fra disk');
    } finally {
      await writeFile(join(dir, 'I3.json'), original);
    }
  });
});

describe('compression of large bodies', () => {
  it('compresses a body of several MB as a stream, in either coding, with a coded ETag', async () => {
    const big = Buffer.from(Array.from({ length: 200_000 }, (_, i) => `{"i":${i},"v":"${(i * 7919) % 10007}"}`).join(',\n'));
    assert.ok(big.length > 4 * 1024 * 1024);
    const app = new Hono();
    app.use('*', compression());
    app.get('/big', (c) => {
      c.header('Content-Type', 'application/json; charset=utf-8');
      c.header('Content-Length', String(big.length));
      c.header('ETag', '"big"');
      return c.body(new Uint8Array(big), 200);
    });
    const br = await app.request('/big', { headers: { 'accept-encoding': 'br' } });
    assert.equal(br.headers.get('content-encoding'), 'br');
    assert.equal(br.headers.get('content-length'), null);
    assert.equal(br.headers.get('etag'), '"big-br"');
    const brBytes = Buffer.from(await br.arrayBuffer());
    assert.ok(brBytes.length < big.length / 4);
    assert.ok(brotliDecompressSync(brBytes).equals(big));
    const gz = await app.request('/big', { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(gz.headers.get('content-encoding'), 'gzip');
    assert.ok(gunzipSync(Buffer.from(await gz.arrayBuffer())).equals(big));
  });
});

describe('fileStream', () => {
  it('reads a file only when read, whole and in order', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'im-filestream-'));
    try {
      const path = join(dir, 'f.bin');
      const bytes = Buffer.from(Array.from({ length: 70_000 }, (_, i) => i % 251));
      await writeFile(path, bytes);
      const lazy = fileStream(join(dir, 'absent.bin'));
      await lazy.cancel(); // never read: the missing file is never opened, so nothing fails
      const read = Buffer.from(await new Response(fileStream(path, 4096)).arrayBuffer());
      assert.ok(read.equals(bytes));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
