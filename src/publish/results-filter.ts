/**
 * The same filter semantics as resultsQuery (SQL), applied to rows in memory. The API keeps each
 * requested indicator's published rows in memory (per data version) and filters them here, so a
 * query costs a scan of one indicator's rows instead of a DuckDB round trip and row conversion.
 */
import { periodeKey, type ResultRow } from '../contract/results.ts';
import { NULL_CATEGORY } from './labels.ts';
import { FILTER_DIMENSIONS, type ResultFilter } from './types.ts';

type Predicate = (row: ResultRow) => boolean;

function dimensionPredicate(dim: (typeof FILTER_DIMENSIONS)[number], values: readonly string[]): Predicate {
  const wanted = new Set(values.filter((v) => v !== NULL_CATEGORY));
  const wantsNull = values.includes(NULL_CATEGORY);
  return (row) => {
    const v = dim === 'periode' ? periodeKey(row) : row[dim];
    return v === null ? wantsNull : wanted.has(String(v));
  };
}

/** Rows matching every dimension's value list (order kept). `filter.indikator` must match too. */
export function filterResults(rows: readonly ResultRow[], filter: ResultFilter): ResultRow[] {
  const preds: Predicate[] = [(r) => r.indikator === filter.indikator];
  for (const dim of FILTER_DIMENSIONS) {
    const values = filter[dim];
    if (values) preds.push(dimensionPredicate(dim, values));
  }
  return rows.filter((r) => preds.every((p) => p(r)));
}
