import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts'],
          benchmark: { include: ['bench/**/*.bench.ts'] },
        },
      },
      {
        test: {
          name: 'browser',
          environment: 'node',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/browser/serveBuiltGame.ts'],
          testTimeout: 180_000,
          hookTimeout: 120_000,
          // Two files at a time, each with its own Chromium: the browser tests mostly wait on
          // real time (countdowns, holds, service-worker installs), so one at a time left the
          // two cores three-quarters idle (user+sys 4 of 19 minutes in a clean-machine run).
          fileParallelism: true,
          maxWorkers: 2,
        },
      },
    ],
  },
});
