/** Shared setup for the in-process API tests: the fixture store behind createApp. */
import { createApp, type AppDeps } from '../../src/server/index.ts';
import { fixtureStore } from '../fixtures/fixture-store.ts';
import type { Store } from '../../src/store/index.ts';

export interface TestApi {
  request(path: string, init?: RequestInit): Promise<Response>;
  store: Store;
  close(): Promise<void>;
}

export async function testApi(deps: Omit<AppDeps, 'store'> = {}, store?: Store): Promise<TestApi> {
  const s = store ?? (await fixtureStore());
  const app = createApp({ store: s, ...deps });
  return {
    store: s,
    request: async (path, init) => app.request(path, init),
    close: async () => {
      await app.close();
      await s.close();
    },
  };
}

export async function json<T = Record<string, unknown>>(res: Response): Promise<T> {
  return (await res.json()) as T;
}
