// Two projects: `unit` (tests/**/*.test.ts) runs in parallel and needs nothing; `int`
// (tests/**/*.int.test.ts) gets a Neo4j from tests/global-setup.ts (its own embedded server on
// ports 7688/7475, or NEO4J_URI) and runs one file at a time, so that each file's freshGraph()
// (tests/helpers/graph.ts) gives it a clean graph. The global setup runs only when an
// integration file is selected, so `vitest run tests/foo.test.ts` starts no Neo4j.
import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// graphql ships a CommonJS and an ESM build; dependencies loaded by Node here get the CommonJS one,
// so the tests and sources must too, or schema objects come from two "realms".
const graphqlCjs = createRequire(import.meta.url).resolve('graphql');

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlCjs }] },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/**/*.int.test.ts', '**/node_modules/**'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'int',
          include: ['tests/**/*.int.test.ts'],
          globalSetup: ['tests/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // After the unit project, so the two do not compete for the CPU while Neo4j starts.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
