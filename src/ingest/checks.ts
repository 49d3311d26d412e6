/**
 * The checks of one contract table as data, in the order they are applied; the first failing
 * check is the row's one reason (docs/ingest.md, "Order of checks"):
 *   1. the row's field count (feil_antall_felt);
 *   2. column by column, in contract order: missing value, identity number (person_id, text and
 *      number columns, normalised), length, type/format (code list, municipality), range, not
 *      after the reference date;
 *   3. row checks in contract order (end before start, test result, goal type);
 *   4. cross-table: person not in the loaded personer (ukjent_person);
 *   5. duplicate key among the rows that passed 1–4 (first row kept).
 * Each check is a SQL condition over the staging table's VARCHAR columns (NULL = empty field).
 */
import type { ColumnSpec, RejectionCode, RowCheck, TableSpec } from '../contract/index.ts';
import { CEFR, BESTATT, KARAKTER } from '../contract/index.ts';
import { sql } from '../store/index.ts';
import { identityLikeSql } from './identity-number.ts';
import { acceptedCodes, numericValue, temporalValue } from './typed.ts';

export interface Check {
  readonly code: RejectionCode;
  /** The column reported; '' for the row as a whole. */
  readonly column: string;
  /** SQL condition that is true when the row fails. */
  readonly fails: string;
  /** SQL expression for the value to report (NULL when it must not be echoed). */
  readonly value: string;
}

export interface CheckContext {
  readonly referenceDate: string;
  /** Name of the (temp) table of accepted municipality codes, column `kode`. */
  readonly municipalityTable: string;
  /** Whether `personer` is loaded (the cross-table check needs it). */
  readonly personerLoaded: boolean;
  /** Number of fields in the file's header. */
  readonly fieldCount: number;
}

const q = sql.quoteIdent;

const DATE_RE = '[0-9]{4}-[0-9]{2}-[0-9]{2}';
const MONTH_RE = '[0-9]{4}-[0-9]{2}';
const INT_RE = '[+-]?[0-9]{1,10}';
/** Decimal point or comma (Norwegian exports), optional exponent. */
const NUMBER_RE = '[+-]?([0-9]+([.,][0-9]*)?|[.,][0-9]+)([eE][+-]?[0-9]+)?';

/** Longest value accepted in a free-text column (a 5 MB field is a clear rejection). */
export const MAX_FIELD_LENGTH = 1000;

/** Code columns typed `string` in the contract that have a fixed form all the same. */
const CODE_FORMS: Readonly<Record<string, { re: string; code: RejectionCode }>> = {
  'kommuneendringer.gammel_kode': { re: '[0-9]{4}', code: 'ukjent_kommune' },
  'kommuneendringer.ny_kode': { re: '[0-9]{4}', code: 'ukjent_kommune' },
};

function identityCheck(c: ColumnSpec, v: string): Check[] {
  const like = (opts: { tenDigits?: boolean; numeric?: boolean }): Check => ({
    code: 'fodselsnummer',
    column: c.name,
    fails: `(${v} IS NOT NULL AND ${identityLikeSql(v, opts, sql.fullMatch, sql.lit)})`,
    value: 'NULL',
  });
  switch (c.type) {
    case 'pseudonym':
      return [like({ tenDigits: true })];
    case 'string':
      return [like({})];
    case 'number':
      return [like({ numeric: true })];
    default:
      // Dates, months, booleans, codes, municipality codes and integers (at most 10 digits and
      // 2^31) cannot hold 11 digits and pass; their rejected value is masked when shown.
      return [];
  }
}

function formatCheck(table: string, c: ColumnSpec, v: string): Check[] {
  const check = (code: RejectionCode, bad: string, value = v): Check => ({
    code,
    column: c.name,
    fails: `(${v} IS NOT NULL AND ${bad})`,
    value,
  });
  const out = identityCheck(c, v);
  if (c.type === 'pseudonym') return [...out, check('for_lang_verdi', `length(${v}) > 64`)];
  // Free text has no format to fail; every other type rejects a long value by its format.
  if (c.type === 'string') out.push(check('for_lang_verdi', `length(${v}) > ${MAX_FIELD_LENGTH}`, 'NULL'));
  switch (c.type) {
    case 'date':
      return [...out, check('ugyldig_dato', `NOT (${sql.fullMatch(v, DATE_RE)} AND ${sql.tryCast(v, 'DATE')} IS NOT NULL)`)];
    case 'month':
      return [
        ...out,
        check('ugyldig_maaned', `NOT (${sql.fullMatch(v, MONTH_RE)} AND ${sql.tryCast(`${v} || '-01'`, 'DATE')} IS NOT NULL)`),
      ];
    case 'int':
      return [...out, check('ugyldig_heltall', `NOT (${sql.fullMatch(v, INT_RE)} AND ${sql.tryCast(v, 'INTEGER')} IS NOT NULL)`)];
    case 'number':
      return [
        ...out,
        check(
          'ugyldig_tall',
          `NOT (${sql.fullMatch(v, NUMBER_RE)} AND isfinite(${sql.tryCast(`replace(${v}, ',', '.')`, 'DOUBLE')}))`,
        ),
      ];
    case 'bool':
      return [...out, check('ugyldig_boolsk', `lower(${v}) NOT IN ('true', 'false')`)];
    case 'code':
      return c.codes ? [...out, check('ukjent_kode', `${v} NOT IN ${sql.litList(acceptedCodes(c))}`)] : out;
    case 'kommune':
      return [...out, check('ukjent_kommune', `${v} NOT IN (SELECT kode FROM ${q('_kommunekart')})`)];
    case 'string': {
      const form = CODE_FORMS[`${table}.${c.name}`];
      return form ? [...out, check(form.code, `NOT ${sql.fullMatch(v, form.re)}`)] : out;
    }
  }
}

/** Checks of one column: missing, format, range, not in the future. */
export function columnChecks(table: string, c: ColumnSpec, ctx: CheckContext): Check[] {
  const v = q(c.name);
  const out: Check[] = [];
  if (!c.nullable) out.push({ code: 'mangler_verdi', column: c.name, fails: `${v} IS NULL`, value: 'NULL' });
  out.push(...formatCheck(table, c, v));
  if ((c.type === 'int' || c.type === 'number') && (c.min !== undefined || c.max !== undefined)) {
    const n = numericValue(c, v, true);
    const parts = [
      c.min !== undefined ? `${n} < ${sql.litNum(c.min)}` : null,
      c.max !== undefined ? `${n} > ${sql.litNum(c.max)}` : null,
    ].filter((p): p is string => p !== null);
    out.push({ code: 'utenfor_omraade', column: c.name, fails: `(${v} IS NOT NULL AND (${parts.join(' OR ')}))`, value: v });
  }
  if (c.notFuture && (c.type === 'date' || c.type === 'month')) {
    out.push({
      code: 'dato_i_fremtiden',
      column: c.name,
      fails: `(${v} IS NOT NULL AND ${temporalValue(c, v, true)} > ${sql.dateLit(ctx.referenceDate)})`,
      value: v,
    });
  }
  return out;
}

function columnOf(spec: TableSpec, name: string): ColumnSpec {
  const c = spec.columns.find((x) => x.name === name);
  if (!c) throw new Error(`${spec.name}: row check names unknown column ${name}`);
  return c;
}

/** The test result must fit the test (data contract, "proever"). */
function resultFits(): string {
  const r = q('resultat');
  return (
    `CASE ${q('prove')} WHEN 'norsk' THEN ${r} IN ${sql.litList(CEFR)} ` +
    `WHEN 'samfunnskunnskap' THEN ${r} IN ${sql.litList(BESTATT)} ` +
    `WHEN 'statsborger' THEN ${r} IN ${sql.litList(BESTATT)} ` +
    `WHEN 'vgo_norsk' THEN ${r} IN ${sql.litList(KARAKTER)} ELSE true END`
  );
}

/**
 * Row checks. 'order': the later date may not be before the earlier one. 'maal_type': a
 * sluttmaal row needs `sluttmaal`; a norskmaal row needs all four CEFR targets (law-rules §7: a
 * goal is reached when every sub-test reaches its target), unless it is a full-time vgo goal
 * given as `vgo_karakter` (§7, last row of the table).
 */
export function rowChecks(spec: TableSpec, check: RowCheck): Check[] {
  switch (check.kind) {
    case 'order': {
      const first = columnOf(spec, check.first);
      const then = columnOf(spec, check.then);
      return [
        {
          code: 'slutt_for_start',
          column: then.name,
          fails: `(${temporalValue(then, q(then.name), true)} < ${temporalValue(first, q(first.name), true)})`,
          value: q(then.name),
        },
      ];
    }
    case 'proeve_resultat':
      return [{ code: 'ugyldig_resultat', column: 'resultat', fails: `NOT (${resultFits()})`, value: q('resultat') }];
    case 'maal_type': {
      const levels = ['lytte', 'lese', 'skrive', 'muntlig'] as const;
      return [
        { code: 'ufullstendig_maal', column: 'sluttmaal', fails: `(${q('type')} = 'sluttmaal' AND ${q('sluttmaal')} IS NULL)`, value: 'NULL' },
        ...levels.map((l) => ({
          code: 'ufullstendig_maal' as const,
          column: l,
          fails: `(${q('type')} = 'norskmaal' AND ${q('vgo_karakter')} IS NULL AND ${q(l)} IS NULL)`,
          value: 'NULL',
        })),
      ];
    }
  }
}

/** All checks of a table except the duplicate check, in order (see the module comment). */
export function tableChecks(spec: TableSpec, ctx: CheckContext): Check[] {
  const out: Check[] = [
    { code: 'feil_antall_felt', column: '', fails: `nf <> ${ctx.fieldCount}`, value: `CASE WHEN nf >= 0 THEN CAST(nf AS VARCHAR) END` },
  ];
  for (const c of spec.columns) out.push(...columnChecks(spec.name, c, ctx));
  for (const rc of spec.rowChecks) out.push(...rowChecks(spec, rc));
  if (spec.perPerson && ctx.personerLoaded) {
    out.push({
      code: 'ukjent_person',
      column: 'person_id',
      fails: `${q('person_id')} NOT IN (SELECT person_id FROM ${q('personer')})`,
      value: q('person_id'),
    });
  }
  return out;
}
