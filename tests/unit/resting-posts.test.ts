/**
 * Resting posts: on a long feed, most waiting posts stop being watched after the browser's first report about them,
 * and the few that stay watched (guards) read them when they come near. The claim to hold: no post is ever on screen
 * unread, whatever the post heights, scroll jumps, removals and insertions. Checked here with an IntersectionObserver
 * that lays the posts out in a column (each article's height in data-h) and reports as the browser does: a first report
 * for every target, then one whenever a target enters or leaves the near area (the viewport and two screens on each side).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createPageWatcher, type PostEvent } from '@/lib/page/watcher';
import { articleAdapter, articleFacts, useIntersectionObserver } from './helpers/features';

const H = 900;

class ColumnIO {
  static all: ColumnIO[] = [];
  /** Observed targets → last reported state (null: not reported yet). */
  targets = new Map<Element, boolean | null>();
  constructor(private cb: (entries: IntersectionObserverEntry[]) => void) {
    ColumnIO.all.push(this);
  }
  observe(el: Element) {
    if (!this.targets.has(el)) this.targets.set(el, null);
  }
  unobserve(el: Element) {
    this.targets.delete(el);
  }
  disconnect() {
    this.targets.clear();
  }
  /** A rendered frame with the page scrolled to `top`. */
  frame(top: number) {
    const entries: unknown[] = [];
    let y = 0;
    for (const el of document.querySelectorAll('article')) {
      const h = Number(el.getAttribute('data-h'));
      const state = this.targets.get(el);
      if (state !== undefined) {
        const rect = { top: y - top, bottom: y - top + h, height: h };
        const near = rect.bottom > -2 * H && rect.top < 3 * H;
        if (state !== near) {
          this.targets.set(el, near);
          entries.push({ target: el, isIntersecting: near, intersectionRatio: near ? 1 : 0, boundingClientRect: rect, rootBounds: { height: 5 * H } });
        }
      }
      y += h;
    }
    if (entries.length) this.cb(entries as IntersectionObserverEntry[]);
  }
}

const adapter = articleAdapter((el) => articleFacts(el));

let nextId = 0;
const article = (h: number) => `<article data-id="${nextId++}" data-h="${h}"></article>`;
const tick = () => new Promise<void>((r) => setTimeout(r, 0));

/** The articles (partly) on screen with the page scrolled to `top`. */
function onScreen(top: number): Element[] {
  const out: Element[] = [];
  let y = 0;
  for (const el of document.querySelectorAll('article')) {
    const h = Number(el.getAttribute('data-h'));
    if (y + h > top && y < top + H && h > 0) out.push(el);
    y += h;
  }
  return out;
}
const pageHeight = () => [...document.querySelectorAll('article')].reduce((s, el) => s + Number(el.getAttribute('data-h')), 0);

let controller: AbortController;
let restoreIO: () => void;
beforeEach(() => {
  ColumnIO.all = [];
  nextId = 0;
  restoreIO = useIntersectionObserver(ColumnIO);
  controller = new AbortController();
  document.body.innerHTML = '';
});
afterEach(() => {
  controller.abort();
  restoreIO();
});

async function start(html: string) {
  document.body.innerHTML = html;
  const w = createPageWatcher(document, adapter, controller.signal);
  const read = new Set<Element>();
  w.onPost((e: PostEvent) => read.add(e.el), controller.signal);
  await w.idle();
  const io = ColumnIO.all[0];
  /** Render a frame at `top` and let the watcher read what came near. */
  const frame = async (top: number) => {
    io.frame(top);
    await w.idle();
    io.frame(top); // posts that rested or woke in this frame get their first report in the next one
    await w.idle();
  };
  return { w, io, read, frame };
}

describe('page watcher: resting posts', () => {
  it('keeps one post in eight of a long feed under watch once the browser has reported on them', async () => {
    const { io, read, frame } = await start(Array.from({ length: 400 }, () => article(300)).join(''));
    expect(io.targets.size).toBe(400);
    await frame(0);
    // Read: the posts near the top (15 within the near area, then the chunk after them up to a guard).
    expect(read.size).toBeGreaterThanOrEqual(15);
    expect(read.size).toBeLessThan(60);
    // Watched: the guards (every eighth of each run found together, and each run's first and last), nothing else.
    expect(io.targets.size).toBeLessThan((400 - read.size) / 8 + 20);
    expect(io.targets.size).toBeGreaterThan((400 - read.size) / 8 - 1);
  });

  it('keeps tall posts (more than an eighth of the near area) under watch', async () => {
    const { io, read, frame } = await start(Array.from({ length: 200 }, (_, i) => article(i % 2 ? 300 : 700)).join(''));
    await frame(0);
    const tall = [...document.querySelectorAll('article')].filter((el) => el.getAttribute('data-h') === '700' && !read.has(el));
    expect(tall.length).toBeGreaterThan(80);
    for (const el of tall) expect(io.targets.has(el)).toBe(true);
  });

  it('reads the posts on screen after a jump to the middle of the feed', async () => {
    const { read, frame } = await start(Array.from({ length: 600 }, () => article(250)).join(''));
    await frame(0);
    const top = 250 * 300 + 100;
    await frame(top);
    for (const el of onScreen(top)) expect(read.has(el)).toBe(true);
  });

  // Posts just short enough to rest are the hardest case: the guards are furthest apart.
  it('reads every post before it is on screen, scrolling slowly down a feed of posts just short enough to rest', async () => {
    const { read, frame } = await start(Array.from({ length: 300 }, () => article(560)).join(''));
    for (let top = 0; top <= pageHeight() - H; top += 200) {
      await frame(top);
      for (const el of onScreen(top)) expect(read.has(el), `post ${el.getAttribute('data-id')} at ${top}`).toBe(true);
    }
    expect(read.size).toBe(300);
  });

  it('reads every post before it is on screen, scrolling slowly up after a jump to the end', async () => {
    const { read, frame } = await start(Array.from({ length: 300 }, () => article(560)).join(''));
    await frame(0);
    for (let top = pageHeight() - H; top >= 0; top -= 200) {
      await frame(top);
      for (const el of onScreen(top)) expect(read.has(el), `post ${el.getAttribute('data-id')} at ${top}`).toBe(true);
    }
  });

  it('wakes the resting posts next to a guard the page removed', async () => {
    const { w, io, read, frame } = await start(Array.from({ length: 400 }, () => article(200)).join(''));
    await frame(0);
    const watchedBefore = io.targets.size;
    // The page drops every watched post past the first screenful (deleted posts, a filter): the resting ones between
    // them have lost their guards. Enough reading happens later for the watcher to tidy up.
    const dropped = [...io.targets.keys()].filter((el) => !read.has(el)).slice(3);
    for (const el of dropped) el.remove();
    await tick();
    await w.idle();
    for (let top = 0; top < pageHeight() - H; top += 3 * H) await frame(top);
    expect(watchedBefore).toBeGreaterThan(30);
    for (let top = pageHeight() - H; top >= 0; top -= 700) {
      await frame(top);
      for (const el of onScreen(top)) expect(read.has(el)).toBe(true);
    }
  });

  it('never leaves a post on screen unread: any heights, jumps, removals and insertions (property)', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        // Mostly posts just short enough to rest (the hardest case for the guards), some of any height.
        fc.array(
          fc.oneof(
            { arbitrary: fc.integer({ min: 450, max: 562 }), weight: 4 },
            { arbitrary: fc.integer({ min: 40, max: 560 }), weight: 2 },
            { arbitrary: fc.integer({ min: 0, max: 3000 }), weight: 1 },
          ),
          { minLength: 150, maxLength: 400 },
        ),
        fc.array(
          fc.oneof(
            { arbitrary: fc.record({ kind: fc.constant('by' as const), delta: fc.integer({ min: -H * 1.5, max: H * 1.5 }) }), weight: 5 },
            fc.record({ kind: fc.constant('scroll' as const), to: fc.double({ min: 0, max: 1, noNaN: true }) }),
            fc.record({ kind: fc.constant('remove' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), n: fc.integer({ min: 1, max: 40 }) }),
            fc.record({
              kind: fc.constant('insert' as const),
              at: fc.double({ min: 0, max: 1, noNaN: true }),
              heights: fc.array(fc.integer({ min: 40, max: 900 }), { minLength: 10, maxLength: 40 }),
            }),
          ),
          { minLength: 10, maxLength: 40 },
        ),
        async (heights, steps) => {
          controller.abort();
          controller = new AbortController();
          ColumnIO.all = [];
          const { w, read, frame } = await start(heights.map(article).join(''));
          let top = 0;
          await frame(top);
          for (const step of steps) {
            const all = [...document.querySelectorAll('article')];
            if (step.kind === 'scroll') top = Math.floor(step.to * Math.max(0, pageHeight() - H));
            else if (step.kind === 'by') top = Math.max(0, top + step.delta);
            else if (step.kind === 'remove') {
              const from = Math.floor(step.at * all.length);
              for (const el of all.slice(from, from + step.n)) el.remove();
            } else {
              const html = step.heights.map(article).join('');
              const at = all[Math.floor(step.at * all.length)];
              if (at) at.insertAdjacentHTML('beforebegin', html);
              else document.body.insertAdjacentHTML('beforeend', html);
            }
            await tick();
            await w.idle();
            top = Math.min(top, Math.max(0, pageHeight() - H));
            await frame(top);
            for (const el of onScreen(top)) if (!read.has(el)) return false;
          }
          return true;
        },
      ),
      { numRuns: 100 },
    );
  });
});
