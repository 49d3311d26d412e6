/**
 * Public shape of an indicator's metadata, as every later stage (engine, disclosure, publish,
 * server, dashboard) sees it. The catalogue stage owns the definitions; this file is the contract.
 */
import type { Kohort, Ledd } from '../contract/results.ts';
import type { MeasureKind } from './measure-kinds.ts';

/** A text in both languages (the one definition is src/shared/lang.ts). */
export type { Text } from '../shared/lang.ts';
import type { Text } from '../shared/lang.ts';

/** How a measure is computed (interval, disclosure rule, formatting): the strategies in measure-kinds.ts. */
export { MEASURE_KINDS, type MeasureKind } from './measure-kinds.ts';
export const UNITS = ['prosent', 'timer', 'maaneder', 'kr', 'prosentpoeng', 'antall'] as const;
export type Unit = (typeof UNITS)[number];
export const BREAKDOWNS = ['gruppe', 'lovregime', 'periode', 'botid', 'region', 'kjonn'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

export interface MeasureMeta {
  /** The `maal` code in the results table. A trailing '*' means a family (e.g. 'hoved:*'). */
  readonly kode: string;
  readonly navn: Text;
  readonly kind: MeasureKind;
  readonly enhet: Unit;
  /** Measures whose numerators add up to the same denominator (a distribution): for disclosure. */
  readonly additiveGroup?: string;
  /** Computed from measure `derivedFrom` of the same cell (R3 `gap_befolkning` = share − a public
   * reference): it reveals that measure, so it is published exactly where that measure is. */
  readonly derivedFrom?: string;
}

export interface TargetLine {
  readonly maal: string;
  readonly verdi: number;
  readonly navn: Text;
}

/**
 * A break in a series caused by a rule change, not by a change in what is measured (e.g. R9: the
 * oral level required for citizenship rose from A2 to B1 in 2022, which shows as a drop).
 */
export interface SeriesBreak {
  /** First year under the new rule. */
  readonly aar: number;
  /** Which year `aar` is: the measurement year (link 3: periode + botid) or the cohort year (periode). */
  readonly aarstype: 'maaleaar' | 'periode';
  /** The measures affected. */
  readonly maal: readonly string[];
  readonly navn: Text;
}

export interface IndicatorMeta {
  readonly id: string;
  readonly ledd: Ledd;
  readonly navn: Text;
  readonly beskrivelse: Text;
  readonly populasjon: Text;
  readonly teller: Text;
  readonly kilder: readonly string[];
  readonly kjerne: boolean;
  /** Section of the NIBR 2020 report (e.g. '5.1.1.1'). */
  readonly kapittel: string;
  readonly kohort: Kohort;
  /** Why `kohort` is the default (the report's measurement point); other cohorts are in `kohorter`. */
  readonly kohortBegrunnelse?: Text;
  readonly kohorter: readonly Kohort[];
  readonly breakdowns: readonly Breakdown[];
  readonly maal: readonly MeasureMeta[];
  readonly malverdier?: readonly TargetLine[];
  /** Observation window per allowed cohort (src/catalogue/windows.ts): cells whose window is open are withheld. */
  readonly observasjonsvindu?: WindowMeta;
  /**
   * Why every share of this indicator is a sensitive attribute (e.g. receiving social assistance):
   * disclosure then treats a cell where everyone in the group has it (teller = nevner) as unsafe
   * at any size (docs/disclosure.md "Attribute disclosure").
   */
  readonly sensitive?: Text;
  readonly brudd?: readonly SeriesBreak[];
}

export interface WindowMeta {
  /** Months after the end of the cohort year per cohort; null = the link-3 measurement point (1 Nov of Y + botid). */
  readonly maaneder: Readonly<Partial<Record<Kohort, number | null>>>;
  /** Measures with a longer window (e.g. P2 vgo: 60 months). */
  readonly maal?: Readonly<Record<string, Readonly<Partial<Record<Kohort, number | null>>>>>;
  /** Why this window, and why this default cohort. */
  readonly begrunnelse: Text;
}
