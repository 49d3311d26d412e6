/** Same seed → byte-identical files; another seed → other data; every contract table with exactly its columns. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TABLES } from '../../src/contract/tables.ts';
import { generate, TRUTH_FILE } from '../../src/synth/index.ts';
import { splitLine } from './read-csv.ts';

const tmp = mkdtempSync(join(tmpdir(), 'synth-det-'));
const run = (name: string, seed: number, dirty = false) =>
  generate({ scale: 'small', seed, outDir: join(tmp, name), persons: 600, dirty });

test.after(() => rmSync(tmp, { recursive: true, force: true }));

test('the same seed gives byte-identical files, clean and dirty', async () => {
  for (const dirty of [false, true]) {
    const a = await run(`a${dirty}`, 42, dirty);
    const b = await run(`b${dirty}`, 42, dirty);
    assert.deepEqual(a.rows, b.rows);
    const files = readdirSync(join(tmp, `a${dirty}`)).filter((f) => f.endsWith('.csv'));
    assert.ok(files.length >= TABLES.length);
    for (const f of [...files, TRUTH_FILE]) {
      assert.ok(readFileSync(join(tmp, `a${dirty}`, f)).equals(readFileSync(join(tmp, `b${dirty}`, f))), `${f} differs`);
    }
  }
});

test('another seed gives other data', async () => {
  await run('c', 43);
  for (const t of ['personer', 'utfall', 'introprogram']) {
    assert.ok(!readFileSync(join(tmp, 'afalse', `${t}.csv`)).equals(readFileSync(join(tmp, 'c', `${t}.csv`))), `${t} is the same`);
  }
});

test('every contract table is written with exactly the contract columns and field count', () => {
  for (const spec of TABLES) {
    const lines = readFileSync(join(tmp, 'afalse', `${spec.name}.csv`), 'utf8').split('\n').filter((l) => l !== '');
    assert.deepEqual(splitLine(lines[0] ?? ''), spec.columns.map((c) => c.name), spec.name);
    assert.ok(lines.length > 1, `${spec.name} has rows`);
    const bad = lines.findIndex((l) => splitLine(l).length !== spec.columns.length);
    assert.equal(bad, -1, `${spec.name}: line ${bad + 1} has the wrong field count`);
  }
});
