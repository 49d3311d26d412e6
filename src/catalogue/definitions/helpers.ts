/** Small builders for the definitions: they keep each definition a short, readable table row. */
import type { FactSpec, MeasureSpec } from '../ir.ts';
import type { Text, Unit } from '../types.ts';
import type { IndicatorDef } from '../definition.ts';
import type { Kohort } from '../../contract/results.ts';

export const share = (kode: string, navn: Text, fact: FactSpec, extra: Partial<MeasureSpec> = {}): MeasureSpec => ({
  kode,
  navn,
  kind: 'share',
  enhet: 'prosent',
  fact,
  ...extra,
});

export const mean = (kode: string, navn: Text, fact: FactSpec, enhet: Unit): MeasureSpec => ({
  kode,
  navn,
  kind: 'mean',
  enhet,
  fact,
});

export const median = (kode: string, navn: Text, fact: FactSpec, enhet: Unit): MeasureSpec => ({
  kode,
  navn,
  kind: 'median',
  enhet,
  fact,
});

/** Why an indicator's default cohort is the report's measurement point (metadata `kohortBegrunnelse`). */
export const KOHORT_BEGRUNNELSE = {
  aktive: {
    nb: 'Innsatsen i et kalenderår: hva programmet inneholder for dem som deltar det året (kap. 5.1.1.1).',
    en: 'Effort in a calendar year: what the programme holds for those taking part that year (section 5.1.1.1).',
  },
  bosettingskohort: {
    nb: 'Lovens frister og perioden med rett og plikt regnes fra bosetting (kap. 2.1, 5.1.1.2, 5.2.1.2).',
    en: 'The Act\'s deadlines and the right-and-duty period run from settlement (sections 2.1, 5.1.1.2, 5.2.1.2).',
  },
  avslutningskohort: {
    nb: 'Måles ved programslutt: lengde og resultat er først kjent når programmet er avsluttet (kap. 5.1.1.1, 5.2.1.1).',
    en: 'Measured at programme end: length and result are known only once the programme has ended (sections 5.1.1.1, 5.2.1.1).',
  },
  startkohort: {
    nb: 'Sluttmål og tilbud settes ved programstart (kap. 5.1.1.5).',
    en: 'End goals and the offer are set at programme start (section 5.1.1.5).',
  },
  utfall: {
    nb: 'Integreringsresultat måles etter botid fra bosetting, år for år (kap. 5.3.1.1, lovregler §10).',
    en: 'Integration outcomes are measured by years since settlement, year by year (section 5.3.1.1, law rules §10).',
  },
  kommuneaar: {
    nb: 'Kommunetall per kalenderår (KOSTRA, brukerundersøkelsen): ingen personkohort.',
    en: 'Municipality figures per calendar year (KOSTRA, user survey): no person cohort.',
  },
} as const;

/** The breakdowns of an intro-participant indicator (links 1 and 2). */
const INTRO_BREAKDOWNS = ['gruppe', 'lovregime', 'periode', 'region', 'kjonn'] as const;

type UnitFields = Pick<IndicatorDef, 'kohort' | 'kohortBegrunnelse' | 'kohorter' | 'breakdowns' | 'population'>;

/**
 * The unit rows of an intro-participant indicator: its default cohort with the report's reason
 * for it, the cohorts it may be computed for, the base breakdowns, counted under the responsible
 * municipality. `...introUnits('avslutningskohort', ['avslutningskohort', 'startkohort'])`.
 */
export const introUnits = (
  kohort: 'aktive' | 'startkohort' | 'avslutningskohort',
  kohorter: readonly Kohort[],
): UnitFields & Pick<IndicatorDef, 'region'> => ({
  kohort,
  kohortBegrunnelse: KOHORT_BEGRUNNELSE[kohort],
  kohorter,
  breakdowns: INTRO_BREAKDOWNS,
  population: { kind: 'intro', cohort: kohort },
  region: 'ansvarlig',
});

/** A municipality-year indicator (KOSTRA, the user survey): figures per municipality and year, no person cohort. */
export const municipalityYear = (): UnitFields => ({
  kohort: 'aktive',
  kohortBegrunnelse: KOHORT_BEGRUNNELSE.kommuneaar,
  kohorter: ['aktive'],
  breakdowns: ['periode', 'region'],
  population: { kind: 'municipality_year', cohort: 'aktive' },
});
