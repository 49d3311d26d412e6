/**
 * PxWebApi v2 selection expressions for `valueCodes[dim]`, resolved against the values that exist
 * (in metadata order), without regular expressions:
 *
 *   a,b          the codes themselves           *            everything
 *   46*, 4?01    wildcards: * any run, ? one character (a linear matcher with a cost bound)
 *   top(n[,o])   the first n values (for periode: the n latest), skipping o
 *   bottom(n[,o]) the last n values (for periode: the n earliest), skipping o
 *   from(x)      x and every value after it      to(x)        every value up to and including x
 *   range(x,y)   from x to y inclusive
 *
 * Function names are case-insensitive (TOP(3) = top(3)). Metadata order is `sortValues`.
 */
import { parsePeriodeKey } from '../contract/results.ts';
import { CATEGORY_LABELS, NULL_CATEGORY, regionLevel } from '../shared/labels.ts';
import { badRequest } from './errors.ts';

export const MAX_CODE_LENGTH = 64;
/** Character steps the wildcard matcher may spend on one request before refusing it. */
export const MATCH_BUDGET = 2_000_000;
const MAX_COUNT = 100_000;

const CODE = /^[A-Za-z0-9_:.-]{1,64}$/;
const PATTERN = /^[A-Za-z0-9_:.*?-]{1,64}$/;
/** Dimensions whose values are points in time: top(n) = the latest n. */
const TIME_DIMENSIONS: ReadonlySet<string> = new Set(['periode']);

export type Selection =
  | { kind: 'all' }
  | { kind: 'code'; code: string }
  | { kind: 'pattern'; pattern: string }
  | { kind: 'top' | 'bottom'; n: number; offset: number }
  | { kind: 'from' | 'to'; code: string }
  | { kind: 'range'; from: string; to: string };

/** A step counter shared by every match of one request. */
export class MatchBudget {
  private used = 0;
  constructor(private readonly limit = MATCH_BUDGET) {}
  spend(steps: number): void {
    this.used += steps;
    if (this.used > this.limit) {
      throw badRequest('selection_too_costly', 'Utvalget er for kostbart å matche; bruk færre eller enklere mønstre.', 'The selection is too costly to match; use fewer or simpler patterns.');
    }
  }
}

/**
 * Glob match with `*` and `?` in O(|pattern|·|value|) steps at worst (one resume point, no
 * backtracking tree), each step charged to the budget.
 */
export function globMatch(pattern: string, value: string, budget: MatchBudget): boolean {
  let p = 0;
  let v = 0;
  let star = -1;
  let resume = 0;
  let steps = 0;
  try {
    while (v < value.length) {
      steps++;
      const pc = pattern[p];
      if (pc === '?' || (pc !== undefined && pc !== '*' && pc === value[v])) {
        p++;
        v++;
      } else if (pc === '*') {
        star = p++;
        resume = v;
      } else if (star >= 0) {
        p = star + 1;
        v = ++resume;
      } else {
        return false;
      }
    }
    while (pattern[p] === '*') p++;
    return p === pattern.length;
  } finally {
    budget.spend(steps + 1);
  }
}

/** Splits a parameter value on commas outside parentheses: `range(a,b),c` → [`range(a,b)`, `c`]. */
export function splitExpressions(raw: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (ch === ',' && depth === 0) {
      out.push(raw.slice(start, i));
      start = i + 1;
    }
  }
  out.push(raw.slice(start));
  return out.map((s) => s.trim());
}

/** Echo a user string in an error only after trimming it to a harmless short form. */
export function safeEcho(s: string): string {
  const clean = s.replace(/[^A-Za-z0-9_:.*?()[\]-]/g, '?');
  return clean.length > 40 ? `${clean.slice(0, 40)}…` : clean;
}

const bad = (dim: string, v: string) =>
  badRequest('bad_value', `Ugyldig verdi for ${dim}: ${safeEcho(v)}.`, `Invalid value for ${dim}: ${safeEcho(v)}.`);

function count(dim: string, expr: string, s: string | undefined): number {
  if (s === undefined || !/^\d{1,6}$/.test(s.trim())) throw bad(dim, expr);
  const n = Number(s.trim());
  if (n > MAX_COUNT) throw bad(dim, expr);
  return n;
}

function codeArg(dim: string, expr: string, s: string | undefined): string {
  const c = s?.trim() ?? '';
  if (!CODE.test(c)) throw bad(dim, expr);
  return c;
}

/** Parses one expression (already split on top-level commas). */
export function parseSelection(dim: string, expr: string): Selection {
  if (expr === '*') return { kind: 'all' };
  const fn = /^([A-Za-z]{2,6})\((.*)\)$/.exec(expr);
  if (fn) {
    const name = fn[1]!.toLowerCase();
    const args = fn[2]!.split(',');
    if ((name === 'top' || name === 'bottom') && args.length <= 2) {
      const n = count(dim, expr, args[0]);
      if (n < 1) throw bad(dim, expr);
      return { kind: name, n, offset: args.length === 2 ? count(dim, expr, args[1]) : 0 };
    }
    if ((name === 'from' || name === 'to') && args.length === 1) return { kind: name, code: codeArg(dim, expr, args[0]) };
    if (name === 'range' && args.length === 2) return { kind: 'range', from: codeArg(dim, expr, args[0]), to: codeArg(dim, expr, args[1]) };
    throw bad(dim, expr);
  }
  if (CODE.test(expr)) return { kind: 'code', code: expr };
  if (PATTERN.test(expr)) return { kind: 'pattern', pattern: expr.replace(/\*+/g, '*') };
  throw bad(dim, expr);
}

const unknown = (dim: string, values: readonly string[]) => {
  const shown = values.slice(0, 5).map(safeEcho).join(', ');
  return badRequest('unknown_value', `Ukjent verdi for ${dim}: ${shown}.`, `Unknown value for ${dim}: ${shown}.`);
};

/**
 * The values a list of expressions selects from `existing` (in metadata order), in metadata order;
 * undefined when the dimension is not restricted (`*`). Unknown codes are refused, not ignored.
 */
export function resolveSelection(dim: string, exprs: readonly string[], existing: readonly string[], budget = new MatchBudget()): string[] | undefined {
  const selections = exprs.map((e) => parseSelection(dim, e));
  if (selections.some((s) => s.kind === 'all')) return undefined;
  const index = new Map(existing.map((v, i) => [v, i]));
  const chosen = new Set<number>();
  const missing: string[] = [];
  const at = (code: string): number => {
    const i = index.get(code);
    if (i === undefined) missing.push(code);
    return i ?? -1;
  };
  const addRange = (from: number, to: number) => {
    for (let i = Math.max(0, from); i <= Math.min(existing.length - 1, to); i++) chosen.add(i);
  };
  const time = TIME_DIMENSIONS.has(dim);
  for (const s of selections) {
    switch (s.kind) {
      case 'code': {
        const i = at(s.code);
        if (i >= 0) chosen.add(i);
        break;
      }
      case 'pattern': {
        let hit = false;
        existing.forEach((v, i) => {
          if (globMatch(s.pattern, v, budget)) {
            chosen.add(i);
            hit = true;
          }
        });
        if (!hit) missing.push(s.pattern);
        break;
      }
      case 'top':
      case 'bottom': {
        // For time the latest values are "top"; elsewhere the first values in metadata order.
        const fromEnd = (s.kind === 'top') === time;
        if (fromEnd) addRange(existing.length - s.offset - s.n, existing.length - 1 - s.offset);
        else addRange(s.offset, s.offset + s.n - 1);
        break;
      }
      case 'from': {
        const i = at(s.code);
        if (i >= 0) addRange(i, existing.length - 1);
        break;
      }
      case 'to': {
        const i = at(s.code);
        if (i >= 0) addRange(0, i);
        break;
      }
      case 'range': {
        const a = at(s.from);
        const b = at(s.to);
        if (a >= 0 && b >= 0) addRange(Math.min(a, b), Math.max(a, b));
        break;
      }
      case 'all':
        break;
    }
  }
  if (missing.length) throw unknown(dim, missing);
  return [...chosen].sort((a, b) => a - b).map((i) => existing[i]!);
}

// ---------------------------------------------------------------- metadata order

function periodOrder(v: string): [number, number] {
  const p = parsePeriodeKey(v);
  return p ? [p.periode, p.vindu] : [Number.MAX_SAFE_INTEGER, 0];
}

function regionOrder(v: string): number {
  if (!/^\d+$/.test(v)) return 3;
  return { land: 0, fylke: 1, kommune: 2 }[regionLevel(v)];
}

/**
 * Values of a dimension in metadata order: periods by last year then window length (2022, 2023,
 * 2021-2023), regions country → counties → municipalities by code, numbers numerically, known
 * categories in their documented order (shared/labels.ts), anything else by code; `ingen` last.
 */
export function sortValues(dim: string, values: Iterable<string>, knownOrder?: readonly string[]): string[] {
  const known = knownOrder ?? Object.keys(CATEGORY_LABELS[dim] ?? {});
  const rank = new Map(known.map((k, i) => [k, i]));
  const cmp = (a: string, b: string): number => {
    if (a === b) return 0;
    if (a === NULL_CATEGORY) return 1;
    if (b === NULL_CATEGORY) return -1;
    if (dim === 'periode') {
      const [pa, wa] = periodOrder(a);
      const [pb, wb] = periodOrder(b);
      if (pa !== pb) return pa - pb;
      if (wa !== wb) return wa - wb;
    } else if (dim === 'region') {
      const d = regionOrder(a) - regionOrder(b);
      if (d) return d;
    } else if (/^-?\d+$/.test(a) && /^-?\d+$/.test(b) && !rank.has(a)) {
      return Number(a) - Number(b);
    }
    const ra = rank.get(a);
    const rb = rank.get(b);
    if (ra !== undefined || rb !== undefined) return (ra ?? Number.MAX_SAFE_INTEGER) - (rb ?? Number.MAX_SAFE_INTEGER);
    return a < b ? -1 : 1;
  };
  return [...new Set(values)].sort(cmp);
}
