/**
 * The linear relations a reader can form between published cells of one indicator
 * (issue 4): region kommune → fylke → land, groups, sex and regime. `le` marks a total that may
 * hold persons outside the published parts (gruppe `alle`), i.e. an inequality.
 */
import { D_GRUPPE, D_KJONN, D_LOVREGIME, D_REGION } from './cell-table.ts';

export interface ChildRule {
  readonly children: readonly string[];
  readonly le: boolean;
}

const FIXED: Record<number, Record<string, ChildRule>> = {
  [D_KJONN]: { alle: { children: ['1', '2'], le: false } },
  [D_LOVREGIME]: { alle: { children: ['introduksjonsloven', 'integreringsloven'], le: false } },
  [D_GRUPPE]: {
    // data contract: under_25, har_vgo and ovrige partition the intro participants.
    intro: { children: ['under_25', 'har_vgo', 'ovrige'], le: false },
    // `alle` may include persons in no published group: an inequality (issue 4).
    alle: { children: ['intro', 'norsk_rett_plikt', 'norsk_plikt'], le: true },
  },
};

export const HIERARCHY_DIMS = [D_REGION, D_GRUPPE, D_KJONN, D_LOVREGIME] as const;

/** Region rules from the codes present: land '0' ⊇ fylke (2 digits) ⊇ kommune (4 digits, fylke prefix). */
function regionRules(values: readonly string[]): Record<string, ChildRule> {
  const fylker = values.filter((v) => v.length === 2);
  const kommuner = values.filter((v) => v.length === 4);
  const rules: Record<string, ChildRule> = {};
  rules['0'] = { children: fylker.length > 0 ? fylker : kommuner, le: false };
  for (const f of fylker) rules[f] = { children: kommuner.filter((k) => k.startsWith(f)), le: false };
  return rules;
}

/**
 * For one dimension, parent code → child codes present in the table. A child missing from the
 * table is replaced by its own children (e.g. no `intro` row: its three parts count directly).
 */
export function childCodes(dim: number, values: readonly string[]): Map<number, { codes: number[]; le: boolean }> {
  const rules = dim === D_REGION ? regionRules(values) : (FIXED[dim] ?? {});
  const index = new Map(values.map((v, i) => [v, i] as const));
  const expand = (v: string, depth: number): number[] => {
    const code = index.get(v);
    if (code !== undefined) return [code];
    const sub = rules[v];
    if (!sub || depth > 3) return [];
    return sub.children.flatMap((c) => expand(c, depth + 1));
  };
  const out = new Map<number, { codes: number[]; le: boolean }>();
  for (const [parent, rule] of Object.entries(rules)) {
    const code = index.get(parent);
    if (code === undefined) continue;
    const codes = rule.children.flatMap((c) => expand(c, 0)).filter((c) => c !== code);
    if (codes.length > 0) out.set(code, { codes, le: rule.le });
  }
  return out;
}
