/**
 * Norwegian language goals (§7, tables 2.1/5.4), national targets and citizenship level (§9). Pure.
 */
import type { Cefr, LanguageGoal } from './types.ts';
import { findRow, lookup } from './dated-table.ts';
import { hasVgo } from './groups.ts';
import { CITIZENSHIP_TABLE, LANGUAGE_GOAL_TABLE, NATIONAL_TARGET_TABLE } from './tables/language.ts';

const CEFR_ORDER: readonly Cefr[] = ['under_A1', 'A1', 'A2', 'B1', 'B2', 'C1'];

/** §7 order: under_A1=0, A1=1, A2=2, B1=3, B2=4, C1=5; -1 for anything else (so it never "reaches"). */
export function cefrRank(level: string): number {
  return CEFR_ORDER.indexOf(level as Cefr);
}

/** True when `level` is at or above `target` (both valid CEFR codes). */
export function cefrAtLeast(level: string, target: Cefr): boolean {
  const r = cefrRank(level);
  return r >= 0 && r >= cefrRank(target);
}

/** The row of tables 2.1/5.4 that applies. */
export function languageGoalKey(p: {
  utdanningMedbrakt: string;
  sluttmaal: string | null;
  vgoFulltime: boolean;
}): string {
  if (p.vgoFulltime) return 'vgo_heltid';
  if (hasVgo(p.utdanningMedbrakt)) {
    return p.sluttmaal === 'kvalifisert_hoyere_utdanning' ? 'vgo_hoyere_utdanning' : 'vgo';
  }
  // 'ingen' = primary school not completed. 'ukjent' → the primary-school row (B1 in all four):
  // B1 oral is the goal of every group (report 5.2), and we do not assume the lowest written goal.
  return p.utdanningMedbrakt === 'ingen' ? 'ikke_fullfort_grunnskole' : 'fullfort_grunnskole';
}

/**
 * §7, tables 2.1/5.4: the guideline minimum goal. Full-time vgo as the programme → final grade 2;
 * vgo/higher education with end goal `kvalifisert_hoyere_utdanning` → B2 in all four (the
 * health-authorisation case cannot be told from the codes); vgo → B1/B1/B1/B2 oral; primary
 * completed → B1 in all; primary not completed (`ingen`) → A2/A2/A2/B1 oral.
 * Throws RuleNotInForceError before 2021-01-01 (the old act had no individual language goal).
 */
export function guidelineLanguageGoal(p: {
  utdanningMedbrakt: string;
  sluttmaal: string | null;
  vgoFulltime: boolean;
  date: string;
}): LanguageGoal {
  return lookup(LANGUAGE_GOAL_TABLE, languageGoalKey(p), p.date);
}

/**
 * §9: oral level required for citizenship for an application delivered on `date`: A2 from
 * 2017-01-01, B1 from 2022-10-01. Throws RuleNotInForceError before 2017 (no test level then);
 * use citizenshipOralLevelOrNull to get null instead.
 */
export function citizenshipOralLevel(date: string): Cefr {
  return lookup(CITIZENSHIP_TABLE, 'muntlig', date);
}

/** Like citizenshipOralLevel, but null when no level was required (before 2017-01-01). */
export function citizenshipOralLevelOrNull(date: string): Cefr | null {
  return findRow(CITIZENSHIP_TABLE, 'muntlig', date)?.value ?? null;
}

/** National targets from the state budget 2020: 90 % at least B1 oral, 70 % at least B1 writing. */
export const NATIONAL_TARGETS: { readonly b1Muntlig: number; readonly b1Skriftlig: number } = Object.freeze({
  b1Muntlig: lookup(NATIONAL_TARGET_TABLE, 'b1_muntlig', '2020-01-01'),
  b1Skriftlig: lookup(NATIONAL_TARGET_TABLE, 'b1_skriftlig', '2020-01-01'),
});
