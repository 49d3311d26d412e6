/**
 * Person facts as ONE set-based SQL step (issue 14): the law rules' dated tables become small
 * relations the query joins, and the rules of src/rules/derive-person.ts (regime, target group,
 * subgroup, programme cap, right-and-duty period, guideline language goal, ambition) become
 * expressions over them. The tables are rendered from the same TypeScript rule tables, so an
 * amendment is still one new row in src/rules/tables. The pure TypeScript rules stay the oracle:
 * `personRow` (prepare.ts) must give exactly these rows (test/engine/person-facts-sql.test.ts,
 * ≥ 100 000 generated persons).
 */
import { CEFR } from '../contract/codes.ts';
import { RULE_TABLES, type DatedRuleTable } from '../rules/index.ts';
import { sql, type SqlValue } from '../store/index.ts';
import { DATE_COLUMNS, INPUT_COLUMNS, STAGING_COLUMNS, inputQuery } from './prepare-sql.ts';


function literal(v: SqlValue, type: string): string {
  if (v === null || v === undefined) return `CAST(NULL AS ${type})`;
  if (typeof v === 'number') return `CAST(${sql.litNum(v)} AS ${type})`;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return `CAST(${sql.lit(String(v))} AS ${type})`;
}

/**
 * A dated rule lookup as an expression: the value (picked by `pick`) of the row of `key` in force
 * on `date`, both ends inclusive; NULL when no row is in force (or the date is NULL). The tables
 * are tiny, so a CASE is cheaper than a join; rows with one key never overlap (checkRuleTables).
 */
export function datedLookup<V>(id: string, key: string, date: string, type: string, pick: (v: V) => SqlValue): string {
  const table = RULE_TABLES[id] as DatedRuleTable<V> | undefined;
  if (!table) throw new Error(`person facts: no rule table "${id}"`);
  const arms = table.rows.map((r) => {
    const cond = [`${key} = ${sql.lit(r.key)}`];
    if (r.validFrom !== null) cond.push(`${sql.dateLit(r.validFrom)} <= ${date}`);
    if (r.validTo !== null) cond.push(`${date} <= ${sql.dateLit(r.validTo)}`);
    if (r.validFrom === null && r.validTo === null) cond.push(`${date} IS NOT NULL`);
    return `WHEN ${cond.join(' AND ')} THEN ${literal(pick(r.value), type)}`;
  });
  return `CASE ${arms.join(' ')} END`;
}

/** Completed years at `date` for a birth month (the rules count from the first of the month). */
const ageAt = (date: string): string =>
  `(year(${date}) - year(fodt_d) - CASE WHEN month(${date}) >= month(fodt_d) THEN 0 ELSE 1 END)`;

/** The later of an event and the first permit date (derive-person.ts newActDate); NULL without an event. */
const newActDate = (event: string): string => `CASE WHEN ${event} IS NULL THEN NULL WHEN ${event} < forste THEN forste ELSE ${event} END`;

/** Input columns that are dates (the rest are typed by INPUT_COLUMNS). */
const DATE_INPUT: ReadonlySet<string> = new Set([
  'fodt', 'forste_tillatelse_dato', 'ankomstdato', 'bosettingsdato', 'utvandret_dato', 'dod_dato',
  'ip_vedtak', 'ip_start', 'ip_slutt', 'av_dato',
]);
const INPUT_TYPE = { text: 'VARCHAR', bool: 'BOOLEAN', num: 'DOUBLE' } as const;

/** cefrRank: 0..5, and -1 for a value that is no CEFR level (as indexOf). */
const rank = (e: string): string => `(COALESCE(${sql.listPosition(sql.listLit(CEFR), e)}, 0) - 1)`;

type Permit = { intro: string; norsk: string; asylsoker: boolean };
type Ages = { minAge: number; maxAge: number | null };
type Length = { normalMonths: number; extensionMonths: number };
type Goal = { kind: 'cefr'; lytte: string; lese: string; skrive: string; muntlig: string } | { kind: 'vgo_grade'; grade: number };

const L = {
  regime: (date: string) => datedLookup<string>('lovregime', `'regime'`, date, 'VARCHAR', (v) => v),
  permit: (field: 'intro' | 'norsk' | 'asylsoker', key: string, date: string) =>
    datedLookup<Permit>('maalgrupper', key, date, field === 'asylsoker' ? 'BOOLEAN' : 'VARCHAR', (v) => v[field]),
  ages: (field: 'minAge' | 'maxAge', key: string, date: string) => datedLookup<Ages>('aldersgrenser', key, date, 'INTEGER', (v) => v[field]),
  length: (field: 'normalMonths' | 'max', key: string, date: string) =>
    datedLookup<Length>('programtid', key, date, 'INTEGER', (v) => (field === 'max' ? v.normalMonths + v.extensionMonths : v.normalMonths)),
  months: (id: string, key: string, date: string) => datedLookup<number>(id, key, date, 'INTEGER', (v) => v),
  goal: (field: 'kind' | 'lytte' | 'lese' | 'skrive' | 'muntlig' | 'grade', key: string, date: string) =>
    datedLookup<Goal>('norskmaal_veiledende', key, date, field === 'grade' ? 'DOUBLE' : 'VARCHAR', (v) =>
      field === 'kind' ? v.kind : field === 'grade' ? (v.kind === 'vgo_grade' ? v.grade : null) : v.kind === 'cefr' ? v[field] : null,
    ),
};

/** Age within a scheme's limits at the decision (groups.ts targetGroup `fits`); no decision date: no limit. */
const fits = (scheme: string): string => {
  const key = `regime || ':${scheme}'`;
  const hi = L.ages('maxAge', key, 'decision');
  return `(decision IS NULL OR (age_dec >= ${L.ages('minAge', key, 'decision')} AND (${hi} IS NULL OR age_dec <= ${hi})))`;
};

/**
 * The staging rows (STAGING_COLUMNS, typed) of every person, in one query over the store's tables.
 * Mirrors prepare.ts personRow + rules/derive-person.ts step by step; the comments name the rule.
 */
export function personFactsQuery(tables: Set<string>): string {
  const rightsKey = `CASE WHEN has_vgo THEN 'vgo' ELSE 'ovrige' END`;
  const steps = `
i AS (${inputQuery(tables, true)}),
b AS (
  -- every input column typed (a test fixture may hold codes as numbers)
  SELECT ${INPUT_COLUMNS.map(([c, kind]) => `CAST(${c} AS ${DATE_INPUT.has(c) ? 'DATE' : INPUT_TYPE[kind]}) AS ${c}`).join(', ')},
    CAST(fodt AS DATE) AS fodt_d, CAST(forste_tillatelse_dato AS DATE) AS forste,
    CAST(ip_vedtak AS DATE) AS vedtak, CAST(ip_start AS DATE) AS start,
    COALESCE(CAST(bosettingsdato AS DATE), CAST(ankomstdato AS DATE)) AS settled,
    -- decision date: the decision, else settlement, else arrival (derive-person.ts decisionOf)
    COALESCE(CAST(ip_vedtak AS DATE), CAST(bosettingsdato AS DATE), CAST(ankomstdato AS DATE)) AS decision,
    utdanning_medbrakt IN ('vgo', 'hoyere') AS has_vgo
  FROM i),
c AS (
  -- §1 regime by first permit; table 2.2 rights by permit basis at the first permit (none when unknown)
  SELECT b.*, ${L.regime('forste')} AS regime, COALESCE(${L.permit('intro', 'tillatelse', 'forste')}, 'nei') AS pr_intro,
    COALESCE(${L.permit('norsk', 'tillatelse', 'forste')}, 'nei') AS pr_norsk,
    COALESCE(${L.permit('asylsoker', 'tillatelse', 'forste')}, FALSE) AS pr_asyl, ${ageAt('decision')} AS age_dec
  FROM b),
d AS (
  -- §2 target group (groups.ts targetGroup), age limits at the decision date
  SELECT c.*, CASE
      WHEN ip_vedtak IS NOT NULL THEN 'intro'
      WHEN pr_intro <> 'nei' AND ${fits('intro')} THEN 'intro'
      WHEN pr_norsk IN ('rett_og_plikt', 'rett') AND ${fits('norsk_rett_plikt')} THEN 'norsk_rett_plikt'
      WHEN pr_norsk = 'plikt' AND ${fits('norsk_plikt')} THEN 'norsk_plikt'
      WHEN pr_asyl AND ${fits('asylsoker')} THEN 'asylsoker'
      ELSE 'utenfor' END AS grp
  FROM c),
e AS (
  SELECT d.*,
    regime = 'integreringsloven' AS new_act,
    grp IN ('intro', 'norsk_rett_plikt') AS in_norsk,
    -- chapter 6A: § 34 collective protection with a right but no duty under the new act
    (regime = 'integreringsloven' AND tillatelse = 'KOLLEKTIV_34' AND pr_intro = 'rett') AS kap6a,
    -- §3 subgroup at programme start: har_vgo, else under 25, else ovrige
    CASE WHEN start IS NULL THEN NULL WHEN has_vgo THEN 'har_vgo' WHEN ${ageAt('start')} < 25 THEN 'under_25' ELSE 'ovrige' END AS subgroup,
    ${newActDate('COALESCE(start, decision)')} AS goal_date,
    ${newActDate('decision')} AS rights_date,
    -- §7 guideline goal row (language.ts languageGoalKey)
    CASE WHEN ip_vgo_heltid IS TRUE THEN 'vgo_heltid'
      WHEN has_vgo THEN CASE WHEN sm_sluttmaal = 'kvalifisert_hoyere_utdanning' THEN 'vgo_hoyere_utdanning' ELSE 'vgo' END
      WHEN utdanning_medbrakt = 'ingen' THEN 'ikke_fullfort_grunnskole' ELSE 'fullfort_grunnskole' END AS goal_key,
    -- §5 row key (programme.ts programmeLengthKey; the old act has one row)
    CASE WHEN regime = 'introduksjonsloven' THEN 'introduksjonsloven' WHEN subgroup = 'har_vgo' THEN 'har_vgo'
      ELSE subgroup || ':' || CASE WHEN sm_sluttmaal = 'fullfort_vgo' THEN 'fullfort_vgo' ELSE 'annet' END END AS cap_key
  FROM d),
f AS (
  SELECT e.*,
    -- §5 programme cap: old act one row; chapter 6A its own row while in force; else by subgroup and end goal
    CASE WHEN subgroup IS NOT NULL THEN COALESCE(CASE WHEN kap6a THEN ${L.length('normalMonths', `'kapittel_6a'`, 'start')} END,
      ${L.length('normalMonths', 'cap_key', 'start')}) END AS cap_normal,
    CASE WHEN subgroup IS NOT NULL THEN COALESCE(CASE WHEN kap6a THEN ${L.length('max', `'kapittel_6a'`, 'start')} END,
      ${L.length('max', 'cap_key', 'start')}) END AS cap_max,
    -- §7 right-and-duty months (new act, Norwegian groups), with the engine's fallbacks (prepare.ts rightsMonths)
    CASE WHEN in_norsk THEN COALESCE(CASE WHEN new_act THEN ${L.months('norsk_rett_maaneder', rightsKey, 'rights_date')} END,
        ${L.months('norsk_rett_maaneder', rightsKey, 'decision')}, ${L.months('norsk_rett_maaneder', rightsKey, `DATE '2021-01-01'`)})
      WHEN grp = 'norsk_plikt' THEN ${L.months('kun_plikt_maaneder', `'kun_plikt'`, 'decision')} END AS months,
    -- §7 guideline goal: new act, Norwegian groups, at programme start (else the decision), not before the first permit
    ${(['kind', 'lytte', 'lese', 'skrive', 'muntlig', 'grade'] as const)
      .map((c) => `CASE WHEN new_act AND in_norsk THEN ${L.goal(c, 'goal_key', 'goal_date')} END AS g_${c}`)
      .join(',\n    ')},
    -- the registered Norwegian goal: a grade, else all four CEFR targets
    CASE WHEN nm_karakter IS NOT NULL THEN 'vgo_grade'
      WHEN COALESCE(nm_lytte, '') <> '' AND COALESCE(nm_lese, '') <> '' AND COALESCE(nm_skrive, '') <> '' AND COALESCE(nm_muntlig, '') <> ''
      THEN 'cefr' END AS r_kind
  FROM e),
g AS (
  SELECT f.*,
    CASE WHEN r_kind IS NOT NULL THEN 'registrert' WHEN g_kind IS NOT NULL THEN 'retningslinje' END AS kilde,
    CASE WHEN r_kind IS NOT NULL THEN r_kind ELSE g_kind END AS goal_kind,
    -- ambition of a registered goal against the guideline (prepare.ts ambition)
    CASE WHEN r_kind IS NULL OR g_kind IS NULL OR r_kind <> g_kind THEN NULL
      WHEN r_kind = 'vgo_grade' THEN CASE WHEN nm_karakter < g_grade THEN 'under' WHEN nm_karakter > g_grade THEN 'over' ELSE 'lik' END
      WHEN ${rank('nm_lytte')} < ${rank('g_lytte')} OR ${rank('nm_lese')} < ${rank('g_lese')}
        OR ${rank('nm_skrive')} < ${rank('g_skrive')} OR ${rank('nm_muntlig')} < ${rank('g_muntlig')} THEN 'under'
      WHEN ${rank('nm_lytte')} > ${rank('g_lytte')} OR ${rank('nm_lese')} > ${rank('g_lese')}
        OR ${rank('nm_skrive')} > ${rank('g_skrive')} OR ${rank('nm_muntlig')} > ${rank('g_muntlig')} THEN 'over'
      ELSE 'lik' END AS ambisjon,
    COALESCE(CASE WHEN bosettingsdato IS NOT NULL THEN bosettingskommune ELSE uf_bosted END, '9999') AS kommune
  FROM f)`;
  const goalCol = (reg: string, gl: string) =>
    `CASE WHEN goal_kind = 'cefr' THEN CASE WHEN r_kind IS NOT NULL THEN ${reg} ELSE ${gl} END END`;
  const value: Record<string, string> = {
    person_id: 'person_id',
    kjonn: 'kjonn',
    lovregime: 'regime',
    maalgruppe: 'grp',
    undergruppe: 'subgroup',
    bosatt_dato: 'settled',
    ikke_bosatt: 'bosettingsdato IS NULL',
    kommune_bosetting: 'kommune',
    kommune_ansvarlig: 'COALESCE(ip_kommune, kommune)',
    intro_vedtak: 'vedtak',
    intro_start: 'start',
    intro_slutt: 'ip_slutt',
    forlenget: 'ip_forlenget',
    heltid: 'ip_heltid',
    vgo_heltid: 'ip_vgo_heltid',
    tak_normal_mnd: 'cap_normal',
    tak_maks_mnd: 'cap_max',
    // a person's own cap: normal length, plus the extension where one was granted (law-rules §5)
    tak_mnd: 'CASE WHEN ip_forlenget IS TRUE THEN cap_max ELSE cap_normal END',
    rett_plikt_mnd: 'months',
    rett_plikt_slutt: `CASE WHEN months IS NOT NULL AND settled IS NOT NULL THEN ${sql.addMonths('settled', 'months')} END`,
    norskmaal_kilde: 'kilde',
    norskmaal_lytte: goalCol('nm_lytte', 'g_lytte'),
    norskmaal_lese: goalCol('nm_lese', 'g_lese'),
    norskmaal_skrive: goalCol('nm_skrive', 'g_skrive'),
    norskmaal_muntlig: goalCol('nm_muntlig', 'g_muntlig'),
    norskmaal_karakter: `CASE WHEN goal_kind = 'vgo_grade' THEN CASE WHEN r_kind IS NOT NULL THEN nm_karakter ELSE g_grade END END`,
    norskmaal_ambisjon: 'ambisjon',
    sluttmaal: 'sm_sluttmaal',
    // civics within 1 year of the decision (intro) or settlement (others): law-rules §4
    samf_anker: `CASE WHEN grp = 'intro' THEN COALESCE(vedtak, settled) ELSE settled END`,
    utvandret_dato: 'utvandret_dato',
    dod_dato: 'dod_dato',
    avslutning_dato: 'av_dato',
    utdanning_medbrakt: 'utdanning_medbrakt',
    fodt: 'fodt',
  };
  const cols = STAGING_COLUMNS.map(([n, ty]) => {
    const expr = value[n];
    if (expr === undefined) throw new Error(`person facts: no SQL for staging column ${n}`);
    return `CAST(${expr} AS ${DATE_COLUMNS.has(n) ? 'DATE' : ty}) AS ${sql.quoteIdent(n)}`;
  });
  return `WITH ${steps}\nSELECT ${cols.join(',\n  ')}\nFROM g`;
}
