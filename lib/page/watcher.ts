/**
 * One watcher per page: a single MutationObserver, its records handled in batches (one task after the mutations),
 * with a time budget per batch so a 1,000-post page never costs the page a long task. It tells features about post elements
 * (new ones, and recycled ones whose post changed) and composer elements.
 *
 * Posts are read when they come near the viewport (within NEAR_MARGIN, watched by one IntersectionObserver), not when
 * they enter the DOM: a page that holds a thousand posts costs what the user scrolls through, not a thousand parses,
 * chips and DOM wrappers at load (BENCHMARKS.md, feed). The exception is a few posts (at most EARLY_MAX) mounted in one
 * go by the page's script: they are read at once, in the page's task (see the MutationObserver below). Once read, a
 * post stays known and is read again whenever its content changes (a recycled cell, a count rewritten in place), near
 * or not. Composers are read at once.
 *
 * The browser recomputes every observed target on every frame of a scroll, and on a 1,000-post feed that cost more
 * than everything else Brandline does (BENCHMARKS.md). So a post found in bulk with its neighbours is watched only until
 * its first intersection report: if it is short and not near, it rests, and the posts kept under watch (every
 * REST_STRIDE-th of the run, the run's first and last, and every tall or unmeasured one) stand guard for it. Reading a
 * post reads the next CHUNK_AHEAD and the CHUNK_BEHIND before it, so whichever guard comes near first reads the resting
 * posts around it. Why that never leaves a visible post unread: between two guards rest at most REST_STRIDE − 1 posts,
 * each at most an eighth of the near area high, so the guards are less than the near area apart, and whenever one of
 * those posts is on screen a guard is within the near area.
 */
import { EDITABLE_HINT, type Adapter, type ComposerFacts, type PostFacts } from '../platforms/types';
import { isBrandlineNode } from './shadow';

export interface PostEvent {
  el: Element;
  facts: PostFacts;
  key: string;
  /** True when the element is new or now shows another post (a recycled cell); false when only its content changed. */
  fresh: boolean;
  /** Read within the page's own task, as the page mounted it (a few posts at once; see the MutationObserver below). */
  early: boolean;
}

export interface PageWatcher {
  onPost(fn: (e: PostEvent) => void, signal?: AbortSignal): void;
  /**
   * A post-selector match seen for the first time, before it is read (it may be far from the viewport). Decorations
   * that take space reserve it here, all at once, so that filling them in later never moves the page. `early`: the page
   * has just mounted it and it is read at once, in the same task (its onPost, or onUnrecognised, follows).
   */
  onCandidate(fn: (el: Element, early: boolean) => void, signal?: AbortSignal): void;
  /** A candidate was read and is not a post Brandline understands (an ad, a placeholder, a cell recycled into one). */
  onUnrecognised(fn: (el: Element) => void, signal?: AbortSignal): void;
  onComposer(fn: (el: HTMLElement, facts: ComposerFacts) => void, signal?: AbortSignal): void;
  /** Post elements currently known, with their keys. */
  posts(): Map<Element, string>;
  /** Post-selector matches read so far (recognised or not), and those still waiting to come near the viewport. */
  progress(): { examined: number; pending: number };
  composers(): Set<HTMLElement>;
  /** Look at the whole page again (after a single-page navigation). */
  rescan(): void;
  /** Resolves when the queue is empty (tests, health). */
  idle(): Promise<void>;
}

/** Work budget per batch, in ms. */
const BATCH_BUDGET_MS = 8;
/**
 * How far beyond the viewport (above and below) a post is read and decorated: two screens, so chips are in place before
 * a post scrolls into view, even on a fast fling.
 */
export const NEAR_MARGIN = '200% 0px';
/** Posts read along with one that comes near: the next ones in page order, and a few before it. */
const CHUNK_AHEAD = 24;
const CHUNK_BEHIND = 8;
/** Editors whose text changes are typing, not counts. */
const EDITABLE = '[contenteditable]:not([contenteditable="false" i])';
/** Posts found in one mutation batch and announced at once (not in the next batch task), at most. */
const EARLY_MAX = 8;
/** One post in this many of a run found together stays watched; must not exceed CHUNK_BEHIND (see the top). */
const REST_STRIDE = 8;
/** Posts found together in fewer than this many are all watched (a post inserted alone is its own guard). */
const REST_MIN_RUN = 16;

export interface WatcherOptions {
  /** Read every post at once instead of as it comes near (no IntersectionObserver, or a test that needs all of them). */
  eager?: boolean;
}

export function createPageWatcher(
  doc: Document,
  adapter: Adapter,
  signal: AbortSignal,
  opts: WatcherOptions = {},
): PageWatcher {
  const postFns = new Set<(e: PostEvent) => void>();
  const candidateFns = new Set<(el: Element, early: boolean) => void>();
  const unrecognisedFns = new Set<(el: Element) => void>();
  /** Candidates already announced. */
  const seen = new WeakSet<Element>();
  const composerFns = new Set<(el: HTMLElement, f: ComposerFacts) => void>();
  const known = new Map<Element, string>();
  const composers = new Set<HTMLElement>();
  const queue = new Set<Element>();
  let idleWaiters: (() => void)[] = [];
  let scheduled = false;
  const win = doc.defaultView ?? window;
  /** Post elements that have come near the viewport: read now and on every later change. */
  const near = new WeakSet<Element>();
  /** Candidates not read yet, in the order they were found (document order, for a feed); null = read since. */
  const order: (Element | null)[] = [];
  /** Waiting candidate → its place in `order`. */
  const waiting = new Map<Element, number>();
  let examined = 0;
  let batches = 0;
  const IO = (win as typeof window).IntersectionObserver;
  const nearObserver =
    opts.eager || typeof IO !== 'function'
      ? null
      : new IO(
          (entries) => {
            for (const e of entries) {
              if (e.isIntersecting) nearBy(e.target);
              else if (mayRest.delete(e.target)) rest(e);
            }
            if (queue.size) schedule();
          },
          // scrollMargin widens the clip of scrolling columns too (Mastodon's multi-column UI); ignored where unknown.
          { rootMargin: NEAR_MARGIN, scrollMargin: NEAR_MARGIN } as IntersectionObserverInit,
        );
  const wait = (el: Element) => {
    waiting.set(el, order.length);
    order.push(el);
    nearObserver!.observe(el);
  };
  /** Waiting posts that may stop being watched after their first report (not guards of their run). */
  const mayRest = new WeakSet<Element>();
  /** Waiting posts no longer watched: their guards read them. */
  const resting = new WeakSet<Element>();
  let restingCount = 0;
  /** The page removed elements since the last batch: a guard may have gone. */
  let removals = false;
  /** Posts of the current batch that went waiting, from this place in `order`. */
  let runStart = 0;
  /** After a batch: in a run found in bulk, every post but the guards may rest. */
  const markRun = () => {
    const end = order.length;
    if (end - runStart >= REST_MIN_RUN)
      for (let j = runStart + 1; j < end - 1; j++) if ((j - runStart) % REST_STRIDE && order[j]) mayRest.add(order[j]!);
    runStart = end;
  };
  /** First report of a post that may rest: it stops being watched if it is not near and is short. */
  const rest = (e: IntersectionObserverEntry) => {
    const h = e.boundingClientRect.height;
    const area = e.rootBounds?.height || win.innerHeight * 5; // the viewport and the margins above and below it
    const i = waiting.get(e.target);
    // Never next to a read post: a guard must stay on either side.
    if (i === undefined || !order[i - 1] || !order[i + 1]) return;
    if (h > 0 && h <= area / 8) {
      nearObserver!.unobserve(e.target);
      resting.add(e.target);
      restingCount++;
    }
  };
  const activate = (el: Element) => {
    const i = waiting.get(el);
    if (i === undefined) return;
    waiting.delete(el);
    mayRest.delete(el);
    if (resting.delete(el)) restingCount--;
    order[i] = null;
    nearObserver?.unobserve(el);
    near.add(el);
    queue.add(el);
  };
  /**
   * A waiting post came near: read it with its neighbours in page order, so that the chips of a whole stretch of feed are
   * drawn in one go. Every batch of chips costs the page a frame of its own, which on a long page is tens of ms
   * whatever the batch size (BENCHMARKS.md, feed).
   */
  const nearBy = (el: Element) => {
    const i = waiting.get(el);
    if (i === undefined) return;
    // Past the chunk, resting posts are read on up to the next watched one, so a read stretch always ends at a guard.
    for (let j = i, n = 0; j < order.length; j++) {
      const c = order[j];
      if (!c) continue;
      if (n > CHUNK_AHEAD && !resting.has(c)) break;
      activate(c);
      n++;
    }
    for (let j = i - 1, n = 0; j >= 0; j--) {
      const c = order[j];
      if (!c) continue;
      if (n >= CHUNK_BEHIND && !resting.has(c)) break;
      activate(c);
      n++;
    }
    if (order.length > 256 && waiting.size < order.length / 2) compact();
  };
  /** A resting post becomes a guard again. */
  const wake = (el: Element) => {
    if (resting.delete(el)) restingCount--;
    nearObserver?.observe(el);
  };
  /**
   * Forget read posts and posts the page dropped. Where a guard went with them, the resting posts next to the gap wake
   * up, and so does one in every REST_STRIDE of a longer row, so every resting post keeps a guard on either side.
   */
  const compact = () => {
    const live: Element[] = [];
    let row = 0;
    let gap = true;
    const closeGap = () => {
      const last = live[live.length - 1];
      if (!gap && last && resting.has(last)) wake(last);
      gap = true;
      row = 0;
    };
    for (const e of order) {
      if (!e || !e.isConnected) {
        if (e) nearObserver?.unobserve(e);
        if (e && resting.delete(e)) restingCount--;
        closeGap();
        continue;
      }
      if (!resting.has(e)) row = 0;
      else if (gap || ++row >= REST_STRIDE) {
        wake(e);
        row = 0;
      }
      gap = false;
      live.push(e);
    }
    closeGap();
    order.length = 0;
    waiting.clear();
    for (const el of live) {
      waiting.set(el, order.length);
      order.push(el);
    }
    runStart = order.length;
  };
  signal.addEventListener('abort', () => nearObserver?.disconnect(), { once: true });

  /** A post, or Brandline's own element. */
  const postOrOurs = `${adapter.postSelector}, [data-brandline]`;
  /** `postOfRoot`: the post root is in (null: none), when the caller knows it; it saves a walk up the page. */
  const enqueueWithin = (root: Element | Document, postOfRoot?: Element | null) => {
    if (root instanceof Element) {
      // root itself, or the post it was added into
      const post = postOfRoot === undefined ? root.closest(adapter.postSelector) : postOfRoot;
      if (post) queue.add(post);
      if (root.matches(adapter.composerSelector)) queue.add(root); // a composer (also inside a post: a comment box)
    }
    for (const el of root.querySelectorAll(adapter.postSelector)) queue.add(el);
    // Every composer is an editable or holds one. Most elements the page adds hold no editable, and asking that first
    // costs less than matching the composer selectors against every element of a post (BENCHMARKS.md, feed-virtual).
    if (root.querySelector(EDITABLE_HINT)) for (const el of root.querySelectorAll(adapter.composerSelector)) queue.add(el);
  };

  const process = () => {
    scheduled = false;
    if (signal.aborted) return;
    const start = performance.now();
    for (const el of queue) {
      queue.delete(el);
      if (!el.isConnected) continue;
      if (el.matches(adapter.postSelector)) {
        if (!seen.has(el)) {
          seen.add(el);
          for (const fn of candidateFns) fn(el, false);
        }
        if (!nearObserver || near.has(el)) handlePost(el);
        else if (!waiting.has(el)) wait(el);
      }
      if (el instanceof HTMLElement && el.matches(adapter.composerSelector)) handleComposer(el);
      if (performance.now() - start > BATCH_BUDGET_MS) break;
    }
    // Forget elements the page removed.
    for (const el of known.keys()) if (!el.isConnected) known.delete(el);
    for (const el of composers) if (!el.isConnected) composers.delete(el);
    markRun();
    // Forget waiting posts the page dropped (a virtualised feed drops hundreds) now and then, and at once when resting
    // posts may have lost a guard.
    if (++batches % 50 === 0 || (removals && restingCount)) compact();
    removals = false;
    if (queue.size) schedule();
    else wakeIdle();
  };

  const wakeIdle = () => {
    const w = idleWaiters;
    idleWaiters = [];
    w.forEach((fn) => fn());
  };

  const handlePost = (el: Element, early = false) => {
    examined++;
    let facts: PostFacts | null = null;
    try {
      // A light reading where the adapter can complete it later: capture and tagging do, for the posts they store.
      facts = adapter.parsePost(el, doc, { light: true });
    } catch {
      facts = null; // unknown markup: skip this element, keep the page working
    }
    if (!facts) {
      known.delete(el);
      for (const fn of unrecognisedFns) fn(el);
      return;
    }
    const key = `${facts.platform}:${facts.postId}`;
    const fresh = known.get(el) !== key;
    known.set(el, key);
    for (const fn of postFns)
      try {
        fn({ el, facts, key, fresh, early });
      } catch (e) {
        // One feature failing on one post must not stop the others, nor the page's own task it may be running in.
        console.warn('[Brandline]', e);
      }
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

  const onRecords = (records: MutationRecord[]) => {
    for (const r of records) {
      if (r.type === 'characterData' || (r.type === 'attributes' && r.attributeName === 'aria-label')) {
        // A count changed in place (the page rewrote a number's text, or a button's label): read that post again. Only
        // posts already read are (a waiting one is read with its current content when it comes near), and not for
        // typing in an editor inside a post (a comment box).
        const el = r.target instanceof Element ? r.target : r.target.parentElement;
        const post = el?.closest(adapter.postSelector);
        // An attribute test, not isContentEditable: that one brings the page's style up to date first, on every keystroke.
        if (post && known.has(post) && !el!.closest(EDITABLE)) queue.add(post);
        continue;
      }
      if (r.type === 'attributes') {
        if (!isBrandlineNode(r.target)) enqueueWithin(r.target as Element);
        continue;
      }
      // Where the record's target is: in a post, in Brandline's own UI, or neither. One walk up the page for the whole
      // record, once something in it is the page's: a virtualised feed mounts a cell per record, and walking up from
      // each cell and then from the list cost two walks to the page's root (BENCHMARKS.md, feed-virtual).
      const target = r.target instanceof Element ? r.target : null;
      let around: [post: Element | null, ours: boolean] | null = null;
      let foreign = false;
      const added = r.addedNodes;
      for (let i = 0; i < added.length; i++) {
        const n = added[i];
        if (n.nodeType === 1) {
          const e = n as Element;
          if (e.hasAttribute('data-brandline')) continue;
          foreign = true;
          // Still where it was added: the post it is in is itself or the target's.
          if (n.parentNode !== target) enqueueWithin(e);
          else if (e.matches(adapter.postSelector)) enqueueWithin(e, e);
          else enqueueWithin(e, (around ??= aroundOf(target!))[0]);
        } else if (n.nodeType === 3) foreign = true;
      }
      const removed = r.removedNodes;
      for (let i = 0; i < removed.length; i++) {
        const n = removed[i];
        if (n.nodeType !== 1) foreign = true;
        else if (!(n as Element).hasAttribute('data-brandline')) foreign = removals = true;
      }
      // Text or children replaced inside a post: it may be a recycled cell now showing another post.
      if (foreign && target) {
        const [post, ours] = (around ??= aroundOf(target));
        if (post && !ours) queue.add(post);
      }
    }
  };
  /** The post an element is in (itself included), and whether it is inside Brandline's own UI. */
  const aroundOf = (el: Element): [post: Element | null, ours: boolean] => {
    const near = el.closest(postOrOurs);
    if (!near?.hasAttribute('data-brandline')) return [near, false];
    return [el.closest(adapter.postSelector), true];
  };
  const observer = new MutationObserver((records) => {
    onRecords(records);
    // A few posts mounted by the page's script (a virtualised feed scrolling): announced and read now, in the page's
    // own task, so that room reserved for a decoration is there before the page first measures the new cell, and the
    // decoration is drawn in the frame that first shows it. Measuring a cell again made x.com-style lists render once
    // more per cell, and drawing a chip a frame later cost every mounted cell a second style, layout and paint
    // (BENCHMARKS.md, feed-virtual). Such posts are near: a virtualised feed mounts only what is near the viewport,
    // an infinite scroll appends where the user is.
    if (queue.size && queue.size <= EARLY_MAX)
      for (const el of queue)
        if (!seen.has(el) && el.isConnected && el.matches(adapter.postSelector)) {
          seen.add(el);
          for (const fn of candidateFns) fn(el, !!nearObserver);
          if (nearObserver) {
            queue.delete(el);
            near.add(el);
            handlePost(el, true);
          }
        }
    // What those posts' features just put in the page (a chip in each) would call this observer once more, in a call
    // of its own into the content script, for nothing: half the calls on a virtualised feed's scroll (BENCHMARKS.md,
    // feed-virtual). Taken now, those records are looked at here.
    for (let more = observer.takeRecords(); more.length; more = observer.takeRecords()) onRecords(more);
    if (queue.size || (removals && restingCount)) schedule();
    else if (!scheduled) wakeIdle(); // what was queued was read just now
  });
  observer.observe(doc.body ?? doc.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    characterData: true,
    attributeFilter: ['href', 'aria-label'],
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
        if (facts) fn({ el, facts, key: `${facts.platform}:${facts.postId}`, fresh: true, early: false });
      }
    },
    onCandidate(fn, s) {
      candidateFns.add(fn);
      s?.addEventListener('abort', () => candidateFns.delete(fn), { once: true });
      for (const el of waiting.keys()) fn(el, false);
      for (const [el] of known) fn(el, false);
    },
    onUnrecognised(fn, s) {
      unrecognisedFns.add(fn);
      s?.addEventListener('abort', () => unrecognisedFns.delete(fn), { once: true });
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
    progress: () => ({ examined, pending: waiting.size }),
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
