/**
 * Code lists of the input data contract (docs/data-contract.md), in one place.
 * Pure data: no I/O. Every other stage reads its codes from here.
 */

export const KJONN = ['1', '2'] as const;

export const INNVANDRINGSKATEGORI = [
  'overforingsflyktning',
  'asylsoker',
  'familiegjenforent',
  'arbeid',
  'annet',
] as const;

/** Permit bases (law-rules.md §2, table 2.2 of the report). */
export const TILLATELSE = [
  'ASYL_28',
  'KOLLEKTIV_34',
  'OVERFORING_35',
  'HUMANITAER_38',
  'BARNEFAMILIE_38_5',
  'FAMILIE_FLYKTNING',
  'FAMILIE_SELVSTENDIG_53',
  'FAMILIE_NORSK',
  'ARBEID_23',
  'NAERING_25',
  'FAMILIE_ARBEID',
  'ASYLSOKER_MOTTAK',
  'EOS',
] as const;

export const UTDANNING_MEDBRAKT = ['ingen', 'grunnskole', 'vgo', 'hoyere', 'ukjent'] as const;

export const MAAL_TYPE = ['sluttmaal', 'norskmaal'] as const;

/** End goals (law-rules.md §6). */
export const SLUTTMAAL = [
  'arbeid',
  'kvalifisert_hoyere_utdanning',
  'fullfort_vgo',
  'delvis_vgo',
  'fullfort_grunnskole',
  'delvis_grunnskole',
  'annet',
] as const;

/** CEFR levels in ascending order (law-rules.md §7). */
export const CEFR = ['under_A1', 'A1', 'A2', 'B1', 'B2', 'C1'] as const;

export const ELEMENT_UTDANNING = [
  'grunnskole',
  'vgo_studiespesialisering',
  'vgo_yrkesfag',
  'vgo_kombinasjon',
] as const;

export const ELEMENT_ARBEIDSRETTET = [
  'ordinaert_arbeid',
  'arbeidspraksis_nav',
  'amo_kurs',
  'arbeidsmarkedsbedrift_nav',
  'arbeidsmarkedsbedrift_kommunal',
  'hospitering_kommunal',
  'yrkesrettet_kurs_andre',
  'hospitering_andre',
  'sertifiseringskurs_andre',
  'lonnstilskudd',
  'arbeidsrettet_annet',
] as const;

export const ELEMENT_ANNET = [
  'norsk',
  'samfunnskunnskap',
  'livsmestring',
  'foreldreveiledning',
  'realkompetansevurdering',
  'godkjenning_formalkompetanse',
  'annet',
] as const;

export const ELEMENT = [...ELEMENT_UTDANNING, ...ELEMENT_ARBEIDSRETTET, ...ELEMENT_ANNET] as const;
export type Element = (typeof ELEMENT)[number];

export type ElementGroup = 'utdanning' | 'arbeidsrettet' | 'obligatorisk' | 'annet';
export type WorkSubgroup = 'kurs' | 'subsidiert_arbeid' | 'praksis' | 'ordinaert_arbeid' | 'annet';

/** Group of each element code (data contract, "elementer"). */
export const ELEMENT_GROUP: Readonly<Record<Element, ElementGroup>> = {
  grunnskole: 'utdanning',
  vgo_studiespesialisering: 'utdanning',
  vgo_yrkesfag: 'utdanning',
  vgo_kombinasjon: 'utdanning',
  ordinaert_arbeid: 'arbeidsrettet',
  arbeidspraksis_nav: 'arbeidsrettet',
  amo_kurs: 'arbeidsrettet',
  arbeidsmarkedsbedrift_nav: 'arbeidsrettet',
  arbeidsmarkedsbedrift_kommunal: 'arbeidsrettet',
  hospitering_kommunal: 'arbeidsrettet',
  yrkesrettet_kurs_andre: 'arbeidsrettet',
  hospitering_andre: 'arbeidsrettet',
  sertifiseringskurs_andre: 'arbeidsrettet',
  lonnstilskudd: 'arbeidsrettet',
  arbeidsrettet_annet: 'arbeidsrettet',
  norsk: 'obligatorisk',
  samfunnskunnskap: 'obligatorisk',
  livsmestring: 'obligatorisk',
  foreldreveiledning: 'obligatorisk',
  realkompetansevurdering: 'annet',
  godkjenning_formalkompetanse: 'annet',
  annet: 'annet',
};

/** Sub-group of each work-oriented element (section 5.1.1.1: "arbeidsrettede kurs, subsidiert arbeid, arbeidspraksis"). */
export const WORK_SUBGROUP: Readonly<Record<(typeof ELEMENT_ARBEIDSRETTET)[number], WorkSubgroup>> = {
  ordinaert_arbeid: 'ordinaert_arbeid',
  arbeidspraksis_nav: 'praksis',
  amo_kurs: 'kurs',
  arbeidsmarkedsbedrift_nav: 'praksis',
  arbeidsmarkedsbedrift_kommunal: 'praksis',
  hospitering_kommunal: 'praksis',
  yrkesrettet_kurs_andre: 'kurs',
  hospitering_andre: 'praksis',
  sertifiseringskurs_andre: 'kurs',
  lonnstilskudd: 'subsidiert_arbeid',
  arbeidsrettet_annet: 'annet',
};

/**
 * Old NIR element labels ("tiltakstyper", section 5.1.1.1 of the report) mapped to today's codes.
 * Old-act extracts may carry these labels verbatim; ingest maps them and keeps the original.
 */
export const OLD_ELEMENT_LABELS: Readonly<Record<string, Element>> = {
  'Ordinært arbeid som del av programmet': 'ordinaert_arbeid',
  'Arbeidspraksis i NAVs regi': 'arbeidspraksis_nav',
  'Arbeidsmarkedsopplæring (AMO kurs)': 'amo_kurs',
  'Tiltak i Arbeidsmarkedsbedrift i NAVs regi': 'arbeidsmarkedsbedrift_nav',
  'Tiltak i Arbeidsmarkedsbedrift i kommunal regi': 'arbeidsmarkedsbedrift_kommunal',
  'Hospitering på arbeidsplass i kommunal regi': 'hospitering_kommunal',
  'Yrkesrettet kurs i regi av andre': 'yrkesrettet_kurs_andre',
  'Hospitering på arbeidsplass i regi av andre': 'hospitering_andre',
  'Sertifiseringskurs i regi av andre': 'sertifiseringskurs_andre',
  Annet: 'arbeidsrettet_annet',
  // Old code "vgo" without track (before the report's proposed split) → the combined track.
  vgo: 'vgo_kombinasjon',
};

export const OPPSTART_TYPE = [
  'kompetansekartlegging',
  'karriereveiledning',
  'integreringsplan',
  'integreringskontrakt',
  'norskplan',
] as const;

export const UTFORT_AV = ['vertskommune', 'imdi', 'bosettingskommune', 'fylkeskommune'] as const;

/** Completion reasons: today's list (table 5.2) plus the report's proposed split (section 5.2.1.1). */
export const AARSAK = [
  'arbeid',
  'utdanning_grunnskole',
  'utdanning_vgo',
  'utdanning_vgo_studiespesialisering',
  'utdanning_vgo_yrkesfag',
  'utdanning_hoyere',
  'fullfort_grunnskole',
  'fullfort_vgo',
  'arbeidssoker_kvp',
  'arbeidssoker_lonnstilskudd',
  'arbeidssoker_nav_tiltak',
  'arbeidssoker_tiltak_andre',
  'sosial_stonad',
  'trygdeytelser',
  'omsorg_barn_0_1',
  'omsorg_barn_1_3',
  'ikke_arbeidssoker',
  'ikke_arbeidssoker_forsorget',
  'ikke_arbeidssoker_sosial_trygd',
  'helse',
  'atferd',
  'mistet_rett',
  'flyttet',
  'dod',
  'annet',
  'ikke_registrert',
] as const;
export type Aarsak = (typeof AARSAK)[number];

/**
 * Every label of table 5.2 in the report, verbatim, mapped to the new code. Old-act data may
 * carry these labels; ingest maps them and keeps the original text beside the code.
 * Both spellings of "sosialkontoret/trygd" occur in the table.
 */
export const TABLE_5_2_LABELS: Readonly<Record<string, Aarsak>> = {
  Annet: 'annet',
  'Arbeidssøker på tiltak i regi av andre enn NAV': 'arbeidssoker_tiltak_andre',
  Arbeid: 'arbeid',
  Død: 'dod',
  Flyttet: 'flyttet',
  'Ikke arbeidssøker': 'ikke_arbeidssoker',
  'Mistet rett til intro': 'mistet_rett',
  'Arbeidssøker på KVP': 'arbeidssoker_kvp',
  'Arbeidssøker på lønnstilskudd': 'arbeidssoker_lonnstilskudd',
  'Arbeidssøker på andre tiltak i regi av NAV': 'arbeidssoker_nav_tiltak',
  'Ordinær utdanning – grunnskole': 'utdanning_grunnskole',
  'Ordinær utdanning – høyere utdanning': 'utdanning_hoyere',
  'Ordinær utdanning – videregående skole': 'utdanning_vgo',
  'På sosial stønad': 'sosial_stonad',
  'På andre trygdeytelser': 'trygdeytelser',
  'Hjemmeværende med omsorg for barn 0-1 år': 'omsorg_barn_0_1',
  'Hjemmeværende med omsorg for barn 1-3 år': 'omsorg_barn_1_3',
  'Adferd i/utenfor programmet': 'atferd',
  'Helsemessige årsaker': 'helse',
  'Ikke arbeidssøker - forsørget': 'ikke_arbeidssoker_forsorget',
  'Ikke arbeidssøker - sosialkontoret/trygd': 'ikke_arbeidssoker_sosial_trygd',
  'Ikke arbeidssøker -sosialkontoret/trygd': 'ikke_arbeidssoker_sosial_trygd',
  'Ikke registrert sluttårsak': 'ikke_registrert',
};

export type AarsakGruppe =
  | 'arbeid'
  | 'utdanning'
  | 'arbeidssoker_tiltak'
  | 'stonad'
  | 'omsorg_helse'
  | 'ikke_arbeidssoker'
  | 'avbrutt'
  | 'annet';

/** Groups for the grouped distribution of P1 (data contract, "avslutning"). */
export const AARSAK_GRUPPE: Readonly<Record<Aarsak, AarsakGruppe>> = {
  arbeid: 'arbeid',
  utdanning_grunnskole: 'utdanning',
  utdanning_vgo: 'utdanning',
  utdanning_vgo_studiespesialisering: 'utdanning',
  utdanning_vgo_yrkesfag: 'utdanning',
  utdanning_hoyere: 'utdanning',
  fullfort_grunnskole: 'utdanning',
  fullfort_vgo: 'utdanning',
  arbeidssoker_kvp: 'arbeidssoker_tiltak',
  arbeidssoker_lonnstilskudd: 'arbeidssoker_tiltak',
  arbeidssoker_nav_tiltak: 'arbeidssoker_tiltak',
  arbeidssoker_tiltak_andre: 'arbeidssoker_tiltak',
  sosial_stonad: 'stonad',
  trygdeytelser: 'stonad',
  ikke_arbeidssoker_sosial_trygd: 'stonad',
  omsorg_barn_0_1: 'omsorg_helse',
  omsorg_barn_1_3: 'omsorg_helse',
  helse: 'omsorg_helse',
  ikke_arbeidssoker: 'ikke_arbeidssoker',
  ikke_arbeidssoker_forsorget: 'ikke_arbeidssoker',
  atferd: 'avbrutt',
  mistet_rett: 'avbrutt',
  flyttet: 'avbrutt',
  dod: 'avbrutt',
  annet: 'annet',
  ikke_registrert: 'annet',
};

export const PROVE = ['norsk', 'samfunnskunnskap', 'statsborger', 'vgo_norsk'] as const;
export const DELPROVE = ['lytte', 'lese', 'skrive', 'muntlig'] as const;
export const BESTATT = ['bestatt', 'ikke_bestatt'] as const;
export const KARAKTER = ['1', '2', '3', '4', '5', '6'] as const;
export const EIERSTATUS = ['selveier', 'andel_aksje', 'leier', 'annet'] as const;
export const NIVAA = ['grunnskole', 'vgo_studiespesialisering', 'vgo_yrkesfag', 'hoyere'] as const;
export const KILDE = ['fullfort_norge', 'godkjent_utland'] as const;

/** All named code lists, for column specs that refer to a list by name. */
export const CODE_LISTS = {
  kjonn: KJONN,
  innvandringskategori: INNVANDRINGSKATEGORI,
  tillatelse: TILLATELSE,
  utdanning_medbrakt: UTDANNING_MEDBRAKT,
  maal_type: MAAL_TYPE,
  sluttmaal: SLUTTMAAL,
  cefr: CEFR,
  element: ELEMENT,
  oppstart_type: OPPSTART_TYPE,
  utfort_av: UTFORT_AV,
  aarsak: AARSAK,
  prove: PROVE,
  delprove: DELPROVE,
  eierstatus: EIERSTATUS,
  nivaa: NIVAA,
  kilde: KILDE,
  karakter: KARAKTER,
} as const;
export type CodeListName = keyof typeof CODE_LISTS;
