/**
 * An indicator definition: the public metadata (IndicatorMeta, read by every later stage) plus the
 * engine-facing part (population, region basis, measures with their facts). Pure data.
 */
import type { IndicatorMeta, Text } from './types.ts';
import type { MeasureSpec, PopulationSpec, RegionBasis } from './ir.ts';

/** The metadata of IndicatorMeta (without its derived `maal` list) plus the engine-facing part. */
export interface IndicatorDef extends Omit<IndicatorMeta, 'maal' | 'kohortBegrunnelse'> {
  /** Required in a definition (optional in the metadata type only for hand-made test metadata). */
  readonly kohortBegrunnelse: Text;
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
