/**
 * Attribute disclosure (issue 11 item 5): for a sensitive measure (catalogue `sensitive`, R5 social
 * assistance and other transfers) a cell where everyone in the group has the attribute
 * (teller = nevner) is unsafe at any size, and no hidden cell may be shown to be one by subtraction.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CATALOGUE } from '../../src/catalogue/index.ts';
import { DEFAULT_DISCLOSURE, isPrimaryUnsafe, protect } from '../../src/disclosure/index.ts';
import type { IndicatorMeta } from '../../src/catalogue/types.ts';
import type { ResultRow } from '../../src/contract/results.ts';
import { attack } from './attacker.ts';
import { catalogue, cell } from './helpers.ts';

const sensitiveCatalogue = (): IndicatorMeta[] => catalogue().map((c) => ({ ...c, sensitive: { nb: 'sensitiv', en: 'sensitive' } }));
const opts = { additiveGroup: () => null, width: DEFAULT_DISCLOSURE.minCount, sensitive: () => true };

test('the catalogue marks R5 (social assistance, other transfers) as sensitive, with a reason', () => {
  const r5 = CATALOGUE.find((c) => c.id === 'R5')!;
  assert.ok(r5.sensitive && r5.sensitive.nb.length > 0 && r5.sensitive.en.length > 0);
  assert.ok(r5.maal.some((m) => m.kode === 'andre_overforinger'));
});

test('teller = nevner is primary-unsafe for a sensitive share at any size, and only there', () => {
  const row = cell({ region: '1101', teller: 40, nevner: 40 });
  assert.equal(isPrimaryUnsafe(row, { kind: 'share', additiveGroup: null, sensitive: true }, DEFAULT_DISCLOSURE), true);
  assert.equal(isPrimaryUnsafe(row, { kind: 'share', additiveGroup: null }, DEFAULT_DISCLOSURE), false);
  assert.equal(isPrimaryUnsafe(cell({ region: '1101', teller: 30, nevner: 40 }), { kind: 'share', additiveGroup: null, sensitive: true }, DEFAULT_DISCLOSURE), false);
  assert.equal(isPrimaryUnsafe(cell({ region: '1101', teller: 0, nevner: 40 }), { kind: 'share', additiveGroup: null, sensitive: true }, DEFAULT_DISCLOSURE), false);
});

/** land = 11 + 12; 11 = 1101 + 1102; everyone in 1101 and 1102 receives the transfer. */
function table(): ResultRow[] {
  return [
    cell({ region: '0', teller: 60, nevner: 100 }),
    cell({ region: '11', teller: 30, nevner: 30 }),
    cell({ region: '1101', teller: 12, nevner: 12 }),
    cell({ region: '1102', teller: 18, nevner: 18 }),
    cell({ region: '12', teller: 30, nevner: 70 }),
    cell({ region: '1201', teller: 10, nevner: 30 }),
    cell({ region: '1202', teller: 20, nevner: 40 }),
  ];
}

test('the attacker finds "everyone has it" in a table protected without the rule (the test can fail)', () => {
  const rows = table();
  const { rows: plain } = protect(rows, catalogue());
  const rep = attack(rows, plain, opts);
  assert.deepEqual(rep.inconsistent, []);
  assert.ok(rep.recovered.some((x) => x.startsWith('attribute:')), rep.recovered.join('; '));
});

test('protected as sensitive: no cell shows or lets a reader derive that everyone has the attribute', () => {
  const rows = table();
  const { rows: safe, summary } = protect(rows, sensitiveCatalogue());
  for (const region of ['11', '1101', '1102']) assert.equal(safe.find((r) => r.region === region)!.status, ':', region);
  const rep = attack(rows, safe, opts);
  assert.deepEqual(rep.inconsistent, []);
  assert.deepEqual(rep.recovered, []);
  assert.doesNotMatch(summary.method, /WARNING/);
});
