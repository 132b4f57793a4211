/** Loading saved platform pages into happy-dom for the adapter tests. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Window } from 'happy-dom';
import { afterAll } from 'vitest';
import type { Adapter } from '../../../lib/platforms/types';

/** The project's fixtures and the shared real captures (which may be absent) for one platform. */
export function pagePaths(platform: string) {
  return {
    FIX: path.resolve(__dirname, '../../fixtures', platform),
    REAL: path.resolve(__dirname, '../../../../shared/real-pages', platform),
  };
}

/**
 * A `load(file, url)` that parses saved HTML into a document whose URL is `url` (no scripts, no stylesheet
 * loading); every window it opens is closed after the test file.
 */
export function pageLoader() {
  const windows: Window[] = [];
  afterAll(async () => {
    for (const w of windows) await w.happyDOM.close();
  });
  return function load(file: string, url: string): Document {
    const w = new Window({
      url,
      settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true, handleDisabledFileLoadingAsSuccess: true },
    });
    windows.push(w);
    return new w.DOMParser().parseFromString(readFileSync(file, 'utf8'), 'text/html') as unknown as Document;
  };
}

/** The adapter run over a whole document: its post elements, their facts, its composers. */
export function runAdapter(adapter: Adapter) {
  const posts = (doc: Document) => Array.from(doc.querySelectorAll(adapter.postSelector));
  return {
    posts,
    parseAll: (doc: Document) => posts(doc).map((el) => adapter.parsePost(el, doc)),
    composers: (doc: Document) =>
      Array.from(doc.querySelectorAll(adapter.composerSelector)).map((el) => adapter.parseComposer(el, doc)),
  };
}
