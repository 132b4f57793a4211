import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildEditorPages } from './pages/build';

export default async function setup() {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  if (!existsSync(join(root, '.output/chrome-mv3/manifest.json')))
    throw new Error('No built extension in .output/chrome-mv3: run "npm run build" (or "npm test") first.');
  await buildEditorPages();
}
