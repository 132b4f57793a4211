/**
 * One watcher per page: a single MutationObserver, its records handled in batches (one task after the mutations),
 * with a time budget per batch so a 1,000-post page never costs the page a long task. It tells features about post elements
 * (new ones, and recycled ones whose post changed) and composer elements.
 */
import type { Adapter, ComposerFacts, PostFacts } from '../platforms/types';
import { isBrandlineNode } from './shadow';

export interface PostEvent {
  el: Element;
  facts: PostFacts;
  key: string;
  /** True when the element is new or now shows another post (a recycled cell); false when only its content changed. */
  fresh: boolean;
}

export interface PageWatcher {
  onPost(fn: (e: PostEvent) => void, signal?: AbortSignal): void;
  onComposer(fn: (el: HTMLElement, facts: ComposerFacts) => void, signal?: AbortSignal): void;
  /** Post elements currently known, with their keys. */
  posts(): Map<Element, string>;
  composers(): Set<HTMLElement>;
  /** Look at the whole page again (after a single-page navigation). */
  rescan(): void;
  /** Resolves when the queue is empty (tests, health). */
  idle(): Promise<void>;
}

/** Work budget per batch, in ms. */
const BATCH_BUDGET_MS = 8;

export function createPageWatcher(doc: Document, adapter: Adapter, signal: AbortSignal): PageWatcher {
  const postFns = new Set<(e: PostEvent) => void>();
  const composerFns = new Set<(el: HTMLElement, f: ComposerFacts) => void>();
  const known = new Map<Element, string>();
  const composers = new Set<HTMLElement>();
  const queue = new Set<Element>();
  let idleWaiters: (() => void)[] = [];
  let scheduled = false;
  const win = doc.defaultView ?? window;

  const enqueueWithin = (root: Element | Document) => {
    if (root instanceof Element) {
      if (root.matches(adapter.postSelector) || root.matches(adapter.composerSelector)) queue.add(root);
      const post = root.closest(adapter.postSelector);
      if (post) queue.add(post);
    }
    for (const el of root.querySelectorAll(adapter.postSelector)) queue.add(el);
    for (const el of root.querySelectorAll(adapter.composerSelector)) queue.add(el);
  };

  const process = () => {
    scheduled = false;
    if (signal.aborted) return;
    const start = performance.now();
    for (const el of queue) {
      queue.delete(el);
      if (!el.isConnected) continue;
      if (el.matches(adapter.postSelector)) handlePost(el);
      if (el instanceof HTMLElement && el.matches(adapter.composerSelector)) handleComposer(el);
      if (performance.now() - start > BATCH_BUDGET_MS) break;
    }
    // Forget elements the page removed.
    for (const el of known.keys()) if (!el.isConnected) known.delete(el);
    for (const el of composers) if (!el.isConnected) composers.delete(el);
    if (queue.size) schedule();
    else {
      const w = idleWaiters;
      idleWaiters = [];
      w.forEach((fn) => fn());
    }
  };

  const handlePost = (el: Element) => {
    let facts: PostFacts | null = null;
    try {
      facts = adapter.parsePost(el, doc);
    } catch {
      facts = null; // unknown markup: skip this element, keep the page working
    }
    if (!facts) return;
    const key = `${facts.platform}:${facts.postId}`;
    const fresh = known.get(el) !== key;
    known.set(el, key);
    for (const fn of postFns) fn({ el, facts, key, fresh });
  };

  const handleComposer = (el: HTMLElement) => {
    if (composers.has(el)) return;
    let facts: ComposerFacts | null = null;
    try {
      facts = adapter.parseComposer(el, doc);
    } catch {
      facts = null;
    }
    if (!facts) return;
    composers.add(el);
    for (const fn of composerFns) fn(el, facts);
  };

  const schedule = () => {
    if (scheduled || signal.aborted) return;
    scheduled = true;
    // A task, not an animation frame: a requestAnimationFrame per batch made the browser run a full layout every
    // frame while a long page was still loading (79 layouts instead of 11 on the 1,000-post feed benchmark).
    // The batch still gathers every mutation of the current task, and the 8 ms budget keeps each task short.
    win.setTimeout(process, doc.visibilityState === 'visible' ? 0 : 100);
  };

  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes') {
        if (!isBrandlineNode(r.target)) enqueueWithin(r.target as Element);
        continue;
      }
      let foreign = false;
      for (const n of r.addedNodes) {
        if (n instanceof Element && !n.hasAttribute('data-brandline')) {
          foreign = true;
          enqueueWithin(n);
        } else if (n.nodeType === Node.TEXT_NODE) foreign = true;
      }
      if (!foreign) for (const n of r.removedNodes) if (!(n instanceof Element && n.hasAttribute('data-brandline'))) foreign = true;
      // Text or children replaced inside a post: it may be a recycled cell now showing another post.
      if (foreign && r.target instanceof Element && !isBrandlineNode(r.target)) {
        const post = r.target.closest(adapter.postSelector);
        if (post) queue.add(post);
      }
    }
    if (queue.size) schedule();
  });
  observer.observe(doc.body ?? doc.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['href'],
  });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });

  enqueueWithin(doc);
  schedule();

  return {
    onPost(fn, s) {
      postFns.add(fn);
      s?.addEventListener('abort', () => postFns.delete(fn), { once: true });
      // Late subscribers get what is already known.
      for (const [el] of known) {
        const facts = safeParse(adapter, el, doc);
        if (facts) fn({ el, facts, key: `${facts.platform}:${facts.postId}`, fresh: true });
      }
    },
    onComposer(fn, s) {
      composerFns.add(fn);
      s?.addEventListener('abort', () => composerFns.delete(fn), { once: true });
      for (const el of composers) {
        const facts = safeComposer(adapter, el, doc);
        if (facts) fn(el, facts);
      }
    },
    posts: () => known,
    composers: () => composers,
    rescan() {
      enqueueWithin(doc);
      schedule();
    },
    idle: () => (queue.size || scheduled ? new Promise<void>((r) => idleWaiters.push(r)) : Promise.resolve()),
  };
}

function safeParse(adapter: Adapter, el: Element, doc: Document): PostFacts | null {
  try {
    return adapter.parsePost(el, doc);
  } catch {
    return null;
  }
}
function safeComposer(adapter: Adapter, el: HTMLElement, doc: Document): ComposerFacts | null {
  try {
    return adapter.parseComposer(el, doc);
  } catch {
    return null;
  }
}
