#!/usr/bin/env node
// The whole test command: type-check, lint, format check, unit tests (Node) and browser tests
// (the built game in a real Chromium). Every stage runs even when an earlier one fails, so one
// run shows everything that is wrong; the last line sums them all as "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = [];
mkdirSync('test-results', { recursive: true });

function run(command, args) {
  console.log(`\n$ ${command} ${args.join(' ')}`);
  const child = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  return child.status === 0;
}

/** A check that is one test: it passes or fails as a whole. */
function check(name, command, args) {
  const ok = run(command, args);
  results.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
  return ok;
}

/** A Vitest project: counts every test case it ran, from its JSON report. */
function vitestProject(project) {
  const report = `test-results/${project}.json`;
  rmSync(report, { force: true });
  const ok = run('npx', [
    'vitest',
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]);
  if (!existsSync(report)) {
    results.push({ name: `${project} tests`, passed: 0, failed: 1 });
    return;
  }
  const summary = JSON.parse(readFileSync(report, 'utf8'));
  const failed = summary.numFailedTests + (ok || summary.numFailedTests > 0 ? 0 : 1);
  results.push({ name: `${project} tests`, passed: summary.numPassedTests, failed });
}

check('types (tsc)', 'npx', ['tsc', '--noEmit']);
check('lint (eslint)', 'npx', ['eslint', '.']);
check('format (prettier)', 'npx', ['prettier', '--check', '.']);
vitestProject('unit');
if (check('build (vite)', 'npx', ['vite', 'build'])) {
  // Keys and touch two files at a time, then head control one file at a time (vitest.config.ts).
  vitestProject('browser-keys');
  vitestProject('browser');
} else results.push({ name: 'browser tests (not run: the build failed)', passed: 0, failed: 1 });

console.log('\nSummary');
for (const r of results) console.log(`  ${r.name}: ${r.passed} passed, ${r.failed} failed`);
const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed = results.reduce((sum, r) => sum + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
