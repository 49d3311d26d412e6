/**
 * The outcomes the analyses model (issue 10, spec indicators.md A1–A4): each is one person-level
 * SQL row source over `person_fakta` with the outcome `y` (NULL = missing, counted, never "no"),
 * the cohort year `periode` and the measurement year `maaleaar` (for municipal unemployment).
 * Populations follow the engine's default operationalisations for the target group `intro`.
 */
import { AARSAK, AARSAK_GRUPPE, CEFR } from '../contract/codes.ts';
import type { Gruppe, Kohort } from '../contract/results.ts';
import { sql } from '../store/index.ts';
import type { Family } from './glm.ts';

export interface OutcomeSpec {
  /** Key used in metadata and logs, e.g. `R2_b2`. */
  readonly key: string;
  readonly indikator: string;
  readonly maal: string;
  readonly botid: number | null;
  readonly kohort: Kohort;
  readonly gruppe: Gruppe;
  readonly family: Family;
  /** Result-chain link, for A2. */
  readonly ledd: 'innsats' | 'programresultat' | 'integreringsresultat';
  /** Norwegian label for docs and logs. */
  readonly navn: string;
  /** Tables the outcome needs (absent → the outcome is skipped). */
  readonly tables: readonly string[];
}

/** What the row sources need to know about the data. */
export interface FrameContext {
  readonly tables: ReadonlySet<string>;
  readonly lastDate: string;
  readonly lastOutcomeYear: number | null;
  /** Average G by year (law-rules §8), for R3. */
  readonly averageG: ReadonlyMap<number, number>;
}

const intro = (extra: Partial<OutcomeSpec>, base: Omit<OutcomeSpec, 'gruppe' | 'family' | 'kohort' | 'botid'>): OutcomeSpec => ({
  gruppe: 'intro', family: 'binomial', kohort: 'bosettingskohort', botid: null, ...base, ...extra,
});

/** The default outcome set (issue 10 §1). */
export const OUTCOMES: readonly OutcomeSpec[] = [
  ...[1, 2, 3].flatMap((t) => [
    intro({ botid: t }, { key: `R1_b${t}`, indikator: 'R1', maal: 'andel', ledd: 'integreringsresultat', navn: `I arbeid eller utdanning ${t} år etter bosetting`, tables: ['utfall'] }),
    intro({ botid: t }, { key: `R2_b${t}`, indikator: 'R2', maal: 'andel', ledd: 'integreringsresultat', navn: `Sysselsatt ${t} år etter bosetting`, tables: ['utfall'] }),
  ]),
  ...[2, 3].map((t) =>
    intro({ botid: t }, { key: `R3_b${t}`, indikator: 'R3', maal: 'andel', ledd: 'integreringsresultat', navn: `Inntekt over 2G ${t} år etter bosetting`, tables: ['utfall'] })),
  intro({ kohort: 'avslutningskohort' }, { key: 'P1', indikator: 'P1', maal: 'arbeid_eller_utdanning', ledd: 'programresultat', navn: 'Arbeid eller utdanning som hovedårsak ved avslutning', tables: ['avslutning'] }),
  intro({}, { key: 'P4', indikator: 'P4', maal: 'b1_muntlig_skriftlig', ledd: 'programresultat', navn: 'Minst B1 muntlig og skriftlig', tables: ['proever'] }),
  intro({}, { key: 'P5', indikator: 'P5', maal: 'andel', ledd: 'programresultat', navn: 'Bestått samfunnskunnskap innen 1 år', tables: ['proever'] }),
  intro({}, { key: 'I5', indikator: 'I5', maal: 'programstart', ledd: 'innsats', navn: 'Programstart innen 3 måneder etter bosetting', tables: [] }),
  intro({ gruppe: 'under_25', kohort: 'startkohort' }, { key: 'I10', indikator: 'I10', maal: 'under_25_fullfort_vgo', ledd: 'innsats', navn: 'Under 25 med fullført vgo som sluttmål', tables: ['maal'] }),
];

/** A4c: the share of intro participants whose last end goal is an education goal (ambition of goals). */
export const A4C_OUTCOME: OutcomeSpec = intro({ kohort: 'startkohort' }, {
  key: 'A4c', indikator: 'I10', maal: 'utdanningsmaal', ledd: 'innsats', navn: 'Sluttmål om utdanning (grunnskole, vgo, høyere)', tables: ['maal'],
});
const EDUCATION_GOALS = ['kvalifisert_hoyere_utdanning', 'fullfort_vgo', 'delvis_vgo', 'fullfort_grunnskole', 'delvis_grunnskole'];

const WORK_OR_EDUCATION = AARSAK.filter((a) => AARSAK_GRUPPE[a] === 'arbeid' || AARSAK_GRUPPE[a] === 'utdanning');
/** CEFR level → rank 0..5 (law-rules §7), as the engine ranks them. */
const B1 = CEFR.indexOf('B1');
const rank = (e: string) => `(${sql.listPosition(sql.listLit(CEFR), e)} - 1)`;

/**
 * The row source of one outcome: columns person_id, periode, maaleaar, y (BOOLEAN/DOUBLE or NULL),
 * over the CTE `b` (person_fakta joined with personer). `utfallTable` may name a subset of `utfall`
 * that holds every row the R outcomes can match (see frame.ts, prepareFrameSource); `extra`
 * columns (expressions over `b`, with aliases) are added to the row source's columns.
 */
export function outcomeSource(o: OutcomeSpec, ctx: FrameContext, utfallTable = 'utfall', extra: readonly string[] = []): string {
  const text = outcomeSourceText(o, ctx, utfallTable);
  if (extra.length === 0) return text;
  // Every source starts with `SELECT b.person_id,`: further columns of `b` go right after it.
  if (!text.startsWith('SELECT b.person_id,')) throw new Error(`outcome source ${o.key} does not start with SELECT b.person_id`);
  return `SELECT b.person_id, ${extra.join(', ')},${text.slice('SELECT b.person_id,'.length)}`;
}

function outcomeSourceText(o: OutcomeSpec, ctx: FrameContext, utfallTable: string): string {
  const last = sql.dateLit(ctx.lastDate);
  const settledIntro = `b.maalgruppe = 'intro' AND b.bosatt_dato IS NOT NULL`;
  switch (o.indikator) {
    case 'R1':
    case 'R2':
    case 'R3': {
      const t = o.botid ?? 1;
      const my = `(b.bosatt_aar + ${sql.litNum(t)})`;
      const nov = sql.dateInYear(my, 11, 1);
      const g = [...ctx.averageG].map(([y, v]) => `(${sql.litNum(y)}, ${sql.litNum(v)})`);
      const gJoin = o.indikator === 'R3' && g.length
        ? `LEFT JOIN (VALUES ${g.join(', ')}) AS g(aar, verdi) ON g.aar = ${my}`
        : o.indikator === 'R3' ? `LEFT JOIN (SELECT CAST(NULL AS INTEGER) AS aar, CAST(NULL AS DOUBLE) AS verdi) g ON FALSE` : '';
      const value = o.indikator === 'R1' ? '(uf.sysselsatt OR uf.under_utdanning)' : o.indikator === 'R2' ? 'uf.sysselsatt' : '(uf.yrkesinntekt >= 2 * g.verdi)';
      return `SELECT b.person_id, b.bosatt_aar AS periode, ${my} AS maaleaar,
    CASE WHEN uf.person_id IS NULL THEN NULL ELSE ${value} END AS y
  FROM b LEFT JOIN ${utfallTable} uf ON uf.person_id = b.person_id AND uf.aar = ${my} ${gJoin}
  WHERE ${settledIntro} AND ${my} <= ${sql.litNum(ctx.lastOutcomeYear ?? 0)}
    AND (b.utvandret_dato IS NULL OR b.utvandret_dato >= ${nov}) AND (b.dod_dato IS NULL OR b.dod_dato >= ${nov})`;
    }
    case 'P1': {
      const done = 'COALESCE(b.intro_slutt, b.avslutning_dato)';
      return `SELECT b.person_id, ${sql.yearOf(done)} AS periode, ${sql.yearOf(done)} AS maaleaar,
    (avs.hovedaarsak IN ${sql.litList(WORK_OR_EDUCATION)}) AS y
  FROM b JOIN (${sql.firstRowPer({ columns: ['person_id', 'hovedaarsak'], from: 'avslutning' }, 'person_id', 'dato DESC')}) avs ON avs.person_id = b.person_id
  WHERE b.intro_vedtak IS NOT NULL AND b.maalgruppe = 'intro'`;
    }
    case 'P4':
      return `SELECT b.person_id, b.bosatt_aar AS periode, ${sql.yearOf('b.rett_plikt_slutt')} AS maaleaar,
    COALESCE((pr.muntlig >= ${B1} AND pr.skrive >= ${B1}) OR pr.karakter >= 2, FALSE) AS y
  FROM b LEFT JOIN (SELECT p.person_id,
      max(${rank('p.resultat')}) FILTER (WHERE p.prove = 'norsk' AND p.delprove = 'skrive') AS skrive,
      max(${rank('p.resultat')}) FILTER (WHERE p.prove = 'norsk' AND p.delprove = 'muntlig') AS muntlig,
      max(TRY_CAST(p.resultat AS INTEGER)) FILTER (WHERE p.prove = 'vgo_norsk') AS karakter
    FROM proever p JOIN person_fakta pf ON pf.person_id = p.person_id
    WHERE p.dato <= pf.rett_plikt_slutt GROUP BY p.person_id) pr ON pr.person_id = b.person_id
  WHERE ${settledIntro} AND b.rett_plikt_slutt < ${last}`;
    case 'P5': {
      const due = sql.addMonths('b.samf_anker', 12);
      return `SELECT b.person_id, b.bosatt_aar AS periode, ${sql.yearOf(due)} AS maaleaar,
    COALESCE(sk.dato <= ${due}, FALSE) AS y
  FROM b LEFT JOIN (SELECT person_id, min(dato) AS dato FROM proever WHERE prove = 'samfunnskunnskap' AND resultat = 'bestatt'
    GROUP BY person_id) sk ON sk.person_id = b.person_id
  WHERE ${settledIntro} AND b.samf_anker IS NOT NULL AND ${due} <= ${last}`;
    }
    case 'I5': {
      const due = sql.addMonths('b.bosatt_dato', 3);
      return `SELECT b.person_id, b.bosatt_aar AS periode, b.bosatt_aar AS maaleaar,
    COALESCE(b.intro_start <= ${due}, FALSE) AS y
  FROM b WHERE ${settledIntro} AND ${due} <= ${last}`;
    }
    case 'I10':
      if (o.maal === 'utdanningsmaal') {
        return `SELECT b.person_id, ${sql.yearOf('b.intro_start')} AS periode, ${sql.yearOf('b.intro_start')} AS maaleaar,
    (b.sluttmaal IN ${sql.litList(EDUCATION_GOALS)}) AS y
  FROM b WHERE b.intro_start IS NOT NULL AND b.maalgruppe = 'intro'`;
      }
      return `SELECT b.person_id, ${sql.yearOf('b.intro_start')} AS periode, ${sql.yearOf('b.intro_start')} AS maaleaar,
    (b.sluttmaal = 'fullfort_vgo') AS y
  FROM b WHERE b.intro_start IS NOT NULL AND b.undergruppe = 'under_25'`;
    default:
      throw new Error(`no row source for outcome ${o.key}`);
  }
}
