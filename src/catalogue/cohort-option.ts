/**
 * The cohort choice (report section 6: arrival/start or completion cohorts "must be a choice"):
 * `--kohort I4=startkohort,P1=bosettingskohort` → `{ I4: 'startkohort', P1: 'bosettingskohort' }`,
 * the engine's `ComputeOptions.cohorts`. Every id must be an indicator and every cohort one the
 * indicator allows (its `kohorter`); errors in bokmål or English (tr) name the offending part.
 */
import { KOHORTER, type Kohort } from '../contract/results.ts';
import { UserError } from '../shared/errors.ts';
import { tr } from '../shared/lang.ts';
import type { IndicatorDef } from './definition.ts';

/** Parses `ID=kohort[,ID=kohort…]`; throws UserError naming the first bad part. Empty text → {}. */
export function parseCohortOption(text: string, defs: readonly IndicatorDef[]): Record<string, Kohort> {
  const out: Record<string, Kohort> = {};
  const parts = text.split(',').map((p) => p.trim()).filter((p) => p !== '');
  for (const part of parts) {
    const m = /^([^=\s]+)\s*=\s*([^=\s]+)$/.exec(part);
    if (!m) {
      throw new UserError(tr(
        `--kohort: "${part}" er ikke på formen INDIKATOR=kohort (f.eks. I4=startkohort)`,
        `--kohort: "${part}" is not of the form INDICATOR=cohort (e.g. I4=startkohort)`,
      ));
    }
    const id = m[1]!.toUpperCase();
    const cohort = m[2]!;
    const def = defs.find((d) => d.id === id);
    if (!def) throw new UserError(tr(`--kohort: ukjent indikator "${m[1]}"`, `--kohort: unknown indicator "${m[1]}"`));
    if (!(KOHORTER as readonly string[]).includes(cohort)) {
      throw new UserError(tr(
        `--kohort: ukjent kohort "${cohort}" for ${id} (gyldige: ${KOHORTER.join(', ')})`,
        `--kohort: unknown cohort "${cohort}" for ${id} (valid: ${KOHORTER.join(', ')})`,
      ));
    }
    if (!def.kohorter.includes(cohort as Kohort)) {
      throw new UserError(tr(
        `--kohort: ${id} kan ikke beregnes for ${cohort} (tillatt: ${def.kohorter.join(', ')})`,
        `--kohort: ${id} cannot be computed for ${cohort} (allowed: ${def.kohorter.join(', ')})`,
      ));
    }
    if (out[id] !== undefined && out[id] !== cohort) {
      throw new UserError(tr(`--kohort: ${id} er gitt to ganger`, `--kohort: ${id} is given twice`));
    }
    out[id] = cohort as Kohort;
  }
  return out;
}

/** The metadata with the chosen cohorts as each indicator's `kohort` (what the published rows carry). */
export function withCohorts<T extends { readonly id: string; readonly kohort: Kohort }>(metas: readonly T[], cohorts: Readonly<Record<string, Kohort>>): T[] {
  return metas.map((m) => (cohorts[m.id] ? { ...m, kohort: cohorts[m.id]! } : m));
}
