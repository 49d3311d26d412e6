/**
 * Launches Chromium for the browser tests through playwright-core. Debian's `chromium` is used when
 * it is installed; otherwise (or with BROWSER_TESTS_CHROMIUM=npm) the build shipped inside the npm
 * package `@sparticuz/chromium` (a devDependency, so `npm ci` brings it on any Linux x64 machine).
 * BROWSER_TESTS_CHROMIUM=/path/to/chrome picks a binary explicitly.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

const require = createRequire(import.meta.url);
export const AXE_PATH = require.resolve('axe-core/axe.min.js');

const SYSTEM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Debian's chromium on PATH (or at /usr/bin/chromium), else undefined. */
export function systemChromium(): string | undefined {
  const dirs = (process.env['PATH'] ?? '').split(delimiter).filter(Boolean);
  for (const d of dirs) {
    const p = join(d, 'chromium');
    if (existsSync(p)) return p;
  }
  return undefined;
}

export interface ChromiumChoice {
  readonly executablePath: string;
  readonly args: readonly string[];
  /** 'system' (Debian's chromium), 'npm' (@sparticuz/chromium) or 'explicit'. */
  readonly source: 'system' | 'npm' | 'explicit';
}

/** Decides which Chromium to run: BROWSER_TESTS_CHROMIUM (=npm or a path), else system, else npm. */
export async function chooseChromium(env: NodeJS.ProcessEnv = process.env): Promise<ChromiumChoice> {
  const want = env['BROWSER_TESTS_CHROMIUM'];
  if (want && want !== 'npm') {
    if (!existsSync(want)) throw new Error(`BROWSER_TESTS_CHROMIUM=${want}: fila finnes ikke / file does not exist.`);
    return { executablePath: want, args: SYSTEM_ARGS, source: 'explicit' };
  }
  const system = want === 'npm' ? undefined : systemChromium();
  if (system) return { executablePath: system, args: SYSTEM_ARGS, source: 'system' };
  // The npm build unpacks itself (brotli) to the temp folder on first use and reuses it after.
  const npmChromium = (await import('@sparticuz/chromium')).default;
  const executablePath = await npmChromium.executablePath();
  // Its default flags include --single-process, which playwright's pages do not survive well.
  const args = npmChromium.args.filter((a) => a !== '--single-process' && !a.startsWith('--headless'));
  return { executablePath, args, source: 'npm' };
}

export async function launchChromium(): Promise<Browser> {
  const choice = await chooseChromium();
  console.log(`# chromium: ${choice.source} (${choice.executablePath})`);
  return chromium.launch({ executablePath: choice.executablePath, args: [...choice.args], headless: true });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** Runs axe-core (WCAG 2.0/2.1 A and AA rules) in the page and returns its violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const res = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return res.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
}
