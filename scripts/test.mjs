#!/usr/bin/env node
/**
 * `npm test`: everything, in order — type check, Chrome and Firefox builds, unit tests, real-browser tests —
 * then one closing line with the totals. Stops at the first failing step.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';

const started = Date.now();
mkdirSync('.cache', { recursive: true });
const steps = [
  ['type check', 'npx', ['tsc', '--noEmit']],
  ['build (Chrome MV3)', 'npx', ['wxt', 'build']],
  ['build (Firefox)', 'npx', ['wxt', 'build', '-b', 'firefox']],
  ['unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=.cache/unit.json']],
  [
    'browser tests',
    'npx',
    ['vitest', 'run', '--config', 'vitest.e2e.config.ts', '--reporter=default', '--reporter=json', '--outputFile.json=.cache/e2e.json'],
  ],
];
const totals = { passed: 0, failed: 0, skipped: 0 };
const count = (file) => {
  if (!existsSync(file)) return;
  const r = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += r.numPassedTests ?? 0;
  totals.failed += r.numFailedTests ?? 0;
  totals.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
};
for (const [name, cmd, args] of steps) {
  const t = Date.now();
  console.log(`\n== ${name}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : '1' } });
  console.log(`-- ${name}: ${r.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  if (r.status !== 0) {
    count('.cache/unit.json');
    if (name === 'browser tests') count('.cache/e2e.json');
    console.log(`\n${totals.passed} passed, ${Math.max(1, totals.failed)} failed, ${totals.skipped} skipped`);
    process.exit(r.status ?? 1);
  }
}
count('.cache/unit.json');
count('.cache/e2e.json');
console.log(`\nAll steps passed in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
