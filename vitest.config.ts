import { defineConfig } from 'vitest/config';

/**
 * Browser test files whose outcome does not hang on how fast head control predicts: keys,
 * touch, the offline worker, the security policy, the menu, faults that the keys survive, the
 * soak's memory counts. They run two at a time (the
 * machine has two cores; they mostly wait on the game's real time: a game played to its end,
 * a service worker's update). Every other browser file steers, records or pauses by head and
 * runs alone, so that its predictions keep their pace.
 */
const KEYS_AND_TOUCH = [
  'tests/browser/desktop.test.ts',
  // The faults the keys survive; those head control survives while steering: headFaults.
  'tests/browser/faults.test.ts',
  'tests/browser/phone.test.ts',
  'tests/browser/offline.test.ts',
  'tests/browser/security.test.ts',
  'tests/browser/handsFreeMenu.test.ts',
  'tests/browser/headCameraDenied.test.ts',
  'tests/browser/phoneServer.test.ts',
  'tests/browser/headFakeCamera.test.ts',
  // Head control on, but Chromium's own camera shows no face: it counts tensors, not poses.
  'tests/browser/soak.test.ts',
];

const browserProject = {
  environment: 'node' as const,
  globalSetup: ['tests/browser/serveBuiltGame.ts'],
  testTimeout: 180_000,
  hookTimeout: 120_000,
};

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          // Worker threads start faster than forks here (46 -> 39 s); each file keeps its own
          // modules (its fake IndexedDB among them), so no file sees another's state.
          pool: 'threads',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts'],
          benchmark: { include: ['bench/**/*.bench.ts'] },
        },
      },
      {
        test: {
          ...browserProject,
          name: 'browser-keys',
          include: KEYS_AND_TOUCH,
          maxWorkers: 2,
        },
      },
      {
        test: {
          ...browserProject,
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          exclude: KEYS_AND_TOUCH,
          // One Chromium at a time: head control's predictions need the machine's two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
