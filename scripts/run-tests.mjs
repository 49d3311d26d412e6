#!/usr/bin/env node
// Finds every *.test.ts under src/ and test/ and runs them with Node's test runner (through tsx).
// --skip-browser leaves out test/browser (which needs Debian's chromium).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const skipBrowser = process.argv.includes('--skip-browser');
const only = process.argv.filter((a) => !a.startsWith('--')).slice(2);

function walk(dir, out) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const e of entries) {
    const p = join(dir, e);
    if (e === 'node_modules') continue;
    if (statSync(p).isDirectory()) walk(p, out);
    else if (p.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

let files = [...walk('src', []), ...walk('test', [])].sort();
if (skipBrowser) files = files.filter((f) => !f.includes('browser'));
if (only.length) files = files.filter((f) => only.some((o) => f.includes(o)));
if (files.length === 0) {
  console.error('Fant ingen testfiler.');
  process.exit(1);
}
const res = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files],
  { stdio: 'inherit' },
);
process.exit(res.status ?? 1);
