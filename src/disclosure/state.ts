/** Mutations of a Problem: suppressing cells and hiding variables, with a queue of relations to recheck. */
import type { Problem } from './problem.ts';

export class ProtectionState {
  /** Relations on denominators are settled first, so whole populations are chosen as partners
   * before single measures are (fewer cells lost than choosing per measure). */
  private readonly denQueue: number[] = [];
  private readonly numQueue: number[] = [];
  private readonly queued: Uint8Array;

  constructor(readonly p: Problem) {
    this.queued = new Uint8Array(p.relKind.length);
    for (let g = 0; g < p.denPublished.length; g++) p.denPublished[g] = p.denStart[g + 1]! - p.denStart[g]!;
    for (let c = 0; c < p.nCells; c++) if (p.cells.primary[c]) this.suppressCell(c);
  }

  private enqueueVar(v: number): void {
    const p = this.p;
    for (let i = p.varRelStart[v]!; i < p.varRelStart[v + 1]!; i++) {
      const r = p.varRels[i]!;
      if (!this.queued[r]) {
        this.queued[r] = 1;
        (p.relVars[p.relStart[r]!]! >= p.nCells ? this.denQueue : this.numQueue).push(r);
      }
    }
  }

  /** Suppress a cell: hides its numerator, and its denominator once no cell shows it any more. */
  suppressCell(c: number): void {
    const p = this.p;
    if (p.suppressed[c]) return;
    p.suppressed[c] = 1;
    p.hidden[c] = 1;
    this.enqueueVar(c);
    const g = p.cellDen[c]!;
    if (--p.denPublished[g - p.nCells]! === 0) {
      p.hidden[g] = 1;
      this.enqueueVar(g);
    }
  }

  hideVar(v: number): void {
    const p = this.p;
    if (v < p.nCells) return this.suppressCell(v);
    const g = v - p.nCells;
    for (let i = p.denStart[g]!; i < p.denStart[g + 1]!; i++) this.suppressCell(p.denCells[i]!);
  }

  next(): number | undefined {
    const r = this.denQueue.pop() ?? this.numQueue.pop();
    if (r !== undefined) this.queued[r] = 0;
    return r;
  }
}
