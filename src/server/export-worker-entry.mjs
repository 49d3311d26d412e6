// Worker threads do not inherit the TypeScript loader registered by the bin: register it here.
import { register } from 'tsx/esm/api';

register();
await import('./export-worker.ts');
