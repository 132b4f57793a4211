import { defineConfig } from 'vitest/config';

/** `npm run bench` (pure-code part): timings are recorded, never asserted. */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/bench/**/*.bench.ts'],
    testTimeout: 300_000,
    fileParallelism: false,
  },
});
