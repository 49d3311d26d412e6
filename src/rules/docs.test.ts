/**
 * docs/law-rules.md must show the rule tables exactly as the code has them (generated section).
 * Regenerate after changing a table: UPDATE_LAW_RULES_DOCS=1 node --import tsx --test src/rules/docs.test.ts
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { GENERATED_BEGIN, GENERATED_END, RULE_TABLES, rulesMarkdown } from './index.ts';

const DOC = fileURLToPath(new URL('../../docs/law-rules.md', import.meta.url));

test('docs/law-rules.md contains the generated rule tables of RULE_TABLES, unchanged', () => {
  const doc = readFileSync(DOC, 'utf8');
  const start = doc.indexOf(GENERATED_BEGIN);
  const end = doc.indexOf(GENERATED_END);
  assert.ok(start >= 0 && end > start, 'generated-section markers missing in docs/law-rules.md');
  const current = doc.slice(start, end + GENERATED_END.length);
  const expected = rulesMarkdown(RULE_TABLES);
  if (current !== expected && process.env['UPDATE_LAW_RULES_DOCS'] === '1') {
    writeFileSync(DOC, doc.slice(0, start) + expected + doc.slice(end + GENERATED_END.length));
    return;
  }
  assert.equal(current, expected, 'rule tables changed: regenerate docs/law-rules.md (see this test file)');
});
