/**
 * The malformed-input corpus: one input folder with many planted faults, one ingest, then every
 * fault asserted by reason code, table, line and column, plus rows_read = loaded + rejected
 * for every file. Line numbers are physical lines (header = line 1).
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ingest, identityCheckDigits, type IngestReport } from '../../src/ingest/index.ts';
import { csv, person, programme, query, tempDir, write, type Rec } from './fixtures.ts';
import { assertReconciled } from './reconcile.ts';

/** A valid fødselsnummer / D-number computed here (01.01.90, first individual number with check digits). */
function identity(datePart: string): string {
  for (let ind = 100; ind < 200; ind++) {
    const k = identityCheckDigits(`${datePart}${ind}`);
    if (k) return `${datePart}${ind}${k}`;
  }
  throw new Error('none');
}
const FNR = identity('010190');
const DNR = identity('410190');

interface Case {
  readonly name: string;
  readonly table: string;
  readonly line: number;
  readonly column: string;
  readonly code: string;
  readonly value?: string | null;
}

const cases: Case[] = [];
/** Rows of a table with their line numbers; `expect` plants a case at the row's line. */
class Table {
  readonly rows: Rec[] = [];
  /** Physical lines used so far (header = 1); rows with embedded newlines use more. */
  private line = 1;
  constructor(readonly name: string) {}
  add(row: Rec, expect?: Omit<Case, 'table' | 'line'>): number {
    this.rows.push(row);
    this.line += 1;
    const at = this.line;
    this.line += Object.values(row).reduce((n, v) => n + (v.match(/\n/g)?.length ?? 0), 0);
    if (expect) cases.push({ ...expect, table: this.name, line: at });
    return at;
  }
}

const REF = '2024-06-30';
const dir = tempDir();
const db = join(dir, 'store.duckdb');
let report: IngestReport;

// personer: UTF-8 with BOM, comma-separated.
const P = new Table('personer');
for (let i = 1; i <= 6; i++) P.add(person(`p${i}`));
P.add(person('p1', { kjonn: '2' }), { name: 'duplicate person_id', column: 'person_id', code: 'duplikat', value: 'p1' });
P.add(person(FNR), { name: 'fødselsnummer refused without echo', column: 'person_id', code: 'fodselsnummer', value: null });
P.add(person(DNR), { name: 'D-number refused without echo', column: 'person_id', code: 'fodselsnummer', value: null });
P.add(person('x'.repeat(65)), { name: 'person_id too long', column: 'person_id', code: 'for_lang_verdi' });
P.add(person('p7', { fodt: '1990-13' }), { name: 'invalid month', column: 'fodt', code: 'ugyldig_maaned', value: '1990-13' });
P.add(person('p8', { kjonn: '3', forste_tillatelse_dato: 'x' }), { name: 'first failing column wins', column: 'kjonn', code: 'ukjent_kode', value: '3' });
P.add(person('p9', { forste_tillatelse_dato: '2020-02-30' }), { name: 'not a calendar date', column: 'forste_tillatelse_dato', code: 'ugyldig_dato' });
P.add(person('p10', { ankomstdato: '2030-01-01', bosettingsdato: '2031-01-01' }), { name: 'future date', column: 'ankomstdato', code: 'dato_i_fremtiden' });
P.add(person('p11', { bosettingsdato: '2019-01-01' }), { name: 'settled before arrival', column: 'bosettingsdato', code: 'slutt_for_start', value: '2019-01-01' });
P.add(person('p12', { bosettingskommune: '0000' }), { name: 'unknown municipality', column: 'bosettingskommune', code: 'ukjent_kommune', value: '0000' });
P.add(person('p13', { barn_under_18: 'ja' }), { name: 'invalid boolean', column: 'barn_under_18', code: 'ugyldig_boolsk' });
P.add(person('p14', { tillatelse: '' }), { name: 'missing required value', column: 'tillatelse', code: 'mangler_verdi', value: null });
const quotedLine = P.add(person('p15', { landbakgrunn: 'first line\nsecond, line' })); // quoted newline: loads, shifts later lines
P.add(person('p16', { kjonn: '9' }), { name: 'line after a quoted newline', column: 'kjonn', code: 'ukjent_kode' });
P.add(person('p17', { bosettingskommune: '0101' })); // old Halden code → 3101
P.add(person('p18', { bosettingskommune: '9999' })); // "Uoppgitt" is valid
P.add(person('p19', { bosettingskommune: '1534' })); // Haram → Ålesund 2020 → Haram 2024 (1580)
P.add(person('p20', { dod_dato: '2019-01-01' }), { name: 'died before arrival', column: 'dod_dato', code: 'slutt_for_start' });
const personerText = csv('personer', P.rows);
// A row with one field too many, and one with broken quoting, appended by hand.
const extraLine = P.add(person('pextra'), { name: 'wrong field count', column: '', code: 'feil_antall_felt', value: '15' });
const brokenLine = P.add(person('pbroken'), { name: 'broken quoting', column: '', code: 'feil_antall_felt', value: null });
const personerLines = personerText.trimEnd().split('\n');
personerLines.push(`${Object.values(person('pextra')).join(',')},surplus`);
personerLines.push(`${Object.values(person('pbroken', { landbakgrunn: 'XX' })).join(',').replace('XX', '"SY"R')}`);
// A blank line, then a valid row: blank lines are skipped but still counted as lines.
personerLines.push('');
P.add(person('p99'));
personerLines.push(Object.values(person('p99')).join(','));
void extraLine;
void brokenLine;

// introprogram: semicolon-separated, an unknown extra column.
const I = new Table('introprogram');
I.add({ ...programme('p1'), ekstra: 'x' });
I.add({ ...programme('p2', { kommune: '1534' }), ekstra: '' }); // harmonised to 1580
I.add({ ...programme('nobody'), ekstra: '' }, { name: 'unknown person', column: 'person_id', code: 'ukjent_person', value: 'nobody' });
I.add({ ...programme('p3', { sluttdato: '2020-01-01' }), ekstra: '' }, { name: 'end before start', column: 'sluttdato', code: 'slutt_for_start' });
I.add({ ...programme('p1'), ekstra: '' }, { name: 'duplicate (person_id, vedtaksdato)', column: 'person_id', code: 'duplikat' });
I.add({ ...programme('p4', { forlenget: 'yes' }), ekstra: '' }, { name: 'invalid boolean in introprogram', column: 'forlenget', code: 'ugyldig_boolsk' });
I.add({ ...programme('p5', { kommune: '' }), ekstra: '' }, { name: 'missing municipality', column: 'kommune', code: 'mangler_verdi' });
I.add({ ...programme('p6', { planlagt_slutt: '2031-01-01' }), ekstra: '' }); // planned end may be in the future

// norsktimer
const N = new Table('norsktimer');
N.add({ person_id: 'p1', aar_mnd: '2021-01', timer: '12,5' }); // decimal comma accepted
N.add({ person_id: 'p1', aar_mnd: '2021-02', timer: '-3' }, { name: 'negative hours', column: 'timer', code: 'utenfor_omraade', value: '-3' });
N.add({ person_id: 'p1', aar_mnd: '2021-03', timer: 'abc' }, { name: 'hours not a number', column: 'timer', code: 'ugyldig_tall' });
N.add({ person_id: 'p1', aar_mnd: '2030-01', timer: '4' }, { name: 'future month', column: 'aar_mnd', code: 'dato_i_fremtiden' });
N.add({ person_id: 'p1', aar_mnd: '2021-01', timer: '7' }, { name: 'duplicate month', column: 'person_id', code: 'duplikat' });
N.add({ person_id: 'p2', aar_mnd: '2021-1', timer: '7' }, { name: 'month without leading zero', column: 'aar_mnd', code: 'ugyldig_maaned' });

// proever
const T = new Table('proever');
T.add({ person_id: 'p1', dato: '2021-05-01', prove: 'norsk', delprove: 'muntlig', resultat: 'B1' });
T.add({ person_id: 'p1', dato: '2021-05-01', prove: 'norsk', delprove: 'lese', resultat: 'B3' }, { name: 'non-CEFR level', column: 'resultat', code: 'ugyldig_resultat', value: 'B3' });
T.add({ person_id: 'p2', dato: '2021-05-01', prove: 'samfunnskunnskap', delprove: '', resultat: 'B1' }, { name: 'CEFR for samfunnskunnskap', column: 'resultat', code: 'ugyldig_resultat' });
T.add({ person_id: 'p3', dato: '2021-05-01', prove: 'vgo_norsk', delprove: '', resultat: '7' }, { name: 'grade 7', column: 'resultat', code: 'ugyldig_resultat' });
T.add({ person_id: 'p3', dato: '2021-05-01', prove: 'matte', delprove: '', resultat: '4' }, { name: 'unknown test', column: 'prove', code: 'ukjent_kode' });
T.add({ person_id: 'p4', dato: '2021-05-01', prove: 'statsborger', delprove: '', resultat: 'bestatt' });

// maal
const M = new Table('maal');
const goal = (o: Rec): Rec => ({ person_id: 'p1', dato: '2020-04-01', type: 'norskmaal', sluttmaal: '', lytte: 'B1', lese: 'B1', skrive: 'B1', muntlig: 'B2', vgo_karakter: '', ...o });
M.add(goal({}));
M.add(goal({ type: 'sluttmaal', lytte: '', lese: '', skrive: '', muntlig: '' }), { name: 'sluttmaal row without goal', column: 'sluttmaal', code: 'ufullstendig_maal' });
M.add(goal({ skrive: '' }), { name: 'norskmaal row lacking writing', column: 'skrive', code: 'ufullstendig_maal' });
M.add(goal({ lytte: 'B3' }), { name: 'unknown CEFR target', column: 'lytte', code: 'ukjent_kode' });
M.add(goal({ lytte: '', lese: '', skrive: '', muntlig: '', vgo_karakter: '2' })); // full-time vgo goal
M.add(goal({ vgo_karakter: '0' }), { name: 'grade target 0', column: 'vgo_karakter', code: 'utenfor_omraade' });

// avslutning: table 5.2 labels verbatim
const A = new Table('avslutning');
A.add({ person_id: 'p1', dato: '2022-03-01', hovedaarsak: 'Ikke arbeidssøker - forsørget', aarsak2: 'arbeid', aarsak3: '', sluttmaal_oppnaadd: 'true' });
A.add({ person_id: 'p2', dato: '2022-03-01', hovedaarsak: 'Bogus', aarsak2: '', aarsak3: '', sluttmaal_oppnaadd: '' }, { name: 'unknown reason', column: 'hovedaarsak', code: 'ukjent_kode' });

// elementer: old NIR label
const E = new Table('elementer');
E.add({ person_id: 'p1', element: 'Arbeidspraksis i NAVs regi', startdato: '2020-05-01', sluttdato: '2020-08-01', heltid: 'true' });
E.add({ person_id: 'p1', element: 'norsk', startdato: '2020-05-01', sluttdato: '2020-04-01', heltid: '' }, { name: 'element ends before start', column: 'sluttdato', code: 'slutt_for_start' });

// utfall
const U = new Table('utfall');
const outcome = (o: Rec): Rec => ({ person_id: 'p1', aar: '2022', bosted: '0301', sysselsatt: 'true', under_utdanning: 'false', yrkesinntekt: '350000', heltid: '', sosialhjelp: 'false', sosialhjelp_hovedkilde: 'false', andre_overforinger: 'false', eierstatus: 'leier', ...o });
U.add(outcome({}));
U.add(outcome({ aar: 'abc' }), { name: 'year not an integer', column: 'aar', code: 'ugyldig_heltall' });
U.add(outcome({ aar: '1980' }), { name: 'year out of range', column: 'aar', code: 'utenfor_omraade' });
U.add(outcome({}), { name: 'duplicate (person_id, aar)', column: 'person_id', code: 'duplikat' });
U.add(outcome({ aar: '2023', yrkesinntekt: '-1' }), { name: 'negative income', column: 'yrkesinntekt', code: 'utenfor_omraade' });
U.add(outcome({ aar: '2021', eierstatus: 'eier' }), { name: 'unknown tenure', column: 'eierstatus', code: 'ukjent_kode' });

// kommune_aar: duplicates compare harmonised codes (0101 and 3101 are the same municipality in 2024)
const K = new Table('kommune_aar');
const muni = (o: Rec): Rec => ({ kommune: '3101', aar: '2022', ledighet: '2.1', ...o });
K.add(muni({}));
K.add(muni({ kommune: '0101' }), { name: 'duplicate after harmonisation', column: 'kommune', code: 'duplikat' });
K.add(muni({ aar: '2023', ledighet: '101' }), { name: 'percentage above 100', column: 'ledighet', code: 'utenfor_omraade' });

before(async () => {
  write(dir, 'personer.csv', `\uFEFF${personerLines.join('\n')}\n`);
  write(dir, 'introprogram.csv', csv('introprogram', I.rows, { delimiter: ';', extra: ['ekstra'] }));
  write(dir, 'norsktimer.csv', csv('norsktimer', N.rows, { delimiter: ';' }));
  write(dir, 'proever.csv', csv('proever', T.rows));
  write(dir, 'maal.csv', csv('maal', M.rows));
  write(dir, 'avslutning.csv', csv('avslutning', A.rows));
  write(dir, 'elementer.csv', csv('elementer', E.rows));
  write(dir, 'utfall.csv', csv('utfall', U.rows));
  write(dir, 'kommune_aar.csv', csv('kommune_aar', K.rows));
  report = await ingest({ inputDir: dir, dbPath: db, referenceDate: REF, threads: 1, memoryLimit: '500MB' });
  await assertReconciled(report, dir);
});

describe('malformed-input corpus', () => {
  test('the corpus is large enough', () => {
    assert.ok(cases.length >= 30, `${cases.length} cases`);
  });

  test('the run succeeds and every file reconciles: rows_read = loaded + rejected', () => {
    assert.equal(report.ok, true, JSON.stringify(report.errors));
    for (const f of report.files) {
      assert.equal(f.rows_read, f.rows_loaded + f.rows_rejected, f.fil);
    }
    const byTable = new Map(report.files.map((f) => [f.tabell, f]));
    for (const [t, tbl] of [['personer', P], ['introprogram', I], ['norsktimer', N], ['maal', M], ['utfall', U]] as const) {
      assert.equal(byTable.get(t)?.rows_read, tbl.rows.length, `${t} rows_read`);
      assert.equal(byTable.get(t)?.rows_rejected, cases.filter((c) => c.table === t).length, `${t} rows_rejected`);
    }
  });

  test('exactly the planted faults are rejected, nothing else', () => {
    const got = report.rejected.map((r) => `${r.tabell}:${r.linje}:${r.kolonne}:${r.aarsak_kode}`).sort();
    const want = cases.map((c) => `${c.table}:${c.line}:${c.column}:${c.code}`).sort();
    assert.deepEqual(got.filter((g) => !want.includes(g)), [], 'rejected but not planted');
    assert.deepEqual(want.filter((w) => !got.includes(w)), [], 'planted but not rejected');
    assert.equal(got.length, want.length);
  });

  for (const c of cases) {
    test(`${c.name} → ${c.code} at ${c.table} line ${c.line}${c.column ? `, ${c.column}` : ''}`, () => {
      const r = report.rejected.find((x) => x.tabell === c.table && x.linje === c.line);
      assert.ok(r, 'row rejected');
      assert.equal(r.aarsak_kode, c.code);
      assert.equal(r.kolonne, c.column);
      assert.equal(r.fil, `${c.table}.csv`);
      if (c.value !== undefined) assert.equal(r.verdi, c.value);
    });
  }

  test('identity numbers are never echoed: not in the report, not in the store', async () => {
    const text = JSON.stringify(report);
    assert.ok(!text.includes(FNR) && !text.includes(DNR));
    const hits = await query(db, `SELECT count(*) AS n FROM ingest_avviste WHERE verdi IN ('${FNR}', '${DNR}')`);
    assert.equal(Number(hits[0]!['n']), 0);
    const people = await query(db, `SELECT count(*) AS n FROM personer WHERE person_id IN ('${FNR}', '${DNR}')`);
    assert.equal(Number(people[0]!['n']), 0);
  });

  test('the store keeps the same rejected rows as the report', async () => {
    const rows = await query(db, 'SELECT tabell, linje, kolonne, aarsak_kode FROM ingest_avviste');
    assert.equal(rows.length, report.rejected.length);
    assert.equal(report.rejected_total, rows.length);
  });

  test('old municipality codes are harmonised to 2024 and the original is kept', async () => {
    const rows = await query(db, "SELECT person_id, bosettingskommune AS k, bosettingskommune_opprinnelig AS o FROM personer WHERE person_id IN ('p17', 'p18', 'p19') ORDER BY person_id");
    assert.deepEqual(rows, [
      { person_id: 'p17', k: '3101', o: '0101' },
      { person_id: 'p18', k: '9999', o: '9999' },
      { person_id: 'p19', k: '1580', o: '1534' },
    ]);
    const intro = await query(db, "SELECT kommune, kommune_opprinnelig FROM introprogram WHERE person_id = 'p2'");
    assert.deepEqual(intro, [{ kommune: '1580', kommune_opprinnelig: '1534' }]);
  });

  test('table 5.2 labels and old element labels map to codes, the delivered text kept', async () => {
    const a = await query(db, 'SELECT hovedaarsak, hovedaarsak_opprinnelig, aarsak2 FROM avslutning');
    assert.deepEqual(a, [{ hovedaarsak: 'ikke_arbeidssoker_forsorget', hovedaarsak_opprinnelig: 'Ikke arbeidssøker - forsørget', aarsak2: 'arbeid' }]);
    const e = await query(db, 'SELECT element, element_opprinnelig FROM elementer');
    assert.deepEqual(e, [{ element: 'arbeidspraksis_nav', element_opprinnelig: 'Arbeidspraksis i NAVs regi' }]);
  });

  test('values are typed, the quoted newline is kept, _linje is the source line', async () => {
    const p = await query(db, "SELECT landbakgrunn, fodt::VARCHAR AS fodt, barn_under_18, _linje FROM personer WHERE person_id = 'p15'");
    assert.deepEqual(p, [{ landbakgrunn: 'first line\nsecond, line', fodt: '1990-01-01', barn_under_18: false, _linje: quotedLine }]);
    const last = await query(db, "SELECT _linje FROM personer WHERE person_id = 'p99'");
    assert.equal(last[0]!['_linje'], personerLines.length); // after the blank line
    const t = await query(db, "SELECT aar_mnd::VARCHAR AS m, timer FROM norsktimer");
    assert.deepEqual(t, [{ m: '2021-01-01', timer: 12.5 }]);
  });

  test('unknown extra columns are reported and not loaded; BOM and delimiters detected', async () => {
    const intro = report.files.find((f) => f.tabell === 'introprogram')!;
    assert.deepEqual(intro.ukjente_kolonner, ['ekstra']);
    assert.equal(intro.skilletegn, ';');
    const p = report.files.find((f) => f.tabell === 'personer')!;
    assert.equal(p.tegnsett, 'utf-8-bom');
    assert.equal(p.skilletegn, ',');
    const cols = await query(db, "SELECT column_name FROM information_schema.columns WHERE table_name = 'introprogram'");
    assert.ok(!cols.some((c) => c['column_name'] === 'ekstra'));
  });

  test('run metadata: reference date and the data\'s last date', async () => {
    const k = await query(db, 'SELECT reference_date::VARCHAR AS r, data_siste_dato::VARCHAR AS d FROM ingest_kjoring');
    assert.deepEqual(k, [{ r: REF, d: '2022-03-01' }]);
    assert.equal(report.data_siste_dato, '2022-03-01');
    const files = await query(db, 'SELECT count(*) AS n FROM ingest_filer');
    assert.equal(Number(files[0]!['n']), report.files.length);
  });

  test('absent optional tables are not created', async () => {
    const t = await query(db, "SELECT count(*) AS n FROM information_schema.tables WHERE table_name IN ('oppstart', 'brukerundersokelse')");
    assert.equal(Number(t[0]!['n']), 0);
    assert.ok(report.absent_tables.includes('oppstart'));
  });
});
