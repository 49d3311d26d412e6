/**
 * Boundary cases of issue 12, worked out by hand (data last date 2024-12-31):
 *  G  family reunified with a Norwegian (norsk_rett_plikt), new act, primary school, arrived
 *     2021-09-01 (not settled by the state: arrival stands in). Right-and-duty period 36 months →
 *     ends 2024-09-01, ON THE 1st. Hours 2024-08 (10), 2024-09 (5), 2024-10 (7). Tests: oral B1 on
 *     the period's last day 2024-09-01 (inside); writing B1 on 2024-09-02 (the day after: outside).
 *  H  family reunified with a Norwegian, new act (first permit 2021-01-20), primary school, arrived
 *     2020-12-15, no registered goal: measured against the guideline (B1 in all four), which is
 *     in force from the permit; B1 in all four sub-tests in 2022 → goal reached.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { indicatorById } from '../../src/catalogue/index.ts';
import type { ResultRow } from '../../src/contract/results.ts';
import { computeAll } from '../../src/engine/index.ts';
import type { Store } from '../../src/store/index.ts';
import { fixtureStore, type FixtureData } from './fixture-store.ts';

const person = (o: Record<string, string | boolean | null>) => ({
  kjonn: '2', fodt: '1990-01', tillatelse: 'FAMILIE_NORSK', landbakgrunn: 'SYR', innvandringskategori: 'familiegjenforent',
  barn_under_18: false, utvandret_dato: null, dod_dato: null, bosettingsdato: null, bosettingskommune: null, utdanning_medbrakt: 'grunnskole', ...o,
});
const tests = (id: string, dato: string, parts: string[], resultat: string) =>
  parts.map((delprove) => ({ person_id: id, dato, prove: 'norsk', delprove, resultat }));

const DATA: FixtureData = {
  personer: [
    person({ person_id: 'G', forste_tillatelse_dato: '2021-08-20', ankomstdato: '2021-09-01' }),
    person({ person_id: 'H', forste_tillatelse_dato: '2021-01-20', ankomstdato: '2020-12-15' }),
  ],
  introprogram: [],
  norsktimer: [
    { person_id: 'G', aar_mnd: '2024-08', timer: 10 },
    { person_id: 'G', aar_mnd: '2024-09', timer: 5 },
    { person_id: 'G', aar_mnd: '2024-10', timer: 7 },
    { person_id: 'H', aar_mnd: '2021-01', timer: 40 },
  ],
  maal: [],
  proever: [
    ...tests('G', '2024-09-01', ['lytte', 'lese', 'muntlig'], 'B1'),
    ...tests('G', '2024-09-02', ['skrive'], 'B1'),
    ...tests('H', '2022-05-01', ['lytte', 'lese', 'skrive', 'muntlig'], 'B1'),
  ],
};

let store: Store;
let rows: ResultRow[];
before(async () => {
  store = await fixtureStore(DATA, '2024-12-31');
  rows = (await computeAll(store, { definitions: ['I3', 'P4'].map((id) => indicatorById(id)!) })).rows;
});
after(async () => store.close());

const land = (indikator: string, maal: string, periode: number): ResultRow => {
  const found = rows.filter((r) => r.indikator === indikator && r.maal === maal && r.periode === periode && r.regionniva === 'land'
    && r.gruppe === 'alle' && r.lovregime === 'alle' && r.kjonn === 'alle');
  assert.equal(found.length, 1, `${indikator} ${maal} ${periode}`);
  return found[0]!;
};

describe('the right-and-duty period has one end for every indicator', () => {
  it('I3 counts the month in which a period ending on the 1st ends (2024-09), not the month after', () => {
    // 2024-08 (10) + 2024-09 (5; begins on the period's last day) = 15; 2024-10 is outside.
    const c = land('I3', 'snitt', 2021);
    assert.deepEqual([c.verdi, c.nevner, c.mangler], [15, 1, 0]);
  });

  it('P4 counts a test on the last day and not the day after', () => {
    // Oral B1 on 2024-09-01 counts; writing B1 on 2024-09-02 does not.
    assert.deepEqual([land('P4', 'b1_muntlig', 2021).teller, land('P4', 'b1_muntlig', 2021).nevner], [1, 1]);
    assert.deepEqual([land('P4', 'b1_skriftlig', 2021).teller, land('P4', 'b1_skriftlig', 2021).nevner], [0, 1]);
  });
});

describe('a new-act person who arrived before 2021 is measured against the guideline', () => {
  it('P4 (a): H (arrived 2020-12-15, permit 2021) reached the guideline goal, not missing', () => {
    const c = land('P4', 'norskmaal', 2020);
    assert.deepEqual([c.teller, c.nevner, c.mangler, c.status], [1, 1, 0, '']);
    const byRegime = rows.find((r) => r.indikator === 'P4' && r.maal === 'norskmaal' && r.periode === 2020 && r.regionniva === 'land'
      && r.gruppe === 'alle' && r.kjonn === 'alle' && r.lovregime === 'integreringsloven');
    assert.equal(byRegime?.teller, 1);
  });
});
