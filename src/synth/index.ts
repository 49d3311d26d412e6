/**
 * The synthetic data generator: writes every table of the input data contract as
 * `<table>.csv`, deterministic for a seed, plus the truth file `_sannhet/kommuneeffekter.csv`
 * and, with `dirty`, the sidecar `_planlagte_feil.csv`. See docs/synthetic-data.md.
 *
 * @example await generate({ scale: 'small', seed: 1, outDir: 'out/synth' })
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { TABLES } from '../contract/tables.ts';
import { silentProgress, type Progress } from '../shared/progress.ts';
import type { GenContext, PersonTable } from './context.ts';
import { iso } from './dates.ts';
import { DirtyPlanter, unknownKommuneCodes } from './dirty.ts';
import { buildKommuneCodeMap } from './kommune-codes.ts';
import {
  writeBrukerundersokelse, writeKommuneAar, writeKommuneendringer, writeNasjonaltAar, writeTruth,
} from './municipality-tables.ts';
import { buildMunicipalities } from './municipalities.ts';
import { drawPerson, personRow } from './persons.ts';
import { generatePersonRows } from './person-rows.ts';
import { createRng } from './prng.ts';
import { loadAverageG, loadCodeChanges, loadKommuner2024 } from './refdata.ts';
import { CsvFile } from './writer.ts';

export type Scale = 'small' | 'medium' | 'national';

/** Persons per scale: small for tests, medium for demos, national ≈ all covered immigrants 2012–2025. */
export const SCALE_PERSONS: Readonly<Record<Scale, number>> = { small: 2_000, medium: 30_000, national: 400_000 };

export interface GenerateOptions {
  readonly scale: Scale;
  readonly seed: number;
  readonly outDir: string;
  readonly dirty?: boolean;
  readonly progress?: Progress;
  /** Plant municipality effects (default true); false writes all-zero effects to the truth file. */
  readonly municipalityEffects?: boolean;
  /**
   * Planted act effect on employment in percentage points for the new act. Absent (default): no
   * planted term, but the programme rules still differ by act and reach employment. Given (also
   * 0): employment has no act-dependent path except exactly this term (docs/synthetic-data.md).
   */
  readonly actEffect?: number;
  /** Overrides the person count of the scale (tests). */
  readonly persons?: number;
}

export interface GenerateSummary {
  readonly scale: Scale;
  readonly seed: number;
  readonly persons: number;
  readonly rows: Readonly<Record<string, number>>;
  readonly files: readonly string[];
  readonly seconds: number;
  /** Number of planted faults (dirty only). */
  readonly faults: number;
}

export const TRUTH_FILE = join('_sannhet', 'kommuneeffekter.csv');
export const FAULTS_FILE = '_planlagte_feil.csv';
export const SETTINGS_TRUTH_FILE = join('_sannhet', 'innstillinger.csv');

export async function generate(opts: GenerateOptions): Promise<GenerateSummary> {
  const t0 = performance.now();
  const progress = opts.progress ?? silentProgress;
  const persons = opts.persons ?? SCALE_PERSONS[opts.scale];
  mkdirSync(opts.outDir, { recursive: true });

  const kommuner = loadKommuner2024();
  const changes = loadCodeChanges();
  const codes = buildKommuneCodeMap(kommuner.map((k) => k.code), changes);
  const munis = buildMunicipalities(kommuner, createRng(opts.seed, 1), opts.municipalityEffects ?? true);
  const actEffectPp = opts.actEffect;
  const gAvg = loadAverageG();
  const files = new Map(TABLES.map((t) => [t.name, new CsvFile(join(opts.outDir, `${t.name}.csv`), t.columns.map((c) => c.name))]));
  const file = (name: string) => files.get(name) as CsvFile;
  const dirty = opts.dirty ? new DirtyPlanter(createRng(opts.seed, 2), persons, unknownKommuneCodes(codes.allCodes)) : undefined;

  const participants = new Map<string, number>();
  let withheld = false;
  const rng = createRng(opts.seed, 0);
  const ctx: GenContext = {
    rng,
    munis,
    emit(table: PersonTable, fields: string[]) {
      if (withheld) return;
      if (dirty) dirty.write(file(table), table, fields);
      else file(table).row(fields);
    },
    codeOf: (p, m, day) => codes.codeAt(m.code, day, p.codeR),
    g: (y) => gAvg.get(y) ?? 0,
    actEffectPp,
    countParticipant(code, year) {
      const key = `${code}|${year}`;
      participants.set(key, (participants.get(key) ?? 0) + 1);
    },
  };

  progress.step(`Lager ${persons} personer (${opts.scale}, frø ${opts.seed})`, `Generating ${persons} persons (${opts.scale}, seed ${opts.seed})`);
  const tick = Math.max(1, Math.floor(persons / 10));
  for (let i = 0; i < persons; i++) {
    const p = drawPerson(i, rng, munis);
    const row = personRow(p, iso, (q, d) => codes.codeAt(q.kommune.code, d, q.codeR));
    // A withheld person gets a faulty personer row and no other rows, so nothing cascades.
    withheld = dirty?.withholdPerson() ?? false;
    if (withheld) dirty?.writeFaultyPerson(file('personer'), row);
    else file('personer').row(row);
    generatePersonRows(ctx, p);
    withheld = false;
    if ((i + 1) % tick === 0) progress.step(`${i + 1} personer`, `${i + 1} persons`);
  }

  const municipalInput = { rng: createRng(opts.seed, 3), munis, participants, g: ctx.g };
  writeKommuneAar(file('kommune_aar'), municipalInput);
  writeNasjonaltAar(file('nasjonalt_aar'));
  writeBrukerundersokelse(file('brukerundersokelse'), municipalInput);
  writeKommuneendringer(file('kommuneendringer'), changes);

  const truth = new CsvFile(join(opts.outDir, TRUTH_FILE), ['kommune', 'effekt_logodds', 'beskrivelse']);
  writeTruth(truth, munis);
  truth.close();
  const settings = new CsvFile(join(opts.outDir, SETTINGS_TRUTH_FILE), ['innstilling', 'verdi', 'beskrivelse']);
  settings.row(['kommuneeffekter', (opts.municipalityEffects ?? true) ? 'paa' : 'av', 'plantede kommuneeffekter på log-odds for sysselsetting (se kommuneeffekter.csv)']);
  settings.row(['loveffekt_sysselsatt_pp', String(actEffectPp ?? 0), 'prosentpoeng lagt til sannsynligheten for å være sysselsatt (ny lov, hvert år)']);
  settings.row(['loveffekt_modus', actEffectPp === undefined ? 'realistisk' : 'kontrollert',
    actEffectPp === undefined
      ? 'programreglene ulik etter lov (lengde, status i program, avslutningsårsak) virker på sysselsetting: ikke en ren lov-effekt'
      : 'sysselsetting har ingen vei fra loven utenom det plantede tillegget (ingen programstatus, avslutningsårsak eller flytting etter program i sysselsettingsmodellen)']);
  settings.close();
  const written = [...[...files.values()].map((f) => f.path), truth.path, settings.path];
  if (dirty) written.push(writeFaults(opts.outDir, dirty));

  const rows: Record<string, number> = {};
  for (const [name, f] of files) {
    f.close();
    rows[name] = f.rows;
  }
  const seconds = (performance.now() - t0) / 1000;
  progress.done(`Ferdig på ${seconds.toFixed(1)} s`, `Done in ${seconds.toFixed(1)} s`);
  return { scale: opts.scale, seed: opts.seed, persons, rows, files: written, seconds, faults: dirty?.faults.length ?? 0 };
}

function writeFaults(outDir: string, dirty: DirtyPlanter): string {
  const f = new CsvFile(join(outDir, FAULTS_FILE), ['tabell', 'linje', 'kolonne', 'aarsak_kode']);
  const sorted = [...dirty.faults].sort((a, b) => a.tabell.localeCompare(b.tabell) || a.linje - b.linje);
  for (const x of sorted) f.row([x.tabell, String(x.linje), x.kolonne, x.aarsak_kode]);
  f.close();
  return f.path;
}
