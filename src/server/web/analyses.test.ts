import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnalysisRow } from '../../contract/analysis.ts';
import type { IndicatorMeta } from '../../catalogue/types.ts';
import { chainDiagnosis, latestWindow, observedExpectedSentence } from './analyses.ts';

const r1 = {
  id: 'R1', ledd: 'integreringsresultat', navn: { nb: 'I arbeid eller utdanning', en: 'In work or education' },
  maal: [{ kode: 'andel', navn: { nb: 'Andel', en: 'Share' }, kind: 'share', enhet: 'prosent' }],
} as unknown as IndicatorMeta;
const p4 = { ...r1, id: 'P4', ledd: 'programresultat', navn: { nb: 'Norskferdigheter', en: 'Norwegian skills' } } as unknown as IndicatorMeta;

const row = (p: Partial<AnalysisRow>): AnalysisRow => ({
  analyse: 'A1', indikator: 'R1', maal: 'andel', kohort: 'bosettingskohort', botid: null, gruppe: 'alle', periode: '2020-2022',
  regionniva: 'kommune', region: '4601', sammenligning: 'kommune_mot_forventet', n: 400, observert: 54, forventet: 50,
  differanse: 4, ki_nedre: -1, ki_ovre: 9, krympet: 3, vurdering: 'som_forventet', status: '', ...p,
});

test('observed vs expected reads as the issue asks, in both languages', () => {
  assert.equal(observedExpectedSentence('nb', r1, row({})), '54,0 % i arbeid eller utdanning; forventet ut fra hvem som ble bosatt: 50,0 %; +4,0 prosentpoeng (−1,0 til +9,0): som forventet');
  assert.equal(observedExpectedSentence('en', r1, row({ differanse: -6, ki_nedre: -10, ki_ovre: -2, vurdering: 'lavere', observert: 44 })), '44.0% in work or education; expected from who was settled: 50.0%; −6.0 percentage points (−10.0 to −2.0): lower than expected');
  assert.match(observedExpectedSentence('nb', r1, row({ status: ':', observert: null })), /for få personer/);
});

test('latest window is chosen by its last year', () => {
  const rows = [row({ periode: '2019-2021' }), row({ periode: '2020-2022', region: 'x' }), row({ periode: '2018-2020' })];
  assert.deepEqual(latestWindow(rows).map((r) => r.region), ['x']);
});

test('the weakest link is named only when significantly below expected', () => {
  const a2 = [row({ analyse: 'A2', indikator: 'R1' }), row({ analyse: 'A2', indikator: 'P4', differanse: -6, ki_nedre: -10, ki_ovre: -2, vurdering: 'lavere' })];
  const d = chainDiagnosis(a2, [r1, p4]);
  assert.equal(d.weakest?.row.indikator, 'P4');
  assert.deepEqual(d.links.map((l) => l.ledd), ['programresultat', 'integreringsresultat']);
  assert.equal(chainDiagnosis([a2[0]!], [r1, p4]).weakest, null);
});

test('A2 as the analysis stage writes it: ledd_<link> rows and a svakeste_ledd summary', () => {
  const links = [
    row({ analyse: 'A2', indikator: 'P4', sammenligning: 'ledd_programresultat', differanse: -6, ki_nedre: -10, ki_ovre: -2, vurdering: 'lavere' }),
    row({ analyse: 'A2', indikator: 'R1', sammenligning: 'ledd_integreringsresultat', periode: '2019-2021' }),
  ];
  const d = chainDiagnosis([...links, row({ analyse: 'A2', indikator: 'P4', maal: 'programresultat', sammenligning: 'svakeste_ledd', vurdering: 'lavere' })], [r1, p4]);
  assert.deepEqual(d.links.map((l) => l.row.indikator), ['P4', 'R1'], 'each link keeps its own latest window; the summary is not a link');
  assert.equal(d.weakest?.ledd, 'programresultat');
  const none = chainDiagnosis([...links, row({ analyse: 'A2', indikator: 'A2', maal: 'ingen_skiller_seg_ut', sammenligning: 'svakeste_ledd' })], [r1, p4]);
  assert.equal(none.weakest, null);
});
