/**
 * The hand-checked dataset (data last date 2024-12-31). Persons:
 *  A  new act (permit 2021-02-01), born 1990-01, no education, settled 2021-03-15 in Oslo 0301,
 *     intro 2021-05-01 → 2023-05-01, not extended; end goal set twice (last: arbeid); language goal
 *     adjusted twice (first all A2, last all B1: the last counts).
 *  B  new act, born 2000-05 (21 at start → under_25), primary school, settled 2021-04-10 in Halden,
 *     registered under the old code 0101 and harmonised to 3101; programme still running.
 *  C  old act (permit 2019-06-01), born 1985-03, vgo (har_vgo), settled 2019-09-01 in Oslo,
 *     intro 2019-10-01 → 2021-10-01, extended; no completion (avslutning) row.
 *  D  old act (permit 2020-11-01), born 1996-03: exactly 25 at start 2021-03-01 → ovrige, not
 *     under_25; settled 2020-12-01 in Bergen 4601; intro → 2022-12-31.
 *  E  family reunified with a Norwegian (FAMILIE_NORSK → norsk_rett_plikt), new act, higher
 *     education, not settled by the state: arrival 2021-07-01 stands in; municipality from the
 *     first utfall row (3101); emigrated 2023-06-01.
 *  F  work permit (ARBEID_23 → norsk_plikt, duty only), new act, arrived 2022-01-15, not settled.
 */
import type { FixtureData } from './fixture-store.ts';

const person = (o: Record<string, string | boolean | null>) => ({
  landbakgrunn: 'SYR', innvandringskategori: 'asylsoker', barn_under_18: false, utvandret_dato: null, dod_dato: null, ...o,
});

export const LAST_DATE = '2024-12-31';

export const HAND_DATA: FixtureData = {
  personer: [
    person({ person_id: 'A', fodt: '1990-01', kjonn: '1', tillatelse: 'ASYL_28', forste_tillatelse_dato: '2021-02-01', ankomstdato: '2020-10-01', bosettingsdato: '2021-03-15', bosettingskommune: '0301', utdanning_medbrakt: 'ingen' }),
    person({ person_id: 'B', fodt: '2000-05', kjonn: '2', tillatelse: 'ASYL_28', forste_tillatelse_dato: '2021-03-01', ankomstdato: '2020-12-01', bosettingsdato: '2021-04-10', bosettingskommune: '3101', bosettingskommune_opprinnelig: '0101', utdanning_medbrakt: 'grunnskole' }),
    person({ person_id: 'C', fodt: '1985-03', kjonn: '1', tillatelse: 'OVERFORING_35', innvandringskategori: 'overforingsflyktning', forste_tillatelse_dato: '2019-06-01', ankomstdato: '2019-08-20', bosettingsdato: '2019-09-01', bosettingskommune: '0301', utdanning_medbrakt: 'vgo' }),
    person({ person_id: 'D', fodt: '1996-03', kjonn: '2', tillatelse: 'ASYL_28', forste_tillatelse_dato: '2020-11-01', ankomstdato: '2020-05-01', bosettingsdato: '2020-12-01', bosettingskommune: '4601', utdanning_medbrakt: 'ingen' }),
    person({ person_id: 'E', fodt: '1980-01', kjonn: '2', tillatelse: 'FAMILIE_NORSK', innvandringskategori: 'familiegjenforent', forste_tillatelse_dato: '2021-06-01', ankomstdato: '2021-07-01', bosettingsdato: null, bosettingskommune: null, utdanning_medbrakt: 'hoyere', utvandret_dato: '2023-06-01' }),
    person({ person_id: 'F', fodt: '1988-08', kjonn: '1', tillatelse: 'ARBEID_23', innvandringskategori: 'arbeid', forste_tillatelse_dato: '2022-01-01', ankomstdato: '2022-01-15', bosettingsdato: null, bosettingskommune: null, utdanning_medbrakt: 'vgo' }),
  ],
  introprogram: [
    { person_id: 'A', kommune: '0301', vedtaksdato: '2021-04-01', startdato: '2021-05-01', sluttdato: '2023-05-01', forlenget: false, heltid: true, vgo_heltid: false },
    { person_id: 'B', kommune: '3101', kommune_opprinnelig: '0101', vedtaksdato: '2021-05-01', startdato: '2021-06-01', sluttdato: null, forlenget: false, heltid: true, vgo_heltid: false },
    { person_id: 'C', kommune: '0301', vedtaksdato: '2019-09-15', startdato: '2019-10-01', sluttdato: '2021-10-01', forlenget: true, heltid: false, vgo_heltid: false },
    { person_id: 'D', kommune: '4601', vedtaksdato: '2021-02-01', startdato: '2021-03-01', sluttdato: '2022-12-31', forlenget: false, heltid: true, vgo_heltid: false },
  ],
  maal: [
    { person_id: 'A', dato: '2021-06-01', type: 'sluttmaal', sluttmaal: 'fullfort_grunnskole' },
    { person_id: 'A', dato: '2022-01-10', type: 'sluttmaal', sluttmaal: 'arbeid' },
    { person_id: 'A', dato: '2021-06-01', type: 'norskmaal', lytte: 'A2', lese: 'A2', skrive: 'A2', muntlig: 'A2' },
    { person_id: 'A', dato: '2022-01-10', type: 'norskmaal', lytte: 'B1', lese: 'B1', skrive: 'B1', muntlig: 'B1' },
  ],
  elementer: [
    { person_id: 'A', element: 'grunnskole', startdato: '2021-06-01', sluttdato: '2022-06-30', heltid: true },
    { person_id: 'A', element: 'lonnstilskudd', startdato: '2022-09-01', sluttdato: '2023-04-30', heltid: true },
    { person_id: 'B', element: 'vgo_yrkesfag', startdato: '2022-08-15', sluttdato: null, heltid: true },
  ],
  norsktimer: [
    { person_id: 'A', aar_mnd: '2021-03', timer: 10 },
    { person_id: 'A', aar_mnd: '2024-03', timer: 5 },
    { person_id: 'A', aar_mnd: '2024-04', timer: 7 },
    { person_id: 'B', aar_mnd: '2021-05', timer: 20 },
    { person_id: 'B', aar_mnd: '2022-01', timer: 30 },
  ],
  avslutning: [
    { person_id: 'A', dato: '2023-05-01', hovedaarsak: 'arbeid', aarsak2: 'utdanning_grunnskole', aarsak3: null, sluttmaal_oppnaadd: true },
    { person_id: 'D', dato: '2022-12-31', hovedaarsak: 'utdanning_vgo', aarsak2: 'arbeid', aarsak3: null, sluttmaal_oppnaadd: false },
  ],
  proever: [
    ...['lytte', 'lese', 'skrive'].map((d) => ({ person_id: 'A', dato: '2023-05-01', prove: 'norsk', delprove: d, resultat: 'B1' })),
    { person_id: 'A', dato: '2023-05-01', prove: 'norsk', delprove: 'muntlig', resultat: 'B2' },
    { person_id: 'A', dato: '2022-03-31', prove: 'samfunnskunnskap', delprove: null, resultat: 'bestatt' },
    ...['lytte', 'lese', 'skrive'].map((d) => ({ person_id: 'B', dato: '2023-01-01', prove: 'norsk', delprove: d, resultat: 'B1' })),
    // The day after B's right-and-duty period ends (2021-04-10 + 36 months = 2024-04-10): too late.
    { person_id: 'B', dato: '2024-04-11', prove: 'norsk', delprove: 'muntlig', resultat: 'B1' },
    { person_id: 'B', dato: '2022-06-01', prove: 'samfunnskunnskap', delprove: null, resultat: 'bestatt' },
    { person_id: 'C', dato: '2020-06-01', prove: 'norsk', delprove: 'muntlig', resultat: 'B1' },
    { person_id: 'C', dato: '2020-06-01', prove: 'norsk', delprove: 'skrive', resultat: 'A2' },
    ...['lytte', 'lese', 'skrive', 'muntlig'].map((d) => ({ person_id: 'E', dato: '2022-06-01', prove: 'norsk', delprove: d, resultat: 'B2' })),
    { person_id: 'E', dato: '2021-12-01', prove: 'samfunnskunnskap', delprove: null, resultat: 'ikke_bestatt' },
    { person_id: 'E', dato: '2022-08-01', prove: 'samfunnskunnskap', delprove: null, resultat: 'bestatt' },
    { person_id: 'F', dato: '2022-10-01', prove: 'samfunnskunnskap', delprove: null, resultat: 'bestatt' },
  ],
  utfall: [
    { person_id: 'A', aar: 2022, bosted: '0301', sysselsatt: false, under_utdanning: true, yrkesinntekt: 50000 },
    { person_id: 'A', aar: 2023, bosted: '0301', sysselsatt: true, under_utdanning: false, yrkesinntekt: 300000 },
    { person_id: 'B', aar: 2022, bosted: '3101', bosted_opprinnelig: '0101', sysselsatt: false, under_utdanning: false, yrkesinntekt: 0 },
    // B has no 2023 row: missing, not "not employed".
    { person_id: 'E', aar: 2022, bosted: '3101', sysselsatt: true, under_utdanning: null, yrkesinntekt: 250000 },
  ],
  utdanning_norge: [
    { person_id: 'A', dato: '2022-12-15', nivaa: 'grunnskole', kilde: 'fullfort_norge' },
  ],
};
