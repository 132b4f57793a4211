/**
 * What the in-page feature tests share: a FeatureContext wired as lib/page/start.ts wires it (a real page tag cache
 * over the test's `send`), a hand-driven IntersectionObserver, and a minimal adapter for plain <article> posts.
 */
import { vi } from 'vitest';
import type { FeatureContext } from '@/lib/features/types';
import type { Broadcast, Context } from '@/lib/messaging/protocol';
import type { PageWatcher } from '@/lib/page/watcher';
import type { Adapter, PostFacts } from '@/lib/platforms/types';
import { createStore, type Store } from '@/lib/page/store';
import { createPageTags } from '@/lib/page/tags';
import { demoStrategy } from '@/lib/strategy/demo';
import { defaultSettings, type Platform } from '@/lib/strategy/schema';

export function featureContext(parts: {
  watcher: PageWatcher;
  signal: AbortSignal;
  adapter?: Adapter;
  context?: Context;
  /** The test's own store, when it changes the strategy or settings itself. */
  store?: Store<Context>;
  send?: (m: { type: string; keys?: string[] }) => Promise<unknown>;
  /** Load the whole platform's tags at once (getPlatformTags), as the content script does; else ask per post. */
  platform?: Platform;
}) {
  const broadcastFns = new Set<(m: Broadcast) => void>();
  const send = (parts.send ?? vi.fn()) as unknown as FeatureContext['send'];
  const onBroadcast = (fn: (m: Broadcast) => void) => void broadcastFns.add(fn);
  const ctx: FeatureContext = {
    adapter: parts.adapter ?? ({ platform: 'x' } as Adapter),
    doc: document,
    context: parts.store ?? createStore(parts.context ?? { strategy: demoStrategy(), settings: defaultSettings() }),
    watcher: parts.watcher,
    signal: parts.signal,
    send,
    onBroadcast,
    tags: createPageTags(send, onBroadcast, parts.signal, { platform: parts.platform }),
  };
  /** A message from the background, as every tab receives it. */
  const broadcast = (m: Broadcast) => broadcastFns.forEach((fn) => fn(m));
  return { ctx, broadcast };
}

/** An IntersectionObserver the test drives: `near(els)` reports those elements as intersecting (fully visible). */
export class FakeIO {
  static all: FakeIO[] = [];
  targets = new Set<Element>();
  constructor(
    private cb: (entries: IntersectionObserverEntry[]) => void,
    public options: IntersectionObserverInit & { scrollMargin?: string } = {},
  ) {
    FakeIO.all.push(this);
  }
  observe(el: Element) {
    this.targets.add(el);
  }
  unobserve(el: Element) {
    this.targets.delete(el);
  }
  disconnect() {
    this.targets.clear();
  }
  near(els: Element[]) {
    const entries = els.filter((el) => this.targets.has(el)).map((target) => ({ target, isIntersecting: true, intersectionRatio: 1 }));
    if (entries.length) this.cb(entries as unknown as IntersectionObserverEntry[]);
  }
  /** Report those elements as out of view. */
  away(els: Element[]) {
    const entries = els.filter((el) => this.targets.has(el)).map((target) => ({ target, isIntersecting: false, intersectionRatio: 0 }));
    if (entries.length) this.cb(entries as unknown as IntersectionObserverEntry[]);
  }
}

/** Put an IntersectionObserver class in place of the window's; returns the undo. */
export function useIntersectionObserver(io: unknown): () => void {
  const w = window as unknown as { IntersectionObserver?: unknown };
  const real = w.IntersectionObserver;
  w.IntersectionObserver = io;
  return () => void (w.IntersectionObserver = real);
}

/** An adapter for <article data-id="…"> posts; `parsePost` says what a post is (null: not one). */
export function articleAdapter(parsePost: (el: Element) => PostFacts | null): Adapter {
  return {
    platform: 'x',
    matches: () => true,
    variant: () => 'test',
    postSelector: 'article',
    parsePost,
    anchor: (el) => ({ el, where: 'append' }),
    composerSelector: 'textarea.composer',
    parseComposer: () => null,
    expectsPosts: () => true,
  };
}

/** The facts of an <article data-id> post, as a test adapter reads them. */
export function articleFacts(el: Element, over: Partial<PostFacts> = {}): PostFacts {
  const id = el.getAttribute('data-id')!;
  const handle = el.getAttribute('data-author') ?? 'someone';
  return {
    platform: 'x',
    postId: id,
    permalink: `https://x.com/${handle}/status/${id}`,
    authorHandle: handle,
    authorName: '',
    text: '',
    publishedAt: null,
    counts: {},
    kind: 'post',
    ...over,
  };
}
