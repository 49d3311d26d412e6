/**
 * The linear relations ("lines") a reader can form between the populations of one universe:
 * region kommune → fylke → land, groups, sex and regime (docs/disclosure.md). A line is a total
 * population and its part populations; the same lines hold for every measure of the universe.
 */

import { parsePeriodeKey } from '../contract/results.ts';
import { GROUP_RELATIONS, INEQUALITY_GROUP_TOTALS, REGIMES, SEXES, TOTAL, partsOf } from '../contract/dimensions.ts';

/**
 * Population dimensions, in key order. `periode` is the period key (`periodeKey`: `2023`, or
 * `2021-2023` for a pooled window): a universe holds several periods only when pools tie them
 * together (universe.ts), and then pool = Σ its years is a line like any other.
 */
export const POP_DIMS = ['lovregime', 'gruppe', 'kjonn', 'region', 'periode'] as const;
export type PopDim = (typeof POP_DIMS)[number];

interface ChildRule {
  readonly children: readonly string[];
}

/**
 * Lines of the flat dimensions and the group hierarchy, from contract/dimensions.ts. Groups
 * (law-rules §3): `intro` ≥ under_25 + har_vgo + ovrige, since the subgroups are set at programme
 * start and `intro` also holds persons who have not started; `alle` ≥ intro + norsk_rett_plikt +
 * norsk_plikt (persons in none of them are possible). The line rules use both lines where the
 * data happen to add up; the audit and the reader treat them as inequalities only (`inequalityLines`).
 */
const FIXED: Record<Exclude<PopDim, 'region' | 'periode'>, Record<string, ChildRule>> = {
  kjonn: { [TOTAL]: { children: partsOf(SEXES) } },
  lovregime: { [TOTAL]: { children: partsOf(REGIMES) } },
  gruppe: Object.fromEntries(GROUP_RELATIONS.map((r) => [r.total, { children: r.parts }])),
};

/** Region rules from the codes present: land '0' = Σ fylker (2 digits) = Σ kommuner (4 digits, fylke prefix). */
function regionRules(values: readonly string[]): Record<string, ChildRule> {
  const fylker = values.filter((v) => v.length === 2);
  const kommuner = values.filter((v) => v.length === 4);
  const rules: Record<string, ChildRule> = { '0': { children: fylker.length > 0 ? fylker : kommuner } };
  for (const f of fylker) rules[f] = { children: kommuner.filter((k) => k.startsWith(f)) };
  return rules;
}

/** Pooled windows: `2021-2023` = 2021 + 2022 + 2023 (the years present). */
function periodRules(values: readonly string[]): Record<string, ChildRule> {
  const rules: Record<string, ChildRule> = {};
  for (const v of values) {
    const w = parsePeriodeKey(v);
    if (!w || w.vindu <= 1) continue;
    rules[v] = { children: Array.from({ length: w.vindu }, (_, i) => String(w.periode - w.vindu + 1 + i)) };
  }
  return rules;
}

/**
 * For one dimension, parent value → child values present among `values`. A child missing from
 * the table is replaced by its own children (e.g. no `intro` row: its three parts count directly).
 */
export function childValues(dim: PopDim, values: readonly string[]): Map<string, string[]> {
  const rules = dim === 'region' ? regionRules(values) : dim === 'periode' ? periodRules(values) : FIXED[dim];
  const present = new Set(values);
  const expand = (v: string, depth: number): string[] => {
    if (present.has(v)) return [v];
    const sub = rules[v];
    if (!sub || depth > 3) return [];
    return sub.children.flatMap((c) => expand(c, depth + 1));
  };
  const out = new Map<string, string[]>();
  for (const [parent, rule] of Object.entries(rules)) {
    if (!present.has(parent)) continue;
    const kids = rule.children.flatMap((c) => expand(c, 0)).filter((c) => c !== parent);
    if (kids.length > 0) out.set(parent, kids);
  }
  return out;
}

/** Lines over populations in CSR form: members of line l are members[start[l]..start[l+1]), the first is the total. */
export interface Lines {
  readonly start: Int32Array;
  readonly members: Int32Array;
  /** Dimension of each line (index into POP_DIMS; -1 for other lines such as distributions). */
  readonly dim: Int8Array;
}

/** Build the population lines of a universe from its population keys (values per POP_DIMS). */
export function populationLines(pops: readonly (readonly string[])[]): Lines {
  const index = new Map(pops.map((p, i) => [p.join('|'), i] as const));
  const start = [0];
  const members: number[] = [];
  const dims: number[] = [];
  POP_DIMS.forEach((dim, d) => {
    const rules = childValues(dim, [...new Set(pops.map((p) => p[d]!))]);
    pops.forEach((p, i) => {
      const kids = rules.get(p[d]!);
      if (!kids) return;
      const parts: number[] = [];
      for (const k of kids) {
        const q = p.slice();
        q[d] = k;
        const j = index.get(q.join('|'));
        if (j !== undefined) parts.push(j);
      }
      if (parts.length === 0) return;
      members.push(i, ...parts);
      start.push(members.length);
      dims.push(d);
    });
  });
  return { start: Int32Array.from(start), members: Int32Array.from(members), dim: Int8Array.from(dims) };
}

const GRUPPE = POP_DIMS.indexOf('gruppe');
/** Group totals that may hold persons outside their parts: for a reader only `total ≥ Σ parts`. */
const INEQUALITY_TOTALS: ReadonlySet<string> = new Set(INEQUALITY_GROUP_TOTALS);

/** 1 = line l is only an inequality for a reader (gruppe `alle` or `intro` ≥ its groups), however the data add up. */
export function inequalityLines(pops: readonly (readonly string[])[], lines: Lines): Uint8Array {
  return Uint8Array.from(lines.dim, (d, l) => (d === GRUPPE && INEQUALITY_TOTALS.has(pops[lines.members[lines.start[l]!]!]![GRUPPE]!) ? 1 : 0));
}
