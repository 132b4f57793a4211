/**
 * capture: when a post is at least half visible, read the counts the page shows and send them, batched,
 * to the background, which stores a snapshot only if they changed (and only for the posts the capture
 * scope allows). Passive only: it never scrolls, clicks or opens anything.
 */
import type { Feature } from './types';
import type { PostFacts } from '../platforms/types';
import type { Counts } from '../strategy/schema';
import { toSeenPost } from '../page/facts';

/** Posts re-read at most this often while they stay on screen (ms). */
const REREAD_MS = 60_000;

export const capture: Feature = {
  id: 'capture',
  setting: 'capture',
  init(ctx) {
    const { signal, adapter, doc } = ctx;
    const lastSent = new Map<string, { json: string; at: number }>();
    const keys = new WeakMap<Element, string>();
    let batch: { post: ReturnType<typeof toSeenPost>; counts: Counts }[] = [];
    let timer: ReturnType<typeof setTimeout> | null = null;

    const flush = () => {
      timer = null;
      const items = batch;
      batch = [];
      if (items.length && !signal.aborted) ctx.send({ type: 'postsSeen', items }).catch(() => {});
    };

    const read = (el: Element) => {
      let facts: PostFacts | null = null;
      try {
        facts = adapter.parsePost(el, doc);
      } catch {
        facts = null;
      }
      if (!facts || !Object.keys(facts.counts).length) return;
      const key = `${facts.platform}:${facts.postId}`;
      const json = JSON.stringify(facts.counts);
      const prev = lastSent.get(key);
      const now = Date.now();
      if (prev && prev.json === json && now - prev.at < REREAD_MS) return;
      lastSent.set(key, { json, at: now });
      batch.push({ post: toSeenPost(facts), counts: facts.counts });
      if (batch.length >= 100) flush();
      else timer ??= setTimeout(flush, 500);
    };

    const io = new IntersectionObserver(
      (entries) => {
        for (const e of entries) if (e.isIntersecting && e.intersectionRatio >= 0.5) read(e.target);
      },
      { threshold: [0.5] },
    );

    ctx.watcher.onPost(({ el, key, fresh }) => {
      if (!fresh && keys.get(el) === key) return;
      keys.set(el, key);
      io.unobserve(el);
      io.observe(el);
    }, signal);

    signal.addEventListener(
      'abort',
      () => {
        io.disconnect();
        if (timer) clearTimeout(timer);
      },
      { once: true },
    );
  },
};
