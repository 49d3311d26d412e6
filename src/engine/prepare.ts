/**
 * Person facts: the table `person_fakta` (one row per person, the law rules applied), which every
 * indicator joins. Built in one SQL step (person-facts-sql.ts); the pure TypeScript rules
 * (src/rules, applied per person by personRow) are kept as the oracle the SQL is tested against.
 */
import type { SqlValue, Store } from '../store/index.ts';
import {
  addMonths,
  cefrRank,
  derivePerson,
  rightAndDutyMonths,
  ruleOrNull,
  type LanguageGoal,
} from '../rules/index.ts';
import { packStagingRow, packedInputQuery, parseInputRow, finalSelect, stagingView, type InputRow } from './prepare-sql.ts';
import { personFactsQuery } from './person-facts-sql.ts';

export const PERSON_FAKTA = 'person_fakta';

const orNull = ruleOrNull;

type Goal = { kilde: 'registrert' | 'retningslinje'; goal: LanguageGoal } | null;

function registeredGoal(r: InputRow): LanguageGoal | null {
  if (r.nm_karakter !== null) return { kind: 'vgo_grade', grade: r.nm_karakter };
  if (r.nm_lytte && r.nm_lese && r.nm_skrive && r.nm_muntlig) {
    return { kind: 'cefr', lytte: r.nm_lytte, lese: r.nm_lese, skrive: r.nm_skrive, muntlig: r.nm_muntlig } as LanguageGoal;
  }
  return null;
}

/**
 * Ambition of a registered goal against the guideline (law-rules §7, indicator I13):
 * `under` if any sub-test is below the guideline, else `over` if any is above, else `lik`.
 */
export function ambition(registered: LanguageGoal, guideline: LanguageGoal): 'under' | 'lik' | 'over' | null {
  if (registered.kind !== guideline.kind) return null;
  if (registered.kind === 'vgo_grade' && guideline.kind === 'vgo_grade') {
    return registered.grade < guideline.grade ? 'under' : registered.grade > guideline.grade ? 'over' : 'lik';
  }
  if (registered.kind !== 'cefr' || guideline.kind !== 'cefr') return null;
  const diffs = (['lytte', 'lese', 'skrive', 'muntlig'] as const).map((k) => cefrRank(registered[k]) - cefrRank(guideline[k]));
  if (diffs.some((d) => d < 0)) return 'under';
  return diffs.some((d) => d > 0) ? 'over' : 'lik';
}

/** Right-and-duty months: the rule in force at the decision, else (old act) the first table row. */
function rightsMonths(derived: number | null, utdanning: string, date: string | null): number | null {
  if (derived !== null) return derived;
  // The default operationalisation (indicators.md: "36 months from settlement, 18 months for those
  // with vgo or higher education") is applied to both regimes so they can be compared (A3).
  return (date ? orNull(() => rightAndDutyMonths(utdanning, date)) : null) ?? orNull(() => rightAndDutyMonths(utdanning, '2021-01-01'));
}

/** Derives one person's staging row (column order of STAGING_COLUMNS). */
export function personRow(r: InputRow): SqlValue[] {
  const settled = r.bosettingsdato ?? r.ankomstdato;
  const d = derivePerson({
    tillatelse: r.tillatelse,
    fodt: r.fodt.slice(0, 7),
    forsteTillatelseDato: r.forste_tillatelse_dato,
    vedtaksdato: r.ip_vedtak,
    bosettingsdato: r.bosettingsdato,
    ankomstdato: r.ankomstdato,
    utdanningMedbrakt: r.utdanning_medbrakt,
    hasIntroProgramme: r.ip_vedtak !== null,
    programmeStart: r.ip_start,
    sluttmaal: r.sm_sluttmaal,
    vgoFulltime: r.ip_vgo_heltid === true,
  });
  const inNorsk = d.targetGroup === 'intro' || d.targetGroup === 'norsk_rett_plikt';
  const months = inNorsk ? rightsMonths(d.rightAndDutyMonths, r.utdanning_medbrakt, d.decisionDate) : d.dutyOnlyMonths;
  const rightsEnd = months !== null && settled ? addMonths(settled, months) : null;
  const reg = registeredGoal(r);
  const goal: Goal = reg ? { kilde: 'registrert', goal: reg } : d.guidelineGoal ? { kilde: 'retningslinje', goal: d.guidelineGoal } : null;
  const amb = reg && d.guidelineGoal ? ambition(reg, d.guidelineGoal) : null;
  const cap = d.programmeCap;
  // A person's own cap: normal length, plus the extension where one was granted (law-rules §5).
  const ownCap = cap ? (r.ip_forlenget === true ? cap.maxMonths : cap.normalMonths) : null;
  const bostedKommune = r.bosettingsdato ? r.bosettingskommune : r.uf_bosted;
  const kommune = bostedKommune ?? '9999';
  // Civics within 1 year of the decision (intro) or settlement (others): law-rules §4.
  const civicsAnchor = d.targetGroup === 'intro' ? (r.ip_vedtak ?? settled) : settled;
  const cefr = goal?.goal.kind === 'cefr' ? goal.goal : null;
  return [
    r.person_id, r.kjonn, d.regime, d.targetGroup, d.subgroup, settled, r.bosettingsdato === null,
    kommune, r.ip_kommune ?? kommune, r.ip_vedtak, r.ip_start, r.ip_slutt, r.ip_forlenget, r.ip_heltid, r.ip_vgo_heltid,
    cap?.normalMonths ?? null, cap?.maxMonths ?? null, ownCap, months, rightsEnd,
    goal?.kilde ?? null, cefr?.lytte ?? null, cefr?.lese ?? null, cefr?.skrive ?? null, cefr?.muntlig ?? null,
    goal?.goal.kind === 'vgo_grade' ? goal.goal.grade : null, amb, r.sm_sluttmaal, civicsAnchor,
    r.utvandret_dato, r.dod_dato, r.av_dato, r.utdanning_medbrakt, r.fodt,
  ];
}

/**
 * Builds `person_fakta` from the store's tables in one set-based SQL step (person-facts-sql.ts);
 * returns the number of persons.
 */
export async function preparePersonFacts(store: Store, tables: Set<string>): Promise<number> {
  await dropStaging(store);
  await store.run(`CREATE TEMP VIEW person_fakta_staging AS ${personFactsQuery(tables)}`);
  return buildFinal(store, tables);
}

/**
 * The oracle: the same table built by the pure TypeScript rules, one person at a time (personRow).
 * Slow (every person crosses to JavaScript and back); used by the tests that hold the SQL to it.
 */
export async function preparePersonFactsTs(store: Store, tables: Set<string>): Promise<number> {
  // One packed text per person crosses to JavaScript (much faster than 26 values one by one).
  const input = (await store.all<{ p: string }>(packedInputQuery(tables))).map((r) => parseInputRow(r.p));
  // Staging goes back packed too: one text per person, split and typed by a view (prepare-sql.ts).
  await dropStaging(store);
  await store.run(`CREATE TEMP TABLE person_fakta_packed (p VARCHAR)`);
  await store.append('person_fakta_packed', (function* () {
    for (const r of input) yield [packStagingRow(personRow(r))];
  })());
  await store.run(stagingView());
  const n = await buildFinal(store, tables);
  await store.run(`DROP TABLE person_fakta_packed`);
  return n;
}

async function dropStaging(store: Store): Promise<void> {
  await store.run(`DROP VIEW IF EXISTS person_fakta_staging`);
  await store.run(`DROP TABLE IF EXISTS person_fakta_staging`);
  await store.run(`DROP TABLE IF EXISTS person_fakta_packed`);
}

async function buildFinal(store: Store, tables: Set<string>): Promise<number> {
  await store.run(`DROP TABLE IF EXISTS ${PERSON_FAKTA}`);
  await store.run(`CREATE TABLE ${PERSON_FAKTA} AS ${finalSelect(tables.has('ref_kommuner'))}`);
  await store.run(`DROP VIEW person_fakta_staging`);
  const n = await store.all<{ n: number }>(`SELECT count(*) AS n FROM ${PERSON_FAKTA}`);
  return Number(n[0]?.n ?? 0);
}
