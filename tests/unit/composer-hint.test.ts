/**
 * The page watcher looks for composers only where the page added an editable (EDITABLE_HINT): every composer every
 * adapter recognises, in every saved page, must be one or hold one, or the draft check would never see it.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADAPTERS } from '@/lib/platforms';
import { EDITABLE_HINT } from '@/lib/platforms/types';
import { pageLoader, pagePaths } from './helpers/pages';

const load = pageLoader();
const htmlIn = (dir: string) =>
  existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.html')).map((f) => path.join(dir, f)) : [];

describe('composers and the editable hint', () => {
  for (const adapter of ADAPTERS) {
    const { FIX, REAL } = pagePaths(adapter.platform);
    const files = [...htmlIn(FIX), ...htmlIn(REAL)];
    it(`${adapter.platform}: every composer in its ${files.length} saved pages is or holds an editable`, () => {
      let found = 0;
      for (const file of files) {
        const doc = load(file, 'https://example.com/');
        for (const el of Array.from(doc.querySelectorAll(adapter.composerSelector))) {
          found++;
          expect(el.matches(EDITABLE_HINT) || !!el.querySelector(EDITABLE_HINT), `${file}: <${el.tagName.toLowerCase()}>`).toBe(
            true,
          );
        }
      }
      expect(found, 'composers found on its saved pages').toBeGreaterThan(0);
    });
  }
});
