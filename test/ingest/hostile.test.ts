/**
 * The hostile corpus (issue 13): the failure classes a probe found, each planted with its exact
 * expected outcome, ingested through the command line (stdout and stderr captured), then a scan:
 * no identity-number-shaped value (11 digits once spaces and hyphens are removed, valid check
 * digits) anywhere in the store (every table), the report or the captured output.
 * Grow this corpus: every new failure class gets a case here.
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { identityCheckDigits, ingest, isIdentityNumber, type IngestReport } from '../../src/ingest/index.ts';
import { openStore } from '../../src/store/index.ts';
import { csv, person, programme, query, sha256, tempDir, write, type Rec } from './fixtures.ts';
import { assertReconciled, countCsvRecords } from './reconcile.ts';

const BIN = fileURLToPath(new URL('../../bin/integreringsmonitor.js', import.meta.url));
const REF = '2024-06-30';

/** A valid identity number for a date part (first individual number with check digits). */
function identity(datePart: string, from = 100): string {
  for (let ind = from; ind < 999; ind++) {
    const k = identityCheckDigits(`${datePart}${ind}`);
    if (k) return `${datePart}${ind}${k}`;
  }
  throw new Error('none');
}
const FNR0 = identity('010190'); // leading zero: a number column drops it
const FNR = identity('150785');
const FNR2 = identity('150785', 300);
const DNR = identity('410190');
const PLANTED = [FNR0, FNR, FNR2, DNR];

/** Every identity-number-shaped value in a text: maximal runs of exactly 11 digits after removing spaces and hyphens. */
export function identityShaped(textIn: string): string[] {
  const t = textIn.replace(/[\s\p{Zs}\u2010-\u2015\u2212-]/gu, '');
  return (t.match(/\d+/g) ?? []).filter((d) => d.length === 11 && isIdentityNumber(d));
}

function cli(args: string[]): { status: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

interface Expect {
  readonly table: string;
  readonly line: number;
  readonly column: string;
  readonly code: string;
  readonly value?: string | null;
}

const dir = tempDir('ingest-hostile-');
const input = join(dir, 'in');
const db = join(dir, 'store.duckdb');
const reportPath = join(dir, 'report.json');
const expected: Expect[] = [];
let run: { status: number | null; out: string; err: string };
let report: IngestReport;

/** personer, written by hand line by line: mixed CRLF/LF, identity numbers in every disguise. */
function personer(): { text: string; quoteA: number; quoteB: number; bigLine: number; crLine: number } {
  const cols = Object.keys(person('x'));
  const row = (r: Rec) => cols.map((c) => r[c] ?? '').join(',');
  const lines: string[] = [cols.join(',')];
  const add = (text: string, e?: Omit<Expect, 'table' | 'line'>): number => {
    lines.push(text);
    if (e) expected.push({ ...e, table: 'personer', line: lines.length });
    return lines.length;
  };
  for (let i = 1; i <= 5; i++) add(row(person(`p${i}`)));
  const ids: [string, string][] = [
    [` ${FNR}`, 'leading space'],
    [`${FNR} `, 'trailing space'],
    [`${FNR.slice(0, 6)} ${FNR.slice(6)}`, 'inner space'],
    [`${FNR.slice(0, 6)}-${FNR.slice(6)}`, 'hyphen'],
    [`${DNR.slice(0, 6)}\u00a0${DNR.slice(6)}`, 'no-break space'],
    [FNR0.slice(1), 'leading zero lost'],
    [`P${FNR2}`, 'embedded in a pseudonym'],
  ];
  for (const [id] of ids) add(row(person(id)), { column: 'person_id', code: 'fodselsnummer', value: null });
  add(row(person('p6', { landbakgrunn: FNR })), { column: 'landbakgrunn', code: 'fodselsnummer', value: null });
  const bigLine = add(row(person('p7', { landbakgrunn: 'X'.repeat(5 * 1024 * 1024) })), { column: 'landbakgrunn', code: 'for_lang_verdi', value: null });
  add(row(person(FNR2, { landbakgrunn: 'Y'.repeat(5 * 1024 * 1024) })), { column: 'person_id', code: 'fodselsnummer', value: null });
  // A lone CR inside a quoted field is data; a lone CR outside quotes breaks the row.
  add(row(person('p8', { landbakgrunn: '"SY\rR"' })));
  const crLine = add(row(person('p9', { landbakgrunn: 'SY\rR' })), { column: '', code: 'feil_antall_felt', value: null });
  // Two unbalanced quotes 490 lines apart: each costs its own line, the 488 rows between load.
  const quoteA = add(row(person('qa', { landbakgrunn: '"SYR' })), { column: '', code: 'feil_antall_felt', value: null });
  for (let i = 0; i < 488; i++) add(row(person(`m${i}`)));
  const quoteB = add(row(person('qb', { landbakgrunn: 'SYR"' })), { column: '', code: 'feil_antall_felt', value: null });
  add(row(person('p10', { bosettingskommune: '0998' })), { column: 'bosettingskommune', code: 'ukjent_kommune', value: '0998' });
  add(row(person('12345')));
  // Mixed line ends: every third line CRLF.
  const text = lines.map((l, i) => `${l}${i % 3 === 0 ? '\r\n' : '\n'}`).join('');
  return { text, quoteA, quoteB, bigLine, crLine };
}

let P: ReturnType<typeof personer>;

before(async () => {
  mkdirSync(input);
  P = personer();
  write(input, 'personer.csv', P.text);
  // introprogram: an unknown header that is an identity number (shown by position only).
  const ids = ['p1', 'p2', 'p3', 'm0', 'm487'];
  const intro = csv('introprogram', ids.map((id) => ({ ...programme(id), [FNR]: 'x' })), { extra: [FNR] });
  write(input, 'introprogram.csv', intro);
  // utfall: identity numbers in a number column, as text and in exponent notation.
  const u = (o: Rec): Rec => ({ person_id: 'p1', aar: '2022', bosted: '0301', sysselsatt: 'true', under_utdanning: 'false', yrkesinntekt: '350000', heltid: '', sosialhjelp: 'false', sosialhjelp_hovedkilde: 'false', andre_overforinger: 'false', eierstatus: 'leier', ...o });
  write(input, 'utfall.csv', csv('utfall', [
    u({}),
    u({ aar: '2021', yrkesinntekt: FNR }),
    u({ aar: '2020', yrkesinntekt: `${FNR2.slice(0, 1)}.${FNR2.slice(1)}E10` }),
    u({ aar: '2019', yrkesinntekt: `${FNR}.00` }),
  ]));
  for (const line of [3, 4, 5]) expected.push({ table: 'utfall', line, column: 'yrkesinntekt', code: 'fodselsnummer', value: null });
  // avslutning: UTF-8 with one Windows-1252 line (line 3): read correctly, and named.
  const avsl = csv('avslutning', [
    { person_id: 'p1', dato: '2022-03-01', hovedaarsak: 'Død', aarsak2: '', aarsak3: '', sluttmaal_oppnaadd: '' },
    { person_id: 'p2', dato: '2022-03-01', hovedaarsak: 'Ikke arbeidssøker', aarsak2: '', aarsak3: '', sluttmaal_oppnaadd: '' },
    { person_id: 'p3', dato: '2022-03-01', hovedaarsak: 'Død', aarsak2: '', aarsak3: '', sluttmaal_oppnaadd: '' },
  ]);
  const [h, l2, l3, l4] = avsl.split('\n');
  write(input, 'avslutning.csv', Buffer.concat([Buffer.from(`${h}\n${l2}\n`), Buffer.from(`${l3}\n`, 'latin1'), Buffer.from(`${l4}\n`)]));
  // kommuneendringer with a cycle (0998 → 0999 → 0997 → 0999) and an identity number as a code.
  write(input, 'kommuneendringer.csv', [
    'gammel_kode,ny_kode,gyldig_fra,andel',
    '0998,0999,2019-01-01,',
    '0999,0997,2020-01-01,',
    '0997,0999,2021-01-01,',
    `${FNR},0301,2020-01-01,`,
    '',
  ].join('\n'));
  expected.push({ table: 'kommuneendringer', line: 5, column: 'gammel_kode', code: 'fodselsnummer', value: null });
  // Parquet with person_id typed DOUBLE: identity numbers as numbers, and a numeric pseudonym.
  const s = await openStore(':memory:');
  await s.run(`COPY (SELECT * FROM (VALUES (${Number(FNR)}::DOUBLE, '2021-01-01', 'hoyere', 'godkjent_utland'),
      (${Number(FNR0)}::DOUBLE, '2021-01-01', 'hoyere', 'godkjent_utland'),
      (12345::DOUBLE, '2021-01-01', 'hoyere', 'godkjent_utland')) t(person_id, dato, nivaa, kilde))
    TO '${join(input, 'utdanning_norge.parquet')}' (FORMAT parquet)`);
  // A real Parquet file named .csv.
  await s.run(`COPY (SELECT 2022 AS aar, 3.1 AS ledighet) TO '${join(input, 'nasjonalt_aar.csv')}' (FORMAT parquet)`);
  await s.close();
  expected.push({ table: 'utdanning_norge', line: 2, column: 'person_id', code: 'fodselsnummer', value: null });
  expected.push({ table: 'utdanning_norge', line: 3, column: 'person_id', code: 'fodselsnummer', value: null });
  // No header: the first line is a record with an identity number.
  write(input, 'oppstart.csv', `${FNR},2020-03-01,kartlegging,true\np1,2020-03-01,kartlegging,true\n`);
  // A symlink to /etc/passwd named like a table; a folder named like a table.
  symlinkSync('/etc/passwd', join(input, 'proever.csv'));
  mkdirSync(join(input, 'maal.csv'));
  // A "Parquet" that is really CSV (with an identity number in it).
  write(input, 'elementer.parquet', `person_id,element\n${FNR},norsk\n`);
  // A Parquet file with the right magic but broken inside: the engine fails, the message must not.
  write(input, 'norsktimer.parquet', Buffer.concat([Buffer.from('PAR1'), Buffer.from(`${FNR} ${'z'.repeat(200)}`), Buffer.from('PAR1')]));
  // A split extract.
  write(input, 'brukerundersokelse.csv', 'aar,sporsmal,andel_positiv,antall_svar\n2022,q1,50,10\n');
  write(input, 'brukerundersokelse_2.csv', 'aar,sporsmal,andel_positiv,antall_svar\n2023,q1,55,12\n');

  run = cli(['ingest', '--input', input, '--db', db, '--report', reportPath, '--reference-date', REF]);
  report = JSON.parse(readFileSync(reportPath, 'utf8')) as IngestReport;
});

describe('hostile corpus', () => {
  test('the run succeeds (exit 0), every file read reconciles with the independent count', async () => {
    assert.equal(run.status, 0, run.err);
    assert.equal(report.ok, true, report.errors.join('; '));
    const checked = await assertReconciled(report, input);
    assert.ok(checked >= 6, `${checked} files reconciled`);
    assert.doesNotMatch(run.err + run.out, /Uventet feil|Unexpected error|\n\s+at /);
  });

  test('exactly the planted rows are rejected, with line, column and reason', () => {
    const got = report.rejected.map((r) => `${r.tabell}:${r.linje}:${r.kolonne}:${r.aarsak_kode}`).sort();
    const want = expected.map((e) => `${e.table}:${e.line}:${e.column}:${e.code}`).sort();
    assert.deepEqual(got, want);
    for (const e of expected) {
      const r = report.rejected.find((x) => x.tabell === e.table && x.linje === e.line)!;
      if (e.value !== undefined) assert.equal(r.verdi, e.value, `${e.table}:${e.line}`);
    }
  });

  test('unbalanced quotes 490 lines apart cost two lines; the 488 rows between load', async () => {
    const p = report.files.find((f) => f.tabell === 'personer')!;
    assert.equal(P.quoteB - P.quoteA, 489);
    const m = await query(db, "SELECT count(*) AS n FROM personer WHERE person_id LIKE 'm%'");
    assert.equal(Number(m[0]!['n']), 488);
    assert.ok(p.merknader.some((n) => n.includes(`linje ${P.quoteA}, ${P.quoteB}`)), p.merknader.join(' | '));
    assert.equal(p.rows_read, countCsvRecords(join(input, 'personer.csv')));
  });

  test('mixed CRLF/LF and a lone CR inside a quoted field are read exactly', async () => {
    const p = report.files.find((f) => f.tabell === 'personer')!;
    assert.ok(p.merknader.some((n) => n.startsWith('blandede linjeskift')), p.merknader.join(' | '));
    const r = await query(db, "SELECT landbakgrunn AS l, _linje FROM personer WHERE person_id = 'p8'");
    assert.deepEqual(r, [{ l: 'SY\rR', _linje: P.crLine - 1 }]);
    const num = await query(db, "SELECT _linje FROM personer WHERE person_id = 'm487'");
    assert.equal(num[0]!['_linje'], P.quoteB - 1);
  });

  test('one Windows-1252 line in a UTF-8 file is read correctly and named', async () => {
    const a = report.files.find((f) => f.tabell === 'avslutning')!;
    assert.equal(a.tegnsett, 'utf-8+windows-1252');
    assert.ok(a.merknader.some((n) => /linje 3;/.test(n)), a.merknader.join(' | '));
    const rows = await query(db, 'SELECT hovedaarsak_opprinnelig AS h FROM avslutning ORDER BY _linje');
    assert.deepEqual(rows.map((r) => r['h']), ['Død', 'Ikke arbeidssøker', 'Død']);
  });

  test('a cycle in the change table is reported; no person is left under a code outside the 2024 structure', async () => {
    const k = report.files.find((f) => f.tabell === 'kommuneendringer')!;
    assert.equal(k.merknader.filter((n) => n.includes('syklus')).length, 3, k.merknader.join(' | '));
    const outside = await query(db, `SELECT count(*) AS n FROM personer WHERE bosettingskommune NOT IN (SELECT kommune FROM ref_kommuner)`);
    assert.equal(Number(outside[0]!['n']), 0);
    const ref = await query(db, `SELECT count(*) AS n FROM ref_kommuneendringer WHERE ny_kode NOT IN (SELECT kommune FROM ref_kommuner)`);
    assert.equal(Number(ref[0]!['n']), 0);
  });

  test('a numeric Parquet person_id: identity numbers caught, a numeric pseudonym loads as an integer', async () => {
    const rows = await query(db, 'SELECT person_id FROM utdanning_norge');
    assert.deepEqual(rows, [{ person_id: '12345' }]);
  });

  test('an unknown header that is a value is shown by its position only', () => {
    const i = report.files.find((f) => f.tabell === 'introprogram')!;
    assert.deepEqual(i.ukjente_kolonner, ['kolonne 10']);
  });

  test('refused files, each with a clear reason and nothing of their content', async () => {
    const reasons = new Map(report.refused.map((r) => [r.fil, r.aarsak]));
    const want: [string, RegExp][] = [
      ['oppstart.csv', /første linje ser ut som data, ikke en overskriftsrad/],
      ['proever.csv', /symbolsk lenke; lenker følges ikke/],
      ['maal.csv', /er en mappe/],
      ['elementer.parquet', /heter \.parquet, men er ikke en Parquet-fil \(innholdet er tekst/],
      ['nasjonalt_aar.csv', /heter \.csv, men innholdet er Parquet/],
      ['norsktimer.parquet', /filen kunne ikke leses: [A-Za-z ]+ Error/],
      ['brukerundersokelse.csv', /delt i flere filer \(brukerundersokelse\.csv, brukerundersokelse_2\.csv\)/],
    ];
    for (const [fil, re] of want) assert.match(reasons.get(fil) ?? `(not refused: ${fil})`, re);
    assert.equal(reasons.size, want.length, [...reasons.keys()].join(', '));
    const text = JSON.stringify(report);
    assert.ok(!text.includes('root:'), 'nothing of /etc/passwd');
    assert.ok(!text.includes('zzzz'), 'nothing of the broken Parquet');
    const created = await query(db, 'SELECT table_name AS t FROM information_schema.tables');
    const names = new Set(created.map((r) => r['t']));
    for (const t of ['oppstart', 'proever', 'maal', 'elementer', 'nasjonalt_aar', 'norsktimer', 'brukerundersokelse']) {
      assert.ok(!names.has(t), `${t} not created`);
    }
  });

  test('scan: no identity-number-shaped value in the store (every table), the report or the output', async () => {
    const found: string[] = [];
    const store = await openStore(db, { readOnly: true });
    try {
      const tables = await store.all<{ t: string }>("SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'main'");
      assert.ok(tables.length >= 10);
      for (const { t } of tables) {
        const rows = await store.all(`SELECT * FROM "${t}"`);
        for (const r of rows) for (const v of Object.values(r)) if (v !== null) found.push(...identityShaped(String(v)).map((x) => `${t}: ${x}`));
      }
    } finally {
      await store.close();
    }
    found.push(...identityShaped(readFileSync(reportPath, 'utf8')).map((x) => `report: ${x}`));
    found.push(...identityShaped(run.out).map((x) => `stdout: ${x}`), ...identityShaped(run.err).map((x) => `stderr: ${x}`));
    assert.deepEqual(found, []);
    // The scanner itself finds what it must: every planted number in every disguise.
    for (const n of PLANTED) assert.deepEqual(identityShaped(`a ${n.slice(0, 6)}-${n.slice(6)} b`), [n]);
    const raw = readFileSync(db);
    for (const n of PLANTED) assert.equal(raw.includes(Buffer.from(n)), false, 'not in the store file bytes either');
  });
});

describe('failures of a required table: exit code 2, a clear message, the store unchanged', () => {
  const cases: [string, (d: string) => void, RegExp][] = [
    ['personer.csv is a folder', (d) => mkdirSync(join(d, 'personer.csv')), /personer\.csv er en mappe/],
    ['personer.csv has no header', (d) => write(d, 'personer.csv', `${Object.values(person(FNR)).join(',')}\n`), /første linje ser ut som data/],
    ['personer.parquet is broken inside', (d) => write(d, 'personer.parquet', Buffer.concat([Buffer.from('PAR1'), Buffer.from(`${FNR}`.repeat(20)), Buffer.from('PAR1')])), /filen kunne ikke leses/],
    ['personer is split in two', (d) => {
      write(d, 'personer_1.csv', csv('personer', [person('p1')]));
      write(d, 'personer_2.csv', csv('personer', [person('p2')]));
    }, /delt i flere filer \(personer_1\.csv, personer_2\.csv\)/],
  ];
  for (const [name, make, re] of cases) {
    test(name, async () => {
      const d = tempDir('ingest-hostile-req-');
      const good = join(d, 'good');
      const bad = join(d, 'bad');
      const store = join(d, 'store.duckdb');
      mkdirSync(good);
      mkdirSync(bad);
      write(good, 'personer.csv', csv('personer', [person('p1')]));
      write(good, 'introprogram.csv', csv('introprogram', [programme('p1')]));
      write(bad, 'introprogram.csv', csv('introprogram', [programme('p1')]));
      make(bad);
      assert.equal((await ingest({ inputDir: good, dbPath: store, referenceDate: REF, threads: 1 })).ok, true);
      const before = sha256(store);
      const r = cli(['ingest', '--input', bad, '--db', store, '--reference-date', REF]);
      assert.equal(r.status, 2, r.err);
      assert.match(r.out + r.err, re);
      assert.doesNotMatch(r.out + r.err, /Uventet feil|Unexpected error|\n\s+at /);
      assert.deepEqual(identityShaped(r.out + r.err), []);
      assert.equal(sha256(store), before);
    });
  }
});
