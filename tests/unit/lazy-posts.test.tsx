/**
 * Posts are read as they come near the viewport, not when they enter the DOM: the page watcher's near-observer and the
 * pillar chips' reserved slots, in happy-dom with a hand-driven IntersectionObserver (the browser tests and the feed
 * benchmark run the real one).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPageWatcher, NEAR_MARGIN, type PageWatcher, type PostEvent } from '@/lib/page/watcher';
import { createHealth } from '@/lib/page/health';
import { pillarTag } from '@/lib/features/pillar-tag';
import type { Adapter } from '@/lib/platforms/types';
import { adapter as xAdapter } from '@/lib/platforms/x';
import { makePosts, xFeedPage } from '../e2e/feeds';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pagePaths } from './helpers/pages';
import { articleAdapter, articleFacts, FakeIO, featureContext, useIntersectionObserver } from './helpers/features';

// The feed builder reads the X fixture through the browser test bed's helper; here it is read from disk directly.
vi.mock('../e2e/browser', () => ({
  fixture: (platform: string, file: string) => readFileSync(path.join(pagePaths(platform).FIX, file), 'utf8'),
}));

// An ad, a placeholder: an article without data-id is not a post.
const adapter: Adapter = articleAdapter((el) =>
  el.getAttribute('data-id') ? articleFacts(el, { authorName: 'Someone', text: el.querySelector('p')?.textContent ?? '' }) : null,
);

const feed = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => `<article data-id="${from + i}"><p>Post number ${from + i}</p></article>`).join('');
const articles = () => [...document.querySelectorAll('article')];
const tick = () => new Promise<void>((r) => setTimeout(r, 0));

let controller: AbortController;
let restoreIO: () => void;
beforeEach(() => {
  FakeIO.all = [];
  restoreIO = useIntersectionObserver(FakeIO);
  controller = new AbortController();
  document.body.innerHTML = '';
});
afterEach(() => {
  controller.abort();
  restoreIO();
});

function watch(opts = {}) {
  const w = createPageWatcher(document, adapter, controller.signal, opts);
  const posts: PostEvent[] = [];
  const candidates: Element[] = [];
  const unrecognised: Element[] = [];
  w.onPost((e) => posts.push(e), controller.signal);
  w.onCandidate((el) => candidates.push(el), controller.signal);
  w.onUnrecognised((el) => unrecognised.push(el), controller.signal);
  return { w, posts, candidates, unrecognised, io: () => FakeIO.all[0] };
}

describe('page watcher: posts are read as they come near the viewport', () => {
  it('announces every post at once but reads none until one comes near', async () => {
    document.body.innerHTML = feed(100);
    const { w, posts, candidates, io } = watch();
    await w.idle();
    expect(candidates).toHaveLength(100);
    expect(posts).toHaveLength(0);
    expect(w.progress()).toEqual({ examined: 0, pending: 100 });
    expect(io().targets.size).toBe(100);
    expect(io().options.rootMargin).toBe(NEAR_MARGIN);
  });

  it('reads a post that comes near together with the next 24 and the 8 before it, in page order', async () => {
    document.body.innerHTML = feed(100);
    const { w, posts, io } = watch();
    await w.idle();
    io().near([articles()[40]]);
    await w.idle();
    expect(posts.map((p) => p.key)).toEqual(
      [...Array.from({ length: 25 }, (_, i) => 40 + i), ...Array.from({ length: 8 }, (_, i) => 39 - i)].map((i) => `x:${i}`),
    );
    expect(posts.every((p) => p.fresh && !p.early)).toBe(true);
    expect(w.progress()).toEqual({ examined: 33, pending: 67 });
    // Read posts are no longer watched; the rest still are.
    expect(io().targets.has(articles()[40])).toBe(false);
    expect(io().targets.has(articles()[70])).toBe(true);
  });

  it('reads everything at once when eager (or where there is no IntersectionObserver)', async () => {
    document.body.innerHTML = feed(30);
    const { w, posts } = watch({ eager: true });
    await w.idle();
    expect(posts).toHaveLength(30);
    expect(FakeIO.all).toHaveLength(0);
  });

  it('handles a batch of posts added later (infinite scroll) the same way', async () => {
    document.body.innerHTML = feed(5);
    const { w, posts, candidates, io } = watch();
    await w.idle();
    io().near(articles());
    await w.idle();
    expect(posts).toHaveLength(5);
    document.body.insertAdjacentHTML('beforeend', feed(20, 5));
    await tick();
    await w.idle();
    expect(candidates).toHaveLength(25);
    expect(posts).toHaveLength(5);
    io().near([articles()[6]]);
    await w.idle();
    expect(posts.map((p) => p.key).slice(5)).toEqual([...Array.from({ length: 19 }, (_, i) => 6 + i), 5].map((i) => `x:${i}`));
  });

  it('keeps going when a feature fails on one post: the other posts and the other features still get theirs', async () => {
    document.body.innerHTML = feed(3);
    const w = createPageWatcher(document, adapter, controller.signal);
    const seenByOther: string[] = [];
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    w.onPost((e) => {
      if (e.key === 'x:1' || e.key === 'x:11') throw new Error('boom');
    }, controller.signal);
    w.onPost((e) => seenByOther.push(e.key), controller.signal);
    await w.idle();
    FakeIO.all[0].near(articles()); // read in a batch of ours
    await w.idle();
    document.body.insertAdjacentHTML('beforeend', feed(3, 10)); // mounted by the page: read in its task
    for (let i = 0; i < 3; i++) await Promise.resolve();
    expect(seenByOther).toHaveLength(6);
    expect(seenByOther.sort()).toEqual(['x:0', 'x:1', 'x:10', 'x:11', 'x:12', 'x:2']);
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });

  it('reads a post again when a count changes in place (a text, a label), but not for a waiting post or typing in it', async () => {
    document.body.innerHTML = feed(30);
    for (const a of articles()) a.insertAdjacentHTML('beforeend', '<span class="likes">5</span><button aria-label="5 Likes"></button><div contenteditable="true">draft</div>');
    const { w, posts, io } = watch();
    await w.idle();
    io().near([articles()[0]]); // reads 0–24
    await w.idle();
    const reads = (i: number) => posts.filter((p) => p.key === `x:${i}`).length;
    expect([reads(0), reads(1), reads(29)]).toEqual([1, 1, 0]);
    articles()[0].querySelector('.likes')!.firstChild!.nodeValue = '6';
    articles()[1].querySelector('button')!.setAttribute('aria-label', '6 Likes');
    articles()[29].querySelector('.likes')!.firstChild!.nodeValue = '6'; // waiting: read when it comes near
    articles()[2].querySelector('[contenteditable]')!.firstChild!.nodeValue = 'draft, edited'; // typing
    await tick();
    await w.idle();
    expect([reads(0), reads(1), reads(2), reads(29)]).toEqual([2, 2, 1, 0]);
    expect(posts.filter((p) => p.key === 'x:0').map((p) => p.fresh)).toEqual([true, false]);
  });

  it('reads a few posts the page mounts on its own at once, in the page’s task (a virtualised feed scrolling)', async () => {
    document.body.innerHTML = feed(30);
    const { w, posts, io } = watch();
    await w.idle();
    // The page's list mounts two cells: they are read once the mutation is delivered, before any task of ours runs.
    document.body.insertAdjacentHTML('afterbegin', feed(2, 100));
    for (let i = 0; i < 3; i++) await Promise.resolve();
    expect(posts.map((p) => p.key)).toEqual(['x:100', 'x:101']);
    expect(posts.every((p) => p.early)).toBe(true);
    expect(io().targets.has(articles()[0])).toBe(false);
    await tick();
    await w.idle();
    expect(posts).toHaveLength(2); // not read a second time by the next batch
    expect(w.progress()).toEqual({ examined: 2, pending: 30 });
  });

  it('reports an element that is not a post, and forgets a read post whose cell now holds something else', async () => {
    document.body.innerHTML = feed(2) + '<article><p>Promoted</p></article>';
    const { w, posts, unrecognised, io } = watch();
    await w.idle();
    io().near(articles());
    await w.idle();
    expect(posts).toHaveLength(2);
    expect(unrecognised).toEqual([articles()[2]]);
    expect(w.posts().size).toBe(2);
    // The platform recycles the first cell into an ad.
    articles()[0].removeAttribute('data-id');
    articles()[0].querySelector('p')!.textContent = 'Promoted';
    await tick();
    await w.idle();
    expect(unrecognised).toContain(articles()[0]);
    expect([...w.posts().values()]).toEqual(['x:1']);
  });

  it('reads a recycled cell again at once, near or not, as another post', async () => {
    document.body.innerHTML = feed(3);
    const { w, posts, io } = watch();
    await w.idle();
    io().near([articles()[0]]);
    await w.idle();
    const el = articles()[2];
    el.setAttribute('data-id', '99');
    el.querySelector('p')!.textContent = 'Another post';
    await tick();
    await w.idle();
    expect(posts.at(-1)).toMatchObject({ el, key: 'x:99', fresh: true });
  });

  it('finds what the page adds wherever it goes: into a read post, a post inside a cell, or moved on before it is seen', async () => {
    document.body.innerHTML = `<div id="list">${feed(2)}</div>`;
    const { w, posts } = watch({ eager: true });
    await w.idle();
    const read = () => posts.map((p) => p.key);
    expect(read()).toEqual(['x:0', 'x:1']);
    // A "show more" inside a read post: that post is read again, not as a new one.
    articles()[0].append(Object.assign(document.createElement('span'), { textContent: ' …and more' }));
    await tick();
    await w.idle();
    expect(posts.at(-1)).toMatchObject({ key: 'x:0', fresh: false });
    // A cell holding a post, added to the list.
    const cell = document.createElement('div');
    cell.innerHTML = '<article data-id="7"><p>Post number 7</p></article>';
    document.getElementById('list')!.append(cell);
    // A cell added and moved into a read post before the observer reports it: still found, and that post read again.
    const moved = document.createElement('div');
    moved.innerHTML = '<article data-id="8"><p>Post number 8</p></article>';
    document.getElementById('list')!.append(moved);
    articles()[1].append(moved);
    const before = posts.length;
    await tick();
    await w.idle();
    expect(posts.slice(before).map((p) => [p.key, p.fresh]).sort()).toEqual([
      ['x:1', false],
      ['x:7', true],
      ['x:8', true],
    ]);
  });

  it('reports health when the verdict may change, not on every post a virtualised feed mounts', async () => {
    document.body.innerHTML = feed(10);
    const { w, io } = watch();
    await w.idle();
    vi.useFakeTimers();
    try {
      const reports: { posts: number }[] = [];
      createHealth(adapter, document, w, (h) => reports.push(h), controller.signal);
      vi.advanceTimersByTime(400);
      expect(reports.map((r) => r.posts)).toEqual([0]);
      io().near([articles()[0]]);
      vi.advanceTimersByTime(400);
      expect(reports.map((r) => r.posts)).toEqual([0, 10]);
      document.body.insertAdjacentHTML('beforeend', feed(3, 10)); // read at once, in the page's task
      await vi.advanceTimersByTimeAsync(400);
      expect(w.posts().size).toBe(13);
      expect(reports.map((r) => r.posts)).toEqual([0, 10]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not call a feed "not recognised" while its posts are only waiting to come near', async () => {
    document.body.innerHTML = feed(10);
    const { w, io } = watch();
    await w.idle();
    vi.useFakeTimers();
    try {
      const reports: { settled: boolean; posts: number }[] = [];
      const health = createHealth(adapter, document, w, (h) => reports.push(h), controller.signal);
      vi.advanceTimersByTime(5000);
      expect(health.current()).toMatchObject({ posts: 0, settled: false });
      io().near([articles()[0]]);
      vi.advanceTimersByTime(10);
      expect(health.current()).toMatchObject({ posts: 10, settled: true });
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('pillar chips: a slot per post at once, the chip drawn when the post is read', () => {
  function start(tagged: Record<string, string> = {}) {
    const w = createPageWatcher(document, adapter, controller.signal);
    const send = vi.fn(async (m: { type: string; keys?: string[] }) =>
      m.type === 'getTags' ? Object.fromEntries((m.keys ?? []).filter((k) => tagged[k]).map((k) => [k, tagged[k]])) : { ok: true },
    );
    const { ctx } = featureContext({ adapter, watcher: w, signal: controller.signal, send });
    pillarTag.init(ctx);
    return { w, send, io: () => FakeIO.all[0] };
  }
  const slots = () => [...document.querySelectorAll<HTMLElement>('[data-brandline="pillar-tag"]')];
  const settle = async (w: PageWatcher) => {
    for (let i = 0; i < 4; i++) {
      await w.idle();
      await tick();
    }
  };

  it('reserves a fixed-height slot in every post, and draws chips only in the posts read', async () => {
    document.body.innerHTML = feed(60);
    const { w, io } = start();
    await settle(w);
    expect(slots()).toHaveLength(60);
    expect(slots().every((s) => s.style.height === '30px' && !s.shadowRoot && !s.hasAttribute('data-brandline-post'))).toBe(true);
    io().near([articles()[0]]);
    await settle(w);
    const drawn = slots().filter((s) => s.shadowRoot);
    expect(drawn.map((s) => s.getAttribute('data-brandline-post'))).toEqual(
      Array.from({ length: 25 }, (_, i) => `x:${i}`),
    );
    expect(drawn.every((s, i) => s.parentElement === articles()[i])).toBe(true);
    expect(drawn[0].shadowRoot!.querySelector('button')).not.toBeNull();
  });

  it('asks for the tags of the posts read in one request and draws a tagged post with its pillar the first time', async () => {
    document.body.innerHTML = feed(40);
    const { w, send, io } = start({ 'x:3': 'pl-repair' });
    await settle(w);
    io().near([articles()[0]]);
    await settle(w);
    const getTags = send.mock.calls.filter(([m]) => m.type === 'getTags');
    expect(getTags).toHaveLength(1);
    expect(getTags[0][0].keys).toHaveLength(25);
    const chip = slots()[3].shadowRoot!;
    expect(chip.querySelector('.chip.tagged')?.textContent).toContain('Repair & Reuse');
  });

  it('asks for a post’s tag once: a cell mounted again for the same post is drawn without asking again', async () => {
    document.body.innerHTML = feed(3);
    const { w, send, io } = start({ 'x:1': 'pl-tips' });
    await settle(w);
    io().near(articles());
    await settle(w);
    const asks = () => send.mock.calls.filter(([m]) => m.type === 'getTags').length;
    expect(asks()).toBe(1);
    // A virtualised feed drops the cells and mounts new ones for the same posts when they scroll back into view.
    document.body.innerHTML = feed(3);
    await tick();
    await settle(w);
    io().near(articles());
    await settle(w);
    expect(asks()).toBe(1);
    const slot = articles()[1].querySelector<HTMLElement>('[data-brandline="pillar-tag"]')!;
    expect(slot.shadowRoot!.querySelector('.chip.tagged')?.textContent).toContain('Trail Tips');
  });

  it('gives a post mounted again the chip it had, moved out of the dropped cell, with a tag set while it was away', async () => {
    document.body.innerHTML = feed(3);
    const w = createPageWatcher(document, adapter, controller.signal);
    const { ctx, broadcast } = featureContext({ adapter, watcher: w, signal: controller.signal, send: async () => ({}) });
    pillarTag.init(ctx);
    await settle(w);
    FakeIO.all[0].near(articles());
    await settle(w);
    const old = articles()[1];
    const host = old.querySelector<HTMLElement>('[data-brandline="pillar-tag"]')!;
    expect(host.shadowRoot!.querySelector('.chip.untagged')).not.toBeNull();
    // A virtualised feed unmounts the cells; the post is tagged in another tab meanwhile; the cells come back.
    document.body.innerHTML = '';
    await tick();
    broadcast({ type: 'tagChanged', key: 'x:1', pillarId: 'pl-tips' });
    document.body.innerHTML = feed(3);
    for (let i = 0; i < 5; i++) await Promise.resolve(); // mounted by the page: drawn within its task
    const now = articles()[1].querySelector<HTMLElement>('[data-brandline="pillar-tag"]')!;
    expect(now).toBe(host);
    expect(old.contains(host)).toBe(false);
    expect(now.getAttribute('data-brandline-post')).toBe('x:1');
    expect(now.shadowRoot!.querySelector('.chip.tagged')?.textContent).toContain('Trail Tips');
    expect(document.querySelectorAll('[data-brandline="pillar-tag"]')).toHaveLength(3);
    expect(articles().every((a) => a.querySelectorAll('[data-brandline="pillar-tag"]').length === 1)).toBe(true);
  });

  it('keeps the chips of posts scrolled far away out of the page, and gives them back when the posts return', async () => {
    document.body.innerHTML = feed(3);
    const { w, io } = start({ 'x:2': 'pl-repair' });
    await settle(w);
    io().near(articles());
    await settle(w);
    const first = articles()[2].querySelector<HTMLElement>('[data-brandline="pillar-tag"]')!;
    const dropped = articles()[2];
    // Hundreds of other posts pass by (a long scroll): slots of dropped cells are swept out of the page now and then.
    for (let from = 100; from < 400; from += 50) {
      document.body.innerHTML = feed(50, from);
      await tick();
      await settle(w);
      FakeIO.all[0].near([articles()[0]]);
      await settle(w);
    }
    expect(dropped.querySelector('[data-brandline]')).toBeNull(); // parked: the dropped cell is not kept alive through it
    // They come back in a batch (a jump up the feed): slots are reserved before the posts are read, then swapped.
    document.body.innerHTML = feed(12);
    await tick();
    await settle(w);
    FakeIO.all[0].near(articles());
    await settle(w);
    const back = articles()[2].querySelector<HTMLElement>('[data-brandline="pillar-tag"]')!;
    expect(back).toBe(first);
    expect(back.shadowRoot!.querySelector('.chip.tagged')?.textContent).toContain('Repair & Reuse');
    expect(articles().every((a) => a.querySelectorAll('[data-brandline="pillar-tag"]').length === 1)).toBe(true);
  });

  it('puts the slot of a post the page mounts on its own in place within the page’s task, before it can be measured', async () => {
    document.body.innerHTML = feed(3);
    const { w } = start();
    await settle(w);
    // The page's list mounts a cell (x.com while scrolling): the slot is there once the mutation is delivered, before
    // any task of ours runs (microtasks only).
    document.body.insertAdjacentHTML('beforeend', feed(1, 3));
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(articles()[3].querySelector('[data-brandline="pillar-tag"]')).not.toBeNull();
    // Its tag is asked first (this page asks per post): the chip follows the answer.
    await settle(w);
    expect(articles()[3].querySelector('[data-brandline="pillar-tag"]')!.shadowRoot!.querySelector('.chip')).not.toBeNull();
    // A big batch (a page load, a long list rendered at once) still goes in with the next batch, all together.
    document.body.insertAdjacentHTML('beforeend', feed(20, 4));
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(articles()[10].querySelector('[data-brandline="pillar-tag"]')).toBeNull();
    await settle(w);
    expect(articles()[10].querySelector('[data-brandline="pillar-tag"]')).not.toBeNull();
  });

  it('draws the chip of a post the page mounts on its own in the page’s task, tag and all, when the page knows its platform’s tags', async () => {
    document.body.innerHTML = feed(3);
    const w = createPageWatcher(document, adapter, controller.signal);
    const send = vi.fn(async (m: { type: string }) =>
      m.type === 'getPlatformTags' ? { complete: true, tags: { 'x:7': 'pl-repair' } } : { ok: true },
    );
    const { ctx } = featureContext({ adapter, watcher: w, signal: controller.signal, send, platform: 'x' });
    pillarTag.init(ctx);
    await settle(w);
    document.body.insertAdjacentHTML('beforeend', feed(2, 6));
    for (let i = 0; i < 5; i++) await Promise.resolve();
    const [six, seven] = [articles()[3], articles()[4]].map((a) => a.querySelector<HTMLElement>('[data-brandline="pillar-tag"]')!);
    expect(six.shadowRoot!.querySelector('.chip.untagged')).not.toBeNull();
    expect(seven.shadowRoot!.querySelector('.chip.tagged')?.textContent).toContain('Repair & Reuse');
    expect(send.mock.calls.map(([m]) => m.type)).toEqual(['getPlatformTags']);
  });

  it('takes the records of the chips it just drew in the same call, instead of being called again for them', async () => {
    // Count the calls into the watcher's observer, and what they are about.
    const calls: { ours: boolean }[] = [];
    const Real = globalThis.MutationObserver;
    class Counting extends Real {
      constructor(cb: MutationCallback) {
        super((records, obs) => {
          const nodes = records.flatMap((r) => [...r.addedNodes, ...r.removedNodes]);
          calls.push({ ours: nodes.length > 0 && nodes.every((n) => n instanceof Element && n.hasAttribute('data-brandline')) });
          cb(records, obs);
        });
      }
    }
    globalThis.MutationObserver = Counting;
    try {
      document.body.innerHTML = feed(3);
      const w = createPageWatcher(document, adapter, controller.signal);
      const send = vi.fn(async (m: { type: string }) => (m.type === 'getPlatformTags' ? { complete: true, tags: {} } : { ok: true }));
      const { ctx } = featureContext({ adapter, watcher: w, signal: controller.signal, send, platform: 'x' });
      pillarTag.init(ctx);
      await settle(w);
      calls.length = 0;
      for (let i = 0; i < 4; i++) {
        document.body.insertAdjacentHTML('beforeend', feed(1, 10 + i));
        for (let j = 0; j < 5; j++) await Promise.resolve();
      }
      await settle(w);
      // Four cells mounted one at a time, each given its chip in the call that saw it: four calls, none for the chips.
      expect(articles().slice(3).every((a) => a.querySelector('[data-brandline="pillar-tag"]')?.shadowRoot?.querySelector('.chip'))).toBe(true);
      expect(calls).toEqual([{ ours: false }, { ours: false }, { ours: false }, { ours: false }]);
    } finally {
      globalThis.MutationObserver = Real;
    }
  });

  it('suggests from the text a post has when mounted again, not from what an earlier element of it said', async () => {
    document.body.innerHTML = '<article data-id="5"><p>Good morning</p></article>';
    const { w, io } = start();
    await settle(w);
    io().near(articles());
    await settle(w);
    const chip = () => articles()[0].querySelector<HTMLElement>('[data-brandline="pillar-tag"]')!.shadowRoot!;
    expect(chip().querySelector('.chip.suggestion')).toBeNull();
    // The page mounts the post again, now with its full text (a "show more" it had truncated).
    document.body.innerHTML = '<article data-id="5"><p>Good morning. Quick tip: pack a headlamp on day hikes.</p></article>';
    await tick();
    await settle(w);
    io().near(articles());
    await settle(w);
    expect(chip().querySelector('.chip.suggestion')?.textContent).toContain('Trail Tips');
  });

  it('removes the slot of an element that turns out not to be a post', async () => {
    document.body.innerHTML = feed(2) + '<article><p>Promoted</p></article>';
    const { w, io } = start();
    await settle(w);
    expect(slots()).toHaveLength(3);
    io().near(articles());
    await settle(w);
    expect(slots()).toHaveLength(2);
    expect(articles()[2].querySelector('[data-brandline]')).toBeNull();
  });

  it('switches the chip of a recycled cell to its new post at once', async () => {
    document.body.innerHTML = feed(3);
    const { w, io } = start({ 'x:1': 'pl-tips' });
    await settle(w);
    io().near(articles());
    await settle(w);
    const el = articles()[1];
    const slot = el.querySelector<HTMLElement>('[data-brandline="pillar-tag"]')!;
    expect(slot.shadowRoot!.querySelector('.chip.tagged')).not.toBeNull();
    el.setAttribute('data-id', '77');
    el.querySelector('p')!.textContent = 'Someone else entirely';
    await tick();
    await w.idle();
    // Same slot, new post, no stale tag, before any tag request could answer.
    expect(slot.getAttribute('data-brandline-post')).toBe('x:77');
    expect(slot.shadowRoot!.querySelector('.chip.tagged')).toBeNull();
    expect(el.querySelectorAll('[data-brandline="pillar-tag"]')).toHaveLength(1);
  });
});

describe('on an x.com timeline (the real markup shape, the real X adapter)', () => {
  it('reserves a slot in every post and draws chips, keyed by status id, only for the stretch that came near', async () => {
    const posts = makePosts(60, { seed: 4 });
    const page = new DOMParser().parseFromString(xFeedPage(posts), 'text/html');
    (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL('https://x.com/home');
    document.body.replaceChildren(...Array.from(page.body.childNodes).map((n) => document.importNode(n, true)));
    const w = createPageWatcher(document, xAdapter, controller.signal);
    const { ctx } = featureContext({ adapter: xAdapter, watcher: w, signal: controller.signal, send: async () => ({}) });
    pillarTag.init(ctx);
    const tweets = () => [...document.querySelectorAll('article[data-testid="tweet"]')];
    const settle = async () => {
      for (let i = 0; i < 4; i++) {
        await w.idle();
        await tick();
      }
    };
    await settle();
    expect(tweets()).toHaveLength(60);
    expect(tweets().every((t) => t.querySelectorAll('[data-brandline="pillar-tag"]').length === 1)).toBe(true);
    expect(document.querySelectorAll('[data-brandline-post]')).toHaveLength(0);
    FakeIO.all[0].near([tweets()[10]]);
    await settle();
    const keyed = [...document.querySelectorAll('[data-brandline-post]')].map((e) => e.getAttribute('data-brandline-post'));
    expect(keyed).toEqual(posts.slice(2, 35).map((p) => `x:${p.id}`));
    expect(w.progress()).toEqual({ examined: 33, pending: 27 });
  });

  it('stores a tagged post with its author’s name, which the watcher’s light reading leaves out', async () => {
    const posts = makePosts(3, { seed: 5 });
    const page = new DOMParser().parseFromString(xFeedPage(posts), 'text/html');
    (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL('https://x.com/home');
    document.body.replaceChildren(...Array.from(page.body.childNodes).map((n) => document.importNode(n, true)));
    const w = createPageWatcher(document, xAdapter, controller.signal, { eager: true });
    const send = vi.fn(async (_m: { type: string; post?: { authorName: string; authorHandle: string } }) => ({}));
    const { ctx } = featureContext({ adapter: xAdapter, watcher: w, signal: controller.signal, send });
    pillarTag.init(ctx);
    for (let i = 0; i < 4; i++) {
      await w.idle();
      await tick();
    }
    const root = document.querySelector('[data-brandline-post]')!.shadowRoot!;
    root.querySelector<HTMLElement>('[aria-haspopup="listbox"]')!.click();
    await tick();
    root.querySelector<HTMLElement>('[role="option"]')!.click();
    const setTag = send.mock.calls.map(([m]) => m).find((m) => m.type === 'setTag')!;
    expect(setTag.post).toMatchObject({ authorHandle: posts[0].handle, authorName: posts[0].name });
    expect(posts[0].name).not.toBe('');
  });
});
