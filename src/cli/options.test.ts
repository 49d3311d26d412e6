import { test } from 'node:test';
import assert from 'node:assert/strict';
import { choiceOption, intOption } from './options.ts';
import { UserError } from '../shared/errors.ts';

test('intOption takes integers in range and names the option and range otherwise', () => {
  assert.equal(intOption('--window', '3', 1, 10), 3);
  assert.equal(intOption('--workers', '8', 1, 8), 8);
  for (const bad of ['0', '11', '2.5', 'x', '']) {
    assert.throws(() => intOption('--window', bad, 1, 10), (e: unknown) => e instanceof UserError && e.message.includes('--window') && e.message.includes('1') && e.message.includes('10'));
  }
});

test('choiceOption takes one of the words and lists them otherwise', () => {
  assert.equal(choiceOption('--disclosure', 'off', ['on', 'off']), 'off');
  assert.throws(() => choiceOption('--xlsx', 'later', ['wait', 'skip']), (e: unknown) => e instanceof UserError && /--xlsx/.test(e.message) && /wait/.test(e.message) && /skip/.test(e.message) && /later/.test(e.message));
});
