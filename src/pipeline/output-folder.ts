/**
 * The output folder, replaced as a whole: a run writes into a hidden sibling folder and swaps it
 * in only when every file is complete, so a killed or failed run leaves the previous complete set.
 * The swap is two renames (old → `.<name>.forrige`, new → `<name>`); a run killed between them is
 * repaired by the next run (the previous set is put back). A folder that cannot be written fails
 * here, before anything is computed or published.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { UserError } from '../shared/errors.ts';
import { tr } from '../shared/lang.ts';

export interface StagedFolder {
  /** The final folder. */
  readonly out: string;
  /** Where this run writes its files. */
  readonly dir: string;
  /** Swaps the staged folder in place of the previous one. */
  commit(): Promise<void>;
  /** Removes the staged folder (failed run). */
  abort(): Promise<void>;
}

function notWritable(path: string, err: unknown): UserError {
  const code = (err as NodeJS.ErrnoException).code ?? String(err);
  return new UserError(
    tr(
      `kan ikke skrive i utdatamappen ${path} (${code}). Ingenting er publisert; lageret og de forrige filene er uendret. Velg en mappe du kan skrive i (--out).`,
      `cannot write in the output folder ${path} (${code}). Nothing was published; the store and the previous files are unchanged. Choose a folder you can write to (--out).`,
    ),
  );
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Puts back a previous set left by a run killed mid-swap, and removes dead runs' staged folders. */
async function repair(out: string): Promise<void> {
  const parent = dirname(out);
  const name = basename(out);
  const previous = join(parent, `.${name}.forrige`);
  if (!existsSync(out) && existsSync(previous)) await rename(previous, out);
  if (!existsSync(parent)) return;
  for (const entry of await readdir(parent)) {
    const m = new RegExp(`^\\.${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.ny-(\\d+)-`).exec(entry);
    if (m && !alive(Number(m[1]))) await rm(join(parent, entry), { recursive: true, force: true });
  }
}

/** Checks that `out` can be replaced and returns a fresh staged folder beside it. */
export async function stageOutputFolder(outArg: string): Promise<StagedFolder> {
  const out = resolve(outArg);
  const parent = dirname(out);
  try {
    await mkdir(parent, { recursive: true });
    await repair(out);
  } catch (err) {
    throw notWritable(parent, err);
  }
  const dir = join(parent, `.${basename(out)}.ny-${process.pid}-${Date.now().toString(36)}`);
  try {
    await mkdir(dir);
    await writeFile(join(dir, '.skrivetest'), '');
    await rm(join(dir, '.skrivetest'));
  } catch (err) {
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
    throw notWritable(parent, err);
  }
  if (existsSync(out)) {
    // The old folder is renamed away at the swap: it must be writable too.
    try {
      await writeFile(join(out, '.skrivetest'), '');
      await rm(join(out, '.skrivetest'));
    } catch (err) {
      await rm(dir, { recursive: true, force: true });
      throw notWritable(out, err);
    }
  }
  return {
    out,
    dir,
    async commit() {
      const previous = join(parent, `.${basename(out)}.forrige`);
      await rm(previous, { recursive: true, force: true });
      if (existsSync(out)) await rename(out, previous);
      await rename(dir, out);
      await rm(previous, { recursive: true, force: true });
    },
    async abort() {
      await rm(dir, { recursive: true, force: true });
    },
  };
}
