/**
 * Engagement capture watches only the posts its scope will store: the brand's own, the tagged ones, or all of them.
 * In happy-dom with a hand-driven IntersectionObserver (the browser test scrolls a real feed and checks the snapshots).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPageWatcher } from '@/lib/page/watcher';
import { capture } from '@/lib/features/capture';
import { demoStrategy } from '@/lib/strategy/demo';
import { defaultSettings } from '@/lib/strategy/schema';
import type { Adapter, PostFacts } from '@/lib/platforms/types';
import { articleAdapter, articleFacts, FakeIO, featureContext, useIntersectionObserver } from './helpers/features';

const parse = vi.fn((el: Element) => articleFacts(el, { counts: { likes: Number(el.getAttribute('data-likes') ?? 1) } }));
const adapter = articleAdapter(parse);

/** Posts 0–9; the even ones are the brand's (@fernhilloutdoor in the demo strategy). */
const feed = () =>
  Array.from({ length: 10 }, (_, i) => `<article data-id="${i}" data-author="${i % 2 ? 'someone' : 'FernhillOutdoor'}"></article>`).join('');
const post = (i: number) => document.querySelector(`article[data-id="${i}"]`)!;
const ids = (els: Iterable<Element>) => [...els].map((el) => Number(el.getAttribute('data-id'))).sort((a, b) => a - b);
const settle = async () => {
  for (let i = 0; i < 4; i++) await new Promise((r) => setTimeout(r, 0));
};

let controller: AbortController;
let restoreIO: () => void;
beforeEach(() => {
  FakeIO.all = [];
  parse.mockClear();
  restoreIO = useIntersectionObserver(FakeIO);
  controller = new AbortController();
  document.body.innerHTML = feed();
});
afterEach(() => {
  controller.abort();
  restoreIO();
});

async function start(opts: { tagged?: Record<string, string>; scope?: 'own' | 'ownAndTagged' | 'all'; failTags?: boolean } = {}) {
  const w = createPageWatcher(document, adapter, controller.signal, { eager: true });
  const send = vi.fn(async (m: { type: string; keys?: string[] }) => {
    if (m.type === 'getTags') {
      if (opts.failTags) throw new Error('Extension context invalidated.');
      return Object.fromEntries((m.keys ?? []).filter((k) => opts.tagged?.[k]).map((k) => [k, opts.tagged![k]]));
    }
    return { stored: 0 };
  });
  const { ctx, broadcast } = featureContext({
    adapter,
    watcher: w,
    signal: controller.signal,
    send,
    context: { strategy: demoStrategy(), settings: { ...defaultSettings(), captureScope: opts.scope ?? 'ownAndTagged' } },
  });
  capture.init(ctx);
  await w.idle();
  await settle();
  const io = FakeIO.all[0];
  const sent = () =>
    send.mock.calls
      .filter(([m]) => m.type === 'postsSeen')
      .flatMap(([m]) => (m as unknown as { items: { post: { key: string } }[] }).items.map((i) => i.post.key));
  return { w, io, send, context: ctx.context, sent, broadcast };
}

/** Capture of every post, with an adapter that reads posts lightly and completes the ones stored. */
async function startCompleting(withComplete: Adapter) {
  const w = createPageWatcher(document, withComplete, controller.signal, { eager: true });
  const send = vi.fn(async (_m: { type: string }) => ({ stored: 0 }));
  const { ctx } = featureContext({
    adapter: withComplete,
    watcher: w,
    signal: controller.signal,
    send,
    context: { strategy: demoStrategy(), settings: { ...defaultSettings(), captureScope: 'all' } },
  });
  capture.init(ctx);
  await w.idle();
  await settle();
  return send;
}

describe('engagement capture: only the posts the scope will store are watched', () => {
  it('own and tagged (the default): watches own posts, asks once for the others’ tags and watches the tagged ones', async () => {
    const { io, send } = await start({ tagged: { 'x:3': 'pl-tips' } });
    const asks = send.mock.calls.filter(([m]) => m.type === 'getTags');
    expect(asks).toHaveLength(1);
    expect(asks[0][0].keys).toEqual(['x:1', 'x:3', 'x:5', 'x:7', 'x:9']);
    expect(ids(io.targets)).toEqual([0, 2, 3, 4, 6, 8]);
  });

  it('reads and sends the counts of a watched post when it is visible, and nothing for the others', async () => {
    const { io, sent } = await start();
    vi.useFakeTimers();
    try {
      io.near([post(0), post(1), post(2)]);
      vi.advanceTimersByTime(600);
    } finally {
      vi.useRealTimers();
    }
    expect(sent()).toEqual(['x:0', 'x:2']);
  });

  it('uses what the page watcher read: a post coming into view is not read a second time', async () => {
    const { io, send } = await start({ scope: 'all' });
    expect(parse).toHaveBeenCalledTimes(10);
    vi.useFakeTimers();
    try {
      io.near([post(0), post(1)]);
      vi.advanceTimersByTime(600);
    } finally {
      vi.useRealTimers();
    }
    expect(parse).toHaveBeenCalledTimes(10);
    const items = send.mock.calls.filter(([m]) => m.type === 'postsSeen').flatMap(([m]) => (m as unknown as { items: unknown[] }).items);
    expect(items).toEqual([
      expect.objectContaining({ post: expect.objectContaining({ key: 'x:0' }), counts: { likes: 1 } }),
      expect.objectContaining({ post: expect.objectContaining({ key: 'x:1' }), counts: { likes: 1 } }),
    ]);
  });

  it('completes the watcher’s light reading of a visible post, instead of reading it again (an adapter with complete)', async () => {
    const light = vi.fn((el: Element, _doc?: Document, opts?: { light?: boolean }) =>
      opts?.light ? articleFacts(el, { partial: true, authorName: '' }) : articleFacts(el, { counts: { likes: 99 } }),
    );
    const complete = vi.fn((el: Element, _doc: Document, facts: PostFacts) => {
      const { partial: _, ...rest } = facts;
      return { ...rest, authorName: 'Read now', counts: { likes: Number(el.getAttribute('data-likes') ?? 1), replies: 2 } };
    });
    const send = await startCompleting({ ...articleAdapter(light), complete });
    expect(light).toHaveBeenCalledTimes(10);
    expect(light.mock.calls.every(([, , opts]) => opts?.light === true)).toBe(true);
    post(1).setAttribute('data-likes', '5');
    vi.useFakeTimers();
    try {
      FakeIO.all[0].near([post(0), post(1)]);
      vi.advanceTimersByTime(600);
    } finally {
      vi.useRealTimers();
    }
    expect(light).toHaveBeenCalledTimes(10); // not read again in full
    expect(complete.mock.calls.map(([el, , facts]) => [Number(el.getAttribute('data-id')), facts.postId])).toEqual([
      [0, '0'],
      [1, '1'],
    ]);
    const items = send.mock.calls
      .filter(([m]) => m.type === 'postsSeen')
      .flatMap(([m]) => (m as unknown as { items: { post: { key: string }; counts: unknown }[] }).items);
    expect(items.map((i) => [i.post.key, i.counts])).toEqual([
      ['x:0', { likes: 1, replies: 2 }],
      ['x:1', { likes: 5, replies: 2 }],
    ]);
    // Stored with what the light reading left out.
    expect(send.mock.calls.filter(([m]) => m.type === 'postsSeen').flatMap(([m]) => (m as unknown as { items: { post: { authorName: string } }[] }).items.map((i) => i.post.authorName))).toEqual(['Read now', 'Read now']);
  });

  it('reads an account’s name once: the next post of the same account is completed with it', async () => {
    const light = vi.fn((el: Element) => articleFacts(el, { partial: true }));
    const complete = vi.fn((_el: Element, _doc: Document, facts: PostFacts) => {
      const { partial: _, ...rest } = facts;
      return { ...rest, authorName: facts.authorName || `Name of ${facts.authorHandle}`, counts: { likes: 1 } };
    });
    const send = await startCompleting({ ...articleAdapter(light), complete });
    vi.useFakeTimers();
    try {
      FakeIO.all[0].near([post(0), post(1), post(2), post(3), post(4)]);
      vi.advanceTimersByTime(600);
    } finally {
      vi.useRealTimers();
    }
    // Posts 0, 2, 4 are FernhillOutdoor's, 1 and 3 someone's: each name is read (asked with none) once.
    expect(complete.mock.calls.map(([, , f]) => [f.postId, f.authorName])).toEqual([
      ['0', ''],
      ['1', ''],
      ['2', 'Name of FernhillOutdoor'],
      ['3', 'Name of someone'],
      ['4', 'Name of FernhillOutdoor'],
    ]);
    const stored = send.mock.calls
      .filter(([m]) => m.type === 'postsSeen')
      .flatMap(([m]) => (m as unknown as { items: { post: { postId: string; authorName: string } }[] }).items.map((i) => [i.post.postId, i.post.authorName]));
    expect(stored).toEqual([
      ['0', 'Name of FernhillOutdoor'],
      ['1', 'Name of someone'],
      ['2', 'Name of FernhillOutdoor'],
      ['3', 'Name of someone'],
      ['4', 'Name of FernhillOutdoor'],
    ]);
  });

  it('does not read a post again when a virtualised feed mounts it anew soon after, but does after a while', async () => {
    const { io, w, send } = await start({ scope: 'all' });
    const counted = () => send.mock.calls.filter(([m]) => m.type === 'postsSeen').length;
    vi.useFakeTimers({ now: Date.now() });
    try {
      io.near([post(0)]);
      vi.advanceTimersByTime(600);
      expect(counted()).toBe(1);
      const reads = parse.mock.calls.length;
      // The list unmounts the cell and mounts a new one for the same post, with a new count, 3 s later.
      post(0).remove();
      document.body.insertAdjacentHTML('afterbegin', '<article data-id="0" data-author="FernhillOutdoor" data-likes="7"></article>');
      await vi.advanceTimersByTimeAsync(3000);
      await w.idle();
      expect(parse.mock.calls.length).toBe(reads + 1); // the watcher read the new element
      io.near([post(0)]);
      vi.advanceTimersByTime(600);
      expect(counted()).toBe(1); // back in view within 10 s: not read again
      const lastCounts = () =>
        (send.mock.calls.filter(([m]) => m.type === 'postsSeen').at(-1)![0] as unknown as { items: { counts: unknown }[] }).items[0].counts;
      // Away, then back in view 10 s later: read, and the new count sent.
      io.away([post(0)]);
      vi.advanceTimersByTime(10_000);
      io.near([post(0)]);
      vi.advanceTimersByTime(600);
      expect(counted()).toBe(2);
      expect(lastCounts()).toEqual({ likes: 7 });
      // Out of view, the page changes the post in place (a like coming in): read as soon as it is back in view.
      io.away([post(0)]);
      post(0).setAttribute('data-likes', '8');
      post(0).append('8 likes');
      await vi.advanceTimersByTimeAsync(50);
      await w.idle();
      io.near([post(0)]);
      vi.advanceTimersByTime(600);
      expect(counted()).toBe(3);
      expect(lastCounts()).toEqual({ likes: 8 });
    } finally {
      vi.useRealTimers();
    }
  });

  it('reads a post again when it comes into view after a while: a count changed in place is not missed', async () => {
    const { io, send } = await start({ scope: 'all' });
    vi.useFakeTimers({ now: Date.now() + 5_000 }); // the watcher read the posts five seconds ago
    try {
      post(3).setAttribute('data-likes', '9'); // the page updates an attribute: no element added, the watcher stays put
      io.near([post(3)]);
      vi.advanceTimersByTime(600);
    } finally {
      vi.useRealTimers();
    }
    expect(parse).toHaveBeenCalledTimes(11);
    const items = send.mock.calls.filter(([m]) => m.type === 'postsSeen').flatMap(([m]) => (m as unknown as { items: { counts: unknown }[] }).items);
    expect(items.map((i) => i.counts)).toEqual([{ likes: 9 }]);
  });

  it('sends new counts of a post that changes while on screen, and not of one that left the screen', async () => {
    const { io, w, send } = await start({ scope: 'all' });
    io.near([post(0), post(2)]);
    io.away([post(2)]);
    for (const i of [0, 2]) {
      post(i).setAttribute('data-likes', '7');
      post(i).append(document.createElement('span')); // the page re-renders the like button
    }
    await settle();
    await w.idle();
    await new Promise((r) => setTimeout(r, 600));
    const counts = send.mock.calls
      .filter(([m]) => m.type === 'postsSeen')
      .flatMap(([m]) => (m as unknown as { items: { post: { key: string }; counts: unknown }[] }).items)
      .map((i) => [i.post.key, i.counts]);
    expect(counts).toEqual([
      ['x:0', { likes: 1 }],
      ['x:2', { likes: 1 }],
      ['x:0', { likes: 7 }],
    ]);
  });

  it('starts watching a post when it is tagged here or in another tab, and stops when the tag is removed', async () => {
    const { io, broadcast } = await start();
    expect(io.targets.has(post(5))).toBe(false);
    broadcast({ type: 'tagChanged', key: 'x:5', pillarId: 'pl-tips' });
    expect(io.targets.has(post(5))).toBe(true);
    broadcast({ type: 'tagChanged', key: 'x:5', pillarId: null });
    expect(io.targets.has(post(5))).toBe(false);
    expect(io.targets.has(post(4))).toBe(true); // own posts stay watched whatever their tag
  });

  it('follows the scope setting as soon as it changes', async () => {
    const { io, context, send } = await start({ scope: 'own', tagged: { 'x:3': 'pl-tips' } });
    expect(send.mock.calls.filter(([m]) => m.type === 'getTags')).toHaveLength(0); // tags do not matter for "own"
    expect(ids(io.targets)).toEqual([0, 2, 4, 6, 8]);
    context.set({ ...context.get(), settings: { ...context.get().settings, captureScope: 'all' } });
    expect(ids(io.targets)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    context.set({ ...context.get(), settings: { ...context.get().settings, captureScope: 'ownAndTagged' } });
    await settle();
    expect(ids(io.targets)).toEqual([0, 2, 3, 4, 6, 8]);
  });

  it('follows the brand’s channels: a handle added to the strategy is watched at once', async () => {
    const { io, context } = await start({ scope: 'own' });
    const strategy = context.get().strategy;
    context.set({
      ...context.get(),
      strategy: { ...strategy, channels: [...strategy.channels, { id: 'ch-x2', platform: 'x', handle: 'someone', responseTargetMinutes: 60 }] },
    });
    expect(ids(io.targets)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('watches a recycled cell afresh for the post now in it', async () => {
    const { io, w } = await start({ scope: 'own' });
    const el = post(1);
    expect(io.targets.has(el)).toBe(false);
    el.setAttribute('data-author', 'fernhilloutdoor');
    el.setAttribute('data-id', '41');
    el.append(document.createElement('span')); // the platform re-renders the cell
    await settle();
    await w.idle();
    expect(io.targets.has(el)).toBe(true);
  });

  it('keeps working when the tag request fails, and asks again at the next change', async () => {
    const { send, io, broadcast } = await start({ failTags: true });
    expect(ids(io.targets)).toEqual([0, 2, 4, 6, 8]);
    broadcast({ type: 'tagChanged', key: 'x:3', pillarId: 'pl-tips' });
    await settle();
    expect(ids(io.targets)).toEqual([0, 2, 3, 4, 6, 8]);
    const asks = send.mock.calls.filter(([m]) => m.type === 'getTags');
    expect(asks).toHaveLength(2);
    expect(asks[1][0].keys).toEqual(['x:1', 'x:5', 'x:7', 'x:9']);
  });
});
