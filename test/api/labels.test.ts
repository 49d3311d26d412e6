/** The one labels/language module (src/shared/lang.ts, src/shared/labels.ts). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseLangCode, pick, translator } from '../../src/shared/lang.ts';
import { CATEGORY_LABELS, DIMENSION_LABELS, REASON_LABELS, categoryLabel, measureLabel } from '../../src/shared/labels.ts';
import { AARSAK } from '../../src/contract/codes.ts';

describe('shared language and labels', () => {
  it('reads no, nb and en, per call', () => {
    assert.equal(parseLangCode('no'), 'nb');
    assert.equal(parseLangCode('NB'), 'nb');
    assert.equal(parseLangCode('en'), 'en');
    assert.equal(parseLangCode('de'), null);
    assert.equal(pick({ nb: 'Kommune', en: 'Municipality' }, 'en'), 'Municipality');
    assert.equal(translator('nb')('Ferdig', 'Done'), 'Ferdig');
  });

  it('labels innsats as Effort, as the spec does', () => {
    assert.equal(categoryLabel('ledd', 'innsats', 'en'), 'Effort');
    assert.equal(categoryLabel('ledd', 'innsats', 'nb'), 'Innsats');
  });

  it('has every label in both languages, and every completion reason of the contract', () => {
    for (const t of Object.values(DIMENSION_LABELS)) assert.ok(t.nb && t.en);
    for (const cats of Object.values(CATEGORY_LABELS)) for (const t of Object.values(cats)) assert.ok(t.nb && t.en);
    for (const code of AARSAK) assert.ok(REASON_LABELS[code], code);
  });

  it('translates family measure codes', () => {
    const measures = [{ kode: 'hoved:*', navn: { nb: 'Hovedårsak', en: 'Main reason' } }, { kode: 'andel', navn: { nb: 'Andel', en: 'Share' } }];
    assert.equal(measureLabel(measures, 'hoved:arbeid', 'en'), 'Main reason: work');
    assert.equal(measureLabel(measures, 'gruppe:utdanning', 'nb'), 'Hovedårsak gruppert: utdanning');
    assert.equal(measureLabel(measures, 'andel', 'en'), 'Share');
    assert.equal(measureLabel(measures, 'hoved:ukjent_kode', 'en'), 'Main reason: ukjent kode');
    assert.equal(measureLabel(undefined, 'x', 'en'), 'x');
  });
});
