/** Generator switches for the analyses (issue 10 §7): no municipality effects, a planted act effect. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate, SETTINGS_TRUTH_FILE, TRUTH_FILE } from '../../src/synth/index.ts';

function csv(path: string): string[][] {
  return readFileSync(path, 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
}

/** Share employed among utfall rows of new-act persons (first permit from 2021) and old-act persons. */
function employment(dir: string): { ny: number; gammel: number } {
  const permit = new Map(csv(join(dir, 'personer.csv')).map((r) => [r[0]!, r[6]!]));
  const s = { ny: [0, 0], gammel: [0, 0] };
  for (const r of csv(join(dir, 'utfall.csv'))) {
    const k = (permit.get(r[0]!) ?? '') >= '2021-01-01' ? 'ny' : 'gammel';
    s[k][0]! += r[3] === 'true' ? 1 : 0;
    s[k][1]!++;
  }
  return { ny: (100 * s.ny[0]!) / s.ny[1]!, gammel: (100 * s.gammel[0]!) / s.gammel[1]! };
}

test('generate: --no-municipality-effects writes zero effects; --act-effect (controlled mode) raises new-act employment and is in the truth files', async () => {
  const base = mkdtempSync(join(tmpdir(), 'synth-switch-'));
  try {
    const plain = join(base, 'plain');
    const planted = join(base, 'planted');
    const zero = join(base, 'zero');
    await generate({ scale: 'small', seed: 5, outDir: plain, persons: 3000 });
    await generate({ scale: 'small', seed: 5, outDir: planted, persons: 3000, municipalityEffects: false, actEffect: 10 });
    await generate({ scale: 'small', seed: 5, outDir: zero, persons: 3000, municipalityEffects: false, actEffect: 0 });
    const on = csv(join(plain, TRUTH_FILE)).map((r) => Number(r[1]));
    const off = csv(join(planted, TRUTH_FILE)).map((r) => Number(r[1]));
    assert.equal(off.length, on.length);
    assert.ok(on.some((x) => Math.abs(x) > 0.1), 'default run plants effects');
    assert.ok(off.every((x) => x === 0), 'switched-off run plants none');
    const settings = new Map(csv(join(planted, SETTINGS_TRUTH_FILE)).map((r) => [r[0]!, r[1]!]));
    assert.equal(settings.get('kommuneeffekter'), 'av');
    assert.equal(settings.get('loveffekt_sysselsatt_pp'), '10');
    assert.equal(settings.get('loveffekt_modus'), 'kontrollert');
    const plainSettings = new Map(csv(join(plain, SETTINGS_TRUTH_FILE)).map((r) => [r[0]!, r[1]!]));
    assert.equal(plainSettings.get('loveffekt_sysselsatt_pp'), '0');
    assert.equal(plainSettings.get('loveffekt_modus'), 'realistisk');
    // Same seed and mode: the planted term is the only difference in employment.
    const a = employment(zero);
    const b = employment(planted);
    // +10 pp per person-year for the new act (less where the probability is capped at 1).
    assert.ok(b.ny - a.ny > 5 && b.ny - a.ny < 13, `new act: ${a.ny.toFixed(1)} → ${b.ny.toFixed(1)}`);
    assert.ok(Math.abs(b.gammel - a.gammel) < 3, `old act: ${a.gammel.toFixed(1)} → ${b.gammel.toFixed(1)}`);
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
});
