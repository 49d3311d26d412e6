/**
 * Programme length caps (§5), deadlines (§4) and the duration of the right to Norwegian (§7). Pure.
 */
import type { DeadlineStep, IntroSubgroup, ProgrammeLength, Regime } from './types.ts';
import { findRow, lookup } from './dated-table.ts';
import { hasVgo } from './groups.ts';
import { DEADLINE_TABLE, DUTY_ONLY_PERIOD_TABLE, PROGRAMME_LENGTH_TABLE, RIGHT_AND_DUTY_TABLE } from './tables/programme.ts';

/**
 * §7: the right (and duty) to Norwegian lasts until the goal is reached, at most 36 months, or
 * 18 months for those with vgo or higher education from before. `date`: the decision date of an
 * integreringsloven person (throws RuleNotInForceError before 2021-01-01: the old act counted hours).
 */
export function rightAndDutyMonths(utdanningMedbrakt: string, date: string): number {
  return lookup(RIGHT_AND_DUTY_TABLE, hasVgo(utdanningMedbrakt) ? 'vgo' : 'ovrige', date);
}

/** §7: the duty-only group's period in months (their measurement window; no right to training). */
export function dutyOnlyMonths(date: string): number {
  return lookup(DUTY_ONLY_PERIOD_TABLE, 'kun_plikt', date);
}

export interface ProgrammeCap {
  readonly normalMonths: number;
  readonly extensionMonths: number;
  readonly maxMonths: number;
}

export interface ProgrammeCapInput {
  readonly subgroup: IntroSubgroup;
  /** Last adjusted end goal (§6); null = none registered → the "other end goal" row. */
  readonly sluttmaal: string | null;
  readonly regime: Regime;
  /** Programme start. */
  readonly date: string;
  /** Person has § 34 collective protection from 2022-03-11 (chapter 6A; see derivePerson). */
  readonly kapittel6A?: boolean;
}

/** The key of the §5 row for a subgroup and end goal under the new act. */
export function programmeLengthKey(subgroup: IntroSubgroup, sluttmaal: string | null): string {
  if (subgroup === 'har_vgo') return 'har_vgo';
  return `${subgroup}:${sluttmaal === 'fullfort_vgo' ? 'fullfort_vgo' : 'annet'}`;
}

/**
 * §5 table: normal length, possible extension and the maximum (normal + extension), in months.
 * Old act: 24 + 12. New act: har_vgo 6 + 6; under_25/ovrige with end goal fullført vgo 36 + 12,
 * other end goal (or none registered: the 3-year rule needs completed vgo as the goal) 24 + 12.
 * Chapter 6A (post-report): its own row while the temporary chapter is in force, else ordinary rules.
 */
export function programmeCap(p: ProgrammeCapInput): ProgrammeCap {
  const row = capRow(p);
  return {
    normalMonths: row.normalMonths,
    extensionMonths: row.extensionMonths,
    maxMonths: row.normalMonths + row.extensionMonths,
  };
}

function capRow(p: ProgrammeCapInput): ProgrammeLength {
  if (p.regime === 'introduksjonsloven') return lookup(PROGRAMME_LENGTH_TABLE, 'introduksjonsloven', p.date);
  if (p.kapittel6A) {
    const row = findRow(PROGRAMME_LENGTH_TABLE, 'kapittel_6a', p.date);
    if (row) return row.value;
  }
  return lookup(PROGRAMME_LENGTH_TABLE, programmeLengthKey(p.subgroup, p.sluttmaal), p.date);
}

/**
 * §4: months from the clock event to the deadline — settlement for the start-up steps and the
 * Norwegian plan, the decision for the civics course (12). `date`: the clock event's date.
 */
export function deadlineMonths(step: DeadlineStep, date: string): number {
  return lookup(DEADLINE_TABLE, step, date);
}
