/**
 * `npm start`: the whole main job on an embedded default. Generates a synthetic dataset when no
 * input is given, ingests it, computes the protected results, and serves the dashboard.
 * Each step is the same sub-command a user can run alone, so `start` adds no logic of its own.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { tr } from '../../shared/lang.ts';
import { UserError } from '../../shared/errors.ts';

interface StartOptions {
  input?: string;
  out: string;
  scale: string;
  seed: string;
  port: string;
  serve: boolean;
}

export type RunCommand = (argv: readonly string[]) => Promise<number>;

/** The steps of the main job as argument lists, in order (pure: easy to test and to print). */
export function startSteps(opts: StartOptions): { label: string; argv: string[]; skip?: boolean }[] {
  const out = resolve(opts.out);
  const dataDir = opts.input ? resolve(opts.input) : join(out, 'data', `${opts.scale}-seed-${opts.seed}`);
  const db = join(out, 'integreringsmonitor.duckdb');
  const results = join(out, 'resultater');
  const steps = [
    {
      label: tr('Lager syntetiske data', 'Generating synthetic data'),
      argv: ['generate', '--scale', opts.scale, '--seed', opts.seed, '--out', dataDir],
      // Generation is deterministic for a seed: reuse an earlier run's files.
      skip: Boolean(opts.input) || existsSync(join(dataDir, 'personer.csv')),
    },
    {
      label: tr('Leser inn registeruttrekk', 'Ingesting register extracts'),
      argv: ['ingest', '--input', dataDir, '--db', db, '--report', join(out, 'innlesingsrapport.json')],
    },
    {
      label: tr('Beregner indikatorer med personvern', 'Computing indicators with disclosure control'),
      // When serving, the XLSX files are made by the server in the background: the dashboard
      // answers as soon as the results are published.
      argv: ['compute', '--db', db, '--out', results, '--disclosure', 'on', '--xlsx', opts.serve ? 'skip' : 'wait'],
    },
    {
      label: tr('Starter dashbordet', 'Starting the dashboard'),
      argv: ['serve', '--db', db, '--port', opts.port, '--build-files'],
      skip: !opts.serve,
    },
  ];
  return steps;
}

export function registerStart(program: Command, run?: RunCommand): void {
  program
    .command('start')
    .description(
      tr(
        'Hele hovedjobben: lag syntetiske data (om ingen --input), les inn, beregn med personvern og start dashbordet',
        'The whole main job: generate synthetic data (unless --input), ingest, compute with disclosure control, serve the dashboard',
      ),
    )
    .option('--input <dir>', tr('mappe med registeruttrekk (ellers syntetiske data)', 'folder of register extracts (else synthetic data)'))
    .option('--out <dir>', tr('arbeidsmappe for data, lager og resultater', 'working folder for data, store and results'), 'out')
    .option('--scale <scale>', tr('størrelse på syntetiske data: small|medium|national', 'synthetic data size: small|medium|national'), 'medium')
    .option('--seed <n>', tr('frø for syntetiske data', 'seed for synthetic data'), '1')
    .option('--port <n>', tr('port for dashbordet', 'port for the dashboard'), '8080')
    .option('--no-serve', tr('stopp etter beregningen', 'stop after computing'))
    .action(async (opts: StartOptions) => {
      const runner = run ?? (await import('../main.ts')).main;
      const steps = startSteps(opts);
      for (const [i, step] of steps.entries()) {
        if (step.skip) continue;
        process.stderr.write(`\n== ${i + 1}/${steps.length} ${step.label} ==\n`);
        const code = await runner(step.argv);
        if (code !== 0) throw new UserError(tr(`Steget «${step.label}» feilet (kode ${code}).`, `Step "${step.label}" failed (code ${code}).`));
      }
    });
}
