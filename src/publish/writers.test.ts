/** The output-format registry: every list of formats (API, OpenAPI, download links, files) derives from it. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_OUTPUT_FORMAT, DOWNLOAD_FORMATS, OUTPUT_FORMAT_IDS, OUTPUT_FORMATS, WRITERS } from './writers.ts';
import { DATA_FORMATS } from '../server/params.ts';
import { OPENAPI } from '../server/openapi.ts';

test('the download links offer every format once, in their explicit order (the Tab path of the browser tests)', () => {
  // The browser tests walk the first three links with Tab; a new format takes a later position.
  assert.deepEqual(DOWNLOAD_FORMATS.slice(0, 3).map((w) => w.format), ['csv', 'xlsx', 'json-stat2']);
  assert.deepEqual([...DOWNLOAD_FORMATS].map((w) => w.format).sort(), [...OUTPUT_FORMAT_IDS].sort());
});

test('the API accepts the registry in its order, JSON-stat first as the default', () => {
  assert.deepEqual(DATA_FORMATS, OUTPUT_FORMAT_IDS);
  assert.equal(DEFAULT_OUTPUT_FORMAT, 'json-stat2');
  assert.deepEqual(Object.keys(WRITERS), OUTPUT_FORMATS.map((w) => w.format));
  const doc = JSON.stringify(OPENAPI);
  assert.ok(doc.includes(JSON.stringify({ type: 'string', enum: [...OUTPUT_FORMAT_IDS], default: DEFAULT_OUTPUT_FORMAT })), 'OpenAPI enum = the registry');
});
