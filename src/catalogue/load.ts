/**
 * loadCatalogue: a pure validator for indicator definitions (style guide §1). It keeps every good
 * definition and reports every bad one with a path, e.g. `I4.population.cohort: unknown cohort "x"`.
 *
 * What it checks: the fields of each fact kind (FACT_FIELDS: required fields, their values, no
 * unknown fields), the fields of measures and definitions, and every cross-reference (a target
 * line or series break on a missing measure, `referenceGap.of` pointing at a missing or non-share
 * measure, a fact that does not belong to the population's kind, a share over a numeric fact, …).
 * Every list of allowed values comes from one `as const` source (contract codes and tables,
 * catalogue/ir.ts, catalogue/types.ts, contract/results.ts).
 */
import {
  AARSAK, CEFR, ELEMENT, EIERSTATUS, KILDE, NIVAA, OPPSTART_TYPE, SLUTTMAAL, UTDANNING_MEDBRAKT, UTFORT_AV,
} from '../contract/codes.ts';
import { KOHORTER, LEDD } from '../contract/results.ts';
import { tableSpec, TABLES } from '../contract/tables.ts';
import type { IndicatorDef } from './definition.ts';
import {
  DEEPEST_REGIONS, LANGUAGE_MEASUREMENT_POINTS, MAALGRUPPER, POPULATION_KINDS, PROGRAMME_FLAG_COLUMNS,
  READINESS_KINDS, REFERENCE_COLUMNS, REGION_BASES, UNDERGRUPPER, type FactSpec,
} from './ir.ts';
import { BREAKDOWNS, MEASURE_KINDS, UNITS } from './types.ts';
import { measureKind, type MeasureKind } from './measure-kinds.ts';

export interface LoadedCatalogue {
  readonly indicators: readonly IndicatorDef[];
  readonly errors: readonly string[];
}

type Obj = Record<string, unknown>;
type Check = (v: unknown, path: string, errors: string[]) => void;
interface Field {
  readonly check: Check;
  readonly optional?: true;
}

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): boolean =>
  isObj(v) && typeof v['nb'] === 'string' && v['nb'] !== '' && typeof v['en'] === 'string' && v['en'] !== '';
const show = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v) ?? String(v));

const columnsOf = (table: string, types: readonly string[]): string[] =>
  (tableSpec(table)?.columns ?? []).filter((c) => types.includes(c.type)).map((c) => c.name);
const UTFALL_FLAGS = columnsOf('utfall', ['bool']);
const UTFALL_CODES = columnsOf('utfall', ['code']);
const MUNICIPAL_NUMBERS = [...columnsOf('kommune_aar', ['int', 'number']), ...columnsOf('brukerundersokelse', ['int', 'number'])];
const SOURCE_TABLES = TABLES.map((t) => t.name);
const STARTUP_STEPS = [...OPPSTART_TYPE, 'programstart'] as const;
const SUBGROUPS = [...MAALGRUPPER, ...UNDERGRUPPER] as const;
/** The codes an `outcome_code` column may take. */
const OUTCOME_CODE_LISTS: Readonly<Record<string, readonly string[]>> = { eierstatus: EIERSTATUS };

// ---- small checks ---------------------------------------------------------------------------

const oneOf = (allowed: readonly unknown[], what: string): Check => (v, path, errors) => {
  if (!allowed.includes(v)) errors.push(`${path}: unknown ${what} "${show(v)}"`);
};
const listOf = (allowed: readonly unknown[], what: string): Check => (v, path, errors) => {
  if (!Array.isArray(v) || v.length === 0) return void errors.push(`${path}: must be a non-empty list`);
  v.forEach((x, i) => {
    if (!allowed.includes(x)) errors.push(`${path}[${i}]: unknown ${what} "${show(x)}"`);
  });
};
const nonEmptyList: Check = (v, path, errors) => {
  if (!Array.isArray(v) || v.length === 0) errors.push(`${path}: must be a non-empty list`);
};
const integer = (min: number, max: number): Check => (v, path, errors) => {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) errors.push(`${path}: must be an integer from ${min} to ${max}, not ${show(v)}`);
};
const positive: Check = (v, path, errors) => {
  if (typeof v !== 'number' || !(v > 0) || !Number.isFinite(v)) errors.push(`${path}: must be a positive number, not ${show(v)}`);
};
const cefrOrNull: Check = (v, path, errors) => {
  if (v !== null && !(CEFR as readonly unknown[]).includes(v)) errors.push(`${path}: unknown CEFR level "${show(v)}"`);
};
const optionalNumber: Check = (v, path, errors) => {
  if (v !== null) positive(v, path, errors);
};
const req = (check: Check): Field => ({ check });
const opt = (check: Check): Field => ({ check, optional: true });

function checkFields(o: Obj, fields: Readonly<Record<string, Field>>, path: string, errors: string[], ignore: readonly string[] = []): void {
  for (const [name, f] of Object.entries(fields)) {
    if (o[name] === undefined) {
      if (!f.optional) errors.push(`${path}.${name}: missing`);
    } else f.check(o[name], `${path}.${name}`, errors);
  }
  for (const k of Object.keys(o)) {
    if (!(k in fields) && !ignore.includes(k)) errors.push(`${path}.${k}: unknown field`);
  }
}

// ---- facts ----------------------------------------------------------------------------------

const factsCheck: Check = (v, path, errors) => {
  if (!Array.isArray(v) || v.length < 2) return void errors.push(`${path}: all_of needs at least two facts`);
  v.forEach((f, i) => checkFact(f, `${path}[${i}]`, errors));
};
const educationBy: Check = (v, path, errors) => {
  if (!isObj(v)) return void errors.push(`${path}: missing`);
  if (v['kind'] === 'years_after_start') checkFields(v, { kind: req(() => {}), years: req(integer(1, 20)) }, path, errors);
  else if (v['kind'] === 'programme_end' || v['kind'] === 'measurement') checkFields(v, { kind: req(() => {}) }, path, errors);
  else errors.push(`${path}.kind: unknown education deadline "${show(v['kind'])}"`);
};

/** The fields of each fact kind (besides `kind`). The key set is every FactSpec kind: the compiler checks it. */
const FACT_FIELDS: { readonly [K in FactSpec['kind']]: Readonly<Record<string, Field>> } = {
  element_in_period: { elements: req(listOf(ELEMENT, 'element')) },
  programme_flag: { column: req(oneOf(PROGRAMME_FLAG_COLUMNS, 'programme column')) },
  programme_months: {},
  programme_months_band: { fromMonths: req(integer(0, 120)), toMonths: req(optionalNumber) },
  programme_vs_cap: { relation: req(oneOf(['at', 'above'], 'relation')) },
  norwegian_hours: {},
  startup_step: { step: req(oneOf(STARTUP_STEPS, 'start-up step')), withinMonths: req(integer(1, 60)) },
  startup_actor: { step: req(oneOf(OPPSTART_TYPE, 'start-up step')), actors: req(listOf(UTFORT_AV, 'actor')) },
  reason: { field: req(oneOf(['hoved', 'alle'], 'reason field')), codes: req(listOf(AARSAK, 'reason')) },
  end_goal_reached: {},
  last_end_goal: { codes: req(listOf(SLUTTMAAL, 'end goal')) },
  recommended_goal: { codes: req(listOf(SLUTTMAAL, 'end goal')) },
  subgroup: { subgroup: req(oneOf(SUBGROUPS, 'group')) },
  education_background: { levels: req(listOf(UTDANNING_MEDBRAKT, 'education background')) },
  years_since_settlement: { years: req(integer(1, 50)) },
  education: { levels: req(listOf(NIVAA, 'level')), source: req(oneOf(KILDE, 'education source')), by: req(educationBy) },
  language_goal_reached: { by: opt(oneOf(LANGUAGE_MEASUREMENT_POINTS, 'measurement point')) },
  language_level: {
    oral: req(cefrOrNull), writing: req(cefrOrNull), grade: req(integer(1, 6)),
    by: opt(oneOf(LANGUAGE_MEASUREMENT_POINTS, 'measurement point')),
  },
  language_ambition: { relation: req(oneOf(['under', 'lik', 'over'], 'relation')) },
  civics_passed: { withinMonths: req(integer(1, 60)) },
  outcome_flag: { columns: req(listOf(UTFALL_FLAGS, 'utfall flag column')) },
  outcome_code: { column: req(oneOf(UTFALL_CODES, 'utfall code column')), codes: req(nonEmptyList) },
  income_above_g: { multiple: req(positive) },
  citizenship_oral: { denominator: req(oneOf(['provetakere', 'alle_bosatte'], 'denominator')) },
  months_to_first_element: { elements: req(listOf(ELEMENT, 'element')) },
  municipality_ratio: { numerator: req(oneOf(MUNICIPAL_NUMBERS, 'municipality column')), denominator: req(oneOf(MUNICIPAL_NUMBERS, 'municipality column')) },
  spend_per_participant: {},
  all_of: { facts: req(factsCheck) },
};
const FACT_KINDS = Object.keys(FACT_FIELDS) as FactSpec['kind'][];

/** Facts with a numeric value (means and medians); every other fact is true/false (shares, `among`). */
const NUMERIC_FACTS: readonly FactSpec['kind'][] = ['programme_months', 'norwegian_hours', 'months_to_first_element', 'spend_per_participant'];
/** Facts computed from municipality-year tables: only for `municipality_year` populations, and only they. */
const MUNICIPAL_FACTS: readonly FactSpec['kind'][] = ['municipality_ratio', 'spend_per_participant'];
/** Facts that read the yearly outcome row (utfall) or the botid: only for `outcome_years` populations. */
const OUTCOME_FACTS: readonly FactSpec['kind'][] = ['outcome_flag', 'outcome_code', 'income_above_g', 'citizenship_oral', 'years_since_settlement'];

function checkFact(f: unknown, path: string, errors: string[]): void {
  if (!isObj(f)) return void errors.push(`${path}: missing`);
  const kind = f['kind'] as FactSpec['kind'];
  if (!FACT_KINDS.includes(kind)) return void errors.push(`${path}.kind: unknown fact kind "${show(kind)}"`);
  checkFields(f, FACT_FIELDS[kind], path, errors, ['kind']);
  if (kind === 'outcome_code' && typeof f['column'] === 'string' && Array.isArray(f['codes'])) {
    const allowed = OUTCOME_CODE_LISTS[f['column']] ?? [];
    f['codes'].forEach((c, i) => {
      if (!allowed.includes(c)) errors.push(`${path}.codes[${i}]: unknown code "${show(c)}" for ${f['column']}`);
    });
  }
  if (kind === 'language_level' && f['oral'] === null && f['writing'] === null) errors.push(`${path}: oral or writing level needed`);
  if (kind === 'programme_months_band' && typeof f['toMonths'] === 'number' && typeof f['fromMonths'] === 'number' && f['toMonths'] <= f['fromMonths']) {
    errors.push(`${path}.toMonths: must be above fromMonths`);
  }
}

/** Every fact kind used in a fact tree. */
function kindsIn(f: unknown): FactSpec['kind'][] {
  if (!isObj(f)) return [];
  const sub = Array.isArray(f['facts']) ? f['facts'].flatMap(kindsIn) : [];
  return [f['kind'] as FactSpec['kind'], ...sub];
}

// ---- population -----------------------------------------------------------------------------

function checkPopulation(p: unknown, path: string, errors: string[]): void {
  if (!isObj(p)) return void errors.push(`${path}: missing`);
  if (!(POPULATION_KINDS as readonly unknown[]).includes(p['kind'])) return void errors.push(`${path}.kind: unknown population kind "${show(p['kind'])}"`);
  const cohort = req(oneOf(KOHORTER, 'cohort'));
  if (p['kind'] === 'settled') {
    checkFields(p, { cohort, groups: req(listOf(MAALGRUPPER, 'target group')), ready: req(readinessCheck) }, path, errors, ['kind']);
  } else if (p['kind'] === 'municipality_year') {
    checkFields(p, { cohort: req(oneOf(['aktive'], 'cohort')) }, path, errors, ['kind']);
  } else checkFields(p, { cohort }, path, errors, ['kind']);
}

const readinessCheck: Check = (v, path, errors) => {
  if (!isObj(v) || !(READINESS_KINDS as readonly unknown[]).includes(v['kind'])) return void errors.push(`${path}: unknown readiness`);
  if (v['kind'] === 'months_since_anchor') {
    checkFields(v, { months: req(integer(1, 120)), anchor: req(oneOf(['bosetting', 'vedtak'], 'anchor')) }, path, errors, ['kind']);
  } else checkFields(v, {}, path, errors, ['kind']);
};

// ---- measures -------------------------------------------------------------------------------

const MEASURE_FIELDS = ['kode', 'navn', 'kind', 'enhet', 'fact', 'among', 'additiveGroup', 'deepestRegion', 'referenceGap'];

/** How a kind's fixed unit is named in messages. */
const UNIT_WORDS: Partial<Record<string, string>> = { prosent: 'percent', antall: 'persons (antall)' };

function checkMeasures(ms: unknown, populationKind: unknown, path: string, errors: string[]): void {
  if (!Array.isArray(ms) || ms.length === 0) return void errors.push(`${path}: at least one measure`);
  const codes = new Map<string, Obj>();
  ms.forEach((m: unknown) => {
    if (isObj(m) && typeof m['kode'] === 'string' && !codes.has(m['kode'])) codes.set(m['kode'], m);
  });
  const seen = new Set<string>();
  ms.forEach((m: unknown, i) => {
    const p = `${path}[${i}]`;
    if (!isObj(m)) return void errors.push(`${p}: not an object`);
    const kode = m['kode'];
    if (typeof kode !== 'string' || !/^[a-z0-9_:*]+$/.test(kode)) errors.push(`${p}.kode: invalid code "${show(kode)}"`);
    else if (seen.has(kode)) errors.push(`${p}.kode: duplicate code "${kode}"`);
    else seen.add(kode);
    oneOf(MEASURE_KINDS, 'measure kind')(m['kind'], `${p}.kind`, errors);
    oneOf(UNITS, 'unit')(m['enhet'], `${p}.enhet`, errors);
    const rules = (MEASURE_KINDS as readonly unknown[]).includes(m['kind']) ? measureKind(m['kind'] as MeasureKind) : null;
    if (rules?.unit && m['enhet'] !== rules.unit) errors.push(`${p}.enhet: a ${rules.kind} is in ${UNIT_WORDS[rules.unit] ?? rules.unit}`);
    if (!isText(m['navn'])) errors.push(`${p}.navn: needs nb and en text`);
    for (const k of Object.keys(m)) if (!MEASURE_FIELDS.includes(k)) errors.push(`${p}.${k}: unknown field`);
    checkFact(m['fact'], `${p}.fact`, errors);
    if (m['among'] !== undefined) {
      checkFact(m['among'], `${p}.among`, errors);
      const numeric = kindsIn(m['among']).find((k) => NUMERIC_FACTS.includes(k));
      if (numeric) errors.push(`${p}.among: "${numeric}" is a number, not a condition`);
    }
    if (m['additiveGroup'] !== undefined && (typeof m['additiveGroup'] !== 'string' || m['additiveGroup'] === '')) errors.push(`${p}.additiveGroup: must be a name`);
    if (m['deepestRegion'] !== undefined) oneOf(DEEPEST_REGIONS, 'region level')(m['deepestRegion'], `${p}.deepestRegion`, errors);
    const gap = m['referenceGap'];
    if (gap !== undefined) checkReferenceGap(gap, codes, `${p}.referenceGap`, errors);
    // A derived measure is computed from another measure's cells, and only such a measure is derived.
    if (rules?.aggregation === 'from_measure' && gap === undefined) errors.push(`${p}.referenceGap: a ${rules.kind} measure needs the measure it is derived from`);
    if (rules && rules.aggregation !== 'from_measure' && gap !== undefined) errors.push(`${p}.kind: a measure with referenceGap is "derived", not "${rules.kind}"`);
    // The fact's value must suit the measure, and the fact must suit the population.
    const factKind = isObj(m['fact']) ? (m['fact']['kind'] as FactSpec['kind']) : undefined;
    if (factKind && FACT_KINDS.includes(factKind) && gap === undefined && populationKind !== 'municipality_year') {
      const numeric = NUMERIC_FACTS.includes(factKind);
      if (rules?.fact === 'flag' && numeric) errors.push(`${p}.fact: a ${rules.kind} needs a true/false fact, "${factKind}" is a number`);
      if (rules?.fact === 'number' && !numeric) errors.push(`${p}.fact: a ${rules.kind} needs a numeric fact, "${factKind}" is true/false`);
    }
    for (const [where, f] of [['fact', m['fact']], ['among', m['among']]] as const) {
      for (const k of kindsIn(f)) {
        if (!FACT_KINDS.includes(k)) continue;
        if (MUNICIPAL_FACTS.includes(k) !== (populationKind === 'municipality_year')) {
          errors.push(`${p}.${where}: fact "${k}" does not belong to a "${show(populationKind)}" population`);
        } else if (OUTCOME_FACTS.includes(k) && populationKind !== 'outcome_years') {
          errors.push(`${p}.${where}: fact "${k}" needs the yearly outcome population (outcome_years)`);
        }
      }
    }
  });
}

function checkReferenceGap(gap: unknown, codes: ReadonlyMap<string, Obj>, path: string, errors: string[]): void {
  if (!isObj(gap)) return void errors.push(`${path}: not an object`);
  checkFields(gap, {
    of: req(() => {}),
    table: req(oneOf(['kommune_aar'], 'reference table')),
    column: req(oneOf(REFERENCE_COLUMNS, 'reference column')),
  }, path, errors);
  const of = gap['of'];
  const target = typeof of === 'string' ? codes.get(of) : undefined;
  if (of === undefined) return;
  if (!target) errors.push(`${path}.of: no measure "${show(of)}" in this indicator`);
  else if (target['referenceGap'] !== undefined) errors.push(`${path}.of: "${show(of)}" is itself a derived measure`);
  else if (target['kind'] !== 'share') errors.push(`${path}.of: "${show(of)}" is not a share`);
}

// ---- definitions ----------------------------------------------------------------------------

const DEF_FIELDS = [
  'id', 'ledd', 'navn', 'beskrivelse', 'populasjon', 'teller', 'kilder', 'kjerne', 'kapittel', 'kohort', 'kohortBegrunnelse',
  'kohorter', 'breakdowns', 'malverdier', 'brudd', 'sensitive', 'population', 'region', 'surveyMeasures', 'measures',
];

function measureCodes(def: Obj): Set<string> {
  const ms = Array.isArray(def['measures']) ? def['measures'] : [];
  return new Set(ms.filter(isObj).map((m) => m['kode']).filter((k): k is string => typeof k === 'string'));
}

/** Validates one definition; returns its errors (empty when valid). */
export function validateDefinition(def: unknown, index: number): string[] {
  const errors: string[] = [];
  if (!isObj(def)) return [`[${index}]: not an object`];
  const id = typeof def['id'] === 'string' && /^[IPR]\d+$/.test(def['id']) ? def['id'] : null;
  const at = id ?? `[${index}]`;
  if (!id) errors.push(`${at}.id: invalid id "${show(def['id'])}"`);
  if (!(LEDD as readonly unknown[]).includes(def['ledd'])) errors.push(`${at}.ledd: unknown link "${show(def['ledd'])}"`);
  for (const k of ['navn', 'beskrivelse', 'populasjon', 'teller', 'kohortBegrunnelse']) if (!isText(def[k])) errors.push(`${at}.${k}: needs nb and en text`);
  if (def['sensitive'] !== undefined && !isText(def['sensitive'])) errors.push(`${at}.sensitive: needs nb and en text`);
  for (const k of Object.keys(def)) if (!DEF_FIELDS.includes(k)) errors.push(`${at}.${k}: unknown field`);
  if (typeof def['kjerne'] !== 'boolean') errors.push(`${at}.kjerne: must be true or false`);
  if (typeof def['kapittel'] !== 'string' || !/^\d+(\.\d+)*$/.test(def['kapittel'])) errors.push(`${at}.kapittel: missing report section`);
  const kilder = def['kilder'];
  if (!Array.isArray(kilder) || kilder.length === 0) errors.push(`${at}.kilder: at least one source table`);
  else kilder.forEach((k, i) => {
    if (!SOURCE_TABLES.includes(String(k))) errors.push(`${at}.kilder[${i}]: unknown table "${show(k)}"`);
  });
  const kohorter = Array.isArray(def['kohorter']) ? (def['kohorter'] as unknown[]) : [];
  if (kohorter.length === 0) errors.push(`${at}.kohorter: at least one cohort`);
  kohorter.forEach((k, i) => {
    if (!(KOHORTER as readonly unknown[]).includes(k)) errors.push(`${at}.kohorter[${i}]: unknown cohort "${show(k)}"`);
    else if (kohorter.indexOf(k) !== i) errors.push(`${at}.kohorter[${i}]: duplicate cohort "${show(k)}"`);
  });
  if (!(KOHORTER as readonly unknown[]).includes(def['kohort'])) errors.push(`${at}.kohort: unknown cohort "${show(def['kohort'])}"`);
  else if (!kohorter.includes(def['kohort'])) errors.push(`${at}.kohort: default cohort "${show(def['kohort'])}" not among kohorter`);
  const pop = def['population'];
  const popKind = isObj(pop) ? pop['kind'] : undefined;
  const bds = Array.isArray(def['breakdowns']) ? (def['breakdowns'] as unknown[]) : [];
  bds.forEach((b, i) => {
    if (!(BREAKDOWNS as readonly unknown[]).includes(b)) errors.push(`${at}.breakdowns[${i}]: unknown breakdown "${show(b)}"`);
    else if (b === 'botid' && popKind !== 'outcome_years') errors.push(`${at}.breakdowns[${i}]: botid needs the yearly outcome population`);
  });
  oneOf(REGION_BASES, 'region basis')(def['region'], `${at}.region`, errors);
  checkPopulation(pop, `${at}.population`, errors);
  if (isObj(pop) && pop['cohort'] !== def['kohort']) errors.push(`${at}.population.cohort: "${show(pop['cohort'])}" differs from kohort "${show(def['kohort'])}"`);
  checkMeasures(def['measures'], popKind, `${at}.measures`, errors);
  const codes = measureCodes(def);
  const lines = def['malverdier'];
  if (lines !== undefined) {
    if (!Array.isArray(lines)) errors.push(`${at}.malverdier: must be a list`);
    else lines.forEach((l: unknown, i) => {
      const p = `${at}.malverdier[${i}]`;
      if (!isObj(l)) return void errors.push(`${p}: not an object`);
      if (!codes.has(String(l['maal']))) errors.push(`${p}.maal: no measure "${show(l['maal'])}" in this indicator`);
      if (typeof l['verdi'] !== 'number' || l['verdi'] < 0 || l['verdi'] > 100) errors.push(`${p}.verdi: must be a number from 0 to 100`);
      if (!isText(l['navn'])) errors.push(`${p}.navn: needs nb and en text`);
    });
  }
  const breaks = def['brudd'];
  if (breaks !== undefined) {
    if (!Array.isArray(breaks)) errors.push(`${at}.brudd: must be a list`);
    else breaks.forEach((b: unknown, i) => {
      const p = `${at}.brudd[${i}]`;
      if (!isObj(b)) return void errors.push(`${p}: not an object`);
      checkFields(b, { aar: req(integer(1990, 2100)), aarstype: req(oneOf(['maaleaar', 'periode'], 'year type')), maal: req(listOf([...codes], 'measure')), navn: req((v, q, e) => void (isText(v) || e.push(`${q}: needs nb and en text`))) }, p, errors);
    });
  }
  const survey = def['surveyMeasures'];
  if (survey !== undefined) {
    if (popKind !== 'municipality_year') errors.push(`${at}.surveyMeasures: only for municipality-year populations`);
    if (!isObj(survey) || typeof survey['pattern'] !== 'string' || typeof survey['exclude'] !== 'boolean') errors.push(`${at}.surveyMeasures: needs pattern and exclude`);
    else {
      try {
        new RegExp(survey['pattern']);
      } catch {
        errors.push(`${at}.surveyMeasures.pattern: not a regular expression "${survey['pattern']}"`);
      }
    }
  }
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
