/** The indicator engine: catalogue definitions → SQL → the results table (docs/indicators.md). */
export { computeAll, noDataRows, type ComputeOptions, type ComputeResult } from './compute.ts';
export { compileIndicator, unitSql, type CompiledIndicator, type CompiledMeasure } from './compile.ts';
export type { CompileContext } from './context.ts';
export { preparePersonFacts, preparePersonFactsTs, personRow, ambition, PERSON_FAKTA } from './prepare.ts';
export { availabilityMatrix, saveAvailability, type Availability, type AvailabilityRow } from './availability.ts';
export { municipalSql, computeMunicipal } from './municipal.ts';
export { tableNames, dataLastDate } from './store-meta.ts';
