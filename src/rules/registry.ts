/**
 * Every rule table by id (for docs, the API and checkRuleTables).
 */
import type { DatedRuleTable } from './types.ts';
import { G_TABLE } from './g-table.ts';
import { AGE_LIMITS_TABLE, PERMIT_RIGHTS_TABLE, REGIME_TABLE } from './tables/groups.ts';
import { CITIZENSHIP_TABLE, LANGUAGE_GOAL_TABLE, NATIONAL_TARGET_TABLE } from './tables/language.ts';
import {
  DEADLINE_TABLE,
  DUTY_HOURS_TABLE,
  DUTY_ONLY_PERIOD_TABLE,
  INTRO_BENEFIT_TABLE,
  PROGRAMME_LENGTH_TABLE,
  RIGHT_AND_DUTY_TABLE,
} from './tables/programme.ts';

const ALL: readonly DatedRuleTable[] = [
  REGIME_TABLE,
  PERMIT_RIGHTS_TABLE,
  AGE_LIMITS_TABLE,
  DEADLINE_TABLE,
  PROGRAMME_LENGTH_TABLE,
  LANGUAGE_GOAL_TABLE,
  RIGHT_AND_DUTY_TABLE,
  DUTY_HOURS_TABLE,
  DUTY_ONLY_PERIOD_TABLE,
  NATIONAL_TARGET_TABLE,
  INTRO_BENEFIT_TABLE,
  G_TABLE,
  CITIZENSHIP_TABLE,
];

export const RULE_TABLES: Readonly<Record<string, DatedRuleTable>> = Object.freeze(
  Object.fromEntries(ALL.map((t) => [t.id, t])),
);
