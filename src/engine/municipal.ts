/**
 * Indicators on municipality-year figures rather than persons (I7 teachers, I8/R10 user survey,
 * I9 spending per participant). Country and county values are computed from the municipalities'
 * sums (ratio of sums), not averaged.
 */
import type { IndicatorDef } from '../catalogue/index.ts';
import type { ResultRow } from '../contract/results.ts';
import type { Row, Store } from '../store/index.ts';
import { sql } from '../store/index.ts';
import { round1, wilson } from '../stats/index.ts';
import { assertNever } from '../shared/assert-never.ts';


const SETS = `GROUPING SETS ((periode), (periode, fylke), (periode, fylke, kommune))`;

function fylkeJoin(tables: ReadonlySet<string>, alias: string): { expr: string; join: string } {
  return tables.has('ref_kommuner')
    ? { expr: `COALESCE(rk.fylke, substr(${alias}.kommune, 1, 2))`, join: `LEFT JOIN ref_kommuner rk ON rk.kommune = ${alias}.kommune` }
    : { expr: `substr(${alias}.kommune, 1, 2)`, join: '' };
}

/** Tables a municipality-year indicator reads. */
export function municipalTables(def: IndicatorDef): string[] {
  if (def.surveyMeasures) return ['brukerundersokelse'];
  const f = def.measures[0]?.fact;
  return f?.kind === 'spend_per_participant' ? ['kommune_aar', 'introprogram'] : ['kommune_aar'];
}

/** The SQL of a municipality-year indicator: one row per cell and measure code (maal). */
export function municipalSql(def: IndicatorDef, tables: ReadonlySet<string>, lastDate: string): string {
  const m = def.measures[0];
  if (!m) throw new Error(`${def.id}: no measure`);
  const fy = fylkeJoin(tables, 'k');
  let base: string;
  if (def.surveyMeasures) {
    const match = `regexp_matches(sporsmal, ${sql.lit(def.surveyMeasures.pattern)})`;
    // One measure per question, coded `sporsmal:<question>` as the catalogue declares (`sporsmal:*`).
    base = `SELECT k.aar AS periode, k.kommune, ${fy.expr} AS fylke, ${sql.lit('sporsmal:')} || k.sporsmal AS maal,
      round(k.andel_positiv / 100.0 * k.antall_svar) AS s, CAST(k.antall_svar AS DOUBLE) AS n
    FROM brukerundersokelse k ${fy.join} WHERE ${def.surveyMeasures.exclude ? 'NOT ' : ''}${match}`;
  } else if (m.fact.kind === 'spend_per_participant') {
    // Participants active in the year in the responsible municipality (person_fakta).
    base = `SELECT k.aar AS periode, k.kommune, ${fy.expr} AS fylke, ${sql.lit(m.kode)} AS maal,
      k.netto_driftsutgifter_intro AS s, CAST(a.n AS DOUBLE) AS n
    FROM kommune_aar k ${fy.join}
    JOIN (SELECT kommune_ansvarlig AS kommune, y AS aar, count(*) AS n FROM (
        SELECT kommune_ansvarlig, unnest(generate_series(year(intro_start), year(COALESCE(intro_slutt, ${sql.dateLit(lastDate)})))) AS y
        FROM person_fakta WHERE intro_start IS NOT NULL) ${sql.groupBy(['kommune_ansvarlig', 'y'])}) a ON a.kommune = k.kommune AND a.aar = k.aar
    WHERE k.netto_driftsutgifter_intro IS NOT NULL`;
  } else if (m.fact.kind === 'municipality_ratio') {
    base = `SELECT k.aar AS periode, k.kommune, ${fy.expr} AS fylke, ${sql.lit(m.kode)} AS maal,
      CAST(k.${sql.quoteIdent(m.fact.numerator)} AS DOUBLE) AS s, CAST(k.${sql.quoteIdent(m.fact.denominator)} AS DOUBLE) AS n
    FROM kommune_aar k ${fy.join}
    WHERE k.${sql.quoteIdent(m.fact.numerator)} IS NOT NULL AND k.${sql.quoteIdent(m.fact.denominator)} > 0`;
  } else throw new Error(`${def.id}: unsupported municipality fact ${m.fact.kind}`);
  return `WITH b AS (\n  ${base}\n)
SELECT maal, periode, fylke, kommune, GROUPING(fylke) AS gr_fylke, GROUPING(kommune) AS gr_kommune, sum(s) AS s, sum(n) AS n
FROM b GROUP BY maal, ${SETS}`;
}

/** Computes a municipality-year indicator's result rows. */
export async function computeMunicipal(store: Store, def: IndicatorDef, tables: ReadonlySet<string>, lastDate: string): Promise<ResultRow[]> {
  const rows = await store.all<Row>(municipalSql(def, tables, lastDate));
  const m = def.measures[0]!;
  return rows.flatMap((r): ResultRow[] => {
    const n = Number(r['n']);
    const s = Number(r['s']);
    if (!(n > 0)) return [];
    const regionniva = Number(r['gr_fylke']) === 1 ? 'land' : Number(r['gr_kommune']) === 1 ? 'fylke' : 'kommune';
    const region = regionniva === 'land' ? '0' : String(regionniva === 'fylke' ? r['fylke'] : r['kommune']);
    const cell = {
      indikator: def.id, ledd: def.ledd, kohort: def.kohort, periode: Number(r['periode']), botid: null,
      lovregime: 'alle', regionniva, region, gruppe: 'alle', kjonn: 'alle', maal: String(r['maal']), mangler: null, status: '',
    } as const;
    switch (m.kind) {
      case 'share': {
        const k = Math.min(Math.round(s), Math.round(n));
        const ci = wilson(k, Math.round(n));
        return [{ ...cell, teller: k, nevner: Math.round(n), verdi: round1((100 * k) / Math.round(n)), ki_nedre: round1(ci.lower), ki_ovre: round1(ci.upper) }];
      }
      case 'mean':
        // A ratio of reported sums (kroner per participant), not a sample: no interval, whole kroner.
        return [{ ...cell, teller: null, nevner: Math.round(n), verdi: Math.round(s / n), ki_nedre: null, ki_ovre: null }];
      case 'median':
      case 'count':
      case 'derived':
        throw new Error(`${def.id}.${m.kode}: a municipality-year indicator has shares or means of reported figures, not "${m.kind}"`);
      default:
        return assertNever(m.kind, 'measure kind');
    }
  });
}
