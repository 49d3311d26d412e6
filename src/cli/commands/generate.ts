import type { Command } from 'commander';
import { generate, SCALE_PERSONS, type Scale } from '../../synth/index.ts';
import { consoleProgress } from '../../shared/progress.ts';
import { tr } from '../../shared/lang.ts';
import { UserError } from '../../shared/errors.ts';

interface GenerateArgs {
  scale: string;
  seed: string;
  out: string;
  dirty?: boolean;
  municipalityEffects?: boolean;
  actEffect?: string;
  quiet?: boolean;
}

function parseScale(s: string): Scale {
  if (s in SCALE_PERSONS) return s as Scale;
  throw new UserError(tr(`ukjent skala «${s}» (small, medium, national)`, `unknown scale "${s}" (small, medium, national)`));
}

function parseSeed(s: string): number {
  const n = Number(s);
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) {
    throw new UserError(tr(`frøet må være et heltall 0–4294967295, fikk «${s}»`, `the seed must be an integer 0–4294967295, got "${s}"`));
  }
  return n;
}

function parseActEffect(s: string): number {
  const n = Number(s);
  if (!Number.isFinite(n) || n < -50 || n > 50) {
    throw new UserError(tr(`--act-effect må være et tall fra -50 til 50 (prosentpoeng), fikk «${s}»`, `--act-effect must be a number from -50 to 50 (percentage points), got "${s}"`));
  }
  return n;
}

/** `integreringsmonitor generate --scale small|medium|national --seed N --out DIR [--dirty]` */
export function registerGenerate(program: Command): void {
  program
    .command('generate')
    .description(tr('lag syntetiske registeruttrekk etter datakontrakten', 'generate synthetic register extracts in the data contract'))
    .option('--scale <small|medium|national>', tr('størrelse: ca. 2 000, 30 000 eller 400 000 personer', 'size: about 2 000, 30 000 or 400 000 persons'), 'small')
    .option('--seed <n>', tr('frø: samme frø gir identiske filer', 'seed: the same seed gives identical files'), '1')
    .requiredOption('--out <dir>', tr('mappe filene skrives til', 'folder to write the files to'))
    .option('--dirty', tr('legg inn kjente feil (ca. 0,5 % av radene), listet i _planlagte_feil.csv', 'plant known faults (about 0.5 % of rows), listed in _planlagte_feil.csv'))
    .option('--no-municipality-effects', tr('ingen plantede kommuneeffekter (for å prøve at intervallene er ærlige)', 'no planted municipality effects (to check that the intervals are honest)'))
    .option('--act-effect <pp>', tr('plantet effekt av ny lov på sysselsetting, prosentpoeng (oppgitt, også 0: ingen annen vei fra loven til sysselsetting)', 'planted effect of the new act on employment, percentage points (given, also 0: no other act path into employment)'))
    .option('--quiet', tr('ingen fremdriftsutskrift', 'no progress output'))
    .action(async (args: GenerateArgs) => {
      const summary = await generate({
        scale: parseScale(args.scale),
        seed: parseSeed(args.seed),
        outDir: args.out,
        dirty: args.dirty ?? false,
        municipalityEffects: args.municipalityEffects ?? true,
        actEffect: args.actEffect === undefined ? undefined : parseActEffect(args.actEffect),
        progress: consoleProgress(args.quiet ?? false),
      });
      const lines = Object.entries(summary.rows).map(([t, n]) => `  ${t.padEnd(20)} ${n.toLocaleString('nb-NO')}`);
      process.stdout.write(
        `${tr('Skrev', 'Wrote')} ${summary.files.length} ${tr('filer til', 'files to')} ${args.out} ` +
          `(${summary.persons.toLocaleString('nb-NO')} ${tr('personer', 'persons')}, ${summary.seconds.toFixed(1)} s)\n` +
          `${lines.join('\n')}\n` +
          (args.dirty ? `${tr('Planlagte feil', 'Planted faults')}: ${summary.faults}\n` : ''),
      );
    });
}
