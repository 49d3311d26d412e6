/** Publishing stage: writers (CSV, JSON-stat 2.0, XLSX), results persistence and the output files. */
export type { PublicationMeta, FallbackNote, WriteOptions, Writer, FileSpec, FileSource, ResultFilter, FilterDimension, NumericColumn } from './types.ts';
export { FILTER_DIMENSIONS, NUMERIC_COLUMNS, isUnprotected } from './types.ts';
export { WRITERS, OUTPUT_FORMATS, OUTPUT_FORMAT_IDS, DOWNLOAD_FORMATS, DEFAULT_OUTPUT_FORMAT, isOutputFormat, outputFileName, type OutputFormat } from './writers.ts';
export { csvLines, csvField, UNPROTECTED_COLUMN } from './csv.writer.ts';
export { toJsonStat, jsonStatText, JsonStatCube, type JsonStatDataset } from './jsonstat.writer.ts';
export { saveResults, stageResults, publishStaged, newDataVersion, resultSource, indicatorIds, loadResults, loadResultsOf, resultsQuery, resultsWhere, PUB_RESULTS_STAGED, type SaveExtras } from './results-store.ts';
export { filterResults } from './results-filter.ts';
export { readPublication, readDataVersion, readStoredCatalogue, readAvailability, hasTable } from './pub-meta.ts';
export { writeOutputs, writeBackgroundOutputs, writePendingOutputs, prebuiltFile, readManifest, publicationHeader, MANIFEST_FILE, type OutputsInput, type Manifest } from './write-outputs.ts';
export { loadKommuner, regionList, regionNameMap, refdataKommuner, type Kommune, type RegionList } from './regions.ts';
export { PUB_RESULTS, PUB_META, PUB_AVAILABILITY } from './tables.ts';
export * from './labels.ts';
export { informationLoss, coverage, cellKey, type InformationLoss, type LevelLoss, type Coverage, type CoverageQuery } from './information-loss.ts';
