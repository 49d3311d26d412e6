/** The measure-kind strategies: every kind is described, and the rules keep today's behaviour. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MEASURE_KINDS, isAdditive, measureKind, type MeasureKind } from './measure-kinds.ts';
import { DEFINITIONS } from './index.ts';

describe('measure kinds', () => {
  it('describes every kind, under its own name', () => {
    for (const k of MEASURE_KINDS) assert.equal(measureKind(k).kind, k);
  });

  it('refuses a kind it does not know, naming it', () => {
    assert.throws(() => measureKind('ratio' as MeasureKind), /Unhandled measure kind: "ratio"/);
  });

  it('gives shares Wilson intervals, the count rule and a value in per cent', () => {
    const share = measureKind('share');
    assert.deepEqual([share.interval, share.primary, share.numerator, share.unit], ['wilson', 'counts', true, 'prosent']);
    assert.equal(share.value(1, 8), 12.5);
  });

  it('gives means t intervals and medians none, both protected by the number of persons', () => {
    assert.deepEqual([measureKind('mean').interval, measureKind('mean').primary], ['t', 'persons']);
    assert.deepEqual([measureKind('median').interval, measureKind('median').primary], ['none', 'persons']);
    assert.equal(measureKind('mean').value(7.25, 4), 7.25);
  });

  it('aggregates every kind but the median in two stages, and derived measures never from unit rows', () => {
    assert.deepEqual(MEASURE_KINDS.filter((k) => !isAdditive(k)), ['median']);
    assert.deepEqual(MEASURE_KINDS.filter((k) => measureKind(k).aggregation === 'from_measure'), ['derived']);
  });

  it('is the kind of every derived measure in the catalogue (R2, R3 gap_befolkning)', () => {
    const derived = DEFINITIONS.flatMap((d) => d.measures.filter((m) => m.referenceGap).map((m) => `${d.id}.${m.kode}:${m.kind}`));
    assert.ok(derived.length >= 2);
    for (const d of derived) assert.match(d, /:derived$/);
  });
});
