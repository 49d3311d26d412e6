/**
 * Why an input row was set aside. Ingest reports these codes (with a Norwegian and English text),
 * and the synthetic generator's --dirty sidecar lists the faults it planted by the same codes.
 */
export const REJECTION_REASONS = {
  feil_antall_felt: { nb: 'feil antall felt i raden', en: 'wrong number of fields in the row' },
  mangler_verdi: { nb: 'påkrevd verdi mangler', en: 'required value is missing' },
  ugyldig_dato: { nb: 'ugyldig dato (forventet ÅÅÅÅ-MM-DD)', en: 'invalid date (expected YYYY-MM-DD)' },
  ugyldig_maaned: { nb: 'ugyldig måned (forventet ÅÅÅÅ-MM)', en: 'invalid month (expected YYYY-MM)' },
  ugyldig_heltall: { nb: 'ugyldig heltall', en: 'invalid integer' },
  ugyldig_tall: { nb: 'ugyldig tall', en: 'invalid number' },
  ugyldig_boolsk: { nb: 'ugyldig sannhetsverdi (forventet true/false)', en: 'invalid boolean (expected true/false)' },
  ukjent_kode: { nb: 'ukjent kode (ikke i kodelisten)', en: 'unknown code (not in the code list)' },
  utenfor_omraade: { nb: 'verdi utenfor tillatt område', en: 'value out of the allowed range' },
  for_lang_verdi: { nb: 'verdien er for lang', en: 'value is too long' },
  dato_i_fremtiden: { nb: 'dato i fremtiden', en: 'date in the future' },
  slutt_for_start: { nb: 'sluttdato før startdato', en: 'end before start' },
  ukjent_kommune: { nb: 'ukjent kommunenummer', en: 'unknown municipality code' },
  ukjent_person: { nb: 'personen finnes ikke i personer', en: 'person not in personer' },
  duplikat: { nb: 'duplikat (samme nøkkel som en tidligere rad)', en: 'duplicate (same key as an earlier row)' },
  fodselsnummer: {
    nb: 'verdien er eller inneholder et gyldig fødselsnummer/D-nummer (også med mellomrom, bindestrek eller som tall); ekte identiteter skal aldri inn i lageret (verdien vises ikke)',
    en: 'the value is or holds a valid national identity/D-number (also with spaces, hyphens or as a number); real identities must never enter the store (value not shown)',
  },
  ugyldig_resultat: { nb: 'resultatet passer ikke til prøven', en: 'result does not fit the test' },
  ufullstendig_maal: { nb: 'målraden mangler mål for sin type', en: 'goal row lacks the goal for its type' },
} as const;

export type RejectionCode = keyof typeof REJECTION_REASONS;
