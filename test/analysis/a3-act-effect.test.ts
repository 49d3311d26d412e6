/**
 * A3 against a planted act effect (issue 10 acceptance): the generator's controlled act mode
 * (`--act-effect PP`, docs/synthetic-data.md) gives employment no path from the act except PP
 * percentage points for new-act persons. On generated data of 100 000 persons (same seed, PP = 5 and PP = 0):
 * - PP = 5: the adjusted new − old difference of employment (R2) covers 5 and the raw one does not;
 * - PP = 0: the adjusted interval covers 0.
 * Only the tables the R2 frames need are ingested (the rest are removed before ingest) to keep CI fast.
 * The two runs are not coupled (employment changes later random draws), and at this scale the
 * adjusted interval is about ±5 pp wide (one overlap year, 2021); the national figures are in
 * bench/analysis-national-check.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnalysisRow } from '../../src/contract/analysis.ts';
import { runA3 } from '../../src/analysis/a3.ts';
import { frameContext } from '../../src/analysis/context.ts';
import { loadFrame } from '../../src/analysis/frame.ts';
import { OUTCOMES } from '../../src/analysis/outcomes.ts';
import { ingest } from '../../src/ingest/index.ts';
import { openStore } from '../../src/store/index.ts';
import { generate, SETTINGS_TRUTH_FILE } from '../../src/synth/index.ts';

/**
 * A quarter of the national scale: the adjusted difference rests on one overlap cohort year (2021),
 * and with medium's 30 000 persons its interval is ±10 pp (seed 21 then missed +5 by 0.3 pp on
 * R2 botid 2: 15.4 [5.3, 25.4], a 1.5-SE fluctuation; at national scale the same check covers).
 */
const PERSONS = 100_000;
const KEEP = new Set(['personer.csv', 'utfall.csv', 'introprogram.csv', 'kommune_aar.csv', 'nasjonalt_aar.csv', 'kommuneendringer.csv']);

async function a3Rows(dir: string, pp: number): Promise<{ raw: AnalysisRow; adjusted: AnalysisRow; settings: Map<string, string> }[]> {
  const input = join(dir, `in-${pp}`);
  await generate({ scale: 'medium', seed: 21, outDir: input, actEffect: pp, persons: PERSONS });
  const settings = new Map(readFileSync(join(input, SETTINGS_TRUTH_FILE), 'utf8').trim().split('\n').slice(1).map((l) => {
    const [k, v] = l.split(',');
    return [k!, v!] as [string, string];
  }));
  for (const f of readdirSync(input)) if (f.endsWith('.csv') && !KEEP.has(f)) rmSync(join(input, f));
  const db = join(dir, `store-${pp}.duckdb`);
  await ingest({ inputDir: input, dbPath: db, threads: 1 });
  const store = await openStore(db);
  try {
    const ctx = await frameContext(store);
    const out = [];
    for (const key of ['R2_b1', 'R2_b2']) {
      const frame = await loadFrame(store, OUTCOMES.find((o) => o.key === key)!, ctx);
      const { rows } = runA3(frame, { minOverlap: 30 });
      out.push({
        raw: rows.find((r) => r.sammenligning === 'ny_mot_gammel_lov')!,
        adjusted: rows.find((r) => r.sammenligning === 'ny_mot_gammel_lov_justert')!,
        settings,
      });
    }
    return out;
  } finally {
    await store.close();
  }
}

const covers = (r: AnalysisRow, v: number) => r.ki_nedre! <= v && v <= r.ki_ovre!;
const show = (r: AnalysisRow) => `${r.differanse} [${r.ki_nedre}, ${r.ki_ovre}] (${r.periode}, n ${r.n})`;

test('A3: a planted +5 pp act effect is covered by the adjusted interval and not by the raw one; with 0 planted the adjusted interval covers 0', { timeout: 900_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'a3-act-'));
  try {
    const five = await a3Rows(dir, 5);
    const zero = await a3Rows(dir, 0);
    assert.equal(five[0]!.settings.get('loveffekt_modus'), 'kontrollert');
    assert.equal(five[0]!.settings.get('loveffekt_sysselsatt_pp'), '5');
    assert.equal(zero[0]!.settings.get('loveffekt_sysselsatt_pp'), '0');
    ['R2_b1', 'R2_b2'].forEach((key, k) => {
      const f = five[k]!;
      const z = zero[k]!;
      console.log(`${key} +5: raw ${show(f.raw)}, adjusted ${show(f.adjusted)}; 0: raw ${show(z.raw)}, adjusted ${show(z.adjusted)}`);
      assert.equal(f.adjusted.status, '');
      assert.ok(covers(f.adjusted, 5), `${key} +5: adjusted ${show(f.adjusted)} covers 5`);
      assert.ok(!covers(f.raw, 5), `${key} +5: raw ${show(f.raw)} does not cover 5`);
      assert.ok(covers(z.adjusted, 0), `${key} 0: adjusted ${show(z.adjusted)} covers 0`);
      // Both adjusted differences rest on the overlap years only (2021 in the generator).
      assert.equal(f.adjusted.periode, '2021');
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
