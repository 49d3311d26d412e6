/**
 * All-or-nothing replacement of the store: the new store is built in a temporary file next to
 * the target and renamed over it only after success (rename is atomic on one file system), so a
 * failed or killed run leaves the old store exactly as it was.
 */
import { existsSync } from 'node:fs';
import { readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const PREFIX = (dbPath: string) => `.${basename(dbPath)}.ingest-`;

/** A fresh temporary path beside the target: `.<name>.ingest-<pid>-<time>.tmp`. */
export function tempStorePath(dbPath: string): string {
  return join(dirname(dbPath), `${PREFIX(dbPath)}${process.pid}-${Date.now()}.tmp`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes a temporary store and everything DuckDB and ingest put beside it. */
export async function discardTemp(tmp: string): Promise<void> {
  for (const p of [tmp, `${tmp}.wal`, `${tmp}.spill`, `${tmp}.work`, `${tmp}.tmp`]) {
    await rm(p, { recursive: true, force: true });
  }
}

/** Removes leftovers of earlier runs that were killed (their process is gone). */
export async function cleanStaleTemps(dbPath: string): Promise<string[]> {
  const dir = dirname(dbPath);
  const prefix = PREFIX(dbPath);
  const removed: string[] = [];
  if (!existsSync(dir)) return removed;
  for (const name of await readdir(dir)) {
    if (!name.startsWith(prefix)) continue;
    const m = /^(\d+)-\d+\.tmp/.exec(name.slice(prefix.length));
    if (!m || alive(Number(m[1]))) continue;
    await rm(join(dir, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

/**
 * Moves the finished temporary store into place. A WAL file of the old store would be replayed
 * onto the new file, so it is removed first (it belongs to the store being replaced).
 */
export async function commitStore(tmp: string, dbPath: string): Promise<void> {
  if (existsSync(`${tmp}.wal`)) throw new Error('the temporary store still has a WAL file (not checkpointed)');
  await rm(`${dbPath}.wal`, { force: true });
  await rename(tmp, dbPath);
}
