// Worker threads load the TypeScript sources through tsx, as bin/bulletin-graph.js does.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
