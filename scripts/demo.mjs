#!/usr/bin/env node
/**
 * `npm run demo`: build the extension, then open it in Chromium on the bundled demo pages (the platforms'
 * markup served at their real addresses, nothing leaves the machine), with the demo strategy loaded.
 * With a display: a real window to try it in. Without one: screenshots in demo-screenshots/.
 */
import { spawnSync } from 'node:child_process';
import { runnerImport } from 'vite';

if (!process.argv.includes('--no-build')) {
  console.log('Building the extension…');
  const r = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const headed = !!process.env.DISPLAY && !process.argv.includes('--headless');
const { module } = await runnerImport('./tests/e2e/demo.ts');
await module.runDemo({ headed });
