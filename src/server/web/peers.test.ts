import { test } from 'node:test';
import assert from 'node:assert/strict';
import { peerGroup, type PeerFeatures } from './peers.ts';

const f = (code: string, size: number | null, centrality: number | null, shareUnder25: number | null, shareVgo: number | null): PeerFeatures => ({ code, size, centrality, shareUnder25, shareVgo });

test('peers are the nearest municipalities in size, centrality and composition, never itself', () => {
  const all = [
    f('A', 100, 3, 30, 40),
    f('B', 110, 3, 31, 41), // almost identical to A
    f('C', 1000, 1, 10, 80), // big, central, different mix
    f('D', 90, 4, 29, 38),
    f('E', 5000, 1, 12, 85),
  ];
  const peers = peerGroup('A', all, 2);
  assert.deepEqual(peers.map((p) => p.code), ['B', 'D']);
  assert.ok(peers[0]!.distance < peers[1]!.distance);
  assert.ok(!peerGroup('C', all, 4).some((p) => p.code === 'C'));
  assert.equal(peerGroup('C', all, 1)[0]!.code, 'E');
});

test('municipalities with fewer than two shared features are left out', () => {
  const all = [f('A', 100, 3, null, null), f('B', null, 3, null, null), f('C', 120, 2, null, null), f('D', 300, 5, 20, 30)];
  assert.deepEqual(peerGroup('A', all, 5).map((p) => p.code), ['C', 'D']);
  assert.deepEqual(peerGroup('Z', all), []);
});
