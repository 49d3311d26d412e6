/**
 * Secondary suppression by relation rules, iterated to a fixed point (docs/disclosure.md):
 * in every relation (a total and its parts), a hidden member must never be alone (else it is the
 * total minus the rest), and when the total is published the hidden parts must hold at least
 * `protection` persons (else each lies in a narrow interval [0, hidden sum]).
 */
import { REL_EQ } from './problem.ts';
import type { ProtectionState } from './state.ts';

/** Hidden members of relation r. */
function hiddenCount(s: ProtectionState, r: number): number {
  const p = s.p;
  let h = 0;
  for (let i = p.relStart[r]!; i < p.relStart[r + 1]!; i++) h += p.hidden[p.relVars[i]!]!;
  return h;
}

/**
 * Cost of hiding v next: persons lost, scaled down for every other relation of v that has a lone
 * hidden member (hiding v settles it: the pattern closes into a cycle, as SSB's rectangles do)
 * and up for every relation with nothing hidden yet (hiding v opens a new one that needs a partner).
 */
function effectiveCost(s: ProtectionState, v: number, r: number): number {
  const p = s.p;
  let good = 0;
  let bad = 0;
  for (let i = p.varRelStart[v]!; i < p.varRelStart[v + 1]!; i++) {
    const r2 = p.varRels[i]!;
    if (r2 === r) continue;
    const h = hiddenCount(s, r2);
    if (h === 0) bad++;
    else if (h === 1) good++;
  }
  return (1 + p.cost[v]!) * (1 + bad) / (1 + 2 * good);
}

/** Pick the published member of relation r to hide next; -1 if none. */
export function pickCandidate(s: ProtectionState, r: number, deficit: number): number {
  const p = s.p;
  const a = p.relStart[r]!;
  const b = p.relStart[r + 1]!;
  let best = -1;
  let bestCost = Infinity;
  let fallback = -1;
  let fallbackVal = -1;
  for (let i = a + 1; i < b; i++) {
    const v = p.relVars[i]!;
    if (p.hidden[v]) continue;
    const val = p.value[v]!;
    // Prefer the cheapest part that covers the deficit of hidden persons.
    if (val >= deficit) {
      const c = effectiveCost(s, v, r);
      if (c < bestCost) [best, bestCost] = [v, c];
    }
    if (val > fallbackVal) [fallback, fallbackVal] = [v, val];
  }
  if (best >= 0) return best;
  if (fallback >= 0 && fallbackVal > 0) return fallback;
  const parent = p.relVars[a]!;
  if (!p.hidden[parent]) return parent;
  return fallback;
}

/** What relation r still needs: -1 = nothing, else the deficit of hidden persons to cover. */
export function relationNeed(s: ProtectionState, r: number, protection: number): number {
  const p = s.p;
  const a = p.relStart[r]!;
  const b = p.relStart[r + 1]!;
  let h = 0;
  let mass = 0;
  for (let i = a; i < b; i++) {
    const v = p.relVars[i]!;
    if (!p.hidden[v]) continue;
    h++;
    if (i > a) mass += p.value[v]!;
  }
  if (h === 0) return -1;
  const parent = p.relVars[a]!;
  const counts = p.isCount[parent] === 1;
  const deficit = counts && !p.hidden[parent] ? Math.max(0, protection - mass) : 0;
  if (h === 1) return deficit;
  return deficit > 0 ? deficit : -1;
}

/** Run the relation rules until no relation needs more; returns cells suppressed here. */
export function fixedPoint(s: ProtectionState, protection: number): void {
  for (let r = s.next(); r !== undefined; r = s.next()) {
    const need = relationNeed(s, r, protection);
    if (need < 0) continue;
    const v = pickCandidate(s, r, need);
    if (v >= 0) s.hideVar(v);
  }
}

export { REL_EQ };
