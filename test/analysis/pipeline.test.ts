/**
 * The analyses end to end on generated data (a medium-scale version of the national checks in
 * bench/analysis-national-check.ts): generate without municipality effects → ingest → runAnalyses
 * → store tables and files. Intervals must be honest (few municipalities flagged), cells below the
 * minimum n are ':' with no values, and nothing is a rank.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ANALYSIS_COLUMNS } from '../../src/contract/analysis.ts';
import { runAnalyses, saveAnalyses, writeAnalysisOutputs, PUB_ANALYSER, PUB_ANALYSER_MODELLER } from '../../src/analysis/index.ts';
import { ingest } from '../../src/ingest/index.ts';
import { openStore } from '../../src/store/index.ts';
import { generate } from '../../src/synth/index.ts';

test('analyses on generated data without municipality effects: honest intervals, suppression, tables and files', { timeout: 600_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'analysis-pipe-'));
  try {
    await generate({ scale: 'small', seed: 11, outDir: join(dir, 'in'), persons: 12_000, municipalityEffects: false });
    const db = join(dir, 'store.duckdb');
    await ingest({ inputDir: join(dir, 'in'), dbPath: db, threads: 1 });
    const store = await openStore(db);
    try {
      const timings: Record<string, number> = {};
      const result = await runAnalyses(store, { timings });
      const kinds = new Set(result.rows.map((r) => r.analyse));
      for (const a of ['A1', 'A2', 'A3', 'A4a', 'A4b', 'A4c', 'A4d']) assert.ok(kinds.has(a as never) || a === 'A4b', `analysis ${a} present`);
      const a1 = result.rows.filter((r) => r.analyse === 'A1');
      const pub = a1.filter((r) => r.status === '');
      const hidden = a1.filter((r) => r.status === ':');
      assert.ok(pub.length > 50 && hidden.length > 0);
      // Below the minimum n: no values at all; published: n ≥ 20 and observed − expected inside its interval.
      for (const r of hidden) assert.ok([r.n, r.observert, r.forventet, r.differanse, r.krympet, r.vurdering].every((v) => v === null));
      for (const r of pub) {
        assert.ok(r.n! >= 20);
        assert.ok(r.ki_nedre! <= r.differanse! && r.differanse! <= r.ki_ovre!);
        assert.ok(['lavere', 'som_forventet', 'hoyere'].includes(r.vurdering!));
      }
      // The shrunken estimate borrows from the municipality's other cohorts (nested random
      // intercepts), so one pool's value may exceed its own O − E; over all pools it is pulled in:
      // with no planted effects its spread is far below that of O − E.
      const ss = (xs: number[]) => xs.reduce((a, b) => a + b * b, 0);
      const shrunk = ss(pub.map((r) => r.krympet!));
      const raw = ss(pub.map((r) => r.differanse!));
      assert.ok(shrunk < 0.5 * raw, `Σ krympet² ${shrunk.toFixed(0)} vs Σ (O − E)² ${raw.toFixed(0)}`);
      // No municipality effects were planted: the 95 % intervals flag few (≈ 5 %; generous bound for small n).
      const flagged = pub.filter((r) => r.vurdering !== 'som_forventet').length / pub.length;
      assert.ok(flagged <= 0.1, `flagged ${(100 * flagged).toFixed(1)} % of ${pub.length}`);
      // A3 has the raw and the adjusted difference (or '..' when there are no overlap years) and a standardised series.
      const a3 = result.rows.filter((r) => r.analyse === 'A3' && r.indikator === 'R2' && r.botid === 1);
      assert.ok(a3.some((r) => r.sammenligning === 'ny_mot_gammel_lov' && r.differanse !== null));
      assert.ok(a3.some((r) => r.sammenligning === 'ny_mot_gammel_lov_justert'));
      assert.ok(a3.some((r) => r.sammenligning === 'gammel_lov_standardisert' && r.forventet !== null));
      // A2 names a weakest link only where it is significantly below expected.
      for (const r of result.rows.filter((x) => x.analyse === 'A2' && x.sammenligning === 'svakeste_ledd')) {
        if (r.maal === 'ingen_skiller_seg_ut') assert.equal(r.differanse, null);
        else assert.ok(r.ki_ovre! < 0 && r.vurdering === 'lavere');
      }
      // Metadata: formula, covariates, missing counts, software.
      const m = result.models.find((x) => x.analyse === 'A1' && x.indikator === 'R2')!;
      assert.match(m.formula, /C\(kjonn\).*ledighet/);
      assert.ok('utfall_mangler' in m.missing && 'landbakgrunn' in m.missing);
      assert.equal(m.fit['min_n'], 20);
      assert.ok(result.models.some((x) => x.analyse === 'A3' && (x.notes?.length ?? 0) >= 2));

      await saveAnalyses(store, result);
      const cols = await store.all<{ name: string }>(`SELECT column_name AS name FROM information_schema.columns WHERE table_name = '${PUB_ANALYSER}' ORDER BY ordinal_position`);
      assert.deepEqual(cols.map((c) => c.name), [...ANALYSIS_COLUMNS]);
      const n = await store.all<{ n: number }>(`SELECT count(*) AS n FROM ${PUB_ANALYSER}`);
      assert.equal(Number(n[0]!.n), result.rows.length);
      const meta = await store.all<{ meta_json: string }>(`SELECT meta_json FROM ${PUB_ANALYSER_MODELLER}`);
      assert.equal(meta.length, result.models.length);
      assert.ok(JSON.parse(meta[0]!.meta_json).formula);

      const files = writeAnalysisOutputs(join(dir, 'out'), result);
      const csv = readFileSync(files[0]!, 'utf8').split('\n');
      assert.equal(csv[0], ANALYSIS_COLUMNS.join(','));
      assert.equal(csv.length - 2, result.rows.length);
      const js = JSON.parse(readFileSync(files.find((f) => f.endsWith('analyse-A1.json'))!, 'utf8'));
      assert.equal(js.version, '2.0');
      assert.equal(js.size.reduce((a: number, b: number) => a * b, 1) >= Object.keys(js.value).length, true);
      assert.ok(js.extension.modeller.length > 0);
      assert.ok(!js.id.some((d: string) => /rang|rank/.test(d)), 'no rank dimension');
      assert.ok(!Object.keys(js.dimension.maaltall.category.label).some((k) => /rang|rank/.test(k)), 'no rank measure');
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
