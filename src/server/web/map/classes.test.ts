import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classOf, quantileBreaks } from './classes.ts';
import { readFileSync } from 'node:fs';
import { PREBUILT_SHAPES, compactPath, mapShapes, projectShapes, sourceHash, type PrebuiltShapes } from './geo.ts';

test('quantile breaks split values into classes of about equal size', () => {
  const b = quantileBreaks([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5);
  assert.deepEqual(b, [3, 5, 7, 9]);
  assert.equal(classOf(1, b), 0);
  assert.equal(classOf(3, b), 1);
  assert.equal(classOf(10, b), 4);
});

test('few distinct values give fewer classes, and no values none', () => {
  assert.deepEqual(quantileBreaks([5, 5, 5, 5], 5), []);
  assert.deepEqual(quantileBreaks([], 5), []);
});

test('compactPath drops repeated points, merges straight runs and writes relative moves', () => {
  assert.equal(compactPath('M0,0L1,0L1,0L2,0L2,2L0,2Z'), 'M0,0l2,0l0,2l-2,0z');
  // A wiggle smaller than the tolerance is smoothed away.
  assert.equal(compactPath('M0,0L5,0.2L10,0L10,10L0,10Z'), 'M0,0l10,0l0,10l-10,0z');
  // A ring that collapses below three points disappears.
  assert.equal(compactPath('M0,0L0,0L1,0Z'), '');
});

test('map shapes carry the register codes of every municipality and county', () => {
  const k = mapShapes('kommune');
  const f = mapShapes('fylke');
  assert.equal(k.regions.length, 357);
  assert.equal(f.regions.length, 15);
  assert.ok(k.regions.some((r) => r.code === '0301' && r.name === 'Oslo'));
  assert.ok(f.regions.some((r) => r.code === '46'));
  assert.ok(k.regions.every((r) => /^\d{4}$/.test(r.code) && r.d.startsWith('M')));
});

test('the shipped prebuilt shapes are the projection of the current border files (else run build-shapes.ts)', () => {
  const shipped = JSON.parse(readFileSync(PREBUILT_SHAPES, 'utf8')) as PrebuiltShapes;
  for (const level of ['kommune', 'fylke'] as const) {
    assert.equal(shipped.source[level], sourceHash(level), `${level}: made from these files`);
    assert.deepEqual(shipped.levels[level], projectShapes(level), `${level}: same paths as projected now`);
    assert.deepEqual(mapShapes(level), shipped.levels[level], `${level}: the server uses them`);
  }
});
