import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PageCache } from './page-cache.ts';

test('page cache renders once per key and evicts the least recently used', async () => {
  const cache = new PageCache(2);
  let renders = 0;
  const make = (s: string) => async () => {
    renders++;
    return s;
  };
  assert.equal(await cache.get('a', make('A')), 'A');
  assert.equal(await cache.get('a', make('X')), 'A');
  assert.equal(renders, 1);
  await cache.get('b', make('B'));
  await cache.get('a', make('X')); // a is now most recent
  await cache.get('c', make('C')); // evicts b
  assert.equal(await cache.get('b', make('B2')), 'B2');
  assert.equal(renders, 4);
});
