/** Primary + secondary suppression of one indicator's cells, verified by the self-audit. */
import { exactlyDetermined, narrowlyBounded } from './audit.ts';
import type { CellTable } from './cell-table.ts';
import { fixRecoverable } from './fix.ts';
import { buildProblem } from './problem.ts';
import { fixedPoint } from './secondary.ts';
import { ProtectionState } from './state.ts';

export interface IndicatorOutcome {
  /** 1 = suppressed, per cell of the table. */
  readonly suppressed: Uint8Array;
  readonly auditRounds: number;
  /** Variables the audit still found recoverable when it gave up (should be 0). */
  readonly unresolved: number;
}

const MAX_ROUNDS = 60;

function debug(msg: string): void {
  if (process.env.DISCLOSURE_DEBUG) console.error(msg);
}

/**
 * Relation rules to a fixed point, then audit and repair until clean: the cheap interval audit
 * first (each repair round is linear), the exact Gaussian audit once intervals are clean.
 */
export function protectIndicator(t: CellTable, protection: number): IndicatorOutcome {
  const p = buildProblem(t);
  const s = new ProtectionState(p);
  fixedPoint(s, protection);
  let rounds = 0;
  let unresolved = 0;
  for (; rounds < MAX_ROUNDS; rounds++) {
    const t0 = performance.now();
    let bad = narrowlyBounded(p, protection);
    let kind = 'narrow';
    if (bad.length === 0) {
      bad = exactlyDetermined(p);
      kind = 'exact';
    }
    debug(`${t.indikator} audit ${rounds}: ${bad.length} ${kind} (${(performance.now() - t0).toFixed(0)} ms)`);
    unresolved = bad.length;
    if (bad.length === 0) break;
    let fixed = 0;
    for (const v of bad) if (fixRecoverable(s, v, protection, kind === 'exact' ? 2 : 1)) fixed++;
    fixedPoint(s, protection);
    if (fixed === 0) break;
  }
  return { suppressed: p.suppressed, auditRounds: rounds + 1, unresolved };
}
