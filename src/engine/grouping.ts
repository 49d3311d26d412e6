/**
 * The breakdowns as GROUPING SETS over unit-level rows, so every total is a true total (computed,
 * never summed from parts). Which breakdowns exist at which region level is data in
 * src/contract/dimensions.ts (YEARLY_PUBLICATION, POOLED_PUBLICATION); this file turns it into SQL.
 */
import {
  GROUPS, POOLED_PUBLICATION, REGION_LEVELS, SUBGROUP_PARENT, YEARLY_PUBLICATION, type LevelPublication,
} from '../contract/dimensions.ts';
import type { Regionniva } from '../contract/results.ts';
import { sql } from '../store/index.ts';


/** Unit-row columns of a group level: subgroup (g1, g2), target group (g1), all (none). */
const GROUP_COLUMNS: readonly (readonly string[])[] = [['g1', 'g2'], ['g1'], []];
const REGION_COLUMNS: Readonly<Record<Regionniva, readonly string[]>> = { land: [], fylke: ['fylke'], kommune: ['fylke', 'kommune'] };

/**
 * The grouping sets of a publication table, always with the period column and botid, in a fixed
 * order (by group level, then region level, then regime, then sex). Yearly (default):
 * - country: group × regime × sex;
 * - county: group × regime, and group × sex (regime 'alle');
 * - municipality: target group and all only (no intro subgroups), regime and sex 'alle'.
 */
export function groupingSets(
  publication: Readonly<Record<Regionniva, LevelPublication | null>> = YEARLY_PUBLICATION,
  periode = 'periode',
): string[][] {
  const sets: string[][] = [];
  for (const g of GROUP_COLUMNS) {
    for (const level of REGION_LEVELS) {
      const pub = publication[level];
      if (!pub || (g.length === 2 && !pub.subgroups)) continue;
      const region = REGION_COLUMNS[level];
      for (const r of pub.regime ? [['lovregime'], []] : [[]]) {
        const set = [periode, 'botid', ...r, ...g, ...region];
        sets.push(set);
        if (pub.sex && (r.length === 0 || pub.crossRegimeSex)) sets.push([...set, 'kjonn']);
      }
    }
  }
  return sets;
}

/** The yearly grouping sets as SQL text. */
export function groupingSetsSql(): string {
  return setsText(groupingSets());
}

/** The pooled grouping sets (municipality level), grouped on the pooled period column. */
export function pooledGroupingSets(periode: string): string[][] {
  return groupingSets(POOLED_PUBLICATION, periode);
}

const setsText = (sets: readonly string[][]): string => sets.map((s) => `(${s.join(', ')})`).join(',\n    ');

const codesAt = (level: 'target' | 'subgroup'): string[] => GROUPS.filter((g) => g.level === level).map((g) => g.kode);

/**
 * HAVING condition keeping only grouping-set rows that are a published group (the same rule as
 * finalize's cell reading, both from GROUPS): all groups; a target group; an intro subgroup. The
 * (g1, g2) sets also yield rows for target groups without subgroups, which would only be thrown
 * away after the (costly) transfer to JavaScript.
 */
export function publishedGroupsHaving(): string {
  return `GROUPING(g1) = 1 OR (GROUPING(g2) = 1 AND g1 IN ${sql.litList(codesAt('target'))}) OR (GROUPING(g2) = 0 AND g1 = ${sql.lit(SUBGROUP_PARENT)} AND g2 IN ${sql.litList(codesAt('subgroup'))})`;
}
