/**
 * Values kept per data version, shared by the API and the dashboard: the store's data version is
 * re-read at most once a second (a re-publish in the same process shows within 1 s), and a value
 * memoised under a key is kept until the version changes. A failed read or value is not kept.
 */
import { readDataVersion } from '../publish/index.ts';
import type { Store } from '../store/index.ts';

const VERSION_TTL_MS = 1000;

export interface VersionCache {
  /** The current data version ('' before the first publication). */
  version(): Promise<string>;
  /** fn's value, kept until the data version changes. */
  memo<T>(key: string, fn: () => Promise<T>): Promise<T>;
}

export function versionCache(store: Store): VersionCache {
  let versionRead: { at: number; value: Promise<string> } | null = null;
  const version = (): Promise<string> => {
    const now = Date.now();
    if (!versionRead || now - versionRead.at > VERSION_TTL_MS) {
      const value = readDataVersion(store);
      versionRead = { at: now, value };
      value.catch(() => (versionRead = null));
    }
    return versionRead.value;
  };
  let perVersion: { version: string; values: Map<string, Promise<unknown>> } = { version: '', values: new Map() };
  const memo = async <T>(key: string, fn: () => Promise<T>): Promise<T> => {
    const v = await version();
    if (perVersion.version !== v) perVersion = { version: v, values: new Map() };
    const values = perVersion.values;
    let p = values.get(key) as Promise<T> | undefined;
    if (!p) {
      p = fn();
      values.set(key, p);
      p.catch(() => values.delete(key));
    }
    return p;
  };
  return { version, memo };
}
