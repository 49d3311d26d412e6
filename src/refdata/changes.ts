/**
 * Municipality code changes (SSB KLASS 131) and their resolution to the 2024 structure.
 * Pure functions plus one loader; ingest uses the resolved map to harmonise `kommune` columns.
 */
import { readFileSync } from 'node:fs';
import { parseCsvRecords } from './csv-text.ts';
import { refdataPath } from './paths.ts';
import type { Municipality } from './municipalities.ts';

export interface MunicipalityChange {
  readonly gammelKode: string;
  readonly nyKode: string;
  /** ISO date the new code took effect. */
  readonly gyldigFra: string;
  /** Share of the old unit that moved to this new code (splits); null when unknown. */
  readonly andel: number | null;
  readonly gammeltNavn?: string;
  readonly nyttNavn?: string;
}

/** How the successor of a split was chosen (see docs/ingest.md, "Splits"). */
export type SplitRule = 'ingen_deling' | 'storst_andel' | 'samme_navn' | 'administrasjonssenter' | 'laveste_kode';

export interface ResolvedChange {
  readonly gammel_kode: string;
  /** Final code in the 2024 structure after following every step (0101 → 3001 → 3101). */
  readonly ny_kode: string;
  /** When the final code took effect (date of the last step). */
  readonly gyldig_fra: string;
  /** Share of the old unit that ended in ny_kode: 1 for plain mergers/renumberings, null when a split's share is unknown. */
  readonly andel: number | null;
  /** The codes passed through, old code first. */
  readonly kjede: readonly string[];
  /** The rule used at the last split on the way (or 'ingen_deling'). */
  readonly regel: SplitRule;
}

/**
 * Splits without a successor keeping the old name: the successor that received the old
 * municipality's administrative centre. 2017 Stokke (centre Stokke) → Sandefjord; 2020 Tysfjord
 * (centre Kjøpsvik) → Narvik; 2020 Snillfjord (centre Krokstadøra) → Orkland.
 */
export const SPLIT_CENTRE: Readonly<Record<string, string>> = {
  '0720': '0710',
  '1850': '1806',
  '5012': '5059',
};

/** Parses kommune_endringer_2017_2024.csv (changeOccurred,oldCode,oldName,newCode,newName). Pure. */
export function parseShippedChanges(text: string): MunicipalityChange[] {
  return parseCsvRecords(text).map((r) => ({
    gammelKode: r['oldCode'] ?? '',
    nyKode: r['newCode'] ?? '',
    gyldigFra: r['changeOccurred'] ?? '',
    andel: null,
    gammeltNavn: r['oldName'],
    nyttNavn: r['newName'],
  }));
}

export function loadShippedChanges(): MunicipalityChange[] {
  return parseShippedChanges(readFileSync(refdataPath('kommune_endringer_2017_2024.csv'), 'utf8'));
}

/**
 * Rows of a delivered `kommuneendringer` table replace every shipped row of the same old code,
 * and add new ones. A delivered file has no names, so its rows take the names the shipped table
 * gives the same codes (the same-name split rule needs them).
 */
export function mergeChanges(
  shipped: readonly MunicipalityChange[],
  delivered: readonly MunicipalityChange[],
): MunicipalityChange[] {
  const overridden = new Set(delivered.map((c) => c.gammelKode));
  const names = new Map<string, string>();
  for (const c of shipped) {
    if (c.gammeltNavn && !names.has(c.gammelKode)) names.set(c.gammelKode, c.gammeltNavn);
    if (c.nyttNavn && !names.has(c.nyKode)) names.set(c.nyKode, c.nyttNavn);
  }
  const named = delivered.map((c) => {
    const gammeltNavn = c.gammeltNavn ?? names.get(c.gammelKode);
    const nyttNavn = c.nyttNavn ?? names.get(c.nyKode);
    return { ...c, ...(gammeltNavn ? { gammeltNavn } : {}), ...(nyttNavn ? { nyttNavn } : {}) };
  });
  return [...shipped.filter((c) => !overridden.has(c.gammelKode)), ...named];
}

/** "Fauske - Fuossko" and "Våler (Viken)" compare by their first Norwegian name part. */
function baseName(name: string | undefined): string {
  return (name ?? '').split(' - ')[0]!.replace(/\s*\(.*\)\s*$/, '').trim().toLowerCase();
}

interface Step {
  readonly code: string;
  readonly change: MunicipalityChange;
  readonly rule: SplitRule;
}

/** Shares closer than this count as equal (a 50/50 split written as 0.5 and 0.5, or 0.333 three times). */
const SHARE_TIE = 1e-9;

/**
 * The successors still in the running after rule 1: those with the largest delivered share.
 * A missing share counts as 0 when another successor has one; when none has a share, all tie.
 * Ties (e.g. a 50/50 split) go on to the name, centre and lowest-code rules.
 */
function largestShare(byCode: readonly MunicipalityChange[]): MunicipalityChange[] {
  if (!byCode.some((c) => c.andel !== null)) return [...byCode];
  const max = Math.max(...byCode.map((c) => c.andel ?? 0));
  return byCode.filter((c) => max - (c.andel ?? 0) <= SHARE_TIE);
}

function chooseSuccessor(from: string, successors: readonly MunicipalityChange[], names: readonly string[]): Step {
  const pick = (change: MunicipalityChange, rule: SplitRule): Step => ({ code: change.nyKode, change, rule });
  if (successors.length === 1) return pick(successors[0]!, 'ingen_deling');
  const byCode = [...successors].sort((a, b) => a.nyKode.localeCompare(b.nyKode));
  const tied = largestShare(byCode);
  if (tied.length === 1) return pick(tied[0]!, 'storst_andel');
  // The name of the delivered code first: 1534 Haram → 1507 Ålesund → (2024 split) 1580 Haram.
  for (const name of names) {
    const same = tied.find((c) => baseName(c.nyttNavn) === name && name !== '');
    if (same) return pick(same, 'samme_navn');
  }
  const centre = tied.find((c) => c.nyKode === SPLIT_CENTRE[from]);
  if (centre) return pick(centre, 'administrasjonssenter');
  return pick(tied[0]!, 'laveste_kode');
}

/** An old code whose chain does not end in the current structure (it is left unharmonised). */
export interface UnresolvedChange {
  readonly gammel_kode: string;
  /** The codes passed through, old code first; for a cycle the repeated code is last. */
  readonly kjede: readonly string[];
  /** 'syklus': the chain comes back to a code it passed; 'utenfor': it ends at a code outside the structure. */
  readonly aarsak: 'syklus' | 'utenfor';
}

/**
 * Resolves every old code to its final code in the current structure, following chains and
 * choosing one successor at splits (rules in order: largest delivered share, successor with the
 * same name as a code on the chain, successor with the administrative centre, lowest code; each
 * rule only among the successors the rules before it left tied).
 * Returns the map old code → resolution for chains that end in `current`. A chain that runs into
 * a cycle (possible in a delivered table) or ends at a code outside `current` is not in the map:
 * such a code is not harmonised at all (ingest then rejects rows with it as an unknown
 * municipality), never mapped to a code that does not exist. Those are listed in `unresolved`,
 * with one warning each.
 */
export function resolveChanges(
  changes: readonly MunicipalityChange[],
  current: readonly Municipality[],
): { resolved: Map<string, ResolvedChange>; unresolved: UnresolvedChange[]; warnings: string[] } {
  const currentCodes = new Set(current.map((m) => m.kommune));
  const names = new Map<string, string>(current.map((m) => [m.kommune, m.navn]));
  const byOld = new Map<string, MunicipalityChange[]>();
  for (const c of changes) {
    if (c.gammelKode === c.nyKode) continue; // a rename keeps its code
    if (c.gammeltNavn && !names.has(c.gammelKode)) names.set(c.gammelKode, c.gammeltNavn);
    const list = byOld.get(c.gammelKode) ?? [];
    list.push(c);
    byOld.set(c.gammelKode, list);
  }
  const resolved = new Map<string, ResolvedChange>();
  const unresolved: UnresolvedChange[] = [];
  const warnings: string[] = [];
  for (const old of [...byOld.keys()].sort()) {
    if (currentCodes.has(old)) continue; // still valid in the 2024 structure
    const chain = [old];
    const chainNames = [baseName(names.get(old))];
    let code = old;
    let andel: number | null = 1;
    let regel: SplitRule = 'ingen_deling';
    let date = '';
    let cycle = false;
    while (!currentCodes.has(code) && byOld.has(code)) {
      const step = chooseSuccessor(code, byOld.get(code)!, chainNames);
      if (step.rule !== 'ingen_deling') {
        regel = step.rule;
        andel = andel === null || step.change.andel === null ? null : andel * step.change.andel;
      } else if (step.change.andel !== null && andel !== null) andel *= step.change.andel;
      code = step.code;
      date = step.change.gyldigFra;
      cycle = chain.includes(code);
      chain.push(code);
      chainNames.push(baseName(step.change.nyttNavn ?? names.get(code)));
      if (cycle) break; // a cycle in a delivered table
    }
    if (cycle || !currentCodes.has(code)) {
      unresolved.push({ gammel_kode: old, kjede: chain, aarsak: cycle ? 'syklus' : 'utenfor' });
      warnings.push(
        cycle
          ? `${old}: syklus ${chain.join(' → ')}; koden harmoniseres ikke (rader med den avvises som ukjent kommune) / cycle: the code is not harmonised`
          : `${old}: ${chain.join(' → ')} ender utenfor 2024-strukturen; koden harmoniseres ikke / ends outside the 2024 structure: not harmonised`,
      );
      continue;
    }
    resolved.set(old, { gammel_kode: old, ny_kode: code, gyldig_fra: date, andel, kjede: chain, regel });
  }
  return { resolved, unresolved, warnings };
}
