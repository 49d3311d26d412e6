/**
 * Public surface of the law rules (docs/law-rules.md). Pure: no I/O, no runtime dependencies.
 * Every number lives in a dated table (RULE_TABLES); an amendment is a new row.
 */
export type {
  AgeLimits,
  Cefr,
  DateBasis,
  DatedRow,
  DatedRuleTable,
  DeadlineStep,
  Entitlement,
  IntroSubgroup,
  LanguageGoal,
  PermitRights,
  ProgrammeLength,
  Regime,
  RuleSource,
  TargetGroup,
} from './types.ts';
export { RuleNotInForceError } from './types.ts';
export { addMonths, ageAt, birthDate } from './dates.ts';
export { checkRuleTables, findRow, lookup } from './dated-table.ts';
export { hasVgo, introSubgroup, permitRights, regimeFor, targetGroup, withinAgeLimits } from './groups.ts';
export type { TargetGroupInput } from './groups.ts';
export { deadlineMonths, dutyOnlyMonths, programmeCap, programmeLengthKey, rightAndDutyMonths } from './programme.ts';
export type { ProgrammeCap, ProgrammeCapInput } from './programme.ts';
export {
  cefrAtLeast,
  cefrRank,
  citizenshipOralLevel,
  citizenshipOralLevelOrNull,
  guidelineLanguageGoal,
  languageGoalKey,
  NATIONAL_TARGETS,
} from './language.ts';
export { averageG, gOn, introBenefitG } from './money.ts';
export { RULE_TABLES } from './registry.ts';
export { derivePerson } from './derive-person.ts';
export type { DerivedPerson, PersonFacts } from './derive-person.ts';
export { GENERATED_BEGIN, GENERATED_END, rulesMarkdown, tableMarkdown } from './render-markdown.ts';
export { orNull as ruleOrNull } from './derive-person.ts';
