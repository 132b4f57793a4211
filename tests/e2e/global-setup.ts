import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildEditorPages } from './pages/build';

export default async function setup() {
  const root = resolve(__dirname, '../..');
  if (!existsSync(join(root, '.output/chrome-mv3/manifest.json')))
    throw new Error('No built extension in .output/chrome-mv3: run "npm run build" (or "npm test") first.');
  await buildEditorPages();
}
