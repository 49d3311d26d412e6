/**
 * File-level cases: encodings, Parquet, empty and header-only files, refused files, and the
 * all-or-nothing guarantee (a failed run leaves the store byte-identical).
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { ingest, type IngestReport } from '../../src/ingest/index.ts';
import { openStore } from '../../src/store/index.ts';
import { csv, person, programme, query, sha256, tempDir, write } from './fixtures.ts';
import { assertReconciled } from './reconcile.ts';

const REF = '2024-06-30';
const opts = { referenceDate: REF, threads: 1, memoryLimit: '500MB' } as const;

describe('encodings, Parquet and file-level refusals', () => {
  const dir = tempDir();
  const db = join(dir, 'store.duckdb');
  let report: IngestReport;

  before(async () => {
    write(dir, 'personer.csv', csv('personer', [person('p1'), person('p2')], { delimiter: ';' }));
    // Windows-1252, semicolons, table 5.2 labels with ø: must be read as ø, never as mojibake.
    const avslutning = csv('avslutning', [
      { person_id: 'p1', dato: '2022-03-01', hovedaarsak: 'Død', aarsak2: 'Ikke arbeidssøker', aarsak3: '', sluttmaal_oppnaadd: '' },
      { person_id: 'p2', dato: '2022-03-01', hovedaarsak: 'Hjemmeværende', aarsak2: '', aarsak3: '', sluttmaal_oppnaadd: '' },
    ], { delimiter: ';' });
    write(dir, 'avslutning.csv', iconv.encode(avslutning, 'windows-1252'));
    // introprogram as Parquet, one bad row (the second: line 3 as in a CSV with header).
    const src = join(dir, 'intro-src.csv');
    write(dir, 'intro-src.csv', csv('introprogram', [programme('p1'), programme('p2', { sluttdato: '2019-01-01' })]));
    const s = await openStore(':memory:');
    await s.run(`COPY (SELECT * FROM read_csv('${src}', all_varchar=true)) TO '${join(dir, 'introprogram.parquet')}' (FORMAT parquet)`);
    await s.close();
    write(dir, 'norsktimer.csv', 'person_id,aar_mnd,timer\n'); // header only
    write(dir, 'maal.csv', ''); // empty file
    write(dir, 'elementer.csv', 'person_id,element,sluttdato,heltid\np1,norsk,2020-01-01,true\n'); // lacks startdato
    write(dir, 'utdanning_norge.csv', 'person_id,dato,nivaa,kilde\np1,2021-01-01,hoyere,godkjent_utland\nÃ¸p2,2021-01-01,hoyere,godkjent_utland\n'); // mojibake
    report = await ingest({ inputDir: dir, dbPath: db, ...opts });
    await assertReconciled(report, dir);
  });

  const file = (t: string) => report.files.find((f) => f.tabell === t)!;

  test('the run succeeds although optional files are refused', () => {
    assert.equal(report.ok, true, report.errors.join('; '));
    for (const f of report.files) assert.equal(f.rows_read, f.rows_loaded + f.rows_rejected, f.fil);
  });

  test('windows-1252 is detected, reported, and æøå read correctly', async () => {
    const f = file('avslutning');
    assert.equal(f.tegnsett, 'windows-1252');
    assert.ok(f.merknader.some((m) => m.includes('Windows-1252')));
    const rows = await query(db, 'SELECT hovedaarsak, hovedaarsak_opprinnelig, aarsak2 FROM avslutning ORDER BY _linje');
    assert.deepEqual(rows, [{ hovedaarsak: 'dod', hovedaarsak_opprinnelig: 'Død', aarsak2: 'ikke_arbeidssoker' }]);
    const bad = report.rejected.find((r) => r.tabell === 'avslutning')!;
    assert.deepEqual([bad.linje, bad.kolonne, bad.aarsak_kode, bad.verdi], [3, 'hovedaarsak', 'ukjent_kode', 'Hjemmeværende']);
  });

  test('Parquet input is loaded and checked; its line is row number + 1', () => {
    const f = file('introprogram');
    assert.equal(f.format, 'parquet');
    assert.deepEqual([f.rows_read, f.rows_loaded, f.rows_rejected], [2, 1, 1]);
    const bad = report.rejected.find((r) => r.tabell === 'introprogram')!;
    assert.deepEqual([bad.fil, bad.linje, bad.kolonne, bad.aarsak_kode], ['introprogram.parquet', 3, 'sluttdato', 'slutt_for_start']);
  });

  test('a header-only file gives an empty table', async () => {
    assert.deepEqual([file('norsktimer').rows_read, file('norsktimer').rows_loaded], [0, 0]);
    const rows = await query(db, 'SELECT count(*) AS n FROM norsktimer');
    assert.equal(Number(rows[0]!['n']), 0);
  });

  test('an empty file, a missing required column and mojibake refuse the file with a clear reason', async () => {
    const reasons = new Map(report.refused.map((r) => [r.fil, r.aarsak]));
    assert.match(reasons.get('maal.csv') ?? '', /tom/);
    assert.match(reasons.get('elementer.csv') ?? '', /mangler påkrevd kolonne: startdato/);
    assert.match(reasons.get('utdanning_norge.csv') ?? '', /linje 3 .*dobbeltkodet/);
    const t = await query(db, "SELECT count(*) AS n FROM information_schema.tables WHERE table_name IN ('maal', 'elementer', 'utdanning_norge')");
    assert.equal(Number(t[0]!['n']), 0);
  });
});

describe('all-or-nothing', () => {
  const dir = tempDir();
  const good = join(dir, 'good');
  const db = join(dir, 'store.duckdb');
  mkdirSync(good);
  write(good, 'personer.csv', csv('personer', [person('p1'), person('p2')]));
  write(good, 'introprogram.csv', csv('introprogram', [programme('p1'), programme('p2')]));

  test('loading the same input twice gives the same store', async () => {
    await assertReconciled(await ingest({ inputDir: good, dbPath: db, ...opts }), good);
    const dump = async () => JSON.stringify([
      await query(db, 'SELECT * FROM personer ORDER BY _linje'),
      await query(db, 'SELECT * FROM introprogram ORDER BY _linje'),
      await query(db, 'SELECT * FROM ingest_avviste'),
      await query(db, 'SELECT * FROM ingest_filer'),
      await query(db, 'SELECT input_dir, reference_date, data_siste_dato FROM ingest_kjoring'),
    ]);
    const first = await dump();
    await assertReconciled(await ingest({ inputDir: good, dbPath: db, ...opts }), good);
    assert.equal(await dump(), first);
    const n = await query(db, 'SELECT count(*) AS n FROM personer');
    assert.equal(Number(n[0]!['n']), 2, 'no duplicates after a second load');
  });

  test('a run with a required table missing fails and leaves the store byte-identical', async () => {
    const before = sha256(db);
    const bad = join(dir, 'no-intro');
    mkdirSync(bad);
    copyFileSync(join(good, 'personer.csv'), join(bad, 'personer.csv'));
    const r = await ingest({ inputDir: bad, dbPath: db, ...opts });
    await assertReconciled(r, bad);
    assert.equal(r.ok, false);
    assert.match(r.errors.join(' '), /introprogram/);
    assert.equal(sha256(db), before);
  });

  test('a required table missing a required column fails the run, naming the column', async () => {
    const before = sha256(db);
    const bad = join(dir, 'no-column');
    mkdirSync(bad);
    write(bad, 'personer.csv', csv('personer', [person('p1')], { drop: ['kjonn'] }));
    copyFileSync(join(good, 'introprogram.csv'), join(bad, 'introprogram.csv'));
    const r = await ingest({ inputDir: bad, dbPath: db, ...opts });
    await assertReconciled(r, bad);
    assert.equal(r.ok, false);
    assert.match(r.refused[0]!.aarsak, /kjonn/);
    assert.equal(sha256(db), before);
    assert.deepEqual(readdirSync(dir).filter((f) => f.includes('.ingest-')), [], 'no temporary files left');
    assert.ok(!existsSync(`${db}.wal`));
  });
});
