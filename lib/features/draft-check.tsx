/**
 * draft-check: while a reply or post is typed in the platform's own composer, underline where it departs from the
 * brand voice and the platform's rules, and fix it in one click without breaking the editor.
 *
 * - One session per composer the watcher reports; its UI (one `data-brandline="draft-check"` host holding the
 *   underline layer and the findings card) exists only while the composer holds text.
 * - The check runs in the keystroke's own task: `input` on the editor plus a MutationObserver scoped to that one
 *   editor (frameworks that cancel the native input — Draft.js, Lexical — update the DOM without an `input` event),
 *   coalesced in one microtask, and only when the text changed. Texts over 5,000 characters wait for an idle frame.
 * - Underlines are measured with Range.getClientRects() (a mirror for textareas) and drawn in the shadow layer;
 *   scrolling (window, capture) and resizing (ResizeObserver on the editor and the card) re-measure in one rAF.
 * - Fixes go through lib/page/editor.ts (the editor's own input pipeline) and are confirmed by reading back; when an
 *   editor refuses, the card offers the fixed text to copy — never a second attempt.
 * - Alt+Shift+B moves focus from the editor to its card (and back); Esc in the card returns to the editor.
 */
import { render } from 'preact';
import type { Feature, FeatureContext } from './types';
import type { ComposerFacts } from '../platforms/types';
import { createShadowUi, type ShadowUi } from '../page/shadow';
import { getSelectionOffsets, isTextControl, mapText, replaceRange, selectRange, type TextMap } from '../page/editor';
import { TextareaMirror, composerBox, contentRects, intersect, pageTheme, placeCard, visibleBox, visibleTextWindow } from '../page/geometry';
import { check, type CheckResult, type Finding } from '../voice';
import { DraftCard, DRAFT_CARD_CSS, INPAGE_TOKENS } from '@/components/inpage/DraftCard';
import { Underlines, UNDERLINES_CSS, type Mark } from '@/components/inpage/Underlines';

/** Above this many characters the check waits for an idle frame instead of running in the keystroke's task. */
export const LONG_TEXT = 5000;
/** Above this many characters only the findings on screen (and a margin around them) are measured and drawn. */
const CULL_TEXT = 1500;
const CULL_MARGIN = 160;
const CSS = INPAGE_TOKENS + UNDERLINES_CSS + DRAFT_CARD_CSS;
const HOST_STYLE = 'position: fixed; left: 0; top: 0; width: 0; height: 0; overflow: visible; z-index: 2147483000; display: block;';
const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

/** Is this the Alt+Shift+B shortcut? (e.code: on macOS Option+Shift+B types a character, the key stays KeyB.) */
export const isCardShortcut = (e: KeyboardEvent) => e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyB';

interface Env {
  ctx: FeatureContext;
  requestMeasure(s: Session): void;
  /** The session's overlay appeared or went away. */
  uiChanged?(s: Session): void;
}

export class Session {
  readonly el: HTMLElement;
  readonly facts: ComposerFacts;
  ui: ShadowUi | null = null;
  private env: Env;
  private mirror: TextareaMirror | null = null;
  private mo: MutationObserver | null = null;
  private ro: ResizeObserver;
  private cardRo: ResizeObserver | null = null;
  private cardEl: HTMLDivElement | null = null;
  private cardSize = { width: 300, height: 180 };
  private queued = false;
  private idle: number | null = null;
  private listeners = new AbortController();
  /** Text last checked, and what the check found. */
  text = '';
  result: CheckResult | null = null;
  private map: TextMap | null = null;
  private marks: Mark[] = [];
  private cardPos: { left: number; top: number } | null = null;
  private collapsed = false;
  private busy: number | null = null;
  private active: number | null = null;
  private failure: { expected: string; copied: boolean } | null = null;
  private rev = 0;
  private focused = false;
  private cardFocused = false;
  /** The caret the user left in the editor (text offsets), to put it back when focus returns from the card. */
  private lastSel: { start: number; end: number } | null = null;
  destroyed = false;

  constructor(facts: ComposerFacts, env: Env) {
    this.el = facts.el;
    this.facts = facts;
    this.env = env;
    const on = { signal: this.listeners.signal } as const;
    this.el.addEventListener('input', () => this.schedule(), on);
    this.el.addEventListener('focus', () => this.onFocus(true), on);
    this.el.addEventListener('blur', () => this.onFocus(false), on);
    this.ro = new ResizeObserver(() => {
      if (!this.el.isConnected) this.destroy();
      else if (this.ui) env.requestMeasure(this);
    });
    this.ro.observe(this.el);
    const doc = this.el.ownerDocument;
    this.focused = doc.activeElement === this.el || this.el.contains(doc.activeElement);
    if (this.focused) this.watchDom(true);
    // A composer that already holds a draft (restored by the platform) is checked at once.
    this.runCheck(true);
  }

  private onFocus(focused: boolean) {
    this.focused = focused;
    if (!focused) this.lastSel = getSelectionOffsets(this.el);
    if (focused) {
      this.watchDom(true);
      this.schedule();
    } else if (!this.text.trim()) this.watchDom(false);
  }

  /** Observe the editor's DOM (only while it is focused or holds text): frameworks that cancel `input` still mutate. */
  private watchDom(on: boolean) {
    if (on && !this.mo && !isTextControl(this.el)) {
      this.mo = new MutationObserver(() => this.schedule());
      this.mo.observe(this.el, { characterData: true, childList: true, subtree: true });
    } else if (!on && this.mo) {
      this.mo.disconnect();
      this.mo = null;
    }
  }

  /** Coalesce every signal of one keystroke into one check, still inside the keystroke's task. */
  schedule() {
    if (this.queued || this.destroyed) return;
    this.queued = true;
    queueMicrotask(() => {
      this.queued = false;
      this.runCheck(false);
    });
  }

  private read(): { text: string; map: TextMap | null } {
    if (isTextControl(this.el)) return { text: this.el.value, map: null };
    const map = mapText(this.el);
    return { text: map.text, map };
  }

  runCheck(force: boolean) {
    if (this.destroyed) return;
    if (!this.el.isConnected) return this.destroy();
    const { text, map } = this.read();
    if (text === this.text && !force && this.result) return;
    if (text.length > LONG_TEXT && !force) {
      // Long drafts: check once the page is idle, not in the keystroke's task.
      this.text = text;
      if (this.idle === null) {
        const win = this.el.ownerDocument.defaultView ?? window;
        const run = () => {
          this.idle = null;
          this.runCheck(true);
        };
        this.idle = typeof win.requestIdleCallback === 'function' ? win.requestIdleCallback(run, { timeout: 300 }) : win.setTimeout(run, 50);
      }
      return;
    }
    this.text = text;
    this.map = map;
    if (!text.trim()) {
      this.result = null;
      if (!this.cardFocused) this.hide();
      if (!this.focused) this.watchDom(false);
      return;
    }
    const { strategy } = this.env.ctx.context.get();
    this.result = check(text, strategy.voice, {
      platform: this.env.ctx.adapter.platform,
      kind: this.facts.kind,
      pillars: strategy.pillars,
      brandName: strategy.brand.name,
    });
    if (this.failure && this.failure.expected === text) this.failure = null;
    this.watchDom(true);
    this.show();
    this.measure();
  }

  private show() {
    if (this.ui) return;
    const ui = createShadowUi('draft-check', CSS, { hostStyle: HOST_STYLE });
    ui.mount.dataset.theme = pageTheme(this.el);
    // A modal <dialog> is in the top layer: the overlay must live inside it to be seen.
    const container = this.el.closest('dialog[open]') ?? this.el.ownerDocument.body;
    container.append(ui.host);
    ui.host.addEventListener('focusin', () => (this.cardFocused = true));
    ui.host.addEventListener('focusout', (e) => {
      if (!ui.host.contains(e.relatedTarget as Node | null) && !ui.root.contains(e.relatedTarget as Node | null)) {
        this.cardFocused = false;
        if (!this.text.trim()) this.hide();
      }
    });
    this.ui = ui;
    this.env.uiChanged?.(this);
    if (isTextControl(this.el)) {
      this.mirror = new TextareaMirror(ui.root);
      this.mirror.sync(this.el);
    }
    this.cardRo = new ResizeObserver(() => {
      if (!this.cardEl) return;
      const w = this.cardEl.offsetWidth;
      const h = this.cardEl.offsetHeight;
      if (w && h && (w !== this.cardSize.width || h !== this.cardSize.height)) {
        this.cardSize = { width: w, height: h };
        this.env.requestMeasure(this);
      }
    });
  }

  hide() {
    if (!this.ui) return;
    render(null, this.ui.mount);
    this.cardRo?.disconnect();
    this.cardRo = null;
    this.cardEl = null;
    this.mirror?.remove();
    this.mirror = null;
    this.ui.remove();
    this.ui = null;
    this.env.uiChanged?.(this);
    this.failure = null;
    this.marks = [];
  }

  /** Read every position (the editor, each finding's rects), then write them in one render. */
  measure() {
    if (!this.ui || !this.result || this.destroyed) return;
    if (!this.el.isConnected) return this.destroy();
    const win = this.el.ownerDocument.defaultView ?? window;
    const vp = { width: win.innerWidth, height: win.innerHeight };
    const box = visibleBox(this.el);
    const onScreen = box.width > 0 && box.height > 0 && box.top < vp.height && box.top + box.height > 0 && box.left < vp.width && box.left + box.width > 0;
    const marks: Mark[] = [];
    if (onScreen) {
      // The DOM may have been re-rendered without a text change (new nodes): map again.
      if (!isTextControl(this.el)) this.map = mapText(this.el);
      else this.mirror?.sync(this.el);
      const ranges = new Map<string, { start: number; end: number; severity: Finding['severity']; indexes: number[] }>();
      this.result.findings.forEach((f, i) => {
        if (f.end <= f.start) return;
        const key = `${f.start}:${f.end}`;
        const r = ranges.get(key);
        if (!r) ranges.set(key, { start: f.start, end: f.end, severity: f.severity, indexes: [i] });
        else {
          r.indexes.push(i);
          if (SEVERITY_RANK[f.severity] < SEVERITY_RANK[r.severity]) r.severity = f.severity;
        }
      });
      let list = [...ranges].map(([key, r]) => ({ key, ...r }));
      const clip = intersect(box, { left: 0, top: 0, width: vp.width, height: vp.height });
      if (this.map && clip && this.text.length > CULL_TEXT) {
        // Long drafts: only what is on screen. Scrolling re-measures, so nothing is missed.
        const w = visibleTextWindow(this.map, clip);
        if (w) list = list.filter((r) => r.end >= w.start - CULL_MARGIN && r.start <= w.end + CULL_MARGIN);
      }
      const rectsList = isTextControl(this.el)
        ? (this.mirror?.rectsMany(this.el, this.text, list, box) ?? [])
        : list.map((r) => (this.map ? contentRects(this.map, r.start, r.end, box) : []));
      list.forEach((r, i) => {
        const rects = rectsList[i] ?? [];
        if (rects.length)
          marks.push({ key: r.key, severity: r.severity, rects, active: this.active !== null && r.indexes.includes(this.active) });
      });
    }
    this.marks = marks;
    this.cardPos = onScreen ? placeCard(box, this.cardSize, vp, composerBox(this.el)) : null;
    this.rev++;
    this.render();
  }

  private render() {
    if (!this.ui || !this.result) return;
    const result = this.result;
    render(
      <>
        <Underlines marks={this.marks} rev={this.rev} />
        <DraftCard
          result={result}
          position={this.cardPos}
          collapsed={this.collapsed}
          busy={this.busy}
          active={this.active}
          failure={this.failure}
          cardRef={(el: HTMLDivElement | null) => {
            if (el === this.cardEl) return;
            if (this.cardEl) this.cardRo?.unobserve(this.cardEl);
            this.cardEl = el;
            if (el) this.cardRo?.observe(el);
          }}
          onToggle={() => {
            this.collapsed = !this.collapsed;
            this.render();
          }}
          onFix={(i) => void this.fix(i)}
          onActive={(i) => {
            if (this.active === i) return;
            this.active = i;
            this.measure();
          }}
          onCopy={() => void this.copyFailure()}
          onDismissFailure={() => {
            this.failure = null;
            this.render();
          }}
          onEscape={() => this.focusEditor()}
        />
      </>,
      this.ui.mount,
    );
  }

  /** Back to the editor with the caret where the user left it (a bare focus() puts Draft.js's caret at the start). */
  focusEditor() {
    const sel = this.lastSel;
    if (sel && !this.destroyed) void selectRange(this.el, sel.start, sel.end);
    else this.el.focus();
  }

  focusCard(): boolean {
    if (!this.cardEl) return false;
    if (this.collapsed) {
      this.collapsed = false;
      this.render();
    }
    this.cardEl.focus();
    return true;
  }

  /** Apply finding i's fix through the editor's own input pipeline, then read the editor back. */
  async fix(i: number): Promise<void> {
    const result = this.result;
    const f = result?.findings[i];
    if (!result || !f?.fix || this.busy !== null) return;
    const checked = this.text;
    let target: Finding | undefined = f;
    const now = this.read().text;
    if (now !== checked) {
      // The draft changed since the card was drawn: find the same finding in the current text.
      this.runCheck(true);
      const want = checked.slice(f.start, f.end);
      target = this.result?.findings.find((g) => g.ruleId === f.ruleId && g.fix && now.slice(g.start, g.end) === want);
      if (!target) return;
    }
    this.busy = i;
    this.failure = null;
    this.render();
    let failed: string | null = null;
    try {
      const res = await replaceRange(this.el, this.facts.editor, target.start, target.end, target.fix!.replacement);
      if (!res.ok) failed = res.expected;
    } catch {
      failed = now.slice(0, target.start) + target.fix!.replacement + now.slice(target.end);
    }
    if (this.destroyed) return;
    this.busy = null;
    this.runCheck(true);
    if (failed !== null) {
      this.failure = { expected: failed, copied: false };
      this.show();
      this.measure();
    }
  }

  private async copyFailure() {
    if (!this.failure || !this.ui) return;
    const text = this.failure.expected;
    let ok = false;
    try {
      await navigator.clipboard.writeText(text);
      ok = true;
    } catch {
      // No clipboard permission in this frame: copy through a temporary field in our own shadow root.
      const ta = this.el.ownerDocument.createElement('textarea');
      ta.value = text;
      ta.setAttribute('style', 'position: fixed; left: -9999px; top: 0; opacity: 0;');
      this.ui.root.append(ta);
      ta.select();
      try {
        ok = this.el.ownerDocument.execCommand('copy');
      } catch {
        ok = false;
      }
      ta.remove();
    }
    if (this.failure) {
      this.failure = { ...this.failure, copied: ok };
      this.render();
    }
  }

  destroy() {
    if (this.destroyed) return;
    this.destroyed = true;
    this.listeners.abort();
    this.ro.disconnect();
    this.watchDom(false);
    if (this.idle !== null) {
      const win = this.el.ownerDocument.defaultView ?? window;
      if (typeof win.cancelIdleCallback === 'function') win.cancelIdleCallback(this.idle);
      win.clearTimeout(this.idle);
    }
    this.hide();
  }
}

export const draftCheck: Feature = {
  id: 'draft-check',
  setting: 'draftCheck',
  init(ctx: FeatureContext) {
    const { signal, doc } = ctx;
    const win = doc.defaultView ?? window;
    const sessions = new Map<HTMLElement, Session>();
    const dirty = new Set<Session>();
    let frame = 0;

    const flush = () => {
      frame = 0;
      const list = [...dirty];
      dirty.clear();
      for (const s of list) if (!s.destroyed) s.measure();
    };
    const requestMeasure = (s: Session) => {
      dirty.add(s);
      if (!frame) frame = win.requestAnimationFrame(flush);
    };
    /**
     * Overlays follow their editors when the page scrolls or resizes. The listeners are there only while an overlay is:
     * a feed page scrolls all the time, and each call into the content script costs the page tens of µs.
     */
    const shown = new Set<Session>();
    let following: AbortController | null = null;
    const remeasureAll = () => {
      for (const s of shown) if (s.ui) requestMeasure(s);
    };
    const uiChanged = (s: Session) => {
      if (s.ui && !s.destroyed) shown.add(s);
      else shown.delete(s);
      if (shown.size && !following && !signal.aborted) {
        following = new AbortController();
        win.addEventListener('scroll', remeasureAll, { capture: true, passive: true, signal: following.signal });
        win.addEventListener('resize', remeasureAll, { passive: true, signal: following.signal });
      } else if (!shown.size && following) {
        following.abort();
        following = null;
      }
    };
    signal.addEventListener('abort', () => following?.abort(), { once: true });
    const env: Env = { ctx, requestMeasure, uiChanged };

    ctx.watcher.onComposer((_el, facts) => {
      const el = facts.el;
      const old = sessions.get(el);
      if (old && !old.destroyed) return;
      sessions.set(el, new Session(facts, env));
      // Forget sessions whose editors are gone.
      for (const [k, s] of sessions) if (s.destroyed || !k.isConnected) sessions.delete(k);
    }, signal);

    // Alt+Shift+B: editor → its card, card → editor.
    doc.addEventListener(
      'keydown',
      (e) => {
        if (!isCardShortcut(e)) return;
        const active = doc.activeElement;
        for (const s of sessions.values()) {
          if (s.destroyed || !s.ui) continue;
          if (active === s.ui.host) {
            s.focusEditor();
          } else if (active && (active === s.el || s.el.contains(active))) {
            if (!s.focusCard()) continue;
          } else continue;
          e.preventDefault();
          e.stopPropagation();
          return;
        }
      },
      { capture: true, signal },
    );

    ctx.context.subscribe(() => {
      for (const s of sessions.values()) if (!s.destroyed) s.runCheck(true);
    }, signal);

    signal.addEventListener(
      'abort',
      () => {
        if (frame) win.cancelAnimationFrame(frame);
        for (const s of sessions.values()) s.destroy();
        sessions.clear();
      },
      { once: true },
    );
  },
};
