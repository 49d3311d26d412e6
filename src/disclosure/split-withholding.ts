/**
 * Protect what people read (issue 11 item 4): secondary suppression must not hide a large cell to
 * protect a tiny split. When the protected universe hides a large cell (nevner ≥ `protectLarge`)
 * that is safe by itself, and a split (regime, intro subgroups, target groups, sex) has a side that
 * cannot be published, the split is withheld instead — the coarser table is published: every cell
 * of the split's parts at the chosen region levels gets status '.' (output contract: "not
 * possible to give a figure"; the breakdown is not part of the published table here), while the
 * totals stay published. The withheld cells take part in the audit as hidden cells like any other,
 * so the result is as safe as plain suppression (docs/disclosure.md "Withheld splits").
 */
import { GROUPS, REGIMES, SEXES, SUBGROUP_PARENT, SUBGROUPS, partsOf } from '../contract/dimensions.ts';
import { periodeKey, type Regionniva, type ResultRow } from '../contract/results.ts';
import type { DisclosureConfig } from './config.ts';
import { isPrimaryUnsafe } from './primary.ts';
import { prepareUniverse, protectUniverse, type UniverseOutcome } from './protect-universe.ts';
import type { Universe } from './universe.ts';
import { POP_DIMS, type Lines } from './hierarchy.ts';

interface Split {
  /** Name in the summary. */
  readonly name: string;
  readonly dim: 'lovregime' | 'gruppe' | 'kjonn';
  /** The values that are parts of the split (the total stays). */
  readonly parts: ReadonlySet<string>;
}

/** The splits, narrowest loss first: the regime remainder, the intro subgroups, all groups, sex. */
const SPLITS: readonly Split[] = [
  { name: 'lovregime', dim: 'lovregime', parts: new Set(partsOf(REGIMES)) },
  { name: 'undergrupper', dim: 'gruppe', parts: new Set(SUBGROUPS) },
  { name: 'grupper', dim: 'gruppe', parts: new Set(GROUPS.filter((g) => g.level !== 'total').map((g) => g.kode)) },
  { name: 'kjonn', dim: 'kjonn', parts: new Set(partsOf(SEXES)) },
];

/** Region levels at which a split is withheld, tried from the finest up: the coarser levels keep it where they can. */
const LEVEL_SETS: readonly (readonly Regionniva[])[] = [['kommune'], ['fylke', 'kommune'], ['land', 'fylke', 'kommune']];

const DIM_INDEX = { lovregime: POP_DIMS.indexOf('lovregime'), gruppe: POP_DIMS.indexOf('gruppe'), kjonn: POP_DIMS.indexOf('kjonn') };

/**
 * The splits worth trying: those with a line (total and parts) that holds both a population with a
 * large safe hidden cell and a population with a primary-unsafe cell — a side that cannot be published.
 */
function splitsAtStake(
  rows: readonly ResultRow[], u: Universe, lines: Lines, o: UniverseOutcome, large: number, primary: (i: number) => boolean,
): Set<string> {
  const nPop = u.pops.length;
  const bigPop = new Uint8Array(nPop);
  const unsafePop = new Uint8Array(nPop);
  const hidden = new Set(o.suppressed);
  for (let c = 0; c < u.cell.length; c++) {
    const i = u.cell[c]!;
    if (i < 0) continue;
    if (primary(i)) unsafePop[c % nPop] = 1;
    else if (hidden.has(i) && (rows[i]!.nevner ?? 0) >= large) bigPop[c % nPop] = 1;
  }
  const out = new Set<string>();
  for (let l = 0; l < lines.dim.length; l++) {
    const d = lines.dim[l]!;
    if (d !== DIM_INDEX.lovregime && d !== DIM_INDEX.gruppe && d !== DIM_INDEX.kjonn) continue;
    let big = false;
    let unsafe = false;
    for (let j = lines.start[l]!; j < lines.start[l + 1]!; j++) {
      big ||= bigPop[lines.members[j]!] === 1;
      unsafe ||= unsafePop[lines.members[j]!] === 1;
    }
    if (!big || !unsafe) continue;
    if (d === DIM_INDEX.lovregime) out.add('lovregime');
    else if (d === DIM_INDEX.kjonn) out.add('kjonn');
    else out.add(u.pops[lines.members[lines.start[l]!]!]![d] === SUBGROUP_PARENT ? 'undergrupper' : 'grupper');
  }
  // Withholding all groups also withholds the subgroups.
  if (out.has('undergrupper')) out.add('grupper');
  return out;
}

export interface SplitOutcome extends UniverseOutcome {
  /** Rows withheld as part of a withheld split (status '.'); not among `suppressed`. */
  readonly withheld: number[];
  /** The splits withheld, e.g. "I2 bosettingskohort 2023: lovregime (fylke, kommune)". */
  readonly splits: string[];
}

/**
 * `protectUniverse`, then, where it hides a large safe cell, withhold splits one at a time, each
 * from the finest region level up, keeping every step that lowers the number of large safe cells hidden.
 */
export function protectUniverseWithSplits(rows: readonly ResultRow[], u: Universe, cfg: DisclosureConfig): SplitOutcome {
  const prepared = prepareUniverse(rows, u, cfg);
  let best: UniverseOutcome = protectUniverse(rows, u, cfg, { prepared });
  const large = cfg.protectLarge ?? 0;
  const none = { ...best, withheld: [], splits: [] };
  if (large <= 0) return none;
  const nPop = u.pops.length;
  const measureOf = new Map<number, number>();
  for (let c = 0; c < u.cell.length; c++) if (u.cell[c]! >= 0) measureOf.set(u.cell[c]!, Math.floor(c / nPop));
  const primary = (i: number) => rows[i]!.status === ':' || isPrimaryUnsafe(rows[i]!, u.info[measureOf.get(i)!]!, cfg);
  const largeHidden = (o: UniverseOutcome, withheld: ReadonlySet<number>): number =>
    o.suppressed.filter((i) => !withheld.has(i) && (rows[i]!.nevner ?? 0) >= large && !primary(i)).length;
  let count = largeHidden(best, new Set());
  if (count === 0) return none;
  const relevant = splitsAtStake(rows, u, prepared.lines, best, large, primary);
  const all = [...measureOf.keys()];
  const withheld = new Set<number>();
  const splits: string[] = [];
  for (const split of SPLITS) {
    if (!relevant.has(split.name)) continue;
    const ofSplit = all.filter((i) => !withheld.has(i) && split.parts.has(rows[i]![split.dim]));
    let tried = -1;
    let accepted: readonly Regionniva[] | null = null;
    for (const levels of LEVEL_SETS) {
      const cand = ofSplit.filter((i) => levels.includes(rows[i]!.regionniva));
      if (cand.length === 0 || cand.length === tried) continue;
      tried = cand.length;
      const trial = new Set([...withheld, ...cand]);
      const o = protectUniverse(rows, u, cfg, { prepared, initial: trial });
      const c = largeHidden(o, trial);
      // Never trade safety for it: a trial that leaves more unresolved than plain suppression is not kept.
      if (c >= count || o.unresolved > best.unresolved) continue;
      for (const i of cand) withheld.add(i);
      [best, count, accepted] = [o, c, levels];
      if (count === 0) break;
    }
    if (accepted) {
      const r = rows[ofSplit[0]!]!;
      splits.push(`${r.indikator} ${r.kohort} ${periodeKey(r)}${r.botid === null ? '' : ` botid ${r.botid}`}: ${split.name} (${accepted.join(', ')})`);
    }
    if (count === 0) break;
  }
  return { ...best, suppressed: best.suppressed.filter((i) => !withheld.has(i)), withheld: [...withheld].sort((a, b) => a - b), splits };
}
