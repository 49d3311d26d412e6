/** For looking at the dashboard by hand: `node --import tsx test/browser/serve-fixture.ts [port]`. */
import { startFixtureApp } from './server.ts';

const app = await startFixtureApp(Number(process.argv[2] ?? 0));
process.stdout.write(`Dashboard med testdata / with fixture data: ${app.base}/\n`);
