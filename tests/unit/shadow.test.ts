/**
 * Brandline's hosts on a page: the public contract (data-brandline, styles the page cannot override), a shadow root of
 * their own, and events inside them kept from the page's listeners.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { attachShadowUi, createHost, type ShadowUi } from '@/lib/page/shadow';

const CSS = '.bl-root { color: rgb(1, 2, 3); }';
const fill = (mount: HTMLElement) => {
  const b = mount.ownerDocument.createElement('button');
  b.textContent = 'Tag';
  mount.append(b);
};
const make = (): ShadowUi => {
  const ui = attachShadowUi(createHost('pillar-tag', { hostStyle: 'display: block;' }), CSS);
  fill(ui.mount);
  return ui;
};

afterEach(() => document.body.replaceChildren());

describe('a Brandline host', () => {
  it('carries the contract and its own content, separate from every other host', () => {
    const [a, b] = [make(), make()];
    document.body.append(a.host, b.host);
    for (const ui of [a, b]) {
      expect(ui.host.getAttribute('data-brandline')).toBe('pillar-tag');
      expect(ui.host.getAttribute('style')).toContain('all: initial');
      expect(ui.host.shadowRoot).toBe(ui.root);
      expect(ui.mount.className).toBe('bl-root');
      expect(ui.mount.parentNode).toBe(ui.root);
      expect(ui.mount.querySelectorAll('button')).toHaveLength(1);
      // Its styles: the shared sheet, or a <style> of its own.
      const css = [...ui.root.adoptedStyleSheets].map((s) => [...s.cssRules].map((r) => r.cssText).join('')).join('') +
        [...ui.root.querySelectorAll('style')].map((s) => s.textContent).join('');
      expect(css).toContain('rgb(1, 2, 3)');
    }
    expect(a.root).not.toBe(b.root);
    a.mount.querySelector('button')!.textContent = 'changed';
    expect(b.mount.querySelector('button')!.textContent).toBe('Tag');
  });

  it('keeps keys and clicks inside it from the page, and lets the page have the rest', () => {
    const ui = make();
    document.body.append(ui.host);
    const page = vi.fn();
    for (const type of ['keydown', 'click', 'pointerdown', 'focusin', 'scroll']) document.body.addEventListener(type, page);
    const inner = vi.fn();
    const button = ui.mount.querySelector('button')!;
    button.addEventListener('click', inner);
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true, composed: true }));
    button.click();
    button.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    expect(inner).toHaveBeenCalledTimes(1); // Brandline's own listener still runs
    expect(page).not.toHaveBeenCalled();
    button.dispatchEvent(new Event('scroll', { bubbles: true, composed: true }));
    expect(page).toHaveBeenCalledTimes(1);
  });
});
