/**
 * The window fixture: the hand-checked persons A–F (hand-checked-data.ts) with the data's last
 * date in the middle of 2024 (2024-06-30), plus a few rows so that every windowed indicator has a
 * cohort whose window is still open and that the old engine would have published from the part
 * that happened to finish:
 *  H  new act, har_vgo, settled 2024-02-01 in Oslo; intro 2024-03-01 → 2024-05-01 (completed,
 *     avslutning 2024-05-01): completion cohort 2024, settlement cohort 2024 (start-up steps done).
 *  B  gets the end goal fullfort_vgo (start cohort 2021, vgo element 2022-08) and a career
 *     guidance recommending vgo; C the same (start cohort 2019, vgo element 2020-01).
 *  utfall rows for 2024 (A, B): measured 1 Nov 2024, after the last date.
 *  kommune_aar and brukerundersokelse for Oslo 2023 and 2024.
 */
import type { FixtureData, FixtureRow } from './fixture-store.ts';
import { HAND_DATA } from './hand-checked-data.ts';

export const WINDOW_LAST_DATE = '2024-06-30';

const more: Record<string, FixtureRow[]> = {
  personer: [
    { person_id: 'H', fodt: '1995-02', kjonn: '1', tillatelse: 'ASYL_28', innvandringskategori: 'asylsoker', forste_tillatelse_dato: '2023-12-01', ankomstdato: '2023-06-01', bosettingsdato: '2024-02-01', bosettingskommune: '0301', utdanning_medbrakt: 'vgo', landbakgrunn: 'SYR', barn_under_18: false, utvandret_dato: null, dod_dato: null },
  ],
  introprogram: [
    { person_id: 'H', kommune: '0301', vedtaksdato: '2024-02-15', startdato: '2024-03-01', sluttdato: '2024-05-01', forlenget: false, heltid: true, vgo_heltid: false },
  ],
  maal: [
    { person_id: 'B', dato: '2021-07-01', type: 'sluttmaal', sluttmaal: 'fullfort_vgo' },
    { person_id: 'C', dato: '2019-11-01', type: 'sluttmaal', sluttmaal: 'fullfort_vgo' },
    { person_id: 'H', dato: '2024-03-10', type: 'norskmaal', lytte: 'B1', lese: 'B1', skrive: 'B1', muntlig: 'B2' },
  ],
  elementer: [
    { person_id: 'C', element: 'vgo_yrkesfag', startdato: '2020-01-06', sluttdato: '2021-06-30', heltid: true },
    { person_id: 'H', element: 'norsk', startdato: '2024-03-01', sluttdato: '2024-05-01', heltid: true },
  ],
  oppstart: [
    { person_id: 'B', type: 'karriereveiledning', dato: '2021-06-15', utfort_av: 'bosettingskommune', anbefalt_sluttmaal: 'fullfort_vgo' },
    { person_id: 'C', type: 'karriereveiledning', dato: '2019-10-15', utfort_av: 'bosettingskommune', anbefalt_sluttmaal: 'fullfort_vgo' },
    { person_id: 'H', type: 'kompetansekartlegging', dato: '2024-02-20', utfort_av: 'bosettingskommune' },
  ],
  norsktimer: [{ person_id: 'H', aar_mnd: '2024-03', timer: 40 }],
  avslutning: [{ person_id: 'H', dato: '2024-05-01', hovedaarsak: 'arbeid', aarsak2: null, aarsak3: null, sluttmaal_oppnaadd: true }],
  proever: [{ person_id: 'H', dato: '2024-06-01', prove: 'samfunnskunnskap', delprove: null, resultat: 'bestatt' }],
  utfall: [
    { person_id: 'A', aar: 2024, bosted: '0301', sysselsatt: true, under_utdanning: false, yrkesinntekt: 320000 },
    { person_id: 'B', aar: 2024, bosted: '3101', bosted_opprinnelig: '0101', sysselsatt: true, under_utdanning: false, yrkesinntekt: 280000 },
  ],
  kommune_aar: [2023, 2024].map((aar) => ({ kommune: '0301', aar, netto_driftsutgifter_intro: 1_000_000, laerere_totalt: 10, laerere_kompetanse: 7, ref_inntekt_over_2g: 60 })),
  brukerundersokelse: [2023, 2024].flatMap((aar) => ['tillit_1', 'info_1'].map((sporsmal) => ({ kommune: '0301', aar, sporsmal, andel_positiv: 80, antall_svar: 20 }))),
};

export const WINDOW_DATA: FixtureData = Object.fromEntries(
  [...new Set([...Object.keys(HAND_DATA), ...Object.keys(more)])].map((t) => [t, [...(HAND_DATA[t] ?? []), ...(more[t] ?? [])]]),
);
