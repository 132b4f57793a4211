/**
 * draft-check in happy-dom: the in-page contract, when it checks (only on change, in the keystroke's task, long texts
 * later), the card's content, one-click fixes through the editor bridge (confirmed by reading back, never retried),
 * keyboard access, and teardown. Geometry needs a real layout engine: the browser tests cover the underlines.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as voice from '@/lib/voice';
import { draftCheck, LONG_TEXT } from '@/lib/features/draft-check';
import type { Adapter, ComposerFacts, EditorKind } from '@/lib/platforms/types';
import { createStore } from '@/lib/page/store';
import { demoStrategy } from '@/lib/strategy/demo';
import { defaultSettings } from '@/lib/strategy/schema';
import type { PageWatcher } from '@/lib/page/watcher';
import { featureContext } from './helpers/features';

vi.mock('@/lib/voice', async (orig) => {
  const real = await orig<typeof import('@/lib/voice')>();
  return { ...real, check: vi.fn(real.check) };
});
const checkSpy = vi.mocked(voice.check);

const flush = () => new Promise<void>((r) => setTimeout(r, 0));

const live: AbortController[] = [];

function setup(el: HTMLElement, editor: EditorKind, facts: Partial<ComposerFacts> = {}) {
  const controller = new AbortController();
  live.push(controller);
  const composers: ((el: HTMLElement, f: ComposerFacts) => void)[] = [];
  const watcher = {
    onComposer: (fn: (el: HTMLElement, f: ComposerFacts) => void) => composers.push(fn),
  } as unknown as PageWatcher;
  const context = createStore({ strategy: demoStrategy(), settings: defaultSettings() });
  const { ctx } = featureContext({ adapter: { platform: 'x' } as Adapter, watcher, signal: controller.signal, store: context });
  draftCheck.init(ctx);
  const f: ComposerFacts = { el, editor, kind: 'reply', replyTo: null, ...facts };
  composers.forEach((fn) => fn(el, f));
  return { controller, context };
}

const hosts = () => document.querySelectorAll('[data-brandline="draft-check"]');
const shadow = () => (hosts()[0] as HTMLElement | undefined)?.shadowRoot ?? null;
const card = () => shadow()?.querySelector('.bl-card') as HTMLElement | null;

function typeInto(ta: HTMLTextAreaElement, text: string) {
  ta.value = text;
  ta.dispatchEvent(new Event('input', { bubbles: true }));
}

beforeEach(() => {
  document.body.innerHTML = '';
  checkSpy.mockClear();
  // happy-dom has no layout: give every element the box of an editor in the middle of the viewport.
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue(new DOMRect(200, 200, 500, 80));
});
afterEach(() => {
  live.splice(0).forEach((c) => c.abort());
  document.body.innerHTML = '';
});

describe('draft-check', () => {
  it('adds nothing to the page until the composer holds text, then one draft-check host', async () => {
    document.body.innerHTML = '<form><textarea aria-label="Post your reply"></textarea></form>';
    const ta = document.querySelector('textarea')!;
    setup(ta, 'textarea');
    await flush();
    expect(hosts()).toHaveLength(0);
    typeInto(ta, 'Our customers get cheap gear!!!');
    await flush();
    expect(hosts()).toHaveLength(1);
    // The editor's own DOM is untouched: the host lives outside it.
    expect(ta.parentElement!.querySelectorAll('[data-brandline]')).toHaveLength(0);
    expect(ta.value).toBe('Our customers get cheap gear!!!');
    typeInto(ta, 'More text, one host');
    await flush();
    expect(hosts()).toHaveLength(1);
  });

  it('shows the score, every finding and its fix button', async () => {
    document.body.innerHTML = '<textarea></textarea>';
    const ta = document.querySelector('textarea')!;
    setup(ta, 'textarea');
    typeInto(ta, 'Our customers get cheap gear!!!');
    await flush();
    const c = card()!;
    expect(c).not.toBeNull();
    expect(c.getAttribute('tabindex')).toBe('0');
    const expected = voice.check('Our customers get cheap gear!!!', demoStrategy().voice, { platform: 'x', kind: 'reply', pillars: demoStrategy().pillars, brandName: 'Fernhill Outdoor' });
    expect(c.querySelector('.bl-score')!.getAttribute('aria-label')).toBe(`Voice score ${expected.score} out of 100`);
    const messages = [...c.querySelectorAll('.bl-msg')].map((m) => m.textContent);
    expect(messages).toEqual(expected.findings.map((f) => f.message));
    const buttons = [...c.querySelectorAll('button.bl-fix')].map((b) => b.textContent);
    expect(buttons).toEqual(['Replace with "members"', 'Replace with "affordable"', 'Use "!"']);
  });

  it('checks in the keystroke task and only when the text changed', async () => {
    document.body.innerHTML = '<textarea></textarea>';
    const ta = document.querySelector('textarea')!;
    setup(ta, 'textarea');
    checkSpy.mockClear();
    typeInto(ta, 'Our customers');
    await Promise.resolve(); // one microtask: no timer, no frame
    await Promise.resolve();
    expect(checkSpy).toHaveBeenCalledTimes(1);
    ta.dispatchEvent(new Event('input', { bubbles: true }));
    ta.dispatchEvent(new Event('input', { bubbles: true }));
    await flush();
    expect(checkSpy).toHaveBeenCalledTimes(1);
    typeInto(ta, 'Our customers!');
    await flush();
    expect(checkSpy).toHaveBeenCalledTimes(2);
  });

  it(`waits for an idle moment on drafts over ${LONG_TEXT} characters`, async () => {
    document.body.innerHTML = '<textarea></textarea>';
    const ta = document.querySelector('textarea')!;
    setup(ta, 'textarea');
    checkSpy.mockClear();
    typeInto(ta, 'word '.repeat(LONG_TEXT / 4));
    await Promise.resolve();
    await Promise.resolve();
    expect(checkSpy).not.toHaveBeenCalled();
    // Several keystrokes before the idle moment still cost one check.
    typeInto(ta, 'word '.repeat(LONG_TEXT / 4) + 'x');
    await new Promise((r) => setTimeout(r, 120));
    expect(checkSpy).toHaveBeenCalledTimes(1);
    expect(card()).not.toBeNull();
  });

  it('applies a fix through the textarea pipeline and re-checks', async () => {
    document.body.innerHTML = '<textarea></textarea>';
    const ta = document.querySelector('textarea')!;
    setup(ta, 'textarea');
    typeInto(ta, 'Our customers get cheap gear!!!');
    await flush();
    const fix = [...card()!.querySelectorAll<HTMLButtonElement>('button.bl-fix')].find((b) => b.textContent === 'Replace with "members"')!;
    fix.click();
    await vi.waitFor(() => expect(ta.value).toBe('Our members get cheap gear!!!'));
    await vi.waitFor(() =>
      expect([...card()!.querySelectorAll('.bl-fix')].map((b) => b.textContent)).toEqual(['Replace with "affordable"', 'Use "!"']),
    );
    expect(ta.selectionStart).toBe('Our members'.length);
  });

  it('applies a fix to the same words when the draft changed after the card was drawn', async () => {
    document.body.innerHTML = '<textarea></textarea>';
    const ta = document.querySelector('textarea')!;
    setup(ta, 'textarea');
    typeInto(ta, 'Our customers get cheap gear');
    await flush();
    const fix = [...card()!.querySelectorAll<HTMLButtonElement>('button.bl-fix')].find((b) => b.textContent === 'Replace with "affordable"')!;
    ta.value = 'Hey! Our customers get cheap gear'; // changed without an input event reaching us yet
    fix.click();
    await vi.waitFor(() => expect(ta.value).toBe('Hey! Our customers get affordable gear'));
  });

  it('applies a fix to a Draft.js editor with one paste event over the finding, and confirms it by reading back', async () => {
    document.body.innerHTML =
      '<div class="DraftEditor-root"><div contenteditable="true" role="textbox" data-testid="tweetTextarea_0"><div data-contents="true"><div data-block="true"><div class="public-DraftStyleDefault-block"><span><span data-text="true">Our customers get cheap gear</span></span></div></div></div></div></div>';
    const el = document.querySelector<HTMLElement>('[contenteditable]')!;
    const pastes: { text: string; selected: string }[] = [];
    // A stand-in for Draft.js's paste handler: replaces the selection with the pasted text.
    el.addEventListener('paste', (e) => {
      e.preventDefault();
      const text = (e as ClipboardEvent).clipboardData!.getData('text/plain');
      const sel = document.getSelection()!;
      const r = sel.getRangeAt(0);
      pastes.push({ text, selected: r.toString() });
      r.deleteContents();
      r.insertNode(document.createTextNode(text));
      el.normalize();
    });
    setup(el, 'draft');
    el.focus();
    el.dispatchEvent(new Event('input', { bubbles: true }));
    await flush();
    const fix = [...card()!.querySelectorAll<HTMLButtonElement>('button.bl-fix')].find((b) => b.textContent === 'Replace with "affordable"')!;
    fix.click();
    await vi.waitFor(() => expect(el.textContent).toBe('Our customers get affordable gear'));
    expect(pastes).toEqual([{ text: 'affordable', selected: 'cheap' }]);
    await vi.waitFor(() => expect(shadow()!.querySelector('[role="alert"]')).toBeNull());
  });

  it('offers the fixed text to copy, without retrying, when the editor refuses the fix', async () => {
    document.body.innerHTML = '<div contenteditable="true">Our customers get cheap gear</div>';
    const el = document.querySelector<HTMLElement>('[contenteditable]')!;
    let pastes = 0;
    el.addEventListener('paste', (e) => {
      pastes++;
      e.preventDefault(); // and does nothing
    });
    setup(el, 'lexical');
    el.dispatchEvent(new Event('input', { bubbles: true }));
    await flush();
    [...card()!.querySelectorAll<HTMLButtonElement>('button.bl-fix')][0].click();
    const alert = await vi.waitFor(() => {
      const a = shadow()!.querySelector('[role="alert"]');
      expect(a).not.toBeNull();
      return a!;
    });
    expect(alert.textContent).toContain("Couldn't apply the fix in this editor — copy it instead");
    expect(pastes).toBe(1);
    expect(el.textContent).toBe('Our customers get cheap gear');
    const writes: string[] = [];
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: async (t: string) => void writes.push(t) }, configurable: true });
    [...alert.querySelectorAll('button')].find((b) => b.textContent === 'Copy fixed text')!.click();
    await vi.waitFor(() => expect(writes).toEqual(['Our members get cheap gear']));
    await vi.waitFor(() => expect(alert.textContent).toContain('Copied'));
  });

  it('Alt+Shift+B moves focus from the editor to its card, Esc moves it back', async () => {
    document.body.innerHTML = '<textarea></textarea>';
    const ta = document.querySelector('textarea')!;
    setup(ta, 'textarea');
    ta.focus();
    typeInto(ta, 'Our customers get cheap gear');
    await flush();
    const ev = new KeyboardEvent('keydown', { key: 'B', code: 'KeyB', altKey: true, shiftKey: true, bubbles: true, cancelable: true });
    ta.dispatchEvent(ev);
    expect(ev.defaultPrevented).toBe(true);
    expect(shadow()!.activeElement).toBe(card());
    card()!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    expect(document.activeElement).toBe(ta);
  });

  it('re-checks when the strategy changes', async () => {
    document.body.innerHTML = '<textarea></textarea>';
    const ta = document.querySelector('textarea')!;
    const { context } = setup(ta, 'textarea');
    typeInto(ta, 'Our customers get gear');
    await flush();
    expect(card()!.textContent).toContain('Say "members"');
    const s = demoStrategy();
    s.voice.preferredTerms = [];
    context.set({ strategy: s, settings: defaultSettings() });
    expect(card()!.textContent).not.toContain('Say "members"');
  });

  it('hides when the draft is emptied and removes everything when switched off', async () => {
    document.body.innerHTML = '<textarea></textarea>';
    const ta = document.querySelector('textarea')!;
    const { controller } = setup(ta, 'textarea');
    typeInto(ta, 'Our customers get gear');
    await flush();
    expect(hosts()).toHaveLength(1);
    typeInto(ta, '');
    await flush();
    expect(hosts()).toHaveLength(0);
    typeInto(ta, 'cheap');
    await flush();
    expect(hosts()).toHaveLength(1);
    controller.abort();
    expect(hosts()).toHaveLength(0);
    typeInto(ta, 'cheap again');
    await flush();
    expect(hosts()).toHaveLength(0);
  });

  it('follows the page scrolling only while its overlay is shown', async () => {
    document.body.innerHTML = '<textarea></textarea>';
    const ta = document.querySelector('textarea')!;
    const add = vi.spyOn(window, 'addEventListener');
    const scrollListeners = () =>
      add.mock.calls.filter(([type]) => type === 'scroll').map(([, , opts]) => (opts as AddEventListenerOptions).signal!);
    const { controller } = setup(ta, 'textarea');
    await flush();
    // A feed page scrolls all the time: no overlay, no listener.
    expect(scrollListeners()).toHaveLength(0);

    typeInto(ta, 'Our customers get gear');
    await flush();
    expect(scrollListeners()).toHaveLength(1);
    expect(scrollListeners()[0]!.aborted).toBe(false);
    // Scrolling measures the editor again, so the underlines follow it.
    const rect = vi.mocked(HTMLElement.prototype.getBoundingClientRect);
    const before = rect.mock.calls.length;
    window.dispatchEvent(new Event('scroll'));
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    expect(rect.mock.calls.length).toBeGreaterThan(before);

    typeInto(ta, '');
    await flush();
    expect(hosts()).toHaveLength(0);
    expect(scrollListeners()[0]!.aborted).toBe(true);

    // Shown again: one new listener, gone with the feature.
    typeInto(ta, 'cheap');
    await flush();
    expect(scrollListeners()).toHaveLength(2);
    controller.abort();
    expect(scrollListeners()[1]!.aborted).toBe(true);
  });

  it('renders page text as text, never as markup', async () => {
    document.body.innerHTML = '<textarea></textarea>';
    const ta = document.querySelector('textarea')!;
    setup(ta, 'textarea');
    typeInto(ta, 'customers <img src=x onerror="window.__pwned=1"> GUARANTEED');
    await flush();
    expect(shadow()!.querySelector('img')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });
});
