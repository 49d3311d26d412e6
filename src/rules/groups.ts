/**
 * Law regime (§1), target group (§2, table 2.2) and intro subgroup (§3). Pure.
 */
import type { IntroSubgroup, PermitRights, Regime, TargetGroup } from './types.ts';
import { findRow, lookup } from './dated-table.ts';
import { ageAt } from './dates.ts';
import { AGE_LIMITS_TABLE, PERMIT_RIGHTS_TABLE, REGIME_TABLE } from './tables/groups.ts';
import type { AgeScheme } from './tables/groups.ts';

/**
 * §1: persons granted their first residence permit on or after 2021-01-01 follow the
 * Integration Act (integreringsloven); everyone else the old act (introduksjonsloven).
 * @example regimeFor('2020-12-31') === 'introduksjonsloven'; regimeFor('2021-01-01') === 'integreringsloven'
 */
export function regimeFor(forsteTillatelseDato: string): Regime {
  return lookup(REGIME_TABLE, 'regime', forsteTillatelseDato);
}

/** Table 2.2: what the permit basis gives. An unknown code gives nothing (not covered). */
export function permitRights(tillatelse: string, forsteTillatelseDato: string): PermitRights {
  const row = findRow(PERMIT_RIGHTS_TABLE, tillatelse, forsteTillatelseDato);
  return row?.value ?? { intro: 'nei', norsk: 'nei', asylsoker: false, kartlegging: false };
}

/** True when `age` on the decision `date` is within the scheme's limits under `regime` (both ends inclusive). */
export function withinAgeLimits(regime: Regime, scheme: AgeScheme, age: number, date: string): boolean {
  const { minAge, maxAge } = lookup(AGE_LIMITS_TABLE, `${regime}:${scheme}`, date);
  return age >= minAge && (maxAge === null || age <= maxAge);
}

export interface TargetGroupInput {
  readonly tillatelse: string;
  readonly fodt: string;
  /** Decision date (vedtak); when null, `fallbackDate` is used (the engine passes settlement, else arrival). */
  readonly decisionDate: string | null;
  readonly hasIntroProgramme: boolean;
  readonly regime: Regime;
  /** Date used for age when decisionDate is null. When both are null, age limits are not applied. */
  readonly fallbackDate?: string | null;
  /** First permit date: selects dated permit rules (chapter 6A). Defaults to the regime's start. */
  readonly forsteTillatelseDato?: string | null;
}

/**
 * §2 (table 2.2 and the age limits at the decision): the one group a person belongs to.
 * - A person with an introprogram row is `intro` (the register says they take part).
 * - Intro permits (asylum, collective protection, resettlement, humanitarian, their families):
 *   `intro` at 18–55, `norsk_rett_plikt` above that up to 67, otherwise `utenfor`.
 * - FAMILIE_NORSK → `norsk_rett_plikt` (18–67); ARBEID_23/NAERING_25/FAMILIE_ARBEID → `norsk_plikt`;
 *   ASYLSOKER_MOTTAK → `asylsoker` (18+); EOS and unknown codes → `utenfor`.
 * Old act: the Norwegian groups start at 16 (16–17-year-olds left the groups with the new act).
 */
export function targetGroup(p: TargetGroupInput): TargetGroup {
  if (p.hasIntroProgramme) return 'intro';
  const permitDate = p.forsteTillatelseDato ?? (p.regime === 'integreringsloven' ? '2021-01-01' : '2020-12-31');
  const rights = permitRights(p.tillatelse, permitDate);
  const ageDate = p.decisionDate ?? p.fallbackDate ?? null;
  const age = ageDate === null ? null : ageAt(p.fodt, ageDate);
  const fits = (scheme: AgeScheme): boolean =>
    age === null || ageDate === null || withinAgeLimits(p.regime, scheme, age, ageDate);

  if (rights.intro !== 'nei' && fits('intro')) return 'intro';
  if ((rights.norsk === 'rett_og_plikt' || rights.norsk === 'rett') && fits('norsk_rett_plikt'))
    return 'norsk_rett_plikt';
  if (rights.norsk === 'plikt' && fits('norsk_plikt')) return 'norsk_plikt';
  if (rights.asylsoker && fits('asylsoker')) return 'asylsoker';
  return 'utenfor';
}

/** True for education codes at or above upper secondary (vgo, higher education). */
export function hasVgo(utdanningMedbrakt: string): boolean {
  return utdanningMedbrakt === 'vgo' || utdanningMedbrakt === 'hoyere';
}

/**
 * §3, evaluated at programme start, in this order: `har_vgo` (vgo or higher education from before,
 * any age), then `under_25` (under 25 at start, i.e. age 24 or less), else `ovrige`.
 * 'ukjent' education counts as not having vgo.
 */
export function introSubgroup(p: { fodt: string; utdanningMedbrakt: string; startDate: string }): IntroSubgroup {
  if (hasVgo(p.utdanningMedbrakt)) return 'har_vgo';
  if (ageAt(p.fodt, p.startDate) < 25) return 'under_25';
  return 'ovrige';
}
