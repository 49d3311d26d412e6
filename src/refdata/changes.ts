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

/** Rows of a delivered `kommuneendringer` table replace every shipped row of the same old code, and add new ones. */
export function mergeChanges(
  shipped: readonly MunicipalityChange[],
  delivered: readonly MunicipalityChange[],
): MunicipalityChange[] {
  const overridden = new Set(delivered.map((c) => c.gammelKode));
  return [...shipped.filter((c) => !overridden.has(c.gammelKode)), ...delivered];
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

function chooseSuccessor(from: string, successors: readonly MunicipalityChange[], names: readonly string[]): Step {
  const pick = (change: MunicipalityChange, rule: SplitRule): Step => ({ code: change.nyKode, change, rule });
  if (successors.length === 1) return pick(successors[0]!, 'ingen_deling');
  const byCode = [...successors].sort((a, b) => a.nyKode.localeCompare(b.nyKode));
  const withShare = byCode.filter((c) => c.andel !== null);
  if (withShare.length > 0) {
    const best = withShare.reduce((a, b) => ((b.andel ?? 0) > (a.andel ?? 0) ? b : a));
    return pick(best, 'storst_andel');
  }
  // The name of the delivered code first: 1534 Haram → 1507 Ålesund → (2024 split) 1580 Haram.
  for (const name of names) {
    const same = byCode.find((c) => baseName(c.nyttNavn) === name && name !== '');
    if (same) return pick(same, 'samme_navn');
  }
  const centre = byCode.find((c) => c.nyKode === SPLIT_CENTRE[from]);
  if (centre) return pick(centre, 'administrasjonssenter');
  return pick(byCode[0]!, 'laveste_kode');
}

/**
 * Resolves every old code to its final code in the current structure, following chains and
 * choosing one successor at splits (rules in order: largest delivered share, successor with the
 * same name as a code on the chain, successor with the administrative centre, lowest code).
 * Returns the map old code → resolution, and warnings for chains that end outside `current`.
 */
export function resolveChanges(
  changes: readonly MunicipalityChange[],
  current: readonly Municipality[],
): { resolved: Map<string, ResolvedChange>; warnings: string[] } {
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
  const warnings: string[] = [];
  for (const old of [...byOld.keys()].sort()) {
    if (currentCodes.has(old)) continue; // still valid in the 2024 structure
    const chain = [old];
    const chainNames = [baseName(names.get(old))];
    let code = old;
    let andel: number | null = 1;
    let regel: SplitRule = 'ingen_deling';
    let date = '';
    while (!currentCodes.has(code) && byOld.has(code) && chain.length < 20) {
      const step = chooseSuccessor(code, byOld.get(code)!, chainNames);
      if (step.rule !== 'ingen_deling') {
        regel = step.rule;
        andel = andel === null || step.change.andel === null ? null : andel * step.change.andel;
      } else if (step.change.andel !== null && andel !== null) andel *= step.change.andel;
      code = step.code;
      date = step.change.gyldigFra;
      chain.push(code);
      chainNames.push(baseName(step.change.nyttNavn ?? names.get(code)));
      if (chain.indexOf(code) !== chain.length - 1) break; // a cycle in a delivered table
    }
    if (!currentCodes.has(code)) warnings.push(`${old}: ${chain.join(' → ')} ender utenfor 2024-strukturen`);
    resolved.set(old, { gammel_kode: old, ny_kode: code, gyldig_fra: date, andel, kjede: chain, regel });
  }
  return { resolved, warnings };
}
