/**
 * pillar-tag: a chip on every recognised post (own and others'). Tags persist per platform:postId in the
 * background and follow tagChanged broadcasts, so every tab shows the same tag.
 *
 * Each post gets a fixed-size slot as soon as it is in the page, all slots going in together (one layout); the chip is
 * drawn in its slot when the post comes near the viewport and is read. Measured on a 1,000-post feed (BENCHMARKS.md):
 * inserting chips while the user scrolls moves every later post and costs the browser seconds of pre-paint, and
 * drawing all thousand chips at load costs a parse and a shadow tree per post nobody looks at.
 */
import type { Feature, FeatureContext } from './types';
import type { Anchor, PostFacts } from '../platforms/types';
import { attachShadowUi, createHost, type ShadowUi } from '../page/shadow';
import { detectPillar } from '../voice';
import { PILLAR_CHIP_CSS } from '@/components/inpage/PillarPicker';
import { mountChip, type ChipView } from '@/components/inpage/chip';
import { toSeenPost } from '../page/facts';

/** Height of the chip's box in the post (chip 22 px + margins). */
const CHIP_BOX_HEIGHT = 30;
/** Posts whose keyword suggestion is kept. */
const SUGGESTIONS_MAX = 5000;
/** Hosts wait for the page watcher to catch up before going in together, but never longer than this. */
const INSERT_MAX_WAIT_MS = 1000;
/** Drawn chips kept, out of the page, for posts whose element the page dropped (see `parked`). */
const PARKED_MAX = 400;

/** A post's place in the page: reserved when the post appears, filled with its chip once the post is read. */
interface Slot {
  host: HTMLElement;
  /** The shadow root, attached when the chip is first drawn. */
  ui: ShadowUi | null;
  chip: ChipView | null;
  /** The post this slot shows, once read. */
  key: string | null;
  facts: PostFacts | null;
}

export const pillarTag: Feature = {
  id: 'pillar-tag',
  setting: 'pillarTags',
  init(ctx: FeatureContext) {
    const { signal, adapter } = ctx;
    const { tags } = ctx;
    const slots = new Map<Element, Slot>();
    /** key → its post elements, so a tag change re-renders only that post's chips. */
    const byKey = new Map<string, Set<Element>>();
    /**
     * Keyword suggestion per post, computed once per text and strategy: a virtualised feed mounts a new element each
     * time a post scrolls back into view. Forgotten wholesale past SUGGESTIONS_MAX posts.
     */
    const suggestions = new Map<string, { text: string; pillars: unknown; id: string | null }>();
    /**
     * key → the drawn slot of a post whose element the page dropped, oldest first. A virtualised feed unmounts a post's
     * cell once it is a screen or two away and mounts a new one when the user scrolls back: that post gets its chip
     * back, moved into the new cell, instead of a new host, shadow root and chip (BENCHMARKS.md, feed-virtual).
     */
    const parked = new Map<string, Slot>();

    tags.onChange((keys) => {
      for (const key of keys) for (const el of byKey.get(key) ?? []) if (!toDraw.has(el)) renderChip(el); // the others are drawn soon, tag and all
    }, signal);

    const renderChip = (el: Element) => {
      const slot = slots.get(el);
      if (!slot?.key || !slot.facts) return;
      const { key, facts: f } = slot;
      const { strategy } = ctx.context.get();
      const tagged = tags.get(key) ?? null;
      let s = suggestions.get(key);
      if (!s || s.text !== f.text || s.pillars !== strategy.pillars) {
        s = { text: f.text, pillars: strategy.pillars, id: detectPillar(f.text, strategy.pillars) };
        if (suggestions.size >= SUGGESTIONS_MAX) suggestions.clear();
        suggestions.set(key, s);
      }
      const suggested = tagged ? null : s.id;
      const ui = (slot.ui ??= attachShadowUi(slot.host, PILLAR_CHIP_CSS));
      (slot.chip ??= mountChip(ui.mount)).update(
        { pillars: strategy.pillars, tagged, suggested },
        {
          onOpenChange: (open) => {
            // Above the following posts only while the picker is open: a thousand stacked hosts cost paint time.
            ui.host.style.position = open ? 'relative' : '';
            ui.host.style.zIndex = open ? '2147483000' : '';
          },
          onTag: (pillarId, source) => {
            tags.set(key, pillarId); // optimistic; the broadcast confirms
            ctx.send({ type: 'setTag', post: toSeenPost(completed(el, f)), pillarId, source }).catch((e) => {
              console.warn('[Brandline] tag not saved:', e);
              tags.set(key, tagged);
            });
          },
        },
      );
    };

    /** The watcher's light reading of a post, with what it left out (the author's name), for storing the post. */
    const completed = (el: Element, f: PostFacts): PostFacts => {
      if (!f.partial || !adapter.complete || !el.isConnected) return f;
      try {
        return adapter.complete(el, ctx.doc, f);
      } catch {
        return f;
      }
    };

    /** Forget which post a slot shows (a recycled cell, or the slot is going away). */
    const unkey = (el: Element, slot: Slot) => {
      if (!slot.key) return;
      const set = byKey.get(slot.key);
      set?.delete(el);
      if (set && !set.size) byKey.delete(slot.key);
      slot.key = null;
    };
    /** Take a post element's slot out of every record (the slot itself is left as it is). */
    const forget = (el: Element, slot: Slot) => {
      unkey(el, slot);
      slots.delete(el);
      toInsert.delete(el);
      toDraw.delete(el);
    };
    const drop = (el: Element) => {
      const slot = slots.get(el);
      if (!slot) return;
      slot.chip?.destroy();
      slot.host.remove();
      forget(el, slot);
    };
    /** The slot is in its post, or queued to go in. */
    const placed = (el: Element, slot: Slot) => slot.host.isConnected || toInsert.get(el)?.host === slot.host;

    // Slots go into the page together, once the watcher has caught up: every insertion batch moves the posts below it,
    // which on a long feed costs the browser far more than our script. Chips of newly read posts are drawn together
    // too, in the same task, so a stretch of feed costs the page one frame.
    const toInsert = new Map<Element, { host: HTMLElement; anchor: Anchor | null }>();
    const toDraw = new Set<Element>();
    let insertTimer: ReturnType<typeof setTimeout> | undefined;
    let insertQueued = false;
    const scheduleFlush = () => {
      if (insertQueued) return;
      insertQueued = true;
      // When the watcher has caught up with the page (one batch for a whole feed) and the tags of the posts it read
      // have arrived, or after a short wait at most.
      void ctx.watcher
        .idle()
        .then(() => tags.settled())
        .then(flush);
      insertTimer = setTimeout(flush, INSERT_MAX_WAIT_MS);
    };
    const flush = () => {
      clearTimeout(insertTimer);
      insertQueued = false;
      if (signal.aborted) return;
      const batch = [...toInsert];
      toInsert.clear();
      for (const [el, { host, anchor }] of batch) place(el, host, anchor);
      // After a page's worth of slots went in, the chips are drawn in a task of their own: each task stays short.
      if (batch.length > 100) setTimeout(draw, 0);
      else draw();
    };
    /** Put a reserved slot in its post. */
    const place = (el: Element, host: HTMLElement, found: Anchor | null) => {
      if (!el.isConnected || slots.get(el)?.host !== host) return;
      // The anchor found when the slot was reserved, unless the platform has re-rendered the post since.
      const anchor = found && found.el.isConnected && el.contains(found.el) ? found : anchorOf(el);
      if (!anchor) {
        drop(el); // no place for a chip in this markup: leave the post as it is
        return;
      }
      if (anchor.where === 'append') anchor.el.append(host);
      else if (anchor.where === 'prepend') anchor.el.prepend(host);
      else anchor.el.after(host);
    };
    const draw = () => {
      if (signal.aborted) return;
      const els = [...toDraw];
      toDraw.clear();
      for (const el of els) if (el.isConnected) renderChip(el);
    };
    const anchorOf = (el: Element): Anchor | null => {
      try {
        return adapter.anchor(el);
      } catch {
        return null;
      }
    };

    /** The page dropped this post element: keep its drawn chip for the post's next element, out of the old tree. */
    const park = (el: Element) => {
      const slot = slots.get(el);
      const key = slot?.key;
      if (!slot || !key || !slot.chip) return drop(el);
      forget(el, slot);
      slot.chip.close();
      slot.host.remove(); // so the page's dropped cell is not kept alive through it
      parked.get(key)?.chip?.destroy();
      parked.delete(key);
      parked.set(key, slot);
      if (parked.size > PARKED_MAX) {
        const [oldest, old] = parked.entries().next().value!;
        parked.delete(oldest);
        old.chip?.destroy();
      }
    };
    /** A drawn slot of this post that is not in the page any more (its element dropped, or parked), taken back. */
    const unpark = (key: string): Slot | null => {
      for (const old of byKey.get(key) ?? [])
        if (!old.isConnected) {
          const slot = slots.get(old);
          if (!slot?.chip) continue;
          forget(old, slot);
          return slot;
        }
      const slot = parked.get(key);
      if (slot) parked.delete(key);
      return slot ?? null;
    };

    let sinceSweep = 0;
    /**
     * The post's slot, reserved (and queued for insertion) if it has none in the page: `reuse` when given (a parked
     * chip), else a new one.
     */
    const reserve = (el: Element, early = false, reuse: Slot | null = null): Slot => {
      // Virtualised feeds drop post elements: their chips are parked now and then.
      if (++sinceSweep > 200) {
        sinceSweep = 0;
        for (const old of [...slots.keys()]) if (!old.isConnected) park(old);
      }
      const had = slots.get(el);
      if (had && placed(el, had)) return had;
      if (had) drop(el); // the platform re-rendered the post and dropped our slot
      // A fixed-size box, so drawing or re-drawing the chip (a new tag) never changes the post's height. Not `contain`:
      // a thousand layout-contained hosts made the browser's pre-paint step 20× slower on a long feed.
      const slot: Slot = reuse ?? {
        host: createHost('pillar-tag', { hostStyle: `display: block; height: ${CHIP_BOX_HEIGHT}px;` }),
        ui: null,
        chip: null,
        key: null,
        facts: null,
      };
      slots.set(el, slot);
      // A post the page has just mounted on its own (a virtualised feed): its slot goes in now, before the page first
      // measures the cell, instead of with the next batch.
      if (early) place(el, slot.host, null);
      else {
        // The anchor is looked up now, inside the watcher's time budget, so the insertion of a thousand slots is DOM
        // work only.
        toInsert.set(el, { host: slot.host, anchor: anchorOf(el) });
        scheduleFlush();
      }
      return slot;
    };

    // A post the page has just mounted is read right away (`early`): its slot is reserved once it is known which post it
    // is, so that a post coming back into view gets its parked chip.
    ctx.watcher.onCandidate((el, early) => {
      if (!early) reserve(el);
    }, signal);
    ctx.watcher.onUnrecognised(drop, signal);
    ctx.watcher.onPost(({ el, key, facts, early }) => {
      let slot = slots.get(el);
      if (!slot || !placed(el, slot)) slot = reserve(el, early, slot ? null : unpark(key));
      else if (!slot.chip) {
        // A slot reserved before the post was known (a batch of posts): an earlier chip of this post takes its place.
        const back = unpark(key);
        if (back) {
          const pending = toInsert.get(el);
          if (pending) pending.host = back.host;
          else slot.host.replaceWith(back.host);
          slots.set(el, back);
          slot = back;
        }
      }
      slot.facts = facts;
      if (slot.key === key) return; // same post, its content changed (counts): the chip stays as it is
      // A recycled cell now showing another post: its chip switches at once. A post read for the first time: drawn
      // with the others read in the same stretch, once their slots are in and their tags known.
      const recycled = slot.key !== null;
      unkey(el, slot);
      slot.key = key;
      slot.host.setAttribute('data-brandline-post', key);
      let set = byKey.get(key);
      if (!set) byKey.set(key, (set = new Set()));
      set.add(el);
      tags.want(key);
      // A post the page has just mounted on its own is read in the page's task (`early`): when its slot is in place and
      // its tag known, its chip is drawn now, in the frame that first shows the cell. Posts read in a stretch are drawn
      // together after it, in one task: drawn one by one within the watcher's time budget, a stretch spread over several
      // frames, and on a page of a thousand positioned cells every frame that changes paint re-layerizes the page.
      if (recycled || (early && slot.host.isConnected && tags.get(key) !== undefined)) renderChip(el);
      else {
        toDraw.add(el);
        scheduleFlush();
      }
    }, signal);

    // A new strategy (pillars renamed, recoloured, keywords changed) re-renders every chip; rare.
    ctx.context.subscribe(() => {
      for (const el of [...slots.keys()]) {
        if (el.isConnected) renderChip(el);
        else drop(el);
      }
    }, signal);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(insertTimer);
        for (const el of [...slots.keys()]) drop(el);
        for (const slot of parked.values()) slot.chip?.destroy();
        parked.clear();
      },
      { once: true },
    );
  },
};
