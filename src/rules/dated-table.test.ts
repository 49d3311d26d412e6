/**
 * Tests of the dated tables: every table is consistent (no overlapping validity per key), and the
 * checker really catches a deliberately bad table.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkRuleTables, lookup, RULE_TABLES, RuleNotInForceError } from './index.ts';
import type { DatedRuleTable } from './index.ts';

test('every shipped rule table passes checkRuleTables (no overlaps, valid dates, a source on every row)', () => {
  assert.deepEqual(checkRuleTables(RULE_TABLES), []);
});

test('RULE_TABLES lists every law-rules section with a table (§1, §2, §4, §5, §7, §8, §9)', () => {
  const sections = new Set(Object.values(RULE_TABLES).map((t) => t.section));
  for (const s of ['§1', '§2', '§4', '§5', '§7', '§8', '§9']) assert.ok(sections.has(s), `missing ${s}`);
});

test('post-report rows are marked and carry a note (chapter 6A, citizenship B1, G after 2019)', () => {
  const post = Object.values(RULE_TABLES).flatMap((t) =>
    t.rows.filter((r) => r.source.postReport).map((r) => `${t.id}:${r.key}`),
  );
  assert.ok(post.includes('maalgrupper:KOLLEKTIV_34'));
  assert.ok(post.includes('programtid:kapittel_6a'));
  assert.ok(post.includes('statsborgerskap_muntlig:muntlig'));
  for (const t of Object.values(RULE_TABLES)) {
    for (const r of t.rows) {
      if (r.source.postReport && t.id !== 'grunnbelop') assert.ok(r.source.note, `${t.id}:${r.key} needs a note`);
    }
  }
});

const src = { law: 'test', report: null, postReport: false };
const BAD: DatedRuleTable<number> = {
  id: 'bad',
  title: { nb: 'Feil', en: 'Bad' },
  dateBasis: 'kalender',
  section: '§0',
  rows: [
    { key: 'a', validFrom: '2020-01-01', validTo: '2020-12-31', value: 1, source: src },
    { key: 'a', validFrom: '2020-12-31', validTo: null, value: 2, source: src }, // overlaps on 2020-12-31
    { key: 'b', validFrom: null, validTo: null, value: 3, source: src },
    { key: 'b', validFrom: '2030-01-01', validTo: null, value: 4, source: src }, // open-ended row overlaps everything
    { key: 'c', validFrom: '2022-05-01', validTo: '2022-04-30', value: 5, source: src }, // reversed
    { key: 'd', validFrom: '2022-5-1', validTo: null, value: 6, source: { ...src, law: '' } }, // bad date, no source
    { key: 'e', validFrom: '2020-01-01', validTo: '2020-12-31', value: 7, source: src },
    { key: 'e', validFrom: '2021-01-01', validTo: null, value: 8, source: src }, // adjacent: fine
  ],
};

test('checkRuleTables reports every problem of a deliberately bad table, with paths', () => {
  const errors = checkRuleTables({ bad: BAD });
  assert.equal(errors.length, 5, errors.join('\n'));
  assert.ok(errors.some((e) => e.startsWith('bad.rows[0] (a): overlaps bad.rows[1]')));
  assert.ok(errors.some((e) => e.startsWith('bad.rows[2] (b): overlaps bad.rows[3]')));
  assert.ok(errors.some((e) => e.includes('bad.rows[4] (c): validFrom 2022-05-01 is after validTo 2022-04-30')));
  assert.ok(errors.some((e) => e.includes('"2022-5-1" is not a YYYY-MM-DD date')));
  assert.ok(errors.some((e) => e.includes('bad.rows[5] (d): missing legal source')));
  assert.ok(!errors.some((e) => e.includes('(e)')), 'adjacent periods do not overlap');
});

test('checkRuleTables: a table registered under another name than its id is reported', () => {
  assert.deepEqual(checkRuleTables({ other: { ...BAD, rows: [] } }), ['other: id "bad" differs from its name']);
});

test('lookup picks the row in force on the date and refuses a date no row covers', () => {
  assert.equal(lookup(BAD, 'e', '2020-12-31'), 7);
  assert.equal(lookup(BAD, 'e', '2021-01-01'), 8);
  assert.throws(() => lookup(BAD, 'e', '2019-12-31'), RuleNotInForceError);
  assert.throws(() => lookup(BAD, 'zzz', '2021-01-01'), /no rule for "zzz"/);
});
