/** Starts the app on a port with @hono/node-server and resolves once it listens. */
import { serve } from '@hono/node-server';
import type { Store } from '../store/index.ts';
import type { Lang } from '../shared/lang.ts';
import { createApp } from './app.ts';

export interface RunningServer {
  readonly url: string;
  close(): Promise<void>;
}

export function startServer(opts: { store: Store; port: number; host?: string; lang?: Lang }): Promise<RunningServer> {
  const app = createApp({ store: opts.store, warmExports: true, ...(opts.lang ? { lang: opts.lang } : {}) });
  const host = opts.host ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: opts.port, hostname: host }, (info) => {
      resolve({
        url: `http://${host}:${info.port}`,
        close: () => new Promise<void>((done) => server.close(() => done())).then(() => app.close()),
      });
    });
    server.once('error', reject);
  });
}
