/**
 * Maps a 2024 municipality code back to the code valid at an earlier date, using the change
 * table (data contract: "Municipality codes are 4-digit SSB codes as they were at the date of
 * the event"). Example: today's 3101 Halden was 3001 in 2020–2023 and 0101 before 2020.
 * Where a code came from a merger, one of the old units is chosen with a per-person number r,
 * so the same person always maps to the same old unit.
 */
import { parseIso } from './dates.ts';
import type { CodeChange } from './refdata.ts';

interface Candidates {
  readonly codes: readonly string[];
}

export interface KommuneCodeMap {
  /** The code valid at `day` for a 2024 code; r in [0,1) picks among merged old units. */
  codeAt(code2024: string, day: number, r: number): string;
  /** Every code valid at `day`, with the 2024 code it belongs to (first successor for splits). */
  codesValidAt(day: number): Map<string, string>;
  /** Every code that occurs in the change table or the 2024 list. */
  readonly allCodes: ReadonlySet<string>;
}

export function buildKommuneCodeMap(codes2024: readonly string[], changes: readonly CodeChange[]): KommuneCodeMap {
  const boundaries = [...new Set(changes.map((c) => c.date))].sort().reverse().map(parseIso);
  // For each boundary: newCode → oldCodes that became it on that date.
  const backward = boundaries.map((b) => {
    const m = new Map<string, string[]>();
    for (const c of changes) {
      if (parseIso(c.date) !== b) continue;
      const list = m.get(c.newCode) ?? [];
      if (!list.includes(c.oldCode)) list.push(c.oldCode);
      m.set(c.newCode, list);
    }
    return m;
  });
  // epochs[k] for a 2024 code: candidates valid before the first k boundaries (k = 0: today).
  const table = new Map<string, Candidates[]>();
  for (const code of codes2024) {
    const epochs: Candidates[] = [{ codes: [code] }];
    let current = [code];
    for (const step of backward) {
      current = [...new Set(current.flatMap((c) => step.get(c) ?? [c]))];
      epochs.push({ codes: current });
    }
    table.set(code, epochs);
  }
  const epochOf = (day: number): number => {
    let k = 0;
    while (k < boundaries.length && day < (boundaries[k] as number)) k++;
    return k;
  };
  const allCodes = new Set<string>(codes2024);
  for (const c of changes) {
    allCodes.add(c.oldCode);
    allCodes.add(c.newCode);
  }
  return {
    allCodes,
    codeAt(code2024, day, r) {
      const epochs = table.get(code2024);
      if (!epochs) return code2024;
      const cands = (epochs[epochOf(day)] as Candidates).codes;
      return cands[Math.min(cands.length - 1, Math.floor(r * cands.length))] as string;
    },
    codesValidAt(day) {
      const out = new Map<string, string>();
      const k = epochOf(day);
      for (const [code, epochs] of table) {
        for (const c of (epochs[k] as Candidates).codes) if (!out.has(c)) out.set(c, code);
      }
      return out;
    },
  };
}

