/**
 * Information loss in the terms that matter (issue 11): how much disclosure control hides, per
 * region level, counted in cells and in persons, and how many persons of a cohort live in a
 * municipality with a published figure for it (yearly, or a pooled window covering the year).
 * Pure: rows in, numbers out.
 *
 * Persons of a cell = nevner + mangler (everyone in the cell's population). Suppression may empty
 * `nevner` in the protected rows, so the person counts are read from the rows before protection
 * when they are given (matched by cell key); otherwise from the protected rows, and cells whose
 * count is hidden are counted in `unknownPersons`. Only cells with status '' or ':' count (a '..'
 * or '.' cell has no figure to lose).
 */
import { REGION_LEVELS } from '../contract/dimensions.ts';
import { periodeKey, type Regionniva, type ResultRow } from '../contract/results.ts';

export interface LevelLoss {
  readonly cells: number;
  readonly suppressedCells: number;
  /** suppressedCells / cells (0 when there are no cells). */
  readonly cellShare: number;
  /** Persons summed over cells (a person counts once per cell). */
  readonly persons: number;
  readonly suppressedPersons: number;
  readonly personShare: number;
  /** Cells whose person count is hidden and not available from the unprotected rows. */
  readonly unknownPersons: number;
  /** Cells of a withheld split (status '.' where the unprotected row had a figure; disclosure's coarser table), and their persons. */
  readonly withheldCells: number;
  readonly withheldPersons: number;
}

export type InformationLoss = Readonly<Record<Regionniva, LevelLoss>>;

/** The identity of a cell (pools distinct from their last year through periodeKey). */
export const cellKey = (r: ResultRow): string =>
  [r.indikator, r.maal, r.kohort, periodeKey(r), r.botid ?? '', r.lovregime, r.regionniva, r.region, r.gruppe, r.kjonn].join('\u0000');

const personsOf = (r: ResultRow): number | null => (r.nevner === null ? null : r.nevner + (r.mangler ?? 0));

const sameCell = (a: ResultRow, b: ResultRow): boolean =>
  a.indikator === b.indikator && a.maal === b.maal && a.periode === b.periode && (a.vindu ?? 1) === (b.vindu ?? 1) && a.region === b.region
  && a.kohort === b.kohort && a.botid === b.botid && a.lovregime === b.lovregime && a.gruppe === b.gruppe && a.kjonn === b.kjonn;

/**
 * A lookup of persons per cell (the protected row and its index): from the unprotected rows when
 * given, else from the row itself. Protection keeps the order of the rows, so the unprotected row
 * is normally at the same index (checked per row); a key lookup covers any other order.
 */
function personLookup(protectedRows: readonly ResultRow[], original: readonly ResultRow[] | undefined): (r: ResultRow, i: number) => number | null {
  if (!original) return personsOf;
  let byKey: Map<string, number | null> | undefined;
  const keyed = (r: ResultRow) => {
    if (!byKey) {
      byKey = new Map();
      for (const o of original) byKey.set(cellKey(o), personsOf(o));
    }
    return byKey.get(cellKey(r)) ?? personsOf(r);
  };
  const aligned = original.length === protectedRows.length;
  return (r, i) => {
    const o = aligned ? original[i] : undefined;
    return o && sameCell(o, r) ? personsOf(o) : keyed(r);
  };
}

/** Share of cells and of persons suppressed (status ':') per region level. */
export function informationLoss(protectedRows: readonly ResultRow[], original?: readonly ResultRow[]): InformationLoss {
  const persons = personLookup(protectedRows, original);
  const acc = Object.fromEntries(REGION_LEVELS.map((l) => [l, {
    cells: 0, suppressedCells: 0, persons: 0, suppressedPersons: 0, unknownPersons: 0, withheldCells: 0, withheldPersons: 0,
  }])) as Record<
    Regionniva, { cells: number; suppressedCells: number; persons: number; suppressedPersons: number; unknownPersons: number; withheldCells: number; withheldPersons: number }
  >;
  protectedRows.forEach((r, i) => {
    const o = original && original.length === protectedRows.length ? original[i] : undefined;
    if (r.status === '.' && o && o.status === '' && sameCell(o, r)) {
      // A withheld split: not published, counted on its own (not as suppressed).
      const a = acc[r.regionniva];
      a.withheldCells++;
      a.withheldPersons += personsOf(o) ?? 0;
      return;
    }
    if (r.status !== '' && r.status !== ':') return;
    const a = acc[r.regionniva];
    const suppressed = r.status === ':';
    a.cells++;
    if (suppressed) a.suppressedCells++;
    const p = persons(r, i);
    if (p === null) {
      a.unknownPersons++;
      return;
    }
    a.persons += p;
    if (suppressed) a.suppressedPersons += p;
  });
  const share = (x: number, of: number) => (of > 0 ? x / of : 0);
  return Object.fromEntries(REGION_LEVELS.map((l) => {
    const a = acc[l];
    return [l, { ...a, cellShare: share(a.suppressedCells, a.cells), personShare: share(a.suppressedPersons, a.persons) }];
  })) as InformationLoss;
}

/** Which cohort cell to measure coverage for (group, regime and sex are `alle`). */
export interface CoverageQuery {
  readonly indikator: string;
  readonly maal: string;
  /** Cohort year (for a pool: any year inside its window counts). */
  readonly periode: number;
  readonly kohort?: ResultRow['kohort'];
  /** Years since settlement (link 3); null elsewhere. */
  readonly botid?: number | null;
  /** The group (default `alle`; the front page shows `intro` for intro-participant indicators). */
  readonly gruppe?: ResultRow['gruppe'];
}

export interface Coverage {
  /** Persons of the cohort in municipality cells (unknown municipality `9999` left out). */
  readonly persons: number;
  /** Of them, living in a municipality with a published yearly figure. */
  readonly yearly: number;
  /** … or, where the yearly figure is not published, a published pooled figure covering the year. */
  readonly pooled: number;
  /** (yearly + pooled) / persons (0 when there are no persons). */
  readonly share: number;
  /** Persons in the unknown municipality (`9999`), not counted above. */
  readonly unknownMunicipality: number;
  /** Municipality cells whose person count is hidden and not available from the unprotected rows. */
  readonly unknownPersons: number;
}

const UNKNOWN_KOMMUNE = '9999';

/**
 * Share of a cohort's persons living in a municipality with a published figure for the given
 * indicator, measure and cohort year: the yearly cell, else a pooled cell whose window holds the year.
 */
export function coverage(protectedRows: readonly ResultRow[], q: CoverageQuery, original?: readonly ResultRow[]): Coverage {
  const persons = personLookup(protectedRows, original);
  const botid = q.botid ?? null;
  const match = (r: ResultRow) =>
    r.indikator === q.indikator && r.maal === q.maal && r.regionniva === 'kommune' && r.gruppe === (q.gruppe ?? 'alle')
    && r.lovregime === 'alle' && r.kjonn === 'alle' && r.botid === botid && (q.kohort === undefined || r.kohort === q.kohort);
  const pooledPublished = new Set<string>();
  const yearlyCells: [ResultRow, number][] = [];
  protectedRows.forEach((r, i) => {
    if (!match(r)) return;
    const w = r.vindu ?? 1;
    if (w > 1) {
      if (r.status === '' && r.periode - w + 1 <= q.periode && q.periode <= r.periode) pooledPublished.add(r.region);
    } else if (r.periode === q.periode) yearlyCells.push([r, i]);
  });
  let total = 0;
  let yearly = 0;
  let pooled = 0;
  let unknownMunicipality = 0;
  let unknownPersons = 0;
  for (const [r, i] of yearlyCells) {
    const p = persons(r, i);
    if (p === null) {
      unknownPersons++;
      continue;
    }
    if (r.region === UNKNOWN_KOMMUNE) {
      unknownMunicipality += p;
      continue;
    }
    total += p;
    if (r.status === '') yearly += p;
    else if (pooledPublished.has(r.region)) pooled += p;
  }
  return { persons: total, yearly, pooled, share: total > 0 ? (yearly + pooled) / total : 0, unknownMunicipality, unknownPersons };
}
