/**
 * Builds the editor test pages (real editor libraries mounted in the platforms' markup) into
 * tests/e2e/.pages/<name>.js with Vite, once per run. Each page's source is tests/e2e/pages/<name>.page.ts(x).
 */
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { readdirSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const PAGES_SRC = fileURLToPath(new URL('.', import.meta.url));
export const PAGES_OUT = fileURLToPath(new URL('../.pages', import.meta.url));

export async function buildEditorPages(): Promise<void> {
  const entries = readdirSync(PAGES_SRC).filter((f) => /\.page\.tsx?$/.test(f));
  for (const f of entries) {
    const name = f.replace(/\.page\.tsx?$/, '');
    const out = join(PAGES_OUT, `${name}.js`);
    const src = join(PAGES_SRC, f);
    if (existsSync(out) && statSync(out).mtimeMs > statSync(src).mtimeMs) continue;
    await build({
      configFile: false,
      logLevel: 'warn',
      define: { 'process.env.NODE_ENV': '"production"' },
      oxc: { jsx: { runtime: 'automatic', importSource: 'react', development: false } },
      build: {
        outDir: PAGES_OUT,
        emptyOutDir: false,
        minify: false,
        lib: { entry: src, formats: ['iife'], name: `page_${name.replace(/\W/g, '_')}`, fileName: () => `${name}.js` },
      },
    });
  }
}
