import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSteps } from './commands/start.ts';

const base = { scale: 'small', seed: '7', port: '0', serve: true };

test('start runs generate → ingest → compute (disclosure on) → serve on a fresh folder', () => {
  const out = mkdtempSync(join(tmpdir(), 'im-start-'));
  const steps = startSteps({ ...base, out });
  assert.deepEqual(
    steps.map((s) => [s.argv[0], Boolean(s.skip)]),
    [['generate', false], ['ingest', false], ['compute', false], ['serve', false]],
  );
  const compute = steps[2]!.argv;
  assert.equal(compute[compute.indexOf('--disclosure') + 1], 'on');
  // Serve as soon as the results exist: XLSX is left to the server's background step.
  assert.equal(compute[compute.indexOf('--xlsx') + 1], 'skip');
  assert.ok(steps[3]!.argv.includes('--build-files'));
  // ingest reads exactly the folder generate wrote
  assert.equal(steps[1]!.argv[steps[1]!.argv.indexOf('--input') + 1], steps[0]!.argv[steps[0]!.argv.indexOf('--out') + 1]);
});

test('start reuses generated data for the same seed, and never generates over user input', () => {
  const out = mkdtempSync(join(tmpdir(), 'im-start-'));
  const dataDir = join(out, 'data', 'small-seed-7');
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(join(dataDir, 'personer.csv'), 'person_id\n');
  assert.equal(startSteps({ ...base, out })[0]!.skip, true);
  const withInput = startSteps({ ...base, out, input: '/data/uttrekk', serve: false });
  assert.equal(withInput[0]!.skip, true);
  assert.equal(withInput[1]!.argv[withInput[1]!.argv.indexOf('--input') + 1], '/data/uttrekk');
  assert.equal(withInput[3]!.skip, true);
  // Without a server, compute writes the XLSX files itself.
  const compute = withInput[2]!.argv;
  assert.equal(compute[compute.indexOf('--xlsx') + 1], 'wait');
});
