import { test } from 'node:test';
import assert from 'node:assert/strict';
import { engineErrorText } from '../../src/ingest/engine-error.ts';

test('an engine error is reduced to its kind and a known explanation, never its text', () => {
  const duck = new Error(
    'Invalid Input Error: CSV Error on Line: 2\nOriginal Line: 15078512345,1990-01,xxxxxxxx\nMaximum line size of 2097152 bytes exceeded.',
  );
  assert.equal(engineErrorText(duck), 'Invalid Input Error, en linje er lengre enn databasemotoren kan lese');
  assert.equal(engineErrorText(new Error('IO Error: Could not read 15078512345')), 'IO Error');
  assert.equal(engineErrorText(new Error('15078512345 something odd')), 'ukjent feil');
  const fsErr = Object.assign(new Error("EACCES: permission denied, open '/x/15078512345.csv'"), { code: 'EACCES' });
  assert.equal(engineErrorText(fsErr), 'EACCES, mangler tilgang');
  assert.equal(engineErrorText('a string 15078512345'), 'ukjent feil');
});
