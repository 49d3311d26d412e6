/** Shared setup for the in-process API tests: the fixture store behind createApp. */
import { createApp } from '../../src/server/index.ts';
import { fixtureStore } from '../fixtures/fixture-store.ts';
import type { Store } from '../../src/store/index.ts';

export interface TestApi {
  request(path: string, init?: RequestInit): Promise<Response>;
  store: Store;
  close(): Promise<void>;
}

export async function testApi(): Promise<TestApi> {
  const store = await fixtureStore();
  const app = createApp({ store });
  return {
    store,
    request: async (path, init) => app.request(path, init),
    close: () => store.close(),
  };
}

export async function json<T = Record<string, unknown>>(res: Response): Promise<T> {
  return (await res.json()) as T;
}
