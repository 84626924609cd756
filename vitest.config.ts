// Two projects: `unit` (tests/**/*.test.ts) runs in parallel and needs nothing; `int`
// (tests/**/*.int.test.ts) gets a Neo4j from tests/global-setup.ts (its own embedded server on
// ports 7688/7475, or NEO4J_URI) and runs one file at a time, so that each file's freshGraph()
// (tests/helpers/graph.ts) gives it a clean graph. The global setup runs only when an
// integration file is selected, so `vitest run tests/foo.test.ts` starts no Neo4j.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/**/*.int.test.ts', '**/node_modules/**'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
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
