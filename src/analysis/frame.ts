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

/** Temp table holding BASE_PERSON_SQL once for all frames of a run (see materialiseBase). */
export const BASE_TABLE = 'analyse_person';

/** Builds the base table once, so each frame query does not repeat the join of all persons. */
export async function materialiseBase(store: Store): Promise<void> {
  await store.run(`CREATE OR REPLACE TEMP TABLE ${BASE_TABLE} AS ${BASE_PERSON_SQL}`);
}

/**
 * The frame query: one packed text per row (see sql.packRow). Exported for the SQL-level tests.
 * With `baseTable`, the persons come from that table (materialiseBase) instead of the join.
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
