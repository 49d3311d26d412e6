/**
 * loadCatalogue: a pure validator for indicator definitions (style guide §1). It keeps every good
 * definition and reports every bad one with a path, e.g. `I4.population.cohort: unknown cohort "x"`.
 */
import type { Kohort } from '../contract/results.ts';
import type { IndicatorDef } from './definition.ts';
import { FACT_KINDS, MAALGRUPPER, type FactSpec, type PopulationSpec } from './ir.ts';

const LEDD = ['innsats', 'programresultat', 'integreringsresultat'];
const KOHORTER: readonly Kohort[] = ['bosettingskohort', 'startkohort', 'avslutningskohort', 'aktive'];
const BREAKDOWNS = ['gruppe', 'lovregime', 'periode', 'botid', 'region', 'kjonn'];
const POPULATION_KINDS = ['intro', 'settled', 'outcome_years', 'municipality_year'];
const MEASURE_KINDS = ['share', 'mean', 'median'];
const UNITS = ['prosent', 'timer', 'maaneder', 'kr', 'prosentpoeng', 'antall'];
const SOURCE_TABLES = [
  'personer', 'introprogram', 'maal', 'elementer', 'oppstart', 'norsktimer', 'avslutning', 'proever',
  'utfall', 'utdanning_norge', 'kommune_aar', 'nasjonalt_aar', 'brukerundersokelse',
];

export interface LoadedCatalogue {
  readonly indicators: readonly IndicatorDef[];
  readonly errors: readonly string[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): boolean => isObj(v) && typeof v['nb'] === 'string' && v['nb'] !== '' && typeof v['en'] === 'string' && v['en'] !== '';

function checkPopulation(p: unknown, path: string, errors: string[]): void {
  if (!isObj(p)) return void errors.push(`${path}: missing`);
  if (!POPULATION_KINDS.includes(String(p['kind']))) errors.push(`${path}.kind: unknown population kind "${String(p['kind'])}"`);
  if (!KOHORTER.includes(p['cohort'] as Kohort)) errors.push(`${path}.cohort: unknown cohort "${String(p['cohort'])}"`);
  if (p['kind'] === 'settled') {
    const groups = p['groups'];
    if (!Array.isArray(groups) || groups.length === 0) errors.push(`${path}.groups: at least one target group`);
    else groups.forEach((g, i) => {
      if (!MAALGRUPPER.includes(g)) errors.push(`${path}.groups[${i}]: unknown target group "${String(g)}"`);
    });
    const ready = p['ready'] as Obj | undefined;
    if (!isObj(ready) || !['rights_period_ended', 'months_since_anchor'].includes(String(ready['kind']))) {
      errors.push(`${path}.ready: unknown readiness`);
    }
  }
}

function checkFact(f: unknown, path: string, errors: string[]): void {
  if (!isObj(f)) return void errors.push(`${path}: missing`);
  const kind = f['kind'] as FactSpec['kind'];
  if (!FACT_KINDS.includes(kind)) return void errors.push(`${path}.kind: unknown fact kind "${String(kind)}"`);
  for (const key of ['elements', 'codes', 'levels', 'columns']) {
    const v = f[key];
    if (v !== undefined && (!Array.isArray(v) || v.length === 0)) errors.push(`${path}.${key}: must be a non-empty list`);
  }
  if (kind === 'all_of') {
    const facts = f['facts'];
    if (!Array.isArray(facts) || facts.length < 2) errors.push(`${path}.facts: all_of needs at least two facts`);
    else facts.forEach((sub, i) => checkFact(sub, `${path}.facts[${i}]`, errors));
  }
}

function checkMeasures(ms: unknown, path: string, errors: string[]): void {
  if (!Array.isArray(ms) || ms.length === 0) return void errors.push(`${path}: at least one measure`);
  const seen = new Set<string>();
  ms.forEach((m: unknown, i) => {
    const p = `${path}[${i}]`;
    if (!isObj(m)) return void errors.push(`${p}: not an object`);
    const kode = m['kode'];
    if (typeof kode !== 'string' || !/^[a-z0-9_:*]+$/.test(kode)) errors.push(`${p}.kode: invalid code "${String(kode)}"`);
    else if (seen.has(kode)) errors.push(`${p}.kode: duplicate code "${kode}"`);
    else seen.add(kode);
    if (!MEASURE_KINDS.includes(String(m['kind']))) errors.push(`${p}.kind: unknown measure kind "${String(m['kind'])}"`);
    if (!UNITS.includes(String(m['enhet']))) errors.push(`${p}.enhet: unknown unit "${String(m['enhet'])}"`);
    if (m['kind'] === 'share' && m['enhet'] !== 'prosent') errors.push(`${p}.enhet: a share is in percent`);
    if (!isText(m['navn'])) errors.push(`${p}.navn: needs nb and en text`);
    checkFact(m['fact'], `${p}.fact`, errors);
    if (m['among'] !== undefined) checkFact(m['among'], `${p}.among`, errors);
  });
}

/** Validates one definition; returns its errors (empty when valid). */
export function validateDefinition(def: unknown, index: number): string[] {
  const errors: string[] = [];
  if (!isObj(def)) return [`[${index}]: not an object`];
  const id = typeof def['id'] === 'string' && /^[IPR]\d+$/.test(def['id']) ? def['id'] : null;
  const at = id ?? `[${index}]`;
  if (!id) errors.push(`${at}.id: invalid id "${String(def['id'])}"`);
  if (!LEDD.includes(String(def['ledd']))) errors.push(`${at}.ledd: unknown link "${String(def['ledd'])}"`);
  for (const k of ['navn', 'beskrivelse', 'populasjon', 'teller']) if (!isText(def[k])) errors.push(`${at}.${k}: needs nb and en text`);
  if (typeof def['kjerne'] !== 'boolean') errors.push(`${at}.kjerne: must be true or false`);
  if (typeof def['kapittel'] !== 'string') errors.push(`${at}.kapittel: missing report section`);
  const kilder = def['kilder'];
  if (!Array.isArray(kilder) || kilder.length === 0) errors.push(`${at}.kilder: at least one source table`);
  else kilder.forEach((k, i) => {
    if (!SOURCE_TABLES.includes(String(k))) errors.push(`${at}.kilder[${i}]: unknown table "${String(k)}"`);
  });
  const kohorter = Array.isArray(def['kohorter']) ? (def['kohorter'] as unknown[]) : [];
  kohorter.forEach((k, i) => {
    if (!KOHORTER.includes(k as Kohort)) errors.push(`${at}.kohorter[${i}]: unknown cohort "${String(k)}"`);
  });
  if (!KOHORTER.includes(def['kohort'] as Kohort)) errors.push(`${at}.kohort: unknown cohort "${String(def['kohort'])}"`);
  else if (!kohorter.includes(def['kohort'])) errors.push(`${at}.kohort: default cohort "${String(def['kohort'])}" not among kohorter`);
  const bds = Array.isArray(def['breakdowns']) ? (def['breakdowns'] as unknown[]) : [];
  bds.forEach((b, i) => {
    if (!BREAKDOWNS.includes(String(b))) errors.push(`${at}.breakdowns[${i}]: unknown breakdown "${String(b)}"`);
  });
  if (!['ansvarlig', 'bosetting'].includes(String(def['region']))) errors.push(`${at}.region: unknown region basis "${String(def['region'])}"`);
  checkPopulation(def['population'], `${at}.population`, errors);
  const pop = def['population'] as PopulationSpec | undefined;
  if (pop && isObj(pop) && pop.cohort !== def['kohort']) errors.push(`${at}.population.cohort: "${String(pop.cohort)}" differs from kohort "${String(def['kohort'])}"`);
  checkMeasures(def['measures'], `${at}.measures`, errors);
  return errors;
}

/** Validates definitions; keeps the good ones, lists every error with its path. Ids must be unique. */
export function loadCatalogue(defs: readonly unknown[]): LoadedCatalogue {
  const indicators: IndicatorDef[] = [];
  const errors: string[] = [];
  const ids = new Set<string>();
  defs.forEach((def, i) => {
    const errs = validateDefinition(def, i);
    const id = isObj(def) ? String(def['id']) : '';
    if (errs.length === 0 && ids.has(id)) errs.push(`${id}.id: duplicate id`);
    if (errs.length) errors.push(...errs);
    else {
      ids.add(id);
      indicators.push(def as IndicatorDef);
    }
  });
  return { indicators, errors };
}
