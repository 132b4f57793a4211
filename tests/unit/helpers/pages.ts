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
  /** `fileOrHtml`: a file path, or inline markup (starting with "<"). */
  return function load(fileOrHtml: string, url: string): Document {
    const w = new Window({
      url,
      settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true, handleDisabledFileLoadingAsSuccess: true },
    });
    windows.push(w);
    const html = fileOrHtml.startsWith('<') ? fileOrHtml : readFileSync(fileOrHtml, 'utf8');
    return new w.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  };
}

/**
 * Rebuild a live page's nested links: elements written as <div data-fixture-tag="a" href> become real <a> elements
 * (HTML parsing cannot nest <a>; React builds them with DOM calls).
 */
export function rebuildNestedLinks(doc: Document): Document {
  for (const div of Array.from(doc.querySelectorAll('[data-fixture-tag="a"]'))) {
    const a = doc.createElement('a');
    for (const { name, value } of Array.from(div.attributes)) if (name !== 'data-fixture-tag') a.setAttribute(name, value);
    while (div.firstChild) a.appendChild(div.firstChild);
    div.replaceWith(a);
  }
  return doc;
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
