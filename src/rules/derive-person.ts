/**
 * All rule-derived facts of one person in one call (for the engine and for tests). Pure.
 */
import type { DeadlineStep, IntroSubgroup, LanguageGoal, Regime, TargetGroup } from './types.ts';
import { RuleNotInForceError } from './types.ts';
import { addMonths, ageAt } from './dates.ts';
import { introSubgroup, permitRights, regimeFor, targetGroup } from './groups.ts';
import { guidelineLanguageGoal } from './language.ts';
import { deadlineMonths, dutyOnlyMonths, programmeCap, rightAndDutyMonths } from './programme.ts';
import type { ProgrammeCap } from './programme.ts';

/** A person's registered facts (data contract: personer, introprogram, maal). */
export interface PersonFacts {
  readonly tillatelse: string;
  readonly fodt: string;
  readonly forsteTillatelseDato: string;
  /** Decision date (introprogram.vedtaksdato, or the Norwegian-training decision); null if unknown. */
  readonly vedtaksdato: string | null;
  readonly bosettingsdato: string | null;
  readonly ankomstdato: string | null;
  readonly utdanningMedbrakt: string;
  readonly hasIntroProgramme: boolean;
  readonly programmeStart: string | null;
  /** Last adjusted end goal (§6). */
  readonly sluttmaal: string | null;
  readonly vgoFulltime: boolean;
}

export interface DerivedPerson {
  readonly regime: Regime;
  readonly targetGroup: TargetGroup;
  /** The date the age limits were measured at, and which event it is. */
  readonly decisionDate: string | null;
  readonly decisionDateBasis: 'vedtak' | 'bosetting' | 'ankomst' | null;
  readonly ageAtDecision: number | null;
  /** § 34 collective protection from 2022-03-11: chapter 6A (rights without duties). */
  readonly kapittel6A: boolean;
  readonly introDuty: boolean;
  readonly norskDuty: boolean;
  readonly subgroup: IntroSubgroup | null;
  readonly programmeCap: ProgrammeCap | null;
  readonly rightAndDutyMonths: number | null;
  /** The duty-only group's period in months from settlement/arrival (no right; P4's window), else null. */
  readonly dutyOnlyMonths: number | null;
  readonly guidelineGoal: LanguageGoal | null;
  /** Due dates (ISO) of the §4 deadlines that apply to the person. */
  readonly deadlines: Readonly<Partial<Record<DeadlineStep, string>>>;
}

/** Runs `f`, giving null when the rule is not in force on the date asked (other errors propagate). */
export function orNull<T>(f: () => T): T | null {
  try {
    return f();
  } catch (e) {
    if (e instanceof RuleNotInForceError) return null;
    throw e;
  }
}

function decisionOf(p: PersonFacts): { date: string | null; basis: DerivedPerson['decisionDateBasis'] } {
  if (p.vedtaksdato) return { date: p.vedtaksdato, basis: 'vedtak' };
  if (p.bosettingsdato) return { date: p.bosettingsdato, basis: 'bosetting' };
  if (p.ankomstdato) return { date: p.ankomstdato, basis: 'ankomst' };
  return { date: null, basis: null };
}

/**
 * Derives regime (§1), target group (§2), subgroup (§3), deadlines (§4), programme cap (§5),
 * right-and-duty months and guideline language goal (§7). The decision date falls back to the
 * settlement date, then the arrival date, when no decision is registered.
 */
export function derivePerson(p: PersonFacts): DerivedPerson {
  const regime = regimeFor(p.forsteTillatelseDato);
  const decision = decisionOf(p);
  const group = targetGroup({
    tillatelse: p.tillatelse,
    fodt: p.fodt,
    decisionDate: decision.date,
    hasIntroProgramme: p.hasIntroProgramme,
    regime,
    forsteTillatelseDato: p.forsteTillatelseDato,
  });
  const rights = permitRights(p.tillatelse, p.forsteTillatelseDato);
  const kapittel6A = regime === 'integreringsloven' && p.tillatelse === 'KOLLEKTIV_34' && rights.intro === 'rett';
  const subgroup = p.programmeStart
    ? introSubgroup({ fodt: p.fodt, utdanningMedbrakt: p.utdanningMedbrakt, startDate: p.programmeStart })
    : null;
  const newAct = regime === 'integreringsloven';
  const inNorsk = group === 'intro' || group === 'norsk_rett_plikt';
  // A new-act rule is looked up no earlier than the first permit (which puts the person under the
  // new act, §1): a person who arrived in December 2020 and got the permit in 2021 is measured
  // against the guideline (and the right-and-duty months) in force from the permit, not before it.
  const goalDate = newActDate(p.programmeStart ?? decision.date, p.forsteTillatelseDato);
  const rightsDate = newActDate(decision.date, p.forsteTillatelseDato);
  return {
    regime,
    targetGroup: group,
    decisionDate: decision.date,
    decisionDateBasis: decision.basis,
    ageAtDecision: decision.date ? ageAt(p.fodt, decision.date) : null,
    kapittel6A,
    introDuty: group === 'intro' && rights.intro === 'rett_og_plikt',
    norskDuty: (inNorsk && rights.norsk === 'rett_og_plikt') || group === 'norsk_plikt',
    subgroup,
    programmeCap:
      subgroup && p.programmeStart
        ? orNull(() =>
            programmeCap({ subgroup, sluttmaal: p.sluttmaal, regime, date: p.programmeStart as string, kapittel6A }),
          )
        : null,
    rightAndDutyMonths:
      newAct && inNorsk && rightsDate
        ? orNull(() => rightAndDutyMonths(p.utdanningMedbrakt, rightsDate))
        : null,
    dutyOnlyMonths: group === 'norsk_plikt' && decision.date ? orNull(() => dutyOnlyMonths(decision.date as string)) : null,
    guidelineGoal:
      newAct && inNorsk && goalDate
        ? orNull(() =>
            guidelineLanguageGoal({
              utdanningMedbrakt: p.utdanningMedbrakt,
              sluttmaal: p.sluttmaal,
              vgoFulltime: p.vgoFulltime,
              date: goalDate,
            }),
          )
        : null,
    deadlines: deadlinesFor(group, newAct, p.bosettingsdato, decision.date),
  };
}

/** The later of an event date and the first permit date (ISO dates compare as text); null without an event. */
function newActDate(event: string | null, firstPermit: string): string | null {
  if (!event) return null;
  return event < firstPermit ? firstPermit : event;
}

function deadlinesFor(
  group: TargetGroup,
  newAct: boolean,
  settlement: string | null,
  decision: string | null,
): Partial<Record<DeadlineStep, string>> {
  const out: Partial<Record<DeadlineStep, string>> = {};
  const due = (step: DeadlineStep, from: string | null): void => {
    if (!from) return;
    const months = orNull(() => deadlineMonths(step, from));
    if (months !== null) out[step] = addMonths(from, months);
  };
  if (group === 'intro') {
    due('programstart', settlement);
    if (newAct) {
      due('kompetansekartlegging', settlement);
      due('karriereveiledning', settlement);
      due('integreringsplan', settlement);
    }
  }
  if (newAct && (group === 'intro' || group === 'norsk_rett_plikt')) {
    due('norskplan', settlement);
    due('samfunnskunnskap', decision);
  }
  return out;
}
