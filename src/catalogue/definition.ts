/**
 * An indicator definition: the public metadata (IndicatorMeta, read by every later stage) plus the
 * engine-facing part (population, region basis, measures with their facts). Pure data.
 */
import type { Kohort, Ledd } from '../contract/results.ts';
import type { Breakdown, Text, TargetLine } from './types.ts';
import type { MeasureSpec, PopulationSpec, RegionBasis } from './ir.ts';

export interface IndicatorDef {
  readonly id: string;
  readonly ledd: Ledd;
  readonly navn: Text;
  readonly beskrivelse: Text;
  readonly populasjon: Text;
  readonly teller: Text;
  readonly kilder: readonly string[];
  readonly kjerne: boolean;
  readonly kapittel: string;
  readonly kohort: Kohort;
  readonly kohorter: readonly Kohort[];
  readonly breakdowns: readonly Breakdown[];
  readonly malverdier?: readonly TargetLine[];
  readonly population: PopulationSpec;
  readonly region: RegionBasis;
  /**
   * Per-question measures of the user survey (I8, R10) are expanded from the data: questions whose
   * id matches `pattern` (or, with exclude, does not match it).
   */
  readonly surveyMeasures?: { readonly pattern: string; readonly exclude: boolean };
  readonly measures: readonly MeasureSpec[];
}

/** Builds a Text pair. */
export const t = (nb: string, en: string) => ({ nb, en }) as const;
