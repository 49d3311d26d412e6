/**
 * Observation windows (issue 11): for each indicator and cohort, how long after the end of the
 * cohort year every person of the cohort must have been observed before the cohort's figure is
 * final. A cell is *complete* when its window has closed by the data's last date — computed from
 * the cohort definition (settlement year Y with window W is complete iff 31 Dec Y + W ≤ last date),
 * never from who happens to have finished. Incomplete cells are withheld by the engine (or, with
 * an explicit option, published as preliminary with a flag).
 *
 * A separate table keyed by indicator id, so that the definitions stay as they are; it also holds
 * the default cohort where the definition's default would bias recent years. Pure data; the
 * windows derive from the law-rule tables (programme length, right-and-duty period, deadlines).
 */
import type { Kohort } from '../contract/results.ts';
import { addMonths, RULE_TABLES } from '../rules/index.ts';
import type { IndicatorDef } from './definition.ts';
import type { Text, WindowMeta } from './types.ts';

/** How a cohort cell's window is closed. */
export type ObservationWindow =
  /** 31 Dec of the cohort year + `months` ≤ the data's last date (0 = the year is over). */
  | { readonly kind: 'after_year'; readonly months: number }
  /**
   * Link 3: the measurement point, 1 November of year Y + botid, is ≤ the data's last date and the
   * outcome data (utfall) reach that year.
   */
  | { readonly kind: 'measurement' };

export interface IndicatorWindows {
  /** The window of each cohort the indicator allows (a test checks every allowed cohort has one). */
  readonly byCohort: Partial<Readonly<Record<Kohort, ObservationWindow>>>;
  /** Measures whose window is longer than the indicator's (P2: vgo within 5 years of start). */
  readonly measures?: Readonly<Record<string, Partial<Readonly<Record<Kohort, ObservationWindow>>>>>;
  /** Default cohort chosen so that recent years are not biased; replaces the definition's default. */
  readonly defaultCohort?: Kohort;
  /** Why: the window (and the default cohort where it is set). */
  readonly reason: Text;
}

type NumberRow = { readonly key: string; readonly value: unknown };
const rows = (id: string): readonly NumberRow[] => {
  const table = RULE_TABLES[id];
  if (!table) throw new Error(`rule table ${id} not found`);
  return table.rows as readonly NumberRow[];
};

/** The longest programme the law allows: normal length + extension, over every row (§5). */
export const PROGRAMME_MAX_MONTHS = Math.max(...rows('programtid').map((r) => {
  const v = r.value as { normalMonths: number; extensionMonths: number };
  return v.normalMonths + v.extensionMonths;
}));
/** The longest right-and-duty period (§7). */
export const RIGHTS_MAX_MONTHS = Math.max(...rows('norsk_rett_maaneder').map((r) => Number(r.value)));
/** The deadline for programme start after settlement (§4). */
export const START_DEADLINE_MONTHS = Math.max(...rows('frister').filter((r) => r.key === 'programstart').map((r) => Number(r.value)));
/** The civics deadline after the programme decision (§4: 12 months). */
const CIVICS_MONTHS = 12;
/** vgo counts when completed within 5 years of programme start (P2, report 5.2.2). */
const VGO_MONTHS = 60;

const year = (months = 0): ObservationWindow => ({ kind: 'after_year', months });
const MEASUREMENT: ObservationWindow = { kind: 'measurement' };
const t = (nb: string, en: string): Text => ({ nb, en });

/** Intro indicators on elements or programme facts: the whole programme must be observed. */
const PROGRAMME_COHORTS = {
  aktive: year(),
  avslutningskohort: year(),
  startkohort: year(PROGRAMME_MAX_MONTHS),
  bosettingskohort: year(START_DEADLINE_MONTHS + PROGRAMME_MAX_MONTHS),
} as const;
const PROGRAMME_TEXT = `programmet kan vare i opptil ${PROGRAMME_MAX_MONTHS} måneder`;
const PROGRAMME_TEXT_EN = `the programme can last up to ${PROGRAMME_MAX_MONTHS} months`;

const ACTIVE = {
  byCohort: PROGRAMME_COHORTS,
  reason: t(
    `Aktive i år Y: året må være over. For start-, bosettings- og avslutningskohorter gjelder hele programmet (${PROGRAMME_TEXT}).`,
    `Active in year Y: the year must be over. For start, settlement and completion cohorts the whole programme counts (${PROGRAMME_TEXT_EN}).`,
  ),
} as const;
const RIGHTS = {
  byCohort: { bosettingskohort: year(RIGHTS_MAX_MONTHS) },
  reason: t(
    `Perioden med rett og plikt varer i opptil ${RIGHTS_MAX_MONTHS} måneder fra bosetting: kohort Y er ferdig når 31.12.Y + ${RIGHTS_MAX_MONTHS} måneder er passert, slik at alle i kohorten er målt, ikke bare dem med kort periode.`,
    `The right-and-duty period lasts up to ${RIGHTS_MAX_MONTHS} months from settlement: cohort Y is complete once 31 Dec Y + ${RIGHTS_MAX_MONTHS} months has passed, so that everyone in the cohort is measured, not only those with a short period.`,
  ),
} as const;
const START_PROGRAMME = {
  byCohort: { startkohort: year(PROGRAMME_MAX_MONTHS), aktive: year(PROGRAMME_MAX_MONTHS), avslutningskohort: year() },
  reason: t(
    `Siste justerte sluttmål og tilbudet er først endelige når programmet er over (${PROGRAMME_TEXT}): startkohort Y er ferdig når 31.12.Y + ${PROGRAMME_MAX_MONTHS} måneder er passert.`,
    `The last adjusted end goal and the offer are final only when the programme is over (${PROGRAMME_TEXT_EN}): start cohort Y is complete once 31 Dec Y + ${PROGRAMME_MAX_MONTHS} months has passed.`,
  ),
} as const;
const COMPLETION = {
  byCohort: { avslutningskohort: year(), startkohort: year(PROGRAMME_MAX_MONTHS), bosettingskohort: year(START_DEADLINE_MONTHS + PROGRAMME_MAX_MONTHS) },
  reason: t(
    `Avslutningskohort Y er ferdig når året er over. I de første årene etter en lovendring har avslutningskohortene under den nye loven bare dem som sluttet tidlig; sammenlign lovene med startkohorter (${PROGRAMME_TEXT}).`,
    `Completion cohort Y is complete when the year is over. In the first years after a change of act the new act's completion cohorts hold only early leavers; compare the acts with start cohorts (${PROGRAMME_TEXT_EN}).`,
  ),
} as const;
const MUNICIPALITY_YEAR = {
  byCohort: { aktive: year() },
  reason: t('Kommunetall for år Y: året må være over.', 'Municipal figures for year Y: the year must be over.'),
} as const;
const OUTCOME = {
  byCohort: { bosettingskohort: MEASUREMENT },
  reason: t(
    'Bosettingskohort Y måles 1. november år Y + botid: cellen er ferdig når måletidspunktet er passert og utfallsdataene når det året.',
    'Settlement cohort Y is measured on 1 November of year Y + years since settlement: the cell is complete once that date has passed and the outcome data reach that year.',
  ),
} as const;

/** Windows by indicator id. */
export const WINDOWS: Readonly<Record<string, IndicatorWindows>> = {
  I1: ACTIVE,
  I2: ACTIVE,
  I3: RIGHTS,
  I4: {
    byCohort: PROGRAMME_COHORTS,
    defaultCohort: 'startkohort',
    reason: t(
      `Standard er startkohort: i avslutningskohortene for de siste årene har bare de som sluttet tidlig, fullført, så programtiden ser kortere ut enn den er. Startkohort Y er ferdig når 31.12.Y + ${PROGRAMME_MAX_MONTHS} måneder (lengste lovlige program) er passert; de få som fortsatt går i program etter det, telles som manglende.`,
      `The default is the start cohort: in the latest completion cohorts only early leavers have finished, so programme length looks shorter than it is. Start cohort Y is complete once 31 Dec Y + ${PROGRAMME_MAX_MONTHS} months (the longest legal programme) has passed; the few still in the programme after that count as missing.`,
    ),
  },
  I5: {
    byCohort: { bosettingskohort: year(START_DEADLINE_MONTHS) },
    reason: t(
      `Fristen er ${START_DEADLINE_MONTHS} måneder etter bosetting: kohort Y er ferdig når 31.12.Y + ${START_DEADLINE_MONTHS} måneder er passert.`,
      `The deadline is ${START_DEADLINE_MONTHS} months after settlement: cohort Y is complete once 31 Dec Y + ${START_DEADLINE_MONTHS} months has passed.`,
    ),
  },
  I6: ACTIVE,
  I7: MUNICIPALITY_YEAR,
  I8: MUNICIPALITY_YEAR,
  I9: MUNICIPALITY_YEAR,
  I10: START_PROGRAMME,
  I11: START_PROGRAMME,
  I12: START_PROGRAMME,
  I13: {
    byCohort: { bosettingskohort: year(RIGHTS_MAX_MONTHS) },
    reason: t(
      `Det sist registrerte norskmålet kan justeres så lenge opplæringen varer (opptil ${RIGHTS_MAX_MONTHS} måneder fra bosetting).`,
      `The last registered language goal can be adjusted while training lasts (up to ${RIGHTS_MAX_MONTHS} months from settlement).`,
    ),
  },
  P1: COMPLETION,
  P2: {
    byCohort: COMPLETION.byCohort,
    measures: Object.fromEntries(['vgo', 'vgo_studiespesialisering', 'vgo_yrkesfag'].map((m) => [m, { avslutningskohort: year(VGO_MONTHS), startkohort: year(VGO_MONTHS) }])),
    reason: t(
      `Vgo teller når den er fullført innen 5 år etter start: kohort Y er ferdig for vgo når 31.12.Y + ${VGO_MONTHS} måneder er passert (start ligger før slutt). Grunnskole og annen kompetanse måles ved programslutt. ${COMPLETION.reason.nb}`,
      `Upper secondary counts when completed within 5 years of start: cohort Y is complete for vgo once 31 Dec Y + ${VGO_MONTHS} months has passed (start precedes the end). Primary school and other competence are measured at programme end. ${COMPLETION.reason.en}`,
    ),
  },
  P3: COMPLETION,
  P4: RIGHTS,
  P5: {
    byCohort: { bosettingskohort: year(CIVICS_MONTHS + CIVICS_MONTHS) },
    reason: t(
      `Prøven skal være bestått innen ${CIVICS_MONTHS} måneder etter vedtak (intro) eller bosetting; vedtaket kommer normalt innen et år etter bosetting, så kohort Y er ferdig når 31.12.Y + ${2 * CIVICS_MONTHS} måneder er passert. Vedtak senere enn det holdes utenfor til fristen er ute.`,
      `The test must be passed within ${CIVICS_MONTHS} months of the decision (intro) or settlement; the decision normally comes within a year of settlement, so cohort Y is complete once 31 Dec Y + ${2 * CIVICS_MONTHS} months has passed. Later decisions are left out until their deadline has passed.`,
    ),
  },
  ...Object.fromEntries(['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9'].map((id) => [id, OUTCOME])),
  R10: MUNICIPALITY_YEAR,
};

/** The window of one measure in one cohort (null when the table has none: the cell is not checked). */
export function windowOf(indikator: string, kohort: Kohort, maal: string): ObservationWindow | null {
  const w = WINDOWS[indikator];
  if (!w) return null;
  return w.measures?.[maal]?.[kohort] ?? w.byCohort[kohort] ?? null;
}

/** What the completeness rule needs to know about the data. */
export interface DataHorizon {
  /** The data's last date (ISO). */
  readonly lastDate: string;
  /** Last year with outcome rows (utfall), for link 3. */
  readonly lastOutcomeYear: number | null;
}

/** The date by which a cell's window closes (ISO), or null when it never can (no outcome data). */
export function windowEnd(w: ObservationWindow, periode: number, botid: number | null, h: DataHorizon): string | null {
  if (w.kind === 'after_year') return addMonths(`${periode}-12-31`, w.months);
  const y = periode + (botid ?? 0);
  if (h.lastOutcomeYear === null || y > h.lastOutcomeYear) return null;
  return `${y}-11-01`;
}

/** Whether a yearly cohort cell (periode, botid) of a measure is complete by the data's horizon. */
export function isComplete(indikator: string, kohort: Kohort, maal: string, periode: number, botid: number | null, h: DataHorizon): boolean {
  const w = windowOf(indikator, kohort, maal);
  if (!w) return true;
  const end = windowEnd(w, periode, botid, h);
  return end !== null && end <= h.lastDate;
}

/** The definition with its default cohort from WINDOWS (and the population's cohort with it). */
export function withDefaultCohort(def: IndicatorDef): IndicatorDef {
  const k = WINDOWS[def.id]?.defaultCohort;
  if (!k || k === def.kohort || !def.kohorter.includes(k)) return def;
  const kohorter = [k, ...def.kohorter.filter((x) => x !== k)];
  return { ...def, kohort: k, kohorter, kohortBegrunnelse: WINDOWS[def.id]!.reason, population: { ...def.population, cohort: k } as IndicatorDef['population'] };
}

/** Months of a window, for the metadata (null for the link-3 measurement point). */
export function windowMonths(w: ObservationWindow): number | null {
  return w.kind === 'after_year' ? w.months : null;
}

const monthsByCohort = (m: Partial<Readonly<Record<Kohort, ObservationWindow>>>): Partial<Record<Kohort, number | null>> =>
  Object.fromEntries(Object.entries(m).map(([k, w]) => [k, windowMonths(w)]));

/** The window part of an indicator's public metadata (empty when the table has no entry). */
export function windowMeta(def: Pick<IndicatorDef, 'id'>): { observasjonsvindu?: WindowMeta } {
  const w = WINDOWS[def.id];
  if (!w) return {};
  const maal = w.measures ? Object.fromEntries(Object.entries(w.measures).map(([k, m]) => [k, monthsByCohort(m)])) : undefined;
  return { observasjonsvindu: { maaneder: monthsByCohort(w.byCohort), ...(maal ? { maal } : {}), begrunnelse: w.reason } };
}
