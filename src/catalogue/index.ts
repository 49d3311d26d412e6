/**
 * The indicator catalogue (docs/indicators.md) as data: I1–I13, P1–P5, R1–R10.
 * Pure: no I/O. `CATALOGUE` is the public metadata every later stage reads; `DEFINITIONS`
 * adds the engine-facing part (population and measure facts) that src/engine compiles to SQL.
 */
import type { IndicatorDef } from './definition.ts';
import { INNSATS } from './definitions/innsats.ts';
import { PROGRAMRESULTAT } from './definitions/programresultat.ts';
import { INTEGRERINGSRESULTAT } from './definitions/integreringsresultat.ts';
import { loadCatalogue } from './load.ts';
import type { IndicatorMeta } from './types.ts';
import { windowMeta, withDefaultCohort } from './windows.ts';

export type { IndicatorDef } from './definition.ts';
export type * from './ir.ts';
export type * from './types.ts';
export { MAALGRUPPER } from './ir.ts';
export { loadCatalogue, validateDefinition, type LoadedCatalogue } from './load.ts';
export { WINDOWS, windowOf, isComplete, type ObservationWindow, type DataHorizon } from './windows.ts';
export { parseCohortOption, withCohorts } from './cohort-option.ts';

// Default cohorts chosen so that recent years are not biased come from the windows table (windows.ts).
const loaded = loadCatalogue([...INNSATS, ...PROGRAMRESULTAT, ...INTEGRERINGSRESULTAT].map(withDefaultCohort));
if (loaded.errors.length) throw new Error(`Invalid built-in catalogue:\n${loaded.errors.join('\n')}`);

/** Every built-in definition, validated. */
export const DEFINITIONS: readonly IndicatorDef[] = loaded.indicators;

/** The public metadata part of a definition. */
export function toMeta(def: IndicatorDef): IndicatorMeta {
  return {
    id: def.id,
    ledd: def.ledd,
    navn: def.navn,
    beskrivelse: def.beskrivelse,
    populasjon: def.populasjon,
    teller: def.teller,
    kilder: def.kilder,
    kjerne: def.kjerne,
    kapittel: def.kapittel,
    kohort: def.kohort,
    kohortBegrunnelse: def.kohortBegrunnelse,
    kohorter: def.kohorter,
    breakdowns: def.breakdowns,
    maal: def.measures.map((m) => ({
      kode: m.kode,
      navn: m.navn,
      kind: m.kind,
      enhet: m.enhet,
      ...(m.additiveGroup ? { additiveGroup: m.additiveGroup } : {}),
      ...(m.referenceGap ? { derivedFrom: m.referenceGap.of } : {}),
    })),
    ...(def.malverdier ? { malverdier: def.malverdier } : {}),
    ...windowMeta(def),
    ...(def.sensitive ? { sensitive: def.sensitive } : {}),
    ...(def.brudd ? { brudd: def.brudd } : {}),
  };
}

/** Public metadata of the whole catalogue, in report order. */
export const CATALOGUE: readonly IndicatorMeta[] = DEFINITIONS.map(toMeta);

export function indicatorById(id: string): IndicatorDef | undefined {
  return DEFINITIONS.find((d) => d.id === id);
}
