/**
 * pillar-tag: a chip on every recognised post (own and others'). Tags persist per platform:postId in the
 * background and follow tagChanged broadcasts, so every tab shows the same tag.
 *
 * Chips are added as posts arrive (in the watcher's per-frame budget), not when they scroll into view:
 * inserting chips while the user scrolls shifts the layout under the scroll and, measured on a 300-post feed,
 * tripled the browser's own work during scrolling (BENCHMARKS.md, feed).
 */
import { render } from 'preact';
import type { Feature, FeatureContext } from './types';
import type { PostFacts } from '../platforms/types';
import { createShadowUi, type ShadowUi } from '../page/shadow';
import { detectPillar } from '../voice';
import { PillarChip, PILLAR_CHIP_CSS } from '@/components/inpage/PillarChip';
import { toSeenPost } from '../page/facts';

/** Height of the chip's box in the post (chip 22 px + margins). */
const CHIP_BOX_HEIGHT = 30;
/** Hosts wait for the page watcher to catch up before going in together, but never longer than this. */
const INSERT_MAX_WAIT_MS = 1000;

interface Decorated {
  key: string;
  ui: ShadowUi;
}

export const pillarTag: Feature = {
  id: 'pillar-tag',
  setting: 'pillarTags',
  init(ctx: FeatureContext) {
    const { signal, adapter } = ctx;
    /** key → pillar id, for the posts this page has asked about. */
    const tags = new Map<string, string>();
    const facts = new WeakMap<Element, { key: string; facts: PostFacts }>();
    const decorated = new Map<Element, Decorated>();
    /** key → its decorated elements, so a tag change re-renders only that post's chips. */
    const byKey = new Map<string, Set<Element>>();
    /** Keyword suggestion per element, computed once per post and strategy. */
    const suggestions = new WeakMap<Element, { key: string; pillars: unknown; id: string | null }>();

    const setTags = (changes: [string, string | null][]) => {
      for (const [key, pillarId] of changes) {
        if ((tags.get(key) ?? null) === pillarId) continue;
        if (pillarId) tags.set(key, pillarId);
        else tags.delete(key);
        for (const el of byKey.get(key) ?? []) renderChip(el);
      }
    };
    const wanted = new Set<string>();
    let fetchScheduled = false;

    const fetchTags = () => {
      fetchScheduled = false;
      const keys = [...wanted];
      wanted.clear();
      if (!keys.length || signal.aborted) return;
      ctx
        .send({ type: 'getTags', keys })
        .then((found) => setTags(keys.filter((k) => found[k]).map((k) => [k, found[k]])))
        .catch(() => {});
    };
    const wantTag = (key: string) => {
      wanted.add(key);
      if (!fetchScheduled) {
        fetchScheduled = true;
        queueMicrotask(fetchTags);
      }
    };

    const renderChip = (el: Element) => {
      const d = decorated.get(el);
      const f = facts.get(el);
      if (!d || !f) return;
      const { strategy } = ctx.context.get();
      const tagged = tags.get(f.key) ?? null;
      let s = suggestions.get(el);
      if (!s || s.key !== f.key || s.pillars !== strategy.pillars) {
        s = { key: f.key, pillars: strategy.pillars, id: detectPillar(f.facts.text, strategy.pillars) };
        suggestions.set(el, s);
      }
      const suggested = tagged ? null : s.id;
      render(
        <PillarChip
          pillars={strategy.pillars}
          tagged={tagged}
          suggested={suggested}
          onOpenChange={(open) => {
            // Above the following posts only while the picker is open: a thousand stacked hosts cost paint time.
            d.ui.host.style.position = open ? 'relative' : '';
            d.ui.host.style.zIndex = open ? '2147483000' : '';
          }}
          onTag={(pillarId, source) => {
            setTags([[f.key, pillarId]]); // optimistic; the broadcast confirms
            ctx.send({ type: 'setTag', post: toSeenPost(f.facts), pillarId, source }).catch((e) => {
              console.warn('[Brandline] tag not saved:', e);
              setTags([[f.key, tagged]]);
            });
          }}
        />,
        d.ui.mount,
      );
    };

    const undecorate = (el: Element, d: Decorated) => {
      render(null, d.ui.mount);
      d.ui.remove();
      decorated.delete(el);
      const set = byKey.get(d.key);
      set?.delete(el);
      if (set && !set.size) byKey.delete(d.key);
    };

    let sinceSweep = 0;
    const decorate = (el: Element) => {
      // Virtualised feeds drop post elements: forget their chips now and then.
      if (++sinceSweep > 200) {
        sinceSweep = 0;
        for (const [old, d] of decorated) if (!old.isConnected) undecorate(old, d);
      }
      const f = facts.get(el);
      if (!f || !el.isConnected) return;
      const d = decorated.get(el);
      if (d && d.key === f.key && (d.ui.host.isConnected || toInsert.get(el) === d.ui)) return;
      if (d) undecorate(el, d);
      // A fixed-size box, so re-rendering the chip (a new tag) never changes the post's height. Not `contain`:
      // a thousand layout-contained hosts made the browser's pre-paint step 20× slower on a long feed.
      const ui = createShadowUi('pillar-tag', PILLAR_CHIP_CSS, {
        postKey: f.key,
        hostStyle: `display: block; height: ${CHIP_BOX_HEIGHT}px;`,
      });
      decorated.set(el, { key: f.key, ui });
      let set = byKey.get(f.key);
      if (!set) byKey.set(f.key, (set = new Set()));
      set.add(el);
      if (!tags.has(f.key)) wantTag(f.key);
      // Drawn while still detached (inside the watcher's per-frame budget), inserted later with the others.
      renderChip(el);
      toInsert.set(el, ui);
      scheduleInsert();
    };

    // Chips go into the page together, once the watcher has caught up: every insertion batch costs the page a
    // layout, which on a long feed is far more than our script.
    const toInsert = new Map<Element, ShadowUi>();
    let insertTimer: ReturnType<typeof setTimeout> | undefined;
    let insertQueued = false;
    const scheduleInsert = () => {
      if (insertQueued) return;
      insertQueued = true;
      // When the watcher has caught up with the page (one batch for a whole feed), or after a short wait at most.
      void ctx.watcher.idle().then(insertAll);
      insertTimer = setTimeout(insertAll, INSERT_MAX_WAIT_MS);
    };
    const insertAll = () => {
      clearTimeout(insertTimer);
      insertQueued = false;
      if (signal.aborted || !toInsert.size) return;
      for (const [el, ui] of toInsert) {
        if (!el.isConnected || decorated.get(el)?.ui !== ui) continue;
        const anchor = adapter.anchor(el);
        if (anchor.where === 'append') anchor.el.append(ui.host);
        else if (anchor.where === 'prepend') anchor.el.prepend(ui.host);
        else anchor.el.after(ui.host);
      }
      toInsert.clear();
    };

    ctx.watcher.onPost(({ el, key, facts: f, fresh }) => {
      facts.set(el, { key, facts: f });
      const d = decorated.get(el);
      if (d && !fresh && (d.ui.host.isConnected || toInsert.get(el) === d.ui)) return;
      if (d && fresh) undecorate(el, d); // a recycled cell now shows another post: its old chip goes at once
      // New post, recycled cell, or the platform re-rendered the post and dropped our chip.
      decorate(el);
    }, signal);

    // A new strategy (pillars renamed, recoloured, keywords changed) re-renders every chip; rare.
    ctx.context.subscribe(() => {
      for (const [el, d] of decorated) {
        if (el.isConnected) renderChip(el);
        else undecorate(el, d);
      }
    }, signal);
    ctx.onBroadcast((m) => {
      if (m.type === 'tagChanged') setTags([[m.key, m.pillarId]]);
      if (m.type === 'tagsReset') {
        // Collected data was deleted, restored or imported elsewhere: forget what we knew and ask again.
        setTags([...tags.keys()].map((k) => [k, null]));
        for (const key of byKey.keys()) wantTag(key);
      }
    });

    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(insertTimer);
        for (const [el, d] of decorated) undecorate(el, d);
      },
      { once: true },
    );
  },
};
