/** Matches a file's header against a contract table. */
import type { TableSpec } from '../contract/index.ts';

export interface ColumnMatch {
  /** Contract column → 1-based position in the file. */
  readonly position: ReadonlyMap<string, number>;
  /** Columns in the file that the contract does not know (reported, not loaded). */
  readonly unknown: readonly string[];
  /** Required contract columns the file lacks (the file is refused). */
  readonly missingRequired: readonly string[];
  /** Names that occur more than once in the header (the file is refused). */
  readonly duplicated: readonly string[];
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
    if (seen.has(name)) duplicated.push(name);
    seen.add(name);
    if (known.has(name)) {
      if (!position.has(name)) position.set(name, i + 1);
    } else unknown.push(name);
  });
  const missingRequired = spec.columns.filter((c) => c.required && !position.has(c.name)).map((c) => c.name);
  return { position, unknown, missingRequired, duplicated };
}
