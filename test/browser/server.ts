/** Starts the whole app (API + dashboard) on an ephemeral loopback port over the fixture store. */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from '../../src/server/app.ts';
import { browserFixtureStore, type FixtureOptions } from './fixture.ts';

export interface RunningApp {
  readonly base: string;
  close(): Promise<void>;
}

export async function startFixtureApp(port = 0, opts: FixtureOptions = {}): Promise<RunningApp> {
  const store = await browserFixtureStore(opts);
  const app = createApp({ store });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${bound}`,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
}
