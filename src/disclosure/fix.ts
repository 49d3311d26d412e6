/** Repairs after an audit finding: hide one more published member next to a recoverable variable. */
import { pickCandidate } from './secondary.ts';
import type { ProtectionState } from './state.ts';

/** Relations around v, nearest first (v's own, then those of hidden variables sharing one). */
function* nearbyRelations(s: ProtectionState, v: number): Generator<number> {
  const p = s.p;
  const seen = new Set<number>();
  let frontier = [v];
  const visited = new Set<number>([v]);
  if (v < p.nCells) {
    frontier.push(p.cellDen[v]!);
    visited.add(p.cellDen[v]!);
  }
  for (let depth = 0; depth < 3 && frontier.length > 0; depth++) {
    const next: number[] = [];
    for (const u of frontier) {
      for (let i = p.varRelStart[u]!; i < p.varRelStart[u + 1]!; i++) {
        const r = p.varRels[i]!;
        if (seen.has(r)) continue;
        seen.add(r);
        yield r;
        for (let j = p.relStart[r]!; j < p.relStart[r + 1]!; j++) {
          const w = p.relVars[j]!;
          if (p.hidden[w] && !visited.has(w)) {
            visited.add(w);
            next.push(w);
          }
        }
      }
    }
    frontier = next;
  }
}

/**
 * Hide the cheapest published member of the nearest relation(s) that have one; false if none.
 * `breadth` > 1 repairs several relations at once (used for exact findings, where one more
 * hidden part in a single relation often leaves the variable determined through another).
 */
export function fixRecoverable(s: ProtectionState, v: number, protection: number, breadth = 1): boolean {
  let done = 0;
  for (const r of nearbyRelations(s, v)) {
    const u = pickCandidate(s, r, protection);
    if (u >= 0 && !s.p.hidden[u]) {
      s.hideVar(u);
      if (++done >= breadth) break;
    }
  }
  return done > 0;
}
