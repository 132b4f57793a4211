/**
 * voice-panel in happy-dom: the launcher and panel (in-page contract, tabs, search), saved replies filled for the
 * composer last used and checked before insertion, insertion through the editor bridge at the caret left there,
 * Esc and focus return, and page text rendered as text.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { voicePanel } from '@/lib/features/voice-panel';
import type { Adapter, ComposerFacts } from '@/lib/platforms/types';
import type { PageWatcher } from '@/lib/page/watcher';
import { featureContext } from './helpers/features';
import { createStore } from '@/lib/page/store';
import { demoStrategy } from '@/lib/strategy/demo';
import { defaultSettings, type Strategy } from '@/lib/strategy/schema';

const live: AbortController[] = [];

function setup(composers: ComposerFacts[], strategy: Strategy = demoStrategy()) {
  const controller = new AbortController();
  live.push(controller);
  const fns: ((el: HTMLElement, f: ComposerFacts) => void)[] = [];
  const watcher = { onComposer: (fn: (el: HTMLElement, f: ComposerFacts) => void) => fns.push(fn) } as unknown as PageWatcher;
  const context = createStore({ strategy, settings: defaultSettings() });
  const { ctx } = featureContext({ adapter: { platform: 'instagram' } as Adapter, watcher, signal: controller.signal, store: context });
  voicePanel.init(ctx);
  for (const f of composers) fns.forEach((fn) => fn(f.el, f));
  return { controller, context };
}

const host = () => document.querySelector('[data-brandline="voice-panel"]') as HTMLElement;
const $ = <T extends Element = HTMLElement>(sel: string) => host().shadowRoot!.querySelector<T>(sel);
const $$ = <T extends Element = HTMLElement>(sel: string) => [...host().shadowRoot!.querySelectorAll<T>(sel)];
const button = (text: string) => $$<HTMLButtonElement>('button').find((b) => b.textContent?.includes(text))!;
const flush = () => new Promise<void>((r) => setTimeout(r, 0));

function textarea(replyTo: ComposerFacts['replyTo'] = { authorHandle: 'sam.rivera', authorName: 'Sam Rivera' }) {
  document.body.innerHTML = '<article><form><textarea aria-label="Add a comment…"></textarea></form></article><a href="#" id="elsewhere">x</a>';
  const el = document.querySelector('textarea')!;
  return { el, facts: { el, editor: 'textarea' as const, kind: 'reply' as const, replyTo } };
}

beforeEach(() => {
  document.body.innerHTML = '';
});
afterEach(() => {
  live.splice(0).forEach((c) => c.abort());
  document.body.innerHTML = '';
});

describe('voice panel', () => {
  it('adds one voice-panel element holding the launcher; the panel opens on click and shows the voice guide', async () => {
    setup([]);
    expect(document.querySelectorAll('[data-brandline="voice-panel"]')).toHaveLength(1);
    expect($('.vp-panel')).toBeNull();
    const launcher = $<HTMLButtonElement>('.vp-launcher')!;
    expect(launcher.getAttribute('aria-expanded')).toBe('false');
    expect(launcher.getAttribute('aria-label')).toBe('Open the Brandline voice panel: voice guide, pillars, saved replies');
    // Closed, the page carries the launcher alone: the panel's part of the UI and its styles come with the first opening.
    expect($('.vp-panel-slot')).toBeNull();
    const rules = () => host().shadowRoot!.adoptedStyleSheets.flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\n');
    expect(rules()).toContain('.vp-launcher');
    expect(rules()).not.toContain('.vp-panel');
    launcher.click();
    await flush();
    expect($('.vp-panel')!.getAttribute('role')).toBe('dialog');
    expect(rules()).toContain('.vp-panel');
    expect(launcher.getAttribute('aria-expanded')).toBe('true');
    expect(launcher.getAttribute('aria-label')).toBe('Close the Brandline voice panel');
    expect($$('.vp-launcher')).toHaveLength(1);
    // No composer used yet: the voice guide first.
    expect($('[role="tab"][aria-selected="true"]')!.textContent).toBe('Voice');
    const text = $('.vp-panel')!.textContent!;
    expect(text).toContain('Warm, practical and grounded');
    expect(text).toContain('Gear up for EPIC adventures!!!');
    expect(text).toContain('lower-impact');
    expect(text).toContain('100% sustainable');
    expect(text).toContain('Sparingly (up to 2)');
  });

  it('moves between tabs with the arrow keys and lists the pillars with their targets', async () => {
    setup([]);
    $<HTMLButtonElement>('.vp-launcher')!.click();
    await flush();
    const tab = $<HTMLButtonElement>('[role="tab"][aria-selected="true"]')!;
    tab.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    await flush();
    expect($('[role="tab"][aria-selected="true"]')!.textContent).toBe('Pillars');
    const pillars = $$('.vp-pillar').map((p) => [p.querySelector('h4')!.textContent, p.querySelector('.vp-target')!.textContent]);
    expect(pillars).toEqual([
      ['Trail Tips', '35%'],
      ['Repair & Reuse', '25%'],
      ['Community', '25%'],
      ['Gear Drops', '15%'],
    ]);
    $('[role="tab"][aria-selected="true"]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    await flush();
    expect($('[role="tab"][aria-selected="true"]')!.textContent).toContain('Saved replies');
  });

  it('searches saved replies by title, body and tag', async () => {
    setup([]);
    $<HTMLButtonElement>('.vp-launcher')!.click();
    await flush();
    button('Saved replies').click();
    await flush();
    const search = $<HTMLInputElement>('input[type="search"]')!;
    const titles = () => $$('.vp-reply-title').map((t) => t.textContent);
    expect(titles()).toEqual(['Thanks for the kind words', 'Repair request', 'Back in stock?']);
    for (const [q, want] of [
      ['stock', ['Back in stock?']],
      ['REPAIR café', ['Repair request']],
      ['support', ['Repair request', 'Back in stock?']],
      ['nothing like this', []],
    ] as const) {
      search.value = q;
      search.dispatchEvent(new Event('input', { bubbles: true }));
      await flush();
      expect(titles()).toEqual(want);
    }
    expect($('.vp-panel')!.textContent).toContain('No saved reply matches “nothing like this”');
  });

  it('fills a saved reply for the composer last used, checks it, and inserts it at the caret left there', async () => {
    const { el, facts } = textarea();
    setup([facts]);
    el.focus();
    el.value = 'Hello!  See you.';
    el.setSelectionRange(7, 7);
    el.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    $<HTMLButtonElement>('.vp-launcher')!.click();
    await flush();
    // A composer is in use: saved replies first, saying where the reply goes.
    expect($('[role="tab"][aria-selected="true"]')!.textContent).toContain('Saved replies');
    expect($('.vp-target-line')!.textContent).toBe('Goes into your reply to @sam.rivera on Instagram.');
    $$<HTMLButtonElement>('.vp-reply').find((b) => b.textContent!.includes('Thanks for the kind words'))!.click();
    await flush();
    const preview = $('.vp-preview')!.textContent;
    expect(preview).toBe('Thank you, Sam Rivera! That made the whole team smile. See you on the trail. — Fernhill Outdoor');
    expect($('.vp-check .bl-score')!.getAttribute('aria-label')).toBe('Voice score 100 out of 100');
    expect(button('Insert').textContent).toBe('Insert');
    button('Insert').click();
    await flush();
    await vi.waitFor(() => expect(el.value).toBe(`Hello! ${preview} See you.`));
    await vi.waitFor(() => expect($('.vp-panel')).toBeNull());
    expect(el.selectionStart).toBe(7 + preview!.length);
  });

  it('shows an off-brand reply’s score and findings first, and says "Insert anyway"', async () => {
    const s = demoStrategy();
    s.savedReplies.push({ id: 'sr-bad', title: 'Flash sale', body: 'Our customers get CHEAP gear!!! — {brand}', tags: [] });
    const { el, facts } = textarea();
    setup([facts], s);
    el.focus();
    el.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    $<HTMLButtonElement>('.vp-launcher')!.click();
    await flush();
    $$<HTMLButtonElement>('.vp-reply').find((b) => b.textContent!.includes('Flash sale'))!.click();
    await flush();
    const score = Number($('.vp-check .bl-score')!.getAttribute('aria-label')!.match(/\d+/)![0]);
    expect(score).toBeLessThan(100);
    const findings = $$('.vp-findings li').map((l) => l.textContent);
    expect(findings.some((f) => f!.includes('Say "members", not "customers"'))).toBe(true);
    expect(button('Insert anyway')).toBeTruthy();
    button('Insert anyway').click();
    await flush();
    await vi.waitFor(() => expect(el.value).toBe('Our customers get CHEAP gear!!! — Fernhill Outdoor'));
  });

  it('without a composer in use, offers the reply to copy instead of inserting', async () => {
    setup([]);
    const writes: string[] = [];
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: async (t: string) => void writes.push(t) }, configurable: true });
    $<HTMLButtonElement>('.vp-launcher')!.click();
    await flush();
    button('Saved replies').click();
    await flush();
    expect($('.vp-target-line')!.textContent).toBe('Click into a reply box first, then choose a reply.');
    $$<HTMLButtonElement>('.vp-reply')[0].click();
    await flush();
    expect($$('button').some((b) => b.textContent === 'Insert')).toBe(false);
    button('Copy').click();
    await flush();
    await vi.waitFor(() => expect(writes).toEqual(['Thank you, there! That made the whole team smile. See you on the trail. — Fernhill Outdoor']));
  });

  it('Esc closes the panel and gives focus back to the page element that had it', async () => {
    setup([]);
    const link = document.createElement('a');
    link.href = '#';
    link.textContent = 'page link';
    document.body.prepend(link);
    link.focus();
    $<HTMLButtonElement>('.vp-launcher')!.click();
    await flush();
    $('.vp-panel')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await flush();
    expect($('.vp-panel')).toBeNull();
    expect(document.activeElement).toBe(link);
  });

  it('renders the author’s name as text, never as markup', async () => {
    const { el, facts } = textarea({ authorHandle: 'x', authorName: '<img src=x onerror="window.__pwned=1">' });
    setup([facts]);
    el.focus();
    el.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    $<HTMLButtonElement>('.vp-launcher')!.click();
    await flush();
    $$<HTMLButtonElement>('.vp-reply')[0].click();
    await flush();
    expect($('.vp-preview')!.textContent).toContain('<img src=x onerror="window.__pwned=1">');
    expect(host().shadowRoot!.querySelector('img')).toBeNull();
  });

  it('follows strategy changes and removes itself when switched off', async () => {
    const { controller, context } = setup([]);
    $<HTMLButtonElement>('.vp-launcher')!.click();
    await flush();
    const s = demoStrategy();
    s.brand.name = 'Northwind Coffee';
    context.set({ strategy: s, settings: defaultSettings() });
    expect($('#vp-title')!.textContent).toBe('Northwind Coffee');
    controller.abort();
    expect(document.querySelectorAll('[data-brandline="voice-panel"]')).toHaveLength(0);
  });
});
