/**
 * Hand-checked fixtures: every core indicator (I1–I4, P1, P2, P4, P5, R1–R4) on six persons whose
 * expected values are worked out by hand below (persons described in hand-checked-data.ts).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFINITIONS } from '../../src/catalogue/index.ts';
import type { ResultRow } from '../../src/contract/results.ts';
import { computeAll } from '../../src/engine/index.ts';
import type { Store } from '../../src/store/index.ts';
import { fixtureStore } from './fixture-store.ts';
import { HAND_DATA, LAST_DATE } from './hand-checked-data.ts';
import { cellLookup } from './cell-lookup.ts';

const CORE = ['I1', 'I2', 'I3', 'I4', 'P1', 'P2', 'P4', 'P5', 'R1', 'R2', 'R3', 'R4'];
let store: Store;
let rows: ResultRow[];

before(async () => {
  store = await fixtureStore(HAND_DATA, LAST_DATE);
  // I4 by completion year (its default is the start cohort: test/engine/cohort-windows.test.ts).
  const result = await computeAll(store, { definitions: DEFINITIONS.filter((d) => CORE.includes(d.id)), cohorts: { I4: 'avslutningskohort' } });
  rows = result.rows;
});
after(async () => store.close());

const { cell, absent, share } = cellLookup(() => rows);

describe('link 1 — innsats', () => {
  it('I1: active in 2022 are A, D (to 2022-12-31) and B (running); C ended 2021', () => {
    // A has grunnskole 2021-06..2022-06 → 1 of 3; B has vgo_yrkesfag from 2022-08 → 1 of 3.
    share({ indikator: 'I1', maal: 'grunnskole', periode: 2022 }, 1, 3);
    share({ indikator: 'I1', maal: 'vgo', periode: 2022 }, 1, 3);
    share({ indikator: 'I1', maal: 'vgo_yrkesfag', periode: 2022 }, 1, 3);
    share({ indikator: 'I1', maal: 'vgo_studiespesialisering', periode: 2022 }, 0, 3);
    // Subgroups at start (law-rules §3): B is under_25 (21); D is exactly 25 → ovrige, with A.
    share({ indikator: 'I1', maal: 'vgo', periode: 2022, gruppe: 'under_25' }, 1, 1);
    share({ indikator: 'I1', maal: 'grunnskole', periode: 2022, gruppe: 'ovrige' }, 1, 2);
    // B's data came under the old code 0101 and is counted in harmonised Halden 3101 (county 31).
    share({ indikator: 'I1', maal: 'vgo', periode: 2022, regionniva: 'kommune', region: '3101' }, 1, 1);
    share({ indikator: 'I1', maal: 'vgo', periode: 2022, regionniva: 'fylke', region: '31' }, 1, 1);
    assert.ok(absent({ indikator: 'I1', maal: 'vgo', periode: 2022, regionniva: 'kommune', region: '0101' }));
    // 2021: C (old act) is still active; by regime A and B (new act), C and D (old act).
    share({ indikator: 'I1', maal: 'grunnskole', periode: 2021, lovregime: 'integreringsloven' }, 1, 2);
    share({ indikator: 'I1', maal: 'grunnskole', periode: 2021, lovregime: 'introduksjonsloven' }, 0, 2);
  });

  it('I2: wage subsidy on its own — A has lonnstilskudd 2022-09..2023-04', () => {
    share({ indikator: 'I2', maal: 'lonnstilskudd', periode: 2022 }, 1, 3);
    share({ indikator: 'I2', maal: 'arbeidsrettet', periode: 2022 }, 1, 3);
    share({ indikator: 'I2', maal: 'subsidiert_arbeid', periode: 2022 }, 1, 3);
    share({ indikator: 'I2', maal: 'praksis', periode: 2022 }, 0, 3);
    // 2023: only A (to 2023-05) and B are active.
    share({ indikator: 'I2', maal: 'lonnstilskudd', periode: 2023 }, 1, 2);
  });

  it('I3: hours inside the right-and-duty period; a person without hour rows is missing', () => {
    // Cohort 2021 (right-and-duty ended before 2024-12-31): A, B (intro) and E (norsk_rett_plikt).
    // A: 2021-03 (10) + 2024-03 (5; the month starts before the period ends 2024-03-15) = 15;
    // 2024-04 is outside. B: 20 + 30 = 50. E has no rows → missing. Mean = (15 + 50) / 2 = 32.5.
    const mean = cell({ indikator: 'I3', maal: 'snitt', periode: 2021 });
    assert.deepEqual([mean.verdi, mean.nevner, mean.mangler, mean.teller], [32.5, 2, 1, null]);
    // t interval with n = 2: sd = 24.75, t(0.975, 1) = 12.706 → ± 222.4.
    assert.ok(Math.abs(mean.ki_nedre! - (32.5 - 222.4)) < 0.2 && Math.abs(mean.ki_ovre! - (32.5 + 222.4)) < 0.2);
    const med = cell({ indikator: 'I3', maal: 'median', periode: 2021 });
    assert.deepEqual([med.verdi, med.ki_nedre, med.ki_ovre], [32.5, null, null]);
    assert.equal(cell({ indikator: 'I3', maal: 'snitt', periode: 2021, gruppe: 'norsk_rett_plikt' }).status, '..');
  });

  it('I4: programme length against the cap (law-rules §5)', () => {
    // A: 2021-05-01 → 2023-05-01 = 730 days / 30.4375 = 23.98 months; new act, ovrige, end goal
    // arbeid (last adjusted; first was fullfort_grunnskole) → 24 months normal, not extended → at cap.
    const a = cell({ indikator: 'I4', maal: 'snitt_mnd', periode: 2023 });
    assert.equal(a.verdi, 24);
    share({ indikator: 'I4', maal: 'andel_ved_tak', periode: 2023 }, 1, 1);
    share({ indikator: 'I4', maal: 'andel_over_tak', periode: 2023 }, 0, 1);
    share({ indikator: 'I4', maal: 'andel_forlenget', periode: 2023 }, 0, 1);
    // C: 731 days = 24.02 months, old act, extended → own cap 24 + 12 = 36: not at it.
    share({ indikator: 'I4', maal: 'andel_forlenget', periode: 2021 }, 1, 1);
    share({ indikator: 'I4', maal: 'andel_ved_tak', periode: 2021 }, 0, 1);
    // D: 2021-03-01 → 2022-12-31 = 670 days = 22.01 months, cap 24 → not at cap (< 23.5).
    assert.equal(cell({ indikator: 'I4', maal: 'snitt_mnd', periode: 2022 }).verdi, 22);
    share({ indikator: 'I4', maal: 'andel_ved_tak', periode: 2022 }, 0, 1);
    // B is still running: in no completion cohort.
    assert.ok(!rows.some((r) => r.indikator === 'I4' && r.periode === 2024));
  });
});

describe('link 2 — programresultat', () => {
  it('P1: reasons; a completer without an avslutning row is missing, not a reason', () => {
    // 2021: C completed but has no avslutning row → every P1 cell of 2021 is "no data" with 1 missing.
    const c = cell({ indikator: 'P1', maal: 'hoved:arbeid', periode: 2021 });
    assert.deepEqual([c.status, c.nevner, c.mangler, c.verdi], ['..', 0, 1, null]);
    // 2022: D, main reason utdanning_vgo, also arbeid → both work and education.
    share({ indikator: 'P1', maal: 'hoved:utdanning_vgo', periode: 2022 }, 1, 1);
    share({ indikator: 'P1', maal: 'hoved:arbeid', periode: 2022 }, 0, 1);
    share({ indikator: 'P1', maal: 'alle:arbeid', periode: 2022 }, 1, 1);
    share({ indikator: 'P1', maal: 'gruppe:utdanning', periode: 2022 }, 1, 1);
    share({ indikator: 'P1', maal: 'arbeid_og_utdanning', periode: 2022 }, 1, 1);
    // 2023: A, main reason arbeid with utdanning_grunnskole.
    share({ indikator: 'P1', maal: 'hoved:arbeid', periode: 2023, lovregime: 'integreringsloven' }, 1, 1);
    share({ indikator: 'P1', maal: 'arbeid_og_utdanning', periode: 2023 }, 1, 1);
  });

  it('P2: qualifications by programme end; vgo within 5 years is withheld while the window is open', () => {
    // A completed grunnskole 2022-12-15, before the programme ended 2023-05-01.
    share({ indikator: 'P2', maal: 'grunnskole', periode: 2023 }, 1, 1);
    // Completion cohort 2023: vgo's window (31 Dec 2023 + 60 months) is open → no vgo cell at all.
    assert.ok(absent({ indikator: 'P2', maal: 'vgo', periode: 2023 }));
    share({ indikator: 'P2', maal: 'grunnskole', periode: 2022 }, 0, 1);
  });

  it('P4: best result by the end of the right-and-duty period', () => {
    // Cohort 2021: A, B (intro), E (norsk_rett_plikt).
    // (a) A's last goal is B1 everywhere (the earlier A2 goal is replaced) and A has B1/B1/B1/B2 → reached.
    //     B has no registered goal → guideline for primary school, B1 everywhere; B's oral B1 came
    //     2024-04-11, the day after the period ended → not reached.
    //     E: guideline for higher education B1/B1/B1/B2; E has B2 everywhere → reached.
    share({ indikator: 'P4', maal: 'norskmaal', periode: 2021 }, 2, 3);
    // (b) B1 oral and writing: A yes, B no (oral too late), E yes. (c) B2: only E.
    share({ indikator: 'P4', maal: 'b1_muntlig_skriftlig', periode: 2021 }, 2, 3);
    share({ indikator: 'P4', maal: 'b2_muntlig_skriftlig', periode: 2021 }, 1, 3);
    share({ indikator: 'P4', maal: 'b1_skriftlig', periode: 2021, gruppe: 'intro' }, 2, 2);
    share({ indikator: 'P4', maal: 'b1_muntlig', periode: 2021, gruppe: 'intro' }, 1, 2);
    // Old act: C (cohort 2019) has no goal and the old act has no guideline → missing for (a);
    // (b): oral B1 but writing A2 → no.
    const c = cell({ indikator: 'P4', maal: 'norskmaal', periode: 2019 });
    assert.deepEqual([c.status, c.mangler], ['..', 1]);
    share({ indikator: 'P4', maal: 'b1_muntlig_skriftlig', periode: 2019, lovregime: 'introduksjonsloven' }, 0, 1);
  });

  it('P5: civics passed within 12 months of the decision (intro) or settlement/arrival (others)', () => {
    // A: decision 2021-04-01, passed 2022-03-31 → yes. B: decision 2021-05-01, passed 2022-06-01 → no.
    // E: arrival 2021-07-01, failed 2021-12-01, passed 2022-08-01 → no.
    share({ indikator: 'P5', maal: 'andel', periode: 2021 }, 1, 3);
    share({ indikator: 'P5', maal: 'andel', periode: 2021, gruppe: 'intro' }, 1, 2);
    share({ indikator: 'P5', maal: 'andel', periode: 2021, gruppe: 'norsk_rett_plikt' }, 0, 1);
    // F (duty only): arrived 2022-01-15, passed 2022-10-01 → yes.
    share({ indikator: 'P5', maal: 'andel', periode: 2022, gruppe: 'norsk_plikt' }, 1, 1);
  });
});

describe('link 3 — integreringsresultat', () => {
  it('R1/R2: by years since settlement; emigrants leave the denominator; a missing row is missing', () => {
    // Cohort 2021, botid 1 = 2022: A in education, B neither, E employed (education unknown, but
    // employed is enough) → R1 2/3, R2 1/3.
    share({ indikator: 'R1', maal: 'andel', periode: 2021, botid: 1 }, 2, 3);
    share({ indikator: 'R2', maal: 'andel', periode: 2021, botid: 1 }, 1, 3);
    // botid 2 = 2023: A employed; B has no 2023 row → missing; E emigrated 2023-06-01 → out.
    share({ indikator: 'R1', maal: 'andel', periode: 2021, botid: 2 }, 1, 1, 1);
    // E was not settled: counted in the municipality of the first utfall row (3101).
    share({ indikator: 'R2', maal: 'andel', periode: 2021, botid: 1, regionniva: 'kommune', region: '3101' }, 1, 2);
  });

  it('R3: earned income ≥ 2 × the year\'s average G', () => {
    // Average G 2022 = (4 × 106 399 + 8 × 111 477) / 12 = 109 784.33 → 2G = 219 568.67:
    // A 50 000 no, B 0 no, E 250 000 yes.
    share({ indikator: 'R3', maal: 'andel', periode: 2021, botid: 1 }, 1, 3);
    // 2023: (4 × 111 477 + 8 × 118 620) / 12 = 116 239 → 2G = 232 478; A 300 000 yes (B missing).
    share({ indikator: 'R3', maal: 'andel', periode: 2021, botid: 2 }, 1, 1, 1);
  });

  it('R4: education completed in Norway dated ≤ 1 November of the measurement year', () => {
    // A completed grunnskole 2022-12-15: after 1 Nov 2022 (botid 1), before 1 Nov 2023 (botid 2).
    share({ indikator: 'R4', maal: 'grunnskole', periode: 2021, botid: 1 }, 0, 3);
    share({ indikator: 'R4', maal: 'grunnskole', periode: 2021, botid: 2 }, 1, 1, 1);
    share({ indikator: 'R4', maal: 'vgo', periode: 2021, botid: 2 }, 0, 1, 1);
  });

  it('totals are true totals, with sex at country and county level only', () => {
    const land = cell({ indikator: 'R2', maal: 'andel', periode: 2021, botid: 1, kjonn: '2' });
    assert.deepEqual([land.teller, land.nevner], [1, 2]); // B and E are women
    assert.ok(!rows.some((r) => r.regionniva === 'kommune' && (r.kjonn !== 'alle' || r.lovregime !== 'alle')));
  });
});
