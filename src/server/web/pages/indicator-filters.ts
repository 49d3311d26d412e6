/**
 * The indicator page's filters (a plain GET form): measure, group, regime, period, region level
 * and, for link 3, years since settlement. Unknown or absent values fall back to defaults taken
 * from the data, so any URL renders something sensible.
 */
import type { IndicatorMeta } from '../../../catalogue/types.ts';
import type { Gruppe, Lovregime, ResultRow } from '../../../contract/results.ts';
import { GROUPS, SUBGROUP_PARENT, TOTAL } from '../../../contract/dimensions.ts';
import { headlineBotid, headlineMeasure, latestPublished, measuresIn, periods, regimesIn, totalGroup } from '../select.ts';

export interface IndicatorFilters {
  readonly maal: string;
  readonly gruppe: Gruppe;
  readonly lovregime: Lovregime;
  readonly periode: number;
  readonly niva: 'kommune' | 'fylke';
  readonly botid: number | null;
  /** The chosen region: '0' (country), a county or a municipality code (validated by the page). */
  readonly region: string;
  /** Sort of the regional table: by name, value or persons; ascending or descending. */
  readonly sort: 'navn' | 'verdi' | 'n';
  readonly retning: 'asc' | 'desc';
}

export interface FilterOptions {
  readonly maal: readonly string[];
  readonly gruppe: readonly Gruppe[];
  readonly lovregime: readonly Lovregime[];
  readonly periode: readonly number[];
  readonly botid: readonly number[];
}

/**
 * The group menu's order, from contract/dimensions.ts: the target group with published subgroups
 * and the total first (the dashboard's default view), then its subgroups, then the other target
 * groups (intro, alle, under_25, har_vgo, ovrige, norsk_rett_plikt, norsk_plikt).
 */
const GROUP_ORDER: readonly Gruppe[] = [
  SUBGROUP_PARENT,
  TOTAL,
  ...GROUPS.filter((g) => g.level === 'subgroup').map((g) => g.kode),
  ...GROUPS.filter((g) => g.level === 'target' && g.kode !== SUBGROUP_PARENT).map((g) => g.kode),
];

export function filterOptions(meta: IndicatorMeta, national: readonly ResultRow[]): FilterOptions {
  const groups = new Set(national.map((r) => r.gruppe));
  return {
    maal: measuresIn(meta, national),
    gruppe: GROUP_ORDER.filter((g) => groups.has(g)),
    lovregime: regimesIn(national),
    periode: periods(national),
    botid: [...new Set(national.flatMap((r) => (r.botid === null ? [] : [r.botid])))].sort((a, b) => a - b),
  };
}

function oneOf<T extends string | number>(value: T | undefined, options: readonly T[], fallback: T): T {
  return value !== undefined && options.includes(value) ? value : fallback;
}

/** Reads the query, checking every value against what the data offers. */
export function parseFilters(q: URLSearchParams, meta: IndicatorMeta, national: readonly ResultRow[]): IndicatorFilters {
  const o = filterOptions(meta, national);
  const maal = oneOf(q.get('maal') ?? undefined, o.maal, headlineMeasure(meta, national) ?? '');
  const forMaal = national.filter((r) => r.maal === maal);
  const gruppe = oneOf(q.get('gruppe') as Gruppe | undefined, o.gruppe, totalGroup(forMaal));
  const lovregime = oneOf(q.get('lovregime') as Lovregime | undefined, o.lovregime, o.lovregime.includes('alle') ? 'alle' : (o.lovregime[0] ?? 'alle'));
  const botidDefault = meta.ledd === 'integreringsresultat' ? headlineBotid(forMaal) : null;
  const botidQ = q.get('botid');
  const botid = botidDefault === null ? null : oneOf(botidQ === null ? undefined : Number(botidQ), o.botid, botidDefault);
  const latestRow = latestPublished(forMaal, { gruppe, lovregime, ...(botid !== null ? { botid } : {}) });
  const periodeQ = q.get('periode');
  const periode = oneOf(periodeQ === null ? undefined : Number(periodeQ), o.periode, latestRow?.periode ?? o.periode.at(-1) ?? 0);
  const niva = q.get('niva') === 'fylke' ? 'fylke' : 'kommune';
  const sortQ = q.get('sort');
  const sort = sortQ === 'verdi' || sortQ === 'n' ? sortQ : 'navn';
  const retning = q.get('retning') === 'desc' ? 'desc' : 'asc';
  return { maal, gruppe, lovregime, periode, niva, botid, region: q.get('region')?.trim() || '0', sort, retning };
}
