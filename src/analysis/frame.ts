/**
 * Person-level analysis frames: one row per person (× measurement year for link 3) with the
 * outcome and the control variables of spec §"Context and control variables", built in SQL over
 * `person_fakta`, `personer`, `kommune_aar` and `nasjonalt_aar`, moved to typed arrays.
 * Missing covariates become an explicit `mangler` level (numbers: mean + a missing indicator) and
 * are counted; rows with a missing outcome are left out and counted (`utfall_mangler`).
 */
import { sql, type Store } from '../store/index.ts';
import { outcomeSource, type FrameContext, type OutcomeSpec } from './outcomes.ts';

/** A categorical covariate: per-row level codes into `levels`. */
export interface Factor {
  readonly codes: Int32Array;
  readonly levels: readonly string[];
}

export interface Frame {
  readonly outcome: OutcomeSpec;
  readonly n: number;
  readonly y: Float64Array;
  readonly kommune: Factor;
  readonly fylke: Factor;
  /** Cohort year. */
  readonly periode: Int32Array;
  readonly maaleaar: Int32Array;
  /** 1 = new act (integreringsloven), 0 = old act. */
  readonly nyLov: Uint8Array;
  readonly undergruppe: Factor;
  /** Categorical controls by name. */
  readonly factors: ReadonlyMap<string, Factor>;
  /** Numeric controls by name (NaN = missing). */
  readonly numerics: ReadonlyMap<string, Float64Array>;
  /** Persons in the population whose outcome is missing (left out, counted). */
  readonly outcomeMissing: number;
}

/** The categorical controls, their SQL (over `b` and the joined `ka`) and the missing code. */
export const FACTOR_COVARIATES: readonly (readonly [string, string])[] = [
  ['kjonn', `COALESCE(b.kjonn, 'mangler')`],
  // Age on 1 November of the measurement year, in 5-year bands.
  ['aldersgruppe', `CASE WHEN b.fodt IS NULL OR u.maaleaar IS NULL THEN 'mangler' ELSE
    CAST(CAST(least(60, greatest(15, 5 * floor(${sql.daysBetween('b.fodt', sql.dateInYear('u.maaleaar', 11, 1))} / 365.25 / 5))) AS INTEGER) AS VARCHAR) END`],
  ['landbakgrunn', `COALESCE(b.landbakgrunn, 'mangler')`],
  ['utdanning_medbrakt', `CASE WHEN b.utdanning_medbrakt IS NULL OR b.utdanning_medbrakt = 'ukjent' THEN 'mangler' ELSE b.utdanning_medbrakt END`],
  ['barn_under_18', `COALESCE(CAST(b.barn_under_18 AS VARCHAR), 'mangler')`],
  ['innvandringskategori', `COALESCE(b.innvandringskategori, 'mangler')`],
  ['sentralitet', `COALESCE(CAST(ka.sentralitet AS VARCHAR), 'mangler')`],
];

export const NUMERIC_COVARIATES: readonly (readonly [string, string])[] = [
  ['ledighet', 'ka.ledighet'],
  ['ledighet_innvandrere', 'ka.ledighet_innvandrere'],
  ['ledighet_nasjonal', 'na.ledighet'],
  // Exact years since settlement on 1 November of the measurement year (spec: "years since
  // settlement where relevant"): within a cohort year, persons settled in January have almost a
  // year more than those settled in December. Used by the models of the R outcomes (botid given).
  ['botid_eksakt', `CAST(${sql.daysBetween('b.bosatt_dato', sql.dateInYear('u.maaleaar', 11, 1))} AS DOUBLE) / 365.25`],
];

/** Person facts joined with the person table's controls: the CTE `b` of every frame query. */
export const BASE_PERSON_SQL = `SELECT pf.*, pf.kommune_bosetting AS kommune, pf.fylke_bosetting AS fylke,
    p.landbakgrunn, p.innvandringskategori, p.barn_under_18
  FROM person_fakta pf JOIN personer p ON p.person_id = pf.person_id`;

/**
 * The frame query: one packed text per row (see sql.packRow). Exported for the SQL-level tests.
 * With `baseTable`, the persons come from that table (holding BASE_PERSON_SQL) instead of the join.
 */
export function frameSql(o: OutcomeSpec, ctx: FrameContext, baseTable?: string): string {
  const has = (t: string) => ctx.tables.has(t);
  const kaJoin = has('kommune_aar')
    ? `LEFT JOIN kommune_aar ka ON ka.kommune = b.kommune AND ka.aar = u.maaleaar`
    : `LEFT JOIN (SELECT NULL AS sentralitet, CAST(NULL AS DOUBLE) AS ledighet, CAST(NULL AS DOUBLE) AS ledighet_innvandrere) ka ON FALSE`;
  const naJoin = has('nasjonalt_aar')
    ? `LEFT JOIN nasjonalt_aar na ON na.aar = u.maaleaar`
    : `LEFT JOIN (SELECT CAST(NULL AS DOUBLE) AS ledighet) na ON FALSE`;
  const cols = [
    'b.kommune', 'b.fylke', 'u.periode', 'u.maaleaar', 'b.lovregime', `COALESCE(b.undergruppe, 'ingen')`,
    `CAST(u.y AS DOUBLE)`,
    ...FACTOR_COVARIATES.map(([, e]) => e), ...NUMERIC_COVARIATES.map(([, e]) => e),
  ];
  return `WITH b AS (
  ${baseTable ? `SELECT * FROM ${sql.quoteIdent(baseTable)}` : BASE_PERSON_SQL}
),
u AS (
  ${outcomeSource(o, ctx)}
)
SELECT ${sql.packRow(cols)} AS p
FROM u JOIN b ON b.person_id = u.person_id ${kaJoin} ${naJoin}
WHERE u.periode IS NOT NULL
ORDER BY u.periode, b.kommune, b.person_id`;
}

class Coder {
  private readonly map = new Map<string, number>();
  readonly levels: string[] = [];
  code(v: string): number {
    let c = this.map.get(v);
    if (c === undefined) {
      c = this.levels.length;
      this.map.set(v, c);
      this.levels.push(v);
    }
    return c;
  }
}

/** Reads the frame of one outcome from the store. */
export async function loadFrame(store: Store, o: OutcomeSpec, ctx: FrameContext, baseTable?: string): Promise<Frame> {
  const rows = await store.all<{ p: string }>(frameSql(o, ctx, baseTable));
  const nAll = rows.length;
  const F = FACTOR_COVARIATES.length;
  const N = NUMERIC_COVARIATES.length;
  const width = 7 + F + N;
  // First pass: count rows with a known outcome.
  const parts: string[][] = new Array(nAll);
  let n = 0;
  for (let i = 0; i < nAll; i++) {
    const f = rows[i]!.p.split(sql.PACK_SEPARATOR);
    if (f.length !== width) throw new Error(`analysis frame ${o.key}: packed row has ${f.length} fields, expected ${width}`);
    parts[i] = f;
    if (f[6] !== sql.PACK_NULL) n++;
  }
  const kommune = new Coder();
  const fylke = new Coder();
  const under = new Coder();
  const fc = FACTOR_COVARIATES.map(() => new Coder());
  const y = new Float64Array(n);
  const periode = new Int32Array(n);
  const maaleaar = new Int32Array(n);
  const nyLov = new Uint8Array(n);
  const kc = new Int32Array(n);
  const fyc = new Int32Array(n);
  const uc = new Int32Array(n);
  const fcodes = FACTOR_COVARIATES.map(() => new Int32Array(n));
  const nums = NUMERIC_COVARIATES.map(() => new Float64Array(n));
  const text = (s: string) => (s === sql.PACK_NULL ? 'mangler' : s);
  let r = 0;
  for (let i = 0; i < nAll; i++) {
    const f = parts[i]!;
    if (f[6] === sql.PACK_NULL) continue;
    kc[r] = kommune.code(text(f[0]!));
    fyc[r] = fylke.code(text(f[1]!));
    periode[r] = Number(f[2]);
    maaleaar[r] = f[3] === sql.PACK_NULL ? Number(f[2]) : Number(f[3]);
    nyLov[r] = f[4] === 'integreringsloven' ? 1 : 0;
    uc[r] = under.code(text(f[5]!));
    y[r] = Number(f[6]);
    for (let j = 0; j < F; j++) fcodes[j]![r] = fc[j]!.code(text(f[7 + j]!));
    for (let j = 0; j < N; j++) {
      const s = f[7 + F + j]!;
      nums[j]![r] = s === sql.PACK_NULL ? NaN : Number(s);
    }
    r++;
  }
  return {
    outcome: o,
    n,
    y,
    kommune: { codes: kc, levels: kommune.levels },
    fylke: { codes: fyc, levels: fylke.levels },
    periode,
    maaleaar,
    nyLov,
    undergruppe: { codes: uc, levels: under.levels },
    factors: new Map(FACTOR_COVARIATES.map(([name], j) => [name, { codes: fcodes[j]!, levels: fc[j]!.levels }])),
    numerics: new Map(NUMERIC_COVARIATES.map(([name], j) => [name, nums[j]!])),
    outcomeMissing: nAll - n,
  };
}

/**
 * The fast path of the frames for a whole run (runAnalyses). Person-level columns cross to
 * JavaScript once (`prepareFrameSource`), and so do `kommune_aar` and `nasjonalt_aar`; each
 * outcome's query then returns ONE number per row (person row number, cohort year, measurement
 * year and outcome packed in a double) — formatting values as text and moving them one by one was
 * most of the frame time. The covariates that depend on the measurement year (age band on
 * 1 November, years since settlement, the year tables) are computed here with the same arithmetic
 * as their SQL in FACTOR_COVARIATES / NUMERIC_COVARIATES (day numbers, the same IEEE divisions;
 * doubles from the year tables cross as the same text), the rows are put in the same order
 * (cohort year, municipality, person) and levels are numbered by first appearance, so the frame
 * equals `loadFrame`'s exactly (bench/analysis-frames-check.ts on national data,
 * test/analysis/frame.test.ts on the fixture). Outcomes of the Gaussian family use `loadFrame`.
 */
export interface FrameSource {
  readonly baseTable: string;
  readonly utfallTable: string;
  /** Position of each person (by row number `rix`) in the order municipality, person_id. */
  readonly order: Int32Array;
  readonly kommune: Factor;
  readonly fylke: Factor;
  readonly lovregime: Factor;
  readonly undergruppe: Factor;
  /** Person-level categorical controls (SQL over `b` only). */
  readonly factors: ReadonlyMap<string, Factor>;
  /** Birth date and settlement date as day numbers since 1970-01-01 (NaN when NULL). */
  readonly fodt: Float64Array;
  readonly bosatt: Float64Array;
  /** `kommune_aar` by "kommune|aar": sentralitet as text ('mangler' when NULL), unemployment (NaN when NULL). */
  readonly ka: ReadonlyMap<string, { readonly sentralitet: string; readonly ledighet: number; readonly ledighetInnvandrere: number }>;
  /** `nasjonalt_aar`: unemployment by year. */
  readonly na: ReadonlyMap<number, number>;
}

/** Temp tables of the fast path. */
export const SOURCE_TABLES = { base: 'analyse_person', utfall: 'analyse_utfall' } as const;

/** Whether a covariate's SQL reads only the person (`b.`), not the outcome row (`u.`) or the year tables. */
const personLevel = (expr: string) => !/\b(u|ka|na)\./.test(expr);
const PERSON_FACTORS = FACTOR_COVARIATES.filter(([, e]) => personLevel(e));
/** The fast path computes each row-level covariate itself; a new one must be added here. */
const ROW_LEVEL = ['aldersgruppe', 'sentralitet', 'ledighet', 'ledighet_innvandrere', 'ledighet_nasjonal', 'botid_eksakt'];
for (const [name, expr] of [...FACTOR_COVARIATES, ...NUMERIC_COVARIATES]) {
  if (!personLevel(expr) && !ROW_LEVEL.includes(name)) throw new Error(`frame fast path: no row-level rule for covariate ${name}`);
}

/** Codes a packed text column into a factor (levels by first appearance; NULL → 'mangler'). */
class ColumnCoder {
  readonly coder = new Coder();
  readonly codes: Int32Array;
  constructor(n: number) {
    this.codes = new Int32Array(n);
  }
  set(i: number, s: string): void {
    this.codes[i] = this.coder.code(s === sql.PACK_NULL ? 'mangler' : s);
  }
  factor(): Factor {
    return { codes: this.codes, levels: this.coder.levels };
  }
}

const num = (s: string) => (s === sql.PACK_NULL ? NaN : Number(s));
const DAY_MS = 86_400_000;
/** Day number of 1 November of a year (make_date(year, 11, 1)). */
const november1 = (year: number) => Date.UTC(year, 10, 1) / DAY_MS;
const dayNumber = (expr: string) => sql.daysBetween(`DATE '1970-01-01'`, expr);

/**
 * Builds the temp tables of a run (persons; the `utfall` rows the R outcomes can match) and reads
 * the person-level columns and the year tables once.
 */
export async function prepareFrameSource(store: Store, ctx: FrameContext, outcomes: readonly OutcomeSpec[]): Promise<FrameSource> {
  const base = SOURCE_TABLES.base;
  await store.run(`CREATE OR REPLACE TEMP TABLE ${base} AS ${BASE_PERSON_SQL}`);
  let utfallTable = 'utfall';
  const botid = outcomes.map((o) => o.botid).filter((t): t is number => t !== null);
  if (ctx.tables.has('utfall') && botid.length > 0) {
    utfallTable = SOURCE_TABLES.utfall;
    await store.run(`CREATE OR REPLACE TEMP TABLE ${utfallTable} AS
SELECT uf.* FROM utfall uf JOIN ${base} b ON b.person_id = uf.person_id
WHERE uf.aar - b.bosatt_aar BETWEEN ${sql.litNum(Math.min(...botid))} AND ${sql.litNum(Math.max(...botid))}`);
  }
  const cols = [
    'b.rowid', dayNumber('b.fodt'), dayNumber('b.bosatt_dato'), 'b.kommune', 'b.fylke', 'b.lovregime', `COALESCE(b.undergruppe, 'ingen')`,
    ...PERSON_FACTORS.map(([, e]) => e),
  ];
  const rows = await store.all<{ p: string }>(`SELECT ${sql.packRow(cols)} AS p FROM ${base} b ORDER BY b.kommune, b.person_id`);
  const n = rows.length;
  const order = new Int32Array(n);
  const fodt = new Float64Array(n);
  const bosatt = new Float64Array(n);
  const coders = cols.map(() => new ColumnCoder(n));
  for (let i = 0; i < n; i++) {
    const f = rows[i]!.p.split(sql.PACK_SEPARATOR);
    if (f.length !== cols.length) throw new Error(`analysis persons: packed row has ${f.length} fields, expected ${cols.length}`);
    const rix = Number(f[0]);
    order[rix] = i;
    fodt[rix] = num(f[1]!);
    bosatt[rix] = num(f[2]!);
    for (let j = 3; j < cols.length; j++) coders[j]!.set(rix, f[j]!);
  }
  const ka = new Map<string, { sentralitet: string; ledighet: number; ledighetInnvandrere: number }>();
  if (ctx.tables.has('kommune_aar')) {
    const kr = await store.all<{ p: string }>(`SELECT ${sql.packRow(['kommune', 'aar', `COALESCE(CAST(sentralitet AS VARCHAR), 'mangler')`, 'ledighet', 'ledighet_innvandrere'])} AS p FROM kommune_aar`);
    for (const r of kr) {
      const f = r.p.split(sql.PACK_SEPARATOR);
      if (f[0] === sql.PACK_NULL || f[1] === sql.PACK_NULL) continue; // never matches a join
      ka.set(`${f[0]}|${Number(f[1])}`, { sentralitet: f[2]!, ledighet: num(f[3]!), ledighetInnvandrere: num(f[4]!) });
    }
  }
  const na = new Map<number, number>();
  if (ctx.tables.has('nasjonalt_aar')) {
    for (const r of await store.all<{ p: string }>(`SELECT ${sql.packRow(['aar', 'ledighet'])} AS p FROM nasjonalt_aar`)) {
      const f = r.p.split(sql.PACK_SEPARATOR);
      if (f[0] !== sql.PACK_NULL) na.set(Number(f[0]), num(f[1]!));
    }
  }
  return {
    baseTable: base,
    utfallTable,
    order,
    kommune: coders[3]!.factor(),
    fylke: coders[4]!.factor(),
    lovregime: coders[5]!.factor(),
    undergruppe: coders[6]!.factor(),
    factors: new Map(PERSON_FACTORS.map(([name], j) => [name, coders[7 + j]!.factor()])),
    fodt,
    bosatt,
    ka,
    na,
  };
}

export async function dropFrameSource(store: Store): Promise<void> {
  for (const t of Object.values(SOURCE_TABLES)) await store.run(`DROP TABLE IF EXISTS ${t}`);
}

/** Offsets of the packed row code: cohort year − 1900 in 0..255, measurement year − cohort year in −127..126 (255 = NULL). */
const YEAR0 = 1900;

/**
 * The fast path's query of one binomial outcome: one double per row,
 * ((rix · 256 + periode − 1900) · 256 + maaleaar − periode + 128) · 4 + y (2 = NULL); NULL when a
 * year is out of range (loadFrameFrom then stops). Unordered (loadFrameFrom orders).
 */
export function frameRowSql(o: OutcomeSpec, ctx: FrameContext, src: Pick<FrameSource, 'baseTable' | 'utfallTable'>): string {
  const inRange = `u.periode BETWEEN ${YEAR0} AND ${YEAR0 + 255} AND (u.maaleaar IS NULL OR u.maaleaar - u.periode BETWEEN -127 AND 126)`;
  const my = `COALESCE(u.maaleaar - u.periode + 128, 255)`;
  const y = `COALESCE(CAST(u.y AS INTEGER), 2)`;
  return `WITH b AS (
  SELECT rowid, * FROM ${sql.quoteIdent(src.baseTable)}
),
u AS (
  ${outcomeSource(o, ctx, src.utfallTable, ['b.rowid AS rix'])}
)
SELECT CASE WHEN ${inRange} THEN ((CAST(u.rix AS DOUBLE) * 256 + (u.periode - ${YEAR0})) * 256 + ${my}) * 4 + ${y} END AS c
FROM u
WHERE u.periode IS NOT NULL`;
}

/** Re-numbers a person-level factor's codes for the frame's rows by first appearance (as loadFrame's coder). */
function localFactor(global: Factor, rix: Int32Array): Factor {
  const map = new Int32Array(global.levels.length).fill(-1);
  const levels: string[] = [];
  const codes = new Int32Array(rix.length);
  for (let r = 0; r < rix.length; r++) {
    const g = global.codes[rix[r]!]!;
    let c = map[g]!;
    if (c < 0) {
      c = map[g] = levels.length;
      levels.push(global.levels[g]!);
    }
    codes[r] = c;
  }
  return { codes, levels };
}

/**
 * Row order by (cohort year, person position): a numeric sort of one key per row,
 * (year − 1900) · 2^24 + position, when every key is distinct (one row per person and year);
 * otherwise a comparison sort.
 */
function frameOrder(per: Int32Array, rix: Int32Array, order: Int32Array): Int32Array {
  const n = per.length;
  const keys = new Float64Array(n);
  const rowOf = new Map<number, number>();
  for (let r = 0; r < n; r++) {
    const k = (per[r]! - YEAR0) * 2 ** 24 + order[rix[r]!]!;
    keys[r] = k;
    rowOf.set(k, r);
  }
  if (rowOf.size !== n || order.length >= 2 ** 24) {
    return Int32Array.from(Array.from({ length: n }, (_, r) => r).sort((a, b) => per[a]! - per[b]! || order[rix[a]!]! - order[rix[b]!]!));
  }
  keys.sort();
  return Int32Array.from(keys, (k) => rowOf.get(k)!);
}

/** Reads the frame of one outcome through a FrameSource (equal to loadFrame's frame). */
export async function loadFrameFrom(store: Store, o: OutcomeSpec, ctx: FrameContext, src: FrameSource): Promise<Frame> {
  if (o.family !== 'binomial') return loadFrame(store, o, ctx, src.baseTable);
  const rows = await store.all<{ c: number | null }>(frameRowSql(o, ctx, src));
  const nAll = rows.length;
  // Decode; keep rows with a known outcome (the others are left out and counted).
  const all = new Float64Array(nAll);
  let n = 0;
  for (let i = 0; i < nAll; i++) {
    const c = rows[i]!.c;
    if (c === null) throw new Error(`analysis frame ${o.key}: a cohort or measurement year is out of the packed range`);
    all[i] = c;
    if (c % 4 !== 2) n++;
  }
  const rixU = new Int32Array(n);
  const per = new Int32Array(n);
  const myU = new Int32Array(n);
  const yU = new Uint8Array(n);
  let m = 0;
  for (let i = 0; i < nAll; i++) {
    let c = all[i]!;
    const yy = c % 4;
    if (yy === 2) continue;
    c = (c - yy) / 4;
    const d = c % 256;
    c = (c - d) / 256;
    const p = c % 256;
    rixU[m] = (c - p) / 256;
    per[m] = p + YEAR0;
    myU[m] = d;
    yU[m++] = yy;
  }
  // The frame's order: cohort year, then municipality and person (the persons' order).
  const sorted = frameOrder(per, rixU, src.order);
  const rix = new Int32Array(n);
  const y = new Float64Array(n);
  const periode = new Int32Array(n);
  const maaleaar = new Int32Array(n);
  const age = new ColumnCoder(n);
  const sentr = new ColumnCoder(n);
  const led = new Float64Array(n);
  const ledInnv = new Float64Array(n);
  const ledNasj = new Float64Array(n);
  const botid = new Float64Array(n);
  const kommuneText = src.kommune.levels;
  for (let r = 0; r < n; r++) {
    const s = sorted[r]!;
    const pr = rix[r] = rixU[s]!;
    const pe = periode[r] = per[s]!;
    const my = myU[s] === 255 ? null : pe + myU[s]! - 128;
    maaleaar[r] = my ?? pe;
    y[r] = yU[s]!;
    const fodt = src.fodt[pr]!;
    const bosatt = src.bosatt[pr]!;
    if (my === null || Number.isNaN(fodt)) age.set(r, 'mangler');
    else {
      // CAST(least(60, greatest(15, 5 * floor(date_diff('day', fodt, 1 Nov) / 365.25 / 5))) AS INTEGER)
      const band = Math.min(60, Math.max(15, 5 * Math.floor((november1(my) - fodt) / 365.25 / 5)));
      age.set(r, String(Math.round(band)));
    }
    const k = kommuneText[src.kommune.codes[pr]!]!;
    const kar = my === null || k === 'mangler' ? undefined : src.ka.get(`${k}|${my}`);
    sentr.set(r, kar ? kar.sentralitet : 'mangler');
    led[r] = kar ? kar.ledighet : NaN;
    ledInnv[r] = kar ? kar.ledighetInnvandrere : NaN;
    ledNasj[r] = my === null ? NaN : (src.na.get(my) ?? NaN);
    // CAST(date_diff('day', bosatt_dato, 1 Nov) AS DOUBLE) / 365.25: the same IEEE division.
    botid[r] = my === null || Number.isNaN(bosatt) ? NaN : (november1(my) - bosatt) / 365.25;
  }
  const lov = localFactor(src.lovregime, rix);
  const ny = lov.levels.indexOf('integreringsloven');
  const nyLov = new Uint8Array(n);
  for (let r = 0; r < n; r++) nyLov[r] = lov.codes[r] === ny ? 1 : 0;
  const rowFactor: Record<string, Factor> = { aldersgruppe: age.factor(), sentralitet: sentr.factor() };
  const rowNumeric: Record<string, Float64Array> = {
    ledighet: led, ledighet_innvandrere: ledInnv, ledighet_nasjonal: ledNasj, botid_eksakt: botid,
  };
  return {
    outcome: o,
    n,
    y,
    kommune: localFactor(src.kommune, rix),
    fylke: localFactor(src.fylke, rix),
    periode,
    maaleaar,
    nyLov,
    undergruppe: localFactor(src.undergruppe, rix),
    factors: new Map(FACTOR_COVARIATES.map(([name, expr]) => [name, personLevel(expr) ? localFactor(src.factors.get(name)!, rix) : rowFactor[name]!])),
    numerics: new Map(NUMERIC_COVARIATES.map(([name]) => [name, rowNumeric[name]!])),
    outcomeMissing: nAll - n,
  };
}

/** The rows of a frame where keep[i] is true, as a new frame (level lists are shared). */
export function subsetFrame(f: Frame, keep: (i: number) => boolean): Frame {
  const ix: number[] = [];
  for (let i = 0; i < f.n; i++) if (keep(i)) ix.push(i);
  const pickI = (a: Int32Array) => Int32Array.from(ix, (i) => a[i]!);
  const pickF = (a: Float64Array) => Float64Array.from(ix, (i) => a[i]!);
  const fac = (x: Factor): Factor => ({ codes: pickI(x.codes), levels: x.levels });
  return {
    outcome: f.outcome,
    n: ix.length,
    y: pickF(f.y),
    kommune: fac(f.kommune),
    fylke: fac(f.fylke),
    periode: pickI(f.periode),
    maaleaar: pickI(f.maaleaar),
    nyLov: Uint8Array.from(ix, (i) => f.nyLov[i]!),
    undergruppe: fac(f.undergruppe),
    factors: new Map([...f.factors].map(([k, v]) => [k, fac(v)])),
    numerics: new Map([...f.numerics].map(([k, v]) => [k, pickF(v)])),
    outcomeMissing: f.outcomeMissing,
  };
}
