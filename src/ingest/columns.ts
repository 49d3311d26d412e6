/** Matches a file's header against a contract table. */
import type { TableSpec } from '../contract/index.ts';

export interface ColumnMatch {
  /** Contract column → 1-based position in the file. */
  readonly position: ReadonlyMap<string, number>;
  /** Columns in the file that the contract does not know (reported, not loaded), as shown (see shownHeader). */
  readonly unknown: readonly string[];
  /** Required contract columns the file lacks (the file is refused). */
  readonly missingRequired: readonly string[];
  /** Names that occur more than once in the header (the file is refused), as shown. */
  readonly duplicated: readonly string[];
}

/** What a column name looks like: starts with a letter or _, then letters, digits, _ (at most 40). */
const NAME_SHAPED = /^[\p{L}_][\p{L}\p{N}_]{0,39}$/u;

/**
 * How a header name the contract does not know is shown in reports: the name when it looks like
 * a column name, else only its position. A value that is not a name (a date, a number, an
 * identity number from a file without header) is never echoed.
 */
export function shownHeader(name: string, position: number): string {
  return NAME_SHAPED.test(name) && !/[0-9]{5}/.test(name) ? name : `kolonne ${position}`;
}

/** Header names are compared trimmed and lower-cased. */
export function matchColumns(spec: TableSpec, header: readonly string[]): ColumnMatch {
  const position = new Map<string, number>();
  const seen = new Set<string>();
  const duplicated: string[] = [];
  const known = new Set(spec.columns.map((c) => c.name));
  const unknown: string[] = [];
  header.forEach((raw, i) => {
    const name = raw.trim().toLowerCase();
    if (seen.has(name)) duplicated.push(known.has(name) ? name : shownHeader(name, i + 1));
    seen.add(name);
    if (known.has(name)) {
      if (!position.has(name)) position.set(name, i + 1);
    } else unknown.push(shownHeader(name, i + 1));
  });
  const missingRequired = spec.columns.filter((c) => c.required && !position.has(c.name)).map((c) => c.name);
  return { position, unknown, missingRequired, duplicated };
}
