import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IndicatorMeta } from '../../catalogue/types.ts';
import type { ResultRow } from '../../contract/results.ts';
import { cellNote, cellText, headlineBotid, headlineMeasure, latestPublished, seriesBy, totalGroup } from './select.ts';

const meta = {
  id: 'X1', ledd: 'programresultat', kjerne: true,
  maal: [
    { kode: 'b1', navn: { nb: 'B1', en: 'B1' }, kind: 'share', enhet: 'prosent' },
    { kode: 'hoved:*', navn: { nb: 'Hovedårsak', en: 'Main reason' }, kind: 'share', enhet: 'prosent' },
  ],
} as unknown as IndicatorMeta;

function row(p: Partial<ResultRow>): ResultRow {
  return {
    indikator: 'X1', maal: 'b1', ledd: 'programresultat', kohort: 'bosettingskohort', periode: 2020, botid: null,
    lovregime: 'alle', regionniva: 'land', region: '0', gruppe: 'intro', kjonn: 'alle',
    teller: 5, nevner: 10, verdi: 50, ki_nedre: 20, ki_ovre: 80, mangler: 0, status: '', ...p,
  };
}

test('headline measure follows catalogue order, and family codes match', () => {
  assert.equal(headlineMeasure(meta, [row({ maal: 'hoved:arbeid' }), row({ maal: 'b1' })]), 'b1');
  assert.equal(headlineMeasure(meta, [row({ maal: 'hoved:arbeid' })]), 'hoved:arbeid');
  assert.equal(headlineMeasure(meta, []), undefined);
});

test('total group prefers intro, then alle', () => {
  assert.equal(totalGroup([row({ gruppe: 'under_25' }), row({ gruppe: 'alle' })]), 'alle');
  assert.equal(totalGroup([row({ gruppe: 'alle' }), row({ gruppe: 'intro' })]), 'intro');
});

test('latestPublished skips a suppressed latest year', () => {
  const rows = [row({ periode: 2020 }), row({ periode: 2021, status: ':', verdi: null })];
  assert.equal(latestPublished(rows, { gruppe: 'intro' })?.periode, 2020);
});

test('link 3 headline uses two years after settlement when present', () => {
  assert.equal(headlineBotid([row({ botid: 1 }), row({ botid: 2 }), row({ botid: 3 })]), 2);
  assert.equal(headlineBotid([row({ botid: 3 }), row({ botid: 5 })]), 3);
  assert.equal(headlineBotid([row({})]), null);
});

test('cells show the value in Norwegian or the status symbol with its explanation', () => {
  assert.equal(cellText('nb', row({ verdi: 45.25 }), 'prosent'), '45,3 %');
  assert.equal(cellText('en', row({ verdi: 45.25 }), 'prosent'), '45.3%');
  const sup = row({ status: ':', verdi: null });
  assert.equal(cellText('nb', sup, 'prosent'), ':');
  assert.equal(cellNote('nb', sup), 'Prikket for å hindre at enkeltpersoner kan gjenkjennes');
  assert.equal(cellText('nb', undefined, 'prosent'), '..');
  assert.equal(cellNote('nb', row({})), undefined);
});

test('seriesBy orders a series by period or years since settlement', () => {
  const rows = [row({ periode: 2022 }), row({ periode: 2020 }), row({ periode: 2021, gruppe: 'ovrige' })];
  assert.deepEqual(seriesBy(rows, { gruppe: 'intro' }, 'periode').map((s) => s.x), [2020, 2022]);
  const b = [row({ botid: 3 }), row({ botid: 1 })];
  assert.deepEqual(seriesBy(b, {}, 'botid').map((s) => s.x), [1, 3]);
});

test('old vs new act is compared in the same year only', async () => {
  const { sameYearRegimes } = await import('./select.ts');
  const rows = [
    row({ periode: 2021, lovregime: 'introduksjonsloven', verdi: 40 }),
    row({ periode: 2022, lovregime: 'introduksjonsloven', verdi: 41 }),
    row({ periode: 2022, lovregime: 'integreringsloven', verdi: 50 }),
    row({ periode: 2023, lovregime: 'integreringsloven', verdi: 55 }),
    row({ periode: 2023, lovregime: 'introduksjonsloven', verdi: null, status: ':' }),
  ];
  const s = sameYearRegimes(rows, { maal: 'b1' });
  assert.equal(s?.periode, 2022);
  assert.equal(s?.old.verdi, 41);
  assert.equal(s?.neu.verdi, 50);
  assert.equal(sameYearRegimes(rows.filter((r) => r.lovregime !== 'introduksjonsloven'), { maal: 'b1' }), null);
});

test('a key without vindu never matches a pooled row', async () => {
  const { matches } = await import('./select.ts');
  const pooled = row({ periode: 2023, vindu: 3 });
  assert.equal(matches(pooled, { periode: 2023 }), false);
  assert.equal(matches(pooled, { periode: 2023, vindu: 3 }), true);
  assert.equal(matches(row({ periode: 2023 }), { periode: 2023 }), true);
});

test('family measure codes get labels in the page language, never the raw code', async () => {
  const { measureLabel } = await import('./labels.ts');
  assert.equal(measureLabel('en', 'hoved:arbeid', 'Main reason: arbeid'), 'Main reason: work');
  assert.equal(measureLabel('nb', 'gruppe:utdanning', 'Hovedårsak gruppert: utdanning'), 'Hovedårsak gruppert: utdanning');
  assert.equal(measureLabel('en', 'alle:omsorg_barn_0_1', undefined), 'Any reason: caring for a child aged 0–1');
  assert.equal(measureLabel('en', 'b1_muntlig', 'B1 oral'), 'B1 oral');
  assert.equal(measureLabel('en', 'sporsmal:q7', undefined, 'One measure per question'), 'One measure per question: q7');
});
