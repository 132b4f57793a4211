/**
 * voice-panel: a launcher at the page's bottom-right opening the voice guide, the pillars and the saved replies.
 * A saved reply is filled for the post being answered (ComposerFacts.replyTo and the brand name), checked against
 * the voice, and inserted into the composer the user last typed in — at the caret they left there — through the
 * same editor bridge the draft check's fixes use. Esc closes and focus goes back to where it was.
 */
import { render } from 'preact';
import type { Feature, FeatureContext } from './types';
import type { ComposerFacts } from '../platforms/types';
import { addStyles, createShadowUi, isBrandlineNode } from '../page/shadow';
import { getSelectionOffsets, insertAtCursor, selectRange } from '../page/editor';
import { pageTheme } from '../page/geometry';
import { check, fillTemplate } from '../voice';
import { PLATFORM_LABELS } from '../strategy/constants';
import type { SavedReply } from '../strategy/schema';
import { mountLauncher, VoicePanel, VOICE_LAUNCHER_CSS, VOICE_PANEL_CSS, type InsertTarget } from '@/components/inpage/VoicePanel';

const HOST_STYLE = 'position: fixed; right: 0; bottom: 0; width: 0; height: 0; overflow: visible; z-index: 2147483001; display: block;';

interface Remembered {
  facts: ComposerFacts;
  /** The caret/selection the user left in it (text offsets), or null to insert at the end. */
  sel: { start: number; end: number } | null;
}

export const voicePanel: Feature = {
  id: 'voice-panel',
  setting: 'voicePanel',
  init(ctx: FeatureContext) {
    const { signal, doc, adapter } = ctx;
    const composers = new Map<HTMLElement, ComposerFacts>();
    let last: Remembered | null = null;
    let lastPageFocus: HTMLElement | null = null;
    let returnTo: HTMLElement | null = null;
    let open = false;

    ctx.watcher.onComposer((_el, facts) => {
      composers.set(facts.el, facts);
      for (const k of composers.keys()) if (!k.isConnected) composers.delete(k);
    }, signal);

    const composerOf = (node: EventTarget | null): ComposerFacts | null => {
      if (!(node instanceof Node)) return null;
      for (const [el, f] of composers) if (el === node || el.contains(node)) return f;
      return null;
    };

    // Remember the last composer used and the caret left in it; and the last page element that had focus.
    doc.addEventListener(
      'focusin',
      (e) => {
        const t = e.target as HTMLElement | null;
        if (!t || isBrandlineNode(t)) return;
        lastPageFocus = t;
        const f = composerOf(t);
        if (f) {
          last = { facts: f, sel: null };
          if (open) draw();
        }
      },
      { capture: true, signal },
    );
    doc.addEventListener(
      'focusout',
      (e) => {
        const f = composerOf(e.target);
        if (f) last = { facts: f, sel: getSelectionOffsets(f.el) };
      },
      { capture: true, signal },
    );

    const ui = createShadowUi('voice-panel', VOICE_LAUNCHER_CSS, { hostStyle: HOST_STYLE });
    doc.body.append(ui.host);
    const launcher = mountLauncher(ui.mount, () => setOpen(!open));
    /** Where Preact draws the panel, once a user has opened it. */
    let panelMount: HTMLElement | null = null;

    const target = (): Remembered | null => (last && last.facts.el.isConnected ? last : null);
    const describe = (r: Remembered | null): InsertTarget | null => {
      if (!r) return null;
      const who = r.facts.replyTo;
      const platform = PLATFORM_LABELS[adapter.platform];
      if (r.facts.kind === 'reply' && who?.authorHandle) return { description: `your reply to @${who.authorHandle} on ${platform}` };
      if (r.facts.kind === 'reply' && who?.authorName) return { description: `your reply to ${who.authorName} on ${platform}` };
      return { description: `the ${r.facts.kind === 'reply' ? 'reply' : 'post'} box on ${platform}` };
    };

    const fill = (reply: SavedReply): string => {
      const who = target()?.facts.replyTo;
      return fillTemplate(reply.body, {
        name: who?.authorName || undefined,
        handle: who?.authorHandle || undefined,
        brand: ctx.context.get().strategy.brand.name || undefined,
      });
    };

    const checkText = (text: string) => {
      const { strategy } = ctx.context.get();
      return check(text, strategy.voice, {
        platform: adapter.platform,
        kind: target()?.facts.kind ?? 'reply',
        pillars: strategy.pillars,
        brandName: strategy.brand.name,
      });
    };

    const setOpen = (next: boolean, restoreFocus = true) => {
      if (next === open) return;
      if (next) {
        returnTo = lastPageFocus && lastPageFocus.isConnected ? lastPageFocus : null;
        ui.mount.dataset.theme = pageTheme(doc.body);
      }
      open = next;
      launcher.setOpen(open);
      draw();
      if (!next && restoreFocus) {
        const t = target();
        if (returnTo?.isConnected && t && t.sel && (returnTo === t.facts.el || t.facts.el.contains(returnTo))) {
          // Back into the composer with the caret where the user left it (a bare focus() resets Draft.js's caret).
          void selectRange(t.facts.el, t.sel.start, t.sel.end);
        } else if (returnTo?.isConnected) returnTo.focus({ preventScroll: true });
        else launcher.button.focus();
      }
    };

    const insert = async (text: string): Promise<{ ok: boolean }> => {
      const t = target();
      if (!t) return { ok: false };
      const res = await insertAtCursor(t.facts.el, t.facts.editor, text, t.sel);
      if (res.ok) {
        last = { facts: t.facts, sel: null };
        setOpen(false, false); // the caret is in the editor, after the inserted reply
      }
      return { ok: res.ok };
    };

    const copy = async (text: string): Promise<boolean> => {
      try {
        await navigator.clipboard.writeText(text);
        return true;
      } catch {
        const ta = doc.createElement('textarea');
        ta.value = text;
        ta.setAttribute('style', 'position: fixed; left: -9999px; top: 0; opacity: 0;');
        ui.root.append(ta);
        ta.select();
        let ok = false;
        try {
          ok = doc.execCommand('copy');
        } catch {
          ok = false;
        }
        ta.remove();
        return ok;
      }
    };

    const draw = () => {
      if (signal.aborted) return;
      if (!open && !panelMount) return; // never opened: the launcher alone, no Preact
      if (!panelMount) {
        addStyles(ui.root, VOICE_PANEL_CSS);
        panelMount = doc.createElement('div');
        panelMount.className = 'vp-panel-slot';
        ui.mount.append(panelMount);
      }
      render(
        open ? (
          <VoicePanel
            strategy={ctx.context.get().strategy}
            target={describe(target())}
            onClose={() => setOpen(false)}
            fill={fill}
            checkText={checkText}
            insert={insert}
            copy={copy}
          />
        ) : null,
        panelMount,
      );
    };
    ui.mount.dataset.theme = pageTheme(doc.body);
    draw();
    ctx.context.subscribe(draw, signal);

    signal.addEventListener(
      'abort',
      () => {
        if (panelMount) render(null, panelMount);
        ui.remove();
      },
      { once: true },
    );
  },
};
