/**
 * The dimensions of the results table as data, defined once (issue 9): groups and their hierarchy
 * (with the `≥` relations where a total exceeds the sum of its parts), regime, sex, region levels,
 * periods and pooled windows, and which of them are published at which region level.
 *
 * The engine's grouping sets and finalisation read this module. Consumers still holding their own
 * copies (to switch later): src/disclosure/hierarchy.ts (group lines), src/server/web/labels.ts
 * and src/server/web/pages/indicator-filters.ts (group lists and order), src/publish/labels.ts.
 */
import type { Gruppe, KjonnDim, Lovregime, Regionniva } from './results.ts';

/** A published group and where it sits in the hierarchy. */
export interface GroupDef {
  readonly kode: Gruppe;
  /** The group this one is part of (null for the total `alle`). */
  readonly parent: Gruppe | null;
  /**
   * Unit-row level the group is read from: 'total' (all persons), 'target' (target group, column
   * g1 = kode) or 'subgroup' (intro subgroup, g1 = parent and g2 = kode).
   */
  readonly level: 'total' | 'target' | 'subgroup';
}

/** Every published group, from the finest to the total (the order the outputs use). */
export const GROUPS: readonly GroupDef[] = [
  { kode: 'under_25', parent: 'intro', level: 'subgroup' },
  { kode: 'har_vgo', parent: 'intro', level: 'subgroup' },
  { kode: 'ovrige', parent: 'intro', level: 'subgroup' },
  { kode: 'intro', parent: 'alle', level: 'target' },
  { kode: 'norsk_rett_plikt', parent: 'alle', level: 'target' },
  { kode: 'norsk_plikt', parent: 'alle', level: 'target' },
  { kode: 'alle', parent: null, level: 'total' },
];

/**
 * How a total relates to the sum of its published parts. `≥`: the total exceeds the parts — intro
 * participants who have not started have no subgroup (set at programme start), and persons in
 * target groups that are not published (asylsoker, utenfor) count only in `alle`.
 */
export interface GroupRelation {
  readonly total: Gruppe;
  readonly parts: readonly Gruppe[];
  readonly relation: '=' | '≥';
}

/** The group hierarchy as relations (derived from GROUPS: one per parent). */
export const GROUP_RELATIONS: readonly GroupRelation[] = [...new Set(GROUPS.map((g) => g.parent).filter((p): p is Gruppe => p !== null))]
  .map((total) => ({ total, parts: GROUPS.filter((g) => g.parent === total).map((g) => g.kode), relation: '≥' as const }));

/** The target group (g1 value) whose subgroups are published; subgroups of other target groups are not. */
export const SUBGROUP_PARENT: Gruppe = 'intro';

/** Group codes read from a unit row's g1/g2 (every group but the total). */
export const UNIT_GROUP_CODES: readonly Gruppe[] = GROUPS.filter((g) => g.level !== 'total').map((g) => g.kode);

export const REGIMES: readonly Lovregime[] = ['introduksjonsloven', 'integreringsloven', 'alle'];
export const SEXES: readonly KjonnDim[] = ['1', '2', 'alle'];
export const REGION_LEVELS: readonly Regionniva[] = ['land', 'fylke', 'kommune'];

/** Value of a dimension that is not broken down (the total). */
export const TOTAL = 'alle' as const;

/**
 * Which breakdowns are published at which region level (table size and disclosure; indicators.md
 * "Breakdowns and table size"). `crossRegimeSex`: regime and sex crossed in one cell.
 */
export interface LevelPublication {
  readonly regime: boolean;
  readonly sex: boolean;
  readonly crossRegimeSex: boolean;
  readonly subgroups: boolean;
}

/** Yearly cells: sex at country and county level only; municipality cells by target group only. */
export const YEARLY_PUBLICATION: Readonly<Record<Regionniva, LevelPublication>> = {
  land: { regime: true, sex: true, crossRegimeSex: true, subgroups: true },
  fylke: { regime: true, sex: true, crossRegimeSex: false, subgroups: true },
  kommune: { regime: false, sex: false, crossRegimeSex: false, subgroups: false },
};

/**
 * Pooled cells (`vindu` > 1, `periode` = the window's last year): municipality level only, where
 * yearly cells are too small; by target group and by intro subgroup (disclosure decides whether a
 * pool allows it), regime and sex `alle`.
 */
export const POOLED_PUBLICATION: Readonly<Record<Regionniva, LevelPublication | null>> = {
  land: null,
  fylke: null,
  kommune: { regime: false, sex: false, crossRegimeSex: false, subgroups: true },
};

/**
 * Default length of a pooled window in years (issue 11: 3, configurable with
 * ComputeOptions.poolYears). Windows overlap (2019-2021, 2020-2022, …); only complete years enter.
 */
export const DEFAULT_POOL_YEARS = 3;

/** The group of a unit-row group pair at the given level of the grouping (null when not published). */
export function groupOfUnit(level: GroupDef['level'], g1: unknown, g2: unknown): Gruppe | null {
  if (level === 'total') return TOTAL;
  const kode = level === 'subgroup' ? g2 : g1;
  if (level === 'subgroup' && g1 !== SUBGROUP_PARENT) return null;
  const def = typeof kode === 'string' ? GROUPS.find((g) => g.kode === kode) : undefined;
  return def && def.level === level ? def.kode : null;
}
