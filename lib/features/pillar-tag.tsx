/**
 * pillar-tag: a chip on every recognised post (own and others'), near the viewport only, so a long feed
 * costs nothing for posts nobody scrolls to. Tags persist per platform:postId in the background and
 * follow tagChanged broadcasts, so every tab shows the same tag.
 */
import { render } from 'preact';
import type { Feature, FeatureContext } from './types';
import type { PostFacts } from '../platforms/types';
import { createShadowUi, type ShadowUi } from '../page/shadow';
import { createStore } from '../page/store';
import { detectPillar } from '../voice';
import { PillarChip, PILLAR_CHIP_CSS } from '@/components/inpage/PillarChip';
import { toSeenPost } from '../page/facts';

interface Decorated {
  key: string;
  ui: ShadowUi;
}

export const pillarTag: Feature = {
  id: 'pillar-tag',
  setting: 'pillarTags',
  init(ctx: FeatureContext) {
    const { signal, adapter } = ctx;
    const tags = createStore(new Map<string, string>());
    const facts = new WeakMap<Element, { key: string; facts: PostFacts }>();
    const decorated = new Map<Element, Decorated>();
    const wanted = new Set<string>();
    let fetchScheduled = false;

    const fetchTags = () => {
      fetchScheduled = false;
      const keys = [...wanted];
      wanted.clear();
      if (!keys.length || signal.aborted) return;
      ctx
        .send({ type: 'getTags', keys })
        .then((found) => {
          const next = new Map(tags.get());
          for (const k of keys) {
            if (found[k]) next.set(k, found[k]);
          }
          tags.set(next);
        })
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
      const tagged = tags.get().get(f.key) ?? null;
      const suggested = tagged ? null : detectPillar(f.facts.text, strategy.pillars);
      render(
        <PillarChip
          pillars={strategy.pillars}
          tagged={tagged}
          suggested={suggested}
          onTag={(pillarId, source) => {
            const next = new Map(tags.get());
            if (pillarId) next.set(f.key, pillarId);
            else next.delete(f.key);
            tags.set(next); // optimistic; the broadcast confirms
            ctx.send({ type: 'setTag', post: toSeenPost(f.facts), pillarId, source }).catch((e) => {
              console.warn('[Brandline] tag not saved:', e);
              const back = new Map(tags.get());
              if (tagged) back.set(f.key, tagged);
              else back.delete(f.key);
              tags.set(back);
            });
          }}
        />,
        d.ui.mount,
      );
    };

    const decorate = (el: Element) => {
      const f = facts.get(el);
      if (!f || !el.isConnected) return;
      const d = decorated.get(el);
      if (d && d.key === f.key && d.ui.host.isConnected) return;
      if (d) {
        render(null, d.ui.mount);
        d.ui.remove();
      }
      const anchor = adapter.anchor(el);
      const ui = createShadowUi('pillar-tag', PILLAR_CHIP_CSS, {
        postKey: f.key,
        hostStyle: 'display: block; margin: 2px 0;',
      });
      if (anchor.where === 'append') anchor.el.append(ui.host);
      else if (anchor.where === 'prepend') anchor.el.prepend(ui.host);
      else anchor.el.after(ui.host);
      decorated.set(el, { key: f.key, ui });
      wantTag(f.key);
      renderChip(el);
    };

    // Decorate posts when they come within ~2 screens of the viewport.
    const io = new IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          if (!e.isIntersecting) continue;
          io.unobserve(e.target);
          decorate(e.target);
        }
      },
      { rootMargin: '1500px 0px' },
    );

    ctx.watcher.onPost(({ el, key, facts: f, fresh }) => {
      facts.set(el, { key, facts: f });
      const d = decorated.get(el);
      if (d && !fresh && d.ui.host.isConnected) return;
      if (d && fresh) {
        // A recycled cell now shows another post: its old chip must go at once.
        render(null, d.ui.mount);
        d.ui.remove();
        decorated.delete(el);
      }
      if (d && !d.ui.host.isConnected && !fresh) {
        decorate(el); // the platform re-rendered the post and dropped our chip: put it back
        return;
      }
      io.observe(el);
    }, signal);

    const rerenderAll = () => {
      for (const [el, d] of decorated) {
        if (!el.isConnected) {
          render(null, d.ui.mount);
          decorated.delete(el);
          continue;
        }
        renderChip(el);
      }
    };
    tags.subscribe(rerenderAll, signal);
    ctx.context.subscribe(rerenderAll, signal);
    ctx.onBroadcast((m) => {
      if (m.type !== 'tagChanged') return;
      const next = new Map(tags.get());
      if (m.pillarId) next.set(m.key, m.pillarId);
      else next.delete(m.key);
      tags.set(next);
    });

    signal.addEventListener(
      'abort',
      () => {
        io.disconnect();
        for (const d of decorated.values()) {
          render(null, d.ui.mount);
          d.ui.remove();
        }
        decorated.clear();
      },
      { once: true },
    );
  },
};
