/**
 * The breakdowns as GROUPING SETS over unit-level rows, so every total is a true total (computed,
 * never summed from parts). Sex is published at country and county level only (kjonn = 'alle' at
 * municipality level) to keep the table publishable.
 */
import { sql } from '../store/index.ts';

/** Dimension columns of the unit rows, in SELECT order. */
export const DIMENSIONS = ['lovregime', 'g1', 'g2', 'fylke', 'kommune', 'kjonn'] as const;

/**
 * The grouping sets, always with periode and botid. Group has 3 levels (subgroup, target group,
 * all); regime 2 (by regime, all). To keep the table publishable:
 * - country: group × regime × sex;
 * - county: group × regime, and group × sex (regime 'alle');
 * - municipality: target group and all only (no intro subgroups), regime and sex 'alle'
 *   (the old-vs-new comparison is made nationally and by county; municipal cells split further
 *   would mostly be suppressed anyway).
 */
export function groupingSets(): string[][] {
  const groups = [['g1', 'g2'], ['g1'], []];
  const regimes = [['lovregime'], []];
  const sets: string[][] = [];
  for (const g of groups) {
    for (const r of regimes) sets.push(['periode', 'botid', ...r, ...g], ['periode', 'botid', ...r, ...g, 'kjonn']);
    for (const r of regimes) sets.push(['periode', 'botid', ...r, ...g, 'fylke']);
    sets.push(['periode', 'botid', ...g, 'fylke', 'kjonn']);
    if (g.length < 2) sets.push(['periode', 'botid', ...g, 'fylke', 'kommune']);
  }
  return sets;
}

export function groupingSetsSql(): string {
  return groupingSets().map((s) => `(${s.join(', ')})`).join(',\n    ');
}

/** Groups that are published: the three intro subgroups, the target groups with data, and `alle`. */
export const PUBLISHED_GROUPS: ReadonlySet<string> = new Set(['under_25', 'har_vgo', 'ovrige', 'intro', 'norsk_rett_plikt', 'norsk_plikt']);

/**
 * HAVING condition keeping only grouping-set rows that are a published group (the same rule as
 * finalize's gruppeOf): all groups; a target group; an intro subgroup. The (g1, g2) sets also
 * yield rows for target groups without subgroups, which would only be thrown away after the
 * (costly) transfer to JavaScript.
 */
export function publishedGroupsHaving(): string {
  const list = sql.litList([...PUBLISHED_GROUPS]);
  return `GROUPING(g1) = 1 OR (GROUPING(g2) = 1 AND g1 IN ${list}) OR (GROUPING(g2) = 0 AND g1 = 'intro' AND g2 IN ${list})`;
}
