/**
 * From a frame to a design matrix: treatment-coded factors (reference = the most frequent level;
 * rare levels pooled), numeric controls (missing → the mean plus a missing indicator) and extra
 * columns (e.g. the regime term). Counts the rows in each covariate's missing category.
 */
import type { Factor, Frame } from './frame.ts';
import type { Design } from './glm.ts';

export const MISSING = 'mangler';
const RARE = 'sjeldne';

export interface FactorTerm {
  readonly name: string;
  readonly factor: Factor;
  /** Keep at most this many levels (the largest); the rest are pooled as `annet`. */
  readonly maxLevels?: number;
}

export interface NumericTerm {
  readonly name: string;
  readonly values: Float64Array;
}

export interface DesignSpec {
  readonly factors: readonly FactorTerm[];
  readonly numerics: readonly NumericTerm[];
  /** Minimum persons in a level; smaller levels are pooled (default 30). */
  readonly minLevel?: number;
}

export interface BuiltDesign {
  readonly design: Design;
  /** Persons in each covariate's missing category. */
  readonly missing: Record<string, number>;
  /** Covariate names (terms) in the model. */
  readonly covariates: readonly string[];
  /** Model formula in R/patsy notation. */
  readonly formula: (outcome: string) => string;
}

/** A factor from integer values (e.g. cohort years), levels as text. */
export function factorOfInts(values: Int32Array): Factor {
  const levels: string[] = [];
  const map = new Map<number, number>();
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    let c = map.get(v);
    if (c === undefined) {
      c = levels.length;
      map.set(v, c);
      levels.push(String(v));
    }
    codes[i] = c;
  }
  return { codes, levels };
}

/** The factor and numeric terms of a frame by name. */
export function frameTerms(f: Frame, factors: readonly string[], numerics: readonly string[]): { factors: FactorTerm[]; numerics: NumericTerm[] } {
  return {
    factors: factors.map((name) => {
      if (name === 'kohortaar') return { name, factor: factorOfInts(f.periode) };
      const factor = f.factors.get(name);
      if (!factor) throw new Error(`unknown factor ${name}`);
      return name === 'landbakgrunn' ? { name, factor, maxLevels: 10 } : { name, factor };
    }),
    numerics: numerics.map((name) => {
      const values = f.numerics.get(name);
      if (!values) throw new Error(`unknown numeric covariate ${name}`);
      return { name, values };
    }),
  };
}

interface Plan {
  /** Column of each original level (−1 = reference). */
  readonly col: Int32Array;
  readonly missingCount: number;
}

function planFactor(t: FactorTerm, n: number, minLevel: number, names: string[]): Plan {
  const L = t.factor.levels.length;
  const count = new Float64Array(L);
  for (let i = 0; i < n; i++) count[t.factor.codes[i]!]!++;
  const order = [...count.keys()].filter((l) => count[l]! > 0).sort((a, b) => count[b]! - count[a]! || t.factor.levels[a]!.localeCompare(t.factor.levels[b]!));
  const kept = new Set<number>();
  for (const l of order) {
    if (t.maxLevels !== undefined && kept.size >= t.maxLevels) break;
    if (count[l]! >= minLevel) kept.add(l);
  }
  const missingLevel = t.factor.levels.indexOf(MISSING);
  const ref = order.find((l) => kept.has(l) && l !== missingLevel) ?? order[0];
  const col = new Int32Array(L).fill(-1);
  // Pooled level for the rest (only if it is big enough; else they join the reference).
  let pooled = 0;
  for (const l of order) if (!kept.has(l)) pooled += count[l]!;
  let pooledCol = -1;
  if (pooled >= minLevel) {
    pooledCol = names.length;
    names.push(`${t.name}[${t.maxLevels !== undefined ? 'annet' : RARE}]`);
  }
  for (const l of [...kept].sort((a, b) => t.factor.levels[a]!.localeCompare(t.factor.levels[b]!))) {
    if (l === ref) continue;
    col[l] = names.length;
    names.push(`${t.name}[${t.factor.levels[l]}]`);
  }
  for (const l of order) if (!kept.has(l)) col[l] = pooledCol;
  return { col, missingCount: missingLevel >= 0 ? count[missingLevel]! : 0 };
}

/** Builds the sparse design; `extra` columns (name, value per row) are appended at the end. */
export function buildDesign(n: number, spec: DesignSpec, extra: readonly { name: string; values: Float64Array }[] = []): BuiltDesign {
  const minLevel = spec.minLevel ?? 30;
  const names: string[] = ['Intercept'];
  const missing: Record<string, number> = {};
  const plans = spec.factors.map((t) => {
    const p = planFactor(t, n, minLevel, names);
    missing[t.name] = p.missingCount;
    return p;
  });
  const numPlans = spec.numerics.map((t) => {
    let sum = 0;
    let known = 0;
    for (let i = 0; i < n; i++) {
      const v = t.values[i]!;
      if (!Number.isNaN(v)) {
        sum += v;
        known++;
      }
    }
    const mean = known ? sum / known : 0;
    missing[t.name] = n - known;
    const col = known > 0 ? names.push(t.name) - 1 : -1;
    const missCol = known < n && known > 0 ? names.push(`${t.name}_mangler`) - 1 : -1;
    return { mean, col, missCol };
  });
  const extraCols = extra.map((e) => names.push(e.name) - 1);
  const k = 1 + plans.length + 2 * numPlans.length + extra.length;
  const idx = new Int32Array(n * k).fill(-1);
  const val = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    let s = i * k;
    idx[s] = 0;
    val[s++] = 1;
    for (let j = 0; j < plans.length; j++) {
      const c = plans[j]!.col[spec.factors[j]!.factor.codes[i]!]!;
      idx[s] = c;
      val[s++] = 1;
    }
    for (let j = 0; j < numPlans.length; j++) {
      const np = numPlans[j]!;
      const v = spec.numerics[j]!.values[i]!;
      const miss = Number.isNaN(v);
      idx[s] = np.col;
      val[s++] = miss ? np.mean : v;
      idx[s] = miss ? np.missCol : -1;
      val[s++] = 1;
    }
    for (let j = 0; j < extra.length; j++) {
      idx[s] = extraCols[j]!;
      val[s++] = extra[j]!.values[i]!;
    }
  }
  const covariates = [...spec.factors.map((t) => t.name), ...spec.numerics.map((t) => t.name), ...extra.map((e) => e.name)];
  const formula = (outcome: string) =>
    `${outcome} ~ ${[...spec.factors.map((t) => `C(${t.name})`), ...spec.numerics.map((t) => t.name), ...extra.map((e) => e.name)].join(' + ')}`;
  return { design: { n, p: names.length, k, idx, val, names }, missing, covariates, formula };
}
