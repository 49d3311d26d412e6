/** Unit checks of the generator's building blocks: PRNG, municipality code history, fødselsnummer. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng } from '../../src/synth/prng.ts';
import { buildKommuneCodeMap } from '../../src/synth/kommune-codes.ts';
import { loadCodeChanges, loadKommuner2020Codes, loadKommuner2024 } from '../../src/synth/refdata.ts';
import { dayOf } from '../../src/synth/dates.ts';
import { hasValidCheckDigits, randomFnr } from '../../src/synth/fnr.ts';
import { isIdentityNumber } from '../../src/ingest/index.ts';

test('the PRNG is deterministic per seed and stream, and roughly uniform', () => {
  const a = createRng(5);
  const b = createRng(5);
  const c = createRng(5, 1);
  const xs = Array.from({ length: 10_000 }, () => a.next());
  assert.deepEqual(xs.slice(0, 50), Array.from({ length: 50 }, () => b.next()));
  assert.notEqual(xs[0], c.next());
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  assert.ok(Math.abs(mean - 0.5) < 0.02, `mean ${mean}`);
  assert.ok(xs.every((x) => x >= 0 && x < 1));
});

const codes = buildKommuneCodeMap(loadKommuner2024().map((k) => k.code), loadCodeChanges());

test('a 2024 code maps back to the code valid at the time (Halden 3101 → 3001 → 0101)', () => {
  assert.equal(codes.codeAt('3101', dayOf(2019, 5, 1), 0.5), '0101');
  assert.equal(codes.codeAt('3101', dayOf(2021, 5, 1), 0.5), '3001');
  assert.equal(codes.codeAt('3101', dayOf(2024, 5, 1), 0.5), '3101');
  // Drammen 3301 ← 3005 (2020) ← Drammen 0602, Nedre Eiker 0625, Svelvik 0711 (2020 merger).
  const old = new Set([0.1, 0.5, 0.9].map((r) => codes.codeAt('3301', dayOf(2019, 5, 1), r)));
  assert.deepEqual([...old].sort(), ['0602', '0625', '0711']);
});

test('the codes valid in 2020–2023 are exactly the 2020 structure; 2019 had 422 municipalities', () => {
  const in2022 = [...codes.codesValidAt(dayOf(2022, 6, 1)).keys()].sort();
  assert.deepEqual(in2022, loadKommuner2020Codes().sort());
  assert.equal(codes.codesValidAt(dayOf(2019, 6, 1)).size, 422);
});

test('generated fødselsnummer have valid mod-11 check digits (and ingest recognises them)', () => {
  const rng = createRng(9);
  for (let i = 0; i < 200; i++) {
    const id = randomFnr(rng);
    assert.ok(hasValidCheckDigits(id), id);
    assert.ok(isIdentityNumber(id), id);
  }
  assert.ok(!hasValidCheckDigits('01010112345'));
});
