/** The serve stage: the HTTP app (API + dashboard) and starting it on a port. */
export { createApp, type AppDeps } from './app.ts';
export { startServer, type RunningServer } from './serve.ts';
