/**
 * The dimensions of the results table as data, defined once (issue 9): groups and their hierarchy
 * (with the `≥` relations where a total exceeds the sum of its parts), regime, sex, region levels,
 * periods and pooled windows, and which of them are published at which region level.
 *
 * The code types of the results table (`Gruppe`, `Lovregime`, `KjonnDim`, `Regionniva`) are derived
 * from the lists here, so a new value is one line in this file plus its label in
 * src/shared/labels.ts (a Record over the type: the compiler asks for it). Readers: the engine's
 * grouping sets, finalisation and availability, disclosure's lines (disclosure/hierarchy.ts), the
 * dashboard's labels and filters (server/web/labels.ts, server/web/pages/indicator-filters.ts).
 */

/** Unit-row level a group is read from: all persons, a target group (g1) or an intro subgroup (g2). */
export type GroupLevel = 'total' | 'target' | 'subgroup';

/** The groups as written: the literal table the `Gruppe` type is read from. */
const GROUP_TABLE = [
  { kode: 'under_25', parent: 'intro', level: 'subgroup' },
  { kode: 'har_vgo', parent: 'intro', level: 'subgroup' },
  { kode: 'ovrige', parent: 'intro', level: 'subgroup' },
  { kode: 'intro', parent: 'alle', level: 'target' },
  { kode: 'norsk_rett_plikt', parent: 'alle', level: 'target' },
  { kode: 'norsk_plikt', parent: 'alle', level: 'target' },
  { kode: 'alle', parent: null, level: 'total' },
] as const satisfies readonly { kode: string; parent: string | null; level: GroupLevel }[];

/** A published group (results column `gruppe`). */
export type Gruppe = (typeof GROUP_TABLE)[number]['kode'];

/** A published group and where it sits in the hierarchy. */
export interface GroupDef {
  readonly kode: Gruppe;
  /** The group this one is part of (null for the total `alle`). */
  readonly parent: Gruppe | null;
  /**
   * Unit-row level the group is read from: 'total' (all persons), 'target' (target group, column
   * g1 = kode) or 'subgroup' (intro subgroup, g1 = parent and g2 = kode).
   */
  readonly level: GroupLevel;
}

/** Every published group, from the finest to the total (the order the outputs use). */
export const GROUPS: readonly GroupDef[] = GROUP_TABLE;

/** Every group code, in the outputs' order (finest first, the total last). */
export const GROUP_CODES: readonly Gruppe[] = GROUPS.map((g) => g.kode);

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

/** The intro subgroups (set at programme start; law-rules §3), in the outputs' order. */
export const SUBGROUPS: readonly Gruppe[] = GROUPS.filter((g) => g.level === 'subgroup').map((g) => g.kode);

/**
 * The regimes (results column `lovregime`): the act a person falls under, and both together.
 * The parts come first, the total last.
 */
export const REGIMES = ['introduksjonsloven', 'integreringsloven', 'alle'] as const;
export type Lovregime = (typeof REGIMES)[number];

/** Sex (results column `kjonn`): 1 men, 2 women (data contract `kjonn`), `alle` both. */
export const SEXES = ['1', '2', 'alle'] as const;
export type KjonnDim = (typeof SEXES)[number];

/** Region levels, from the top (`region` '0', 2-digit county, 4-digit municipality). */
export const REGION_LEVELS = ['land', 'fylke', 'kommune'] as const;
export type Regionniva = (typeof REGION_LEVELS)[number];

/** Value of a dimension that is not broken down (the total). */
export const TOTAL = 'alle' as const;

/** The parts of a flat dimension (regime, sex): every value but the total, in order. */
export function partsOf<T extends string>(values: readonly T[]): T[] {
  return values.filter((v) => v !== TOTAL);
}

/** Group totals whose parts may not add up to them: for a reader only `total ≥ Σ parts`. */
export const INEQUALITY_GROUP_TOTALS: readonly Gruppe[] = GROUP_RELATIONS.filter((r) => r.relation === '≥').map((r) => r.total);

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
 * ComputeOptions.poolYears, `compute --pool 3`; off by default for now). Windows do not overlap: the latest ends
 * with the latest complete cohort of its sub-table, the others 3, 6, … years before (2021-2023,
 * 2018-2020, …; engine/cohort-windows.ts `anchoredPools`); only complete years enter.
 */
export const DEFAULT_POOL_YEARS = 3;

/** The group of a unit-row group pair at the given level of the grouping (null when not published). */
export function groupOfUnit(level: GroupLevel, g1: unknown, g2: unknown): Gruppe | null {
  if (level === 'total') return TOTAL;
  const kode = level === 'subgroup' ? g2 : g1;
  if (level === 'subgroup' && g1 !== SUBGROUP_PARENT) return null;
  const def = typeof kode === 'string' ? GROUPS.find((g) => g.kode === kode) : undefined;
  return def && def.level === level ? def.kode : null;
}
