/**
 * capture: when a post is at least half visible, and again when its counts change while it is, send the counts the
 * page shows, batched, to the background, which stores a snapshot only if they changed (and only for the posts the
 * capture scope allows). Passive only: it never scrolls, clicks or opens anything. A post the page watcher has just
 * read (a cell mounted as it scrolls into view) is not read a second time: its reading is completed (the counts and the
 * author's name, which the watcher leaves out where the adapter can read them later).
 *
 * Only the posts the scope will store are watched for visibility: the brand's own, the tagged ones (as the page's
 * shared tag knowledge says, lib/page/tags.ts) or every post, as the settings say. Every
 * watched post costs the browser an intersection computation per scroll frame (BENCHMARKS.md, feed). The background
 * checks the scope again on what it receives.
 */
import type { Feature } from './types';
import type { PostFacts } from '../platforms/types';
import type { Counts } from '../strategy/schema';
import { toSeenPost } from '../page/facts';
import { isOwnHandle } from '../strategy/channels';

/** How long the watcher's reading of a post stands for the counts the page shows (ms). */
const FRESH_MS = 1000;
/** Posts re-read at most this often while they stay on screen (ms). */
const REREAD_MS = 60_000;
/**
 * A post read this recently is not read again when it comes back into view (ms): a virtualised feed mounts it anew each
 * time the user scrolls back to it. A count the page changes while the post is on screen is still read at once.
 */
const BACK_IN_VIEW_MS = 10_000;
/** Posts whose last reading time is kept for that. */
const READ_AT_MAX = 5000;
/** Authors whose name is kept. */
const NAMES_MAX = 1000;

export const capture: Feature = {
  id: 'capture',
  setting: 'capture',
  init(ctx) {
    const { signal, adapter, doc } = ctx;
    const lastSent = new Map<string, { json: string; at: number }>();
    let batch: { post: ReturnType<typeof toSeenPost>; counts: Counts }[] = [];
    let timer: ReturnType<typeof setTimeout> | null = null;

    const flush = () => {
      timer = null;
      const items = batch;
      batch = [];
      if (items.length && !signal.aborted) ctx.send({ type: 'postsSeen', items }).catch(() => {});
    };

    /**
     * What the watcher last read of each post element, and when. It reads a post again when elements in it change, not
     * when only an attribute or a text changes in place, so a reading is trusted for FRESH_MS: a cell the page has
     * just mounted and is scrolling into view is not read twice, and one read earlier is read again.
     */
    const latest = new WeakMap<Element, { facts: PostFacts; at: number }>();
    /** Watched posts at least half visible now. */
    const visible = new WeakSet<Element>();

    /** platform:handle → the author's name as read on one of their posts. */
    const names = new Map<string, string>();
    /** post key → when its counts were last read. */
    const readAt = new Map<string, number>();
    const read = (el: Element, inPlace = false) => {
      const known = latest.get(el);
      if (!inPlace && known) {
        const at = readAt.get(`${known.facts.platform}:${known.facts.postId}`);
        if (at !== undefined && Date.now() - at < BACK_IN_VIEW_MS) return;
      }
      let facts = known && Date.now() - known.at < FRESH_MS ? known.facts : null;
      try {
        // The watcher's reading is light where the adapter can complete it (most posts are never stored).
        if (facts?.partial) {
          // An account's name is the same on all its posts: read once, it spares completing the next post half its work.
          const name = names.get(`${facts.platform}:${facts.authorHandle}`);
          facts = adapter.complete ? adapter.complete(el, doc, name ? { ...facts, authorName: name } : facts) : null;
        }
        if (!facts) facts = adapter.parsePost(el, doc);
      } catch {
        facts = null;
      }
      if (!facts || !Object.keys(facts.counts).length) return;
      if (facts.authorName && facts.authorHandle) {
        if (names.size >= NAMES_MAX) names.clear();
        names.set(`${facts.platform}:${facts.authorHandle}`, facts.authorName);
      }
      const key = `${facts.platform}:${facts.postId}`;
      const now = Date.now();
      if (readAt.size >= READ_AT_MAX) readAt.clear();
      readAt.set(key, now);
      const json = JSON.stringify(facts.counts);
      const prev = lastSent.get(key);
      if (prev && prev.json === json && now - prev.at < REREAD_MS) return;
      lastSent.set(key, { json, at: now });
      batch.push({ post: toSeenPost(facts), counts: facts.counts });
      if (batch.length >= 100) flush();
      else timer ??= setTimeout(flush, 500);
    };

    const io = new IntersectionObserver(
      (entries) => {
        for (const e of entries)
          if (e.isIntersecting && e.intersectionRatio >= 0.5) {
            visible.add(e.target);
            read(e.target);
          } else visible.delete(e.target);
      },
      { threshold: [0.5] },
    );

    /** Known post elements and whose they are, to decide again when the scope, the channels or a tag change. */
    const authors = new Map<Element, { key: string; platform: PostFacts['platform']; handle: string }>();
    const watched = new WeakSet<Element>();

    const wanted = (el: Element): boolean => {
      const a = authors.get(el);
      if (!a) return false;
      const { strategy, settings } = ctx.context.get();
      if (settings.captureScope === 'all' || isOwnHandle(a.platform, a.handle, strategy.channels)) return true;
      if (settings.captureScope !== 'ownAndTagged') return false;
      const tag = ctx.tags.get(a.key);
      if (tag === undefined) ctx.tags.want(a.key); // decided again when the answer says it is tagged
      return !!tag;
    };
    const decide = (el: Element) => {
      const want = wanted(el);
      if (want && !watched.has(el)) {
        watched.add(el);
        io.observe(el);
      } else if (!want && watched.has(el)) {
        watched.delete(el);
        visible.delete(el);
        io.unobserve(el);
      }
    };
    const decideAll = () => {
      for (const el of [...authors.keys()]) {
        if (el.isConnected) decide(el);
        else authors.delete(el);
      }
    };

    ctx.watcher.onPost(({ el, key, fresh, facts }) => {
      latest.set(el, { facts, at: Date.now() });
      if (!fresh && authors.get(el)?.key === key) {
        // Its counts changed (a like coming in): a new snapshot if they differ, now if it is on screen, else when it is.
        readAt.delete(key);
        if (visible.has(el)) read(el, true);
        return;
      }
      authors.set(el, { key, platform: facts.platform, handle: facts.authorHandle });
      if (watched.has(el)) {
        // A recycled cell: watched afresh, so the post now in it is read when it is visible.
        watched.delete(el);
        visible.delete(el);
        io.unobserve(el);
      }
      decide(el);
    }, signal);
    ctx.context.subscribe(decideAll, signal); // the scope or the brand's channels changed
    ctx.tags.onChange(decideAll, signal); // a post tagged or untagged, here or in another tab

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
