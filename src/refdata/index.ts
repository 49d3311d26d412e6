/** Public surface of the reference-data stage: municipalities (2024) and code-change resolution. */
export {
  loadMunicipalities,
  parseMunicipalities,
  UNKNOWN_MUNICIPALITY,
  type Municipality,
} from './municipalities.ts';
export {
  loadShippedChanges,
  parseShippedChanges,
  mergeChanges,
  resolveChanges,
  SPLIT_CENTRE,
  type MunicipalityChange,
  type ResolvedChange,
  type SplitRule,
  type UnresolvedChange,
} from './changes.ts';
export { splitCsvLine, parseCsvRecords } from './csv-text.ts';
