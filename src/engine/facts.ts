/**
 * Fact kinds → SQL. Each fact compiles to an expression over the unit row `u` (person_fakta columns
 * plus periode/botid/maaleaar) and named helper CTEs joined to it. A NULL value means "missing data"
 * (counted in `mangler`, never as "no"); `among` narrows the denominator instead.
 */
import { CEFR } from '../contract/codes.ts';
import type { FactSpec } from '../catalogue/index.ts';
import { sql } from '../store/index.ts';
import type { CompileContext } from './context.ts';

export interface HelperCte {
  readonly name: string;
  readonly body: string;
  /** Join condition against `u`. */
  readonly on: string;
}

export interface FactSql {
  readonly expr: string;
  /** Extra denominator restriction carried by the fact itself. */
  readonly among?: string;
  readonly ctes: readonly HelperCte[];
  readonly tables: readonly string[];
  /** The expression is never NULL (it is wrapped in COALESCE(…, FALSE)): its count of known values is the unit count. */
  readonly notNull?: true;
}

const CEFR_LIST = sql.listLit(CEFR);
/** CEFR level → rank 0..5 (law-rules §7: under_A1 < A1 < A2 < B1 < B2 < C1); NULL for other values. */
export const cefrRankSql = (expr: string): string => `(${sql.listPosition(CEFR_LIST, expr)} - 1)`;
const MONTH_DAYS = 30.4375;
const months = (a: string, b: string) => `(${sql.daysBetween(a, b)} / ${MONTH_DAYS})`;
const completion = 'COALESCE(u.intro_slutt, u.avslutning_dato)';

/**
 * The right-and-duty period (docs/indicators.md, "Right-and-duty period"), ONE definition for every
 * indicator (I3 hours, P4 tests, the readiness of I3/P4): from the settlement date to
 * `rett_plikt_slutt` = settlement + the rule's months, BOTH ends inside. `pf` is the alias of a
 * person_fakta row (or a unit row, which carries the same columns).
 */
export const RIGHTS_PERIOD = {
  /** A dated event (a test) lies inside: on or before the period's last day. */
  containsDate: (date: string, pf: string): string => `${date} <= ${pf}.rett_plikt_slutt`,
  /** A month (its first day) lies inside: it begins in or after the settlement month and on or before the last day. */
  containsMonth: (month: string, pf: string): string =>
    `${month} >= date_trunc('month', ${pf}.bosatt_dato) AND ${month} <= ${pf}.rett_plikt_slutt`,
  /** The period is over at the data's last date: its last day lies before it. */
  endedBy: (lastDate: string, pf: string): string => `${pf}.rett_plikt_slutt < ${lastDate}`,
} as const;

function elementsCte(ctx: CompileContext, byYear: boolean): HelperCte {
  if (!byYear) {
    return {
      name: 'elj',
      body: `SELECT person_id, list(DISTINCT element) AS els FROM elementer GROUP BY person_id`,
      on: 'elj.person_id = u.person_id',
    };
  }
  const last = sql.dateLit(ctx.lastDate);
  return {
    name: 'elj',
    body: `SELECT person_id, periode, list(DISTINCT element) AS els FROM (
    SELECT person_id, element, unnest(generate_series(${sql.yearOf('startdato')}, ${sql.yearOf(`COALESCE(sluttdato, ${last})`)})) AS periode
    FROM elementer) GROUP BY person_id, periode`,
    on: 'elj.person_id = u.person_id AND elj.periode = u.periode',
  };
}

const AVS: HelperCte = {
  name: 'avs',
  body: sql.firstRowPer({ columns: ['person_id', 'hovedaarsak', 'aarsak2', 'aarsak3', 'sluttmaal_oppnaadd'], from: 'avslutning' }, 'person_id', 'dato DESC'),
  on: 'avs.person_id = u.person_id',
};


function educationCte(levels: readonly string[], source: string): HelperCte {
  const name = `ed_${source}_${levels.join('_')}`.slice(0, 60);
  return {
    name,
    body: `SELECT person_id, min(dato) AS dato FROM utdanning_norge WHERE kilde = ${sql.lit(source)} AND nivaa IN ${sql.litList(levels)} GROUP BY person_id`,
    on: `${name}.person_id = u.person_id`,
  };
}

/** Best Norwegian result per sub-test (rank) and best vgo grade over the tests `p` (proever) joined. */
const BEST_RESULTS = `${(['lytte', 'lese', 'skrive', 'muntlig'] as const)
  .map((d) => `max(${cefrRankSql('p.resultat')}) FILTER (WHERE p.prove = 'norsk' AND p.delprove = '${d}') AS ${d}`).join(',\n      ')},
      max(TRY_CAST(p.resultat AS INTEGER)) FILTER (WHERE p.prove = 'vgo_norsk') AS karakter`;

/** The best results by the end of the right-and-duty period. */
const BEST_BY_RIGHTS_END: HelperCte = {
  name: 'pr',
  body: `SELECT p.person_id,
      ${BEST_RESULTS}
    FROM proever p JOIN person_fakta pf ON pf.person_id = p.person_id
    WHERE ${RIGHTS_PERIOD.containsDate('p.dato', 'pf')}
    GROUP BY p.person_id`,
  on: 'pr.person_id = u.person_id',
};

/**
 * The same best results by the END OF TRAINING (report 5.2.1.2: "ved endt opplæring"): tests dated
 * before the first day of the month after the person's last month with Norwegian hours
 * (norsktimer.timer > 0). A person without hours has no end of training: NULL (missing).
 */
const BEST_BY_TRAINING_END: HelperCte = {
  name: 'prs',
  body: `SELECT ts.person_id, ts.slutt,
      ${BEST_RESULTS}
    FROM (SELECT person_id, ${sql.addMonths('max(aar_mnd)', 1)} AS slutt FROM norsktimer WHERE timer > 0 GROUP BY person_id) ts
    LEFT JOIN proever p ON p.person_id = ts.person_id AND p.dato < ts.slutt
    GROUP BY ts.person_id, ts.slutt`,
  on: 'prs.person_id = u.person_id',
};

/** The best-results helper of a measurement point, and the SQL that is NULL where it has no value. */
function bestBy(by: 'rights_end' | 'training_end' | undefined): { cte: HelperCte; alias: string; tables: string[]; unknown: string | null } {
  return by === 'training_end'
    ? { cte: BEST_BY_TRAINING_END, alias: 'prs', tables: ['proever', 'norsktimer'], unknown: 'prs.person_id IS NULL' }
    : { cte: BEST_BY_RIGHTS_END, alias: 'pr', tables: ['proever'], unknown: null };
}

function valuesCte(name: string, map: ReadonlyMap<number, number>): HelperCte {
  const rows = [...map].map(([k, v]) => `(${sql.litNum(k)}, ${sql.litNum(v)})`);
  const body = rows.length ? `SELECT * FROM (VALUES ${rows.join(', ')}) AS t(aar, verdi)` : `SELECT CAST(NULL AS INTEGER) AS aar, CAST(NULL AS DOUBLE) AS verdi WHERE FALSE`;
  return { name, body, on: `${name}.aar = u.maaleaar` };
}

const plain = (expr: string, tables: readonly string[] = [], ctes: readonly HelperCte[] = [], among?: string): FactSql =>
  among === undefined ? { expr, tables, ctes } : { expr, tables, ctes, among };
/** A fact of the form COALESCE(…, FALSE): never NULL. */
const known = (f: FactSql): FactSql => ({ ...f, notNull: true });

/** Compiles one fact for a unit whose rows are per person × periode (byYear: element facts per calendar year). */
export function compileFact(f: FactSpec, ctx: CompileContext, byYear: boolean): FactSql {
  switch (f.kind) {
    case 'element_in_period':
      return known(plain(`COALESCE(${sql.listHasAny('elj.els', f.elements)}, FALSE)`, ['elementer'], [elementsCte(ctx, byYear)]));
    case 'programme_flag':
      return plain(`u.${sql.quoteIdent(f.column)}`);
    case 'programme_months':
      return plain(months('u.intro_start', 'u.intro_slutt'));
    case 'programme_vs_cap': {
      // law-rules §5: the cap is the normal length, plus the extension when one was granted.
      const m = months('u.intro_start', 'u.intro_slutt');
      return plain(f.relation === 'at' ? `(${m} BETWEEN u.tak_mnd - 0.5 AND u.tak_mnd + 0.5)` : `(${m} > u.tak_mnd + 0.5)`);
    }
    case 'programme_months_band': {
      const m = months('u.intro_start', 'u.intro_slutt');
      const upper = f.toMonths === null ? '' : ` AND ${m} < ${sql.litNum(f.toMonths)}`;
      return plain(`(${m} >= ${sql.litNum(f.fromMonths)}${upper})`);
    }
    case 'norwegian_hours':
      return plain('nt.timer', ['norsktimer'], [{
        name: 'nt',
        // Persons with no rows at all are missing (NULL); months starting inside the period count
        // (a period ending on the 1st still has that month: RIGHTS_PERIOD).
        body: `SELECT n.person_id, sum(CASE WHEN ${RIGHTS_PERIOD.containsMonth('n.aar_mnd', 'pf')} THEN n.timer ELSE 0 END) AS timer
    FROM norsktimer n JOIN person_fakta pf ON pf.person_id = n.person_id GROUP BY n.person_id`,
        on: 'nt.person_id = u.person_id',
      }]);
    case 'startup_step': {
      const due = sql.addMonths('u.bosatt_dato', f.withinMonths);
      if (f.step === 'programstart') return known(plain(`COALESCE(u.intro_start <= ${due}, FALSE)`));
      const name = `op_${f.step}`;
      return known(plain(`COALESCE(${name}.dato <= ${due}, FALSE)`, ['oppstart'], [{
        name,
        body: `SELECT person_id, min(dato) AS dato FROM oppstart WHERE type = ${sql.lit(f.step)} GROUP BY person_id`,
        on: `${name}.person_id = u.person_id`,
      }]));
    }
    case 'startup_actor': {
      // Who did the person's first row of the step (oppstart.utfort_av); NULL when not recorded.
      const name = `oa_${f.step}`;
      return plain(`(${name}.av IN ${sql.litList(f.actors)})`, ['oppstart'], [{
        name,
        body: `SELECT person_id, ${sql.argMin('utfort_av', 'dato')} AS av FROM oppstart WHERE type = ${sql.lit(f.step)} GROUP BY person_id`,
        on: `${name}.person_id = u.person_id`,
      }]);
    }
    case 'reason': {
      const codes = sql.litList(f.codes);
      const any = f.field === 'hoved'
        ? `avs.hovedaarsak IN ${codes}`
        : `(avs.hovedaarsak IN ${codes} OR COALESCE(avs.aarsak2 IN ${codes}, FALSE) OR COALESCE(avs.aarsak3 IN ${codes}, FALSE))`;
      return plain(`CASE WHEN avs.person_id IS NULL THEN NULL ELSE ${any} END`, ['avslutning'], [AVS]);
    }
    case 'end_goal_reached':
      return plain('avs.sluttmaal_oppnaadd', ['avslutning'], [AVS]);
    case 'last_end_goal':
      return plain(`(u.sluttmaal IN ${sql.litList(f.codes)})`, ['maal']);
    case 'recommended_goal':
      return known(plain(`COALESCE(kv.anbefalt IN ${sql.litList(f.codes)}, FALSE)`, ['oppstart'], [{
        name: 'kv',
        body: `SELECT person_id, ${sql.argMax('anbefalt_sluttmaal', 'dato')} AS anbefalt FROM oppstart WHERE type = 'karriereveiledning' GROUP BY person_id`,
        on: 'kv.person_id = u.person_id',
      }]));
    case 'subgroup':
      return plain(`(u.maalgruppe = ${sql.lit(f.subgroup)} OR COALESCE(u.undergruppe = ${sql.lit(f.subgroup)}, FALSE))`);
    case 'education_background':
      return plain(`(u.utdanning_medbrakt IN ${sql.litList(f.levels)})`);
    case 'years_since_settlement':
      return known(plain(`COALESCE(u.botid = ${sql.litNum(f.years)}, FALSE)`));
    case 'education': {
      const cte = educationCte(f.levels, f.source);
      const d = `${cte.name}.dato`;
      if (f.by.kind === 'programme_end') return known(plain(`COALESCE(${d} <= ${completion}, FALSE)`, ['utdanning_norge'], [cte]));
      if (f.by.kind === 'measurement') return known(plain(`COALESCE(${d} <= ${sql.dateInYear('u.maaleaar', 11, 1)}, FALSE)`, ['utdanning_norge'], [cte]));
      // vgo within N years of start (section 5.2.2): not yet known while the window is open.
      const due = sql.addMonths('u.intro_start', f.by.years * 12);
      return plain(
        `CASE WHEN ${d} <= ${due} THEN TRUE WHEN ${due} > ${sql.dateLit(ctx.lastDate)} THEN NULL ELSE FALSE END`,
        ['utdanning_norge'], [cte],
      );
    }
    case 'language_goal_reached': {
      // Without norsktimer there is no end of training: those measures are missing, P4's others are not.
      if (f.by === 'training_end' && !ctx.tables.has('norsktimer')) return plain('CAST(NULL AS BOOLEAN)');
      const b = bestBy(f.by);
      const cefr = (['lytte', 'lese', 'skrive', 'muntlig'] as const)
        .map((k) => `COALESCE(${b.alias}.${k} >= ${cefrRankSql(`u.norskmaal_${k}`)}, FALSE)`).join(' AND ');
      const noGoal = b.unknown ? `u.norskmaal_kilde IS NULL OR ${b.unknown}` : 'u.norskmaal_kilde IS NULL';
      return plain(
        `CASE WHEN ${noGoal} THEN NULL WHEN u.norskmaal_karakter IS NOT NULL THEN COALESCE(${b.alias}.karakter >= u.norskmaal_karakter, FALSE) ELSE ${cefr} END`,
        b.tables, [b.cte],
      );
    }
    case 'language_level': {
      if (f.by === 'training_end' && !ctx.tables.has('norsktimer')) return plain('CAST(NULL AS BOOLEAN)');
      const b = bestBy(f.by);
      const parts = [
        f.oral ? `${b.alias}.muntlig >= ${cefrRankSql(sql.lit(f.oral))}` : null,
        f.writing ? `${b.alias}.skrive >= ${cefrRankSql(sql.lit(f.writing))}` : null,
      ].filter((x): x is string => x !== null);
      const reached = `COALESCE((${parts.join(' AND ')}) OR ${b.alias}.karakter >= ${sql.litNum(f.grade)}, FALSE)`;
      // By the end of training: a person without Norwegian hours has no end of training (missing).
      return b.unknown
        ? plain(`CASE WHEN ${b.unknown} THEN NULL ELSE ${reached} END`, b.tables, [b.cte])
        : known(plain(reached, b.tables, [b.cte]));
    }
    case 'language_ambition':
      return plain(`(u.norskmaal_ambisjon = ${sql.lit(f.relation)})`, ['maal']);
    case 'civics_passed':
      return known(plain(`COALESCE(sk.dato <= ${sql.addMonths('u.samf_anker', f.withinMonths)}, FALSE)`, ['proever'], [{
        name: 'sk',
        body: `SELECT person_id, min(dato) AS dato FROM proever WHERE prove = 'samfunnskunnskap' AND resultat = 'bestatt' GROUP BY person_id`,
        on: 'sk.person_id = u.person_id',
      }]));
    case 'outcome_flag':
      // Three-valued OR: true if any flag is true, NULL (missing) if none is true and one is unknown.
      return plain(`(${f.columns.map((c) => `uf.${sql.quoteIdent(c)}`).join(' OR ')})`, ['utfall']);
    case 'outcome_code':
      return plain(`(uf.${sql.quoteIdent(f.column)} IN ${sql.litList(f.codes)})`, ['utfall']);
    case 'income_above_g':
      return plain(`(uf.yrkesinntekt >= ${sql.litNum(f.multiple)} * g.verdi)`, ['utfall'], [valuesCte('g', ctx.averageG)]);
    case 'citizenship_oral': {
      const best: HelperCte = {
        name: 'cz',
        body: `SELECT u2.person_id, u2.maaleaar, max(${cefrRankSql('p.resultat')}) AS muntlig
    FROM (SELECT DISTINCT person_id, maaleaar FROM u) u2 JOIN proever p ON p.person_id = u2.person_id
    WHERE p.prove = 'norsk' AND p.delprove = 'muntlig' AND p.dato <= ${sql.dateInYear('u2.maaleaar', 11, 1)}
    ${sql.groupBy(['u2.person_id', 'u2.maaleaar'])}`,
        on: 'cz.person_id = u.person_id AND cz.maaleaar = u.maaleaar',
      };
      const req = valuesCte('czkrav', ctx.citizenshipRank);
      const expr = `COALESCE(cz.muntlig >= czkrav.verdi, FALSE)`;
      return known(plain(expr, ['proever', 'utfall'], [best, req], f.denominator === 'provetakere' ? 'cz.muntlig IS NOT NULL' : undefined));
    }
    case 'months_to_first_element': {
      const name = 'fe';
      return plain(months('u.bosatt_dato', `${name}.dato`), ['elementer'], [{
        name,
        body: `SELECT person_id, min(startdato) AS dato FROM elementer WHERE element IN ${sql.litList(f.elements)} GROUP BY person_id`,
        on: `${name}.person_id = u.person_id`,
      }], `${name}.dato IS NOT NULL`);
    }
    case 'all_of': {
      const parts = f.facts.map((x) => compileFact(x, ctx, byYear));
      const all: FactSql = {
        expr: `(${parts.map((p) => p.expr).join(' AND ')})`,
        tables: parts.flatMap((p) => p.tables),
        ctes: parts.flatMap((p) => p.ctes),
      };
      // AND of never-NULL parts is never NULL; one nullable part makes it nullable.
      return parts.every((p) => p.notNull) ? known(all) : all;
    }
    case 'municipality_ratio':
    case 'spend_per_participant':
      throw new Error(`fact ${f.kind} belongs to municipality-year populations`);
  }
}

