/**
 * The pillar chip (plain DOM) and its picker (Preact) in happy-dom: what each state shows, one-click suggestions, the
 * picker by mouse and keyboard, focus kept on the chip, redraws only when something shown changes, and pillar names
 * rendered as text. The browser tests check the same chip on routed feeds.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountChip, type ChipHandlers, type ChipState } from '@/components/inpage/chip';
import type { Pillar } from '@/lib/strategy/schema';

const pillar = (id: string, name: string, color: string): Pillar => ({
  id,
  name,
  color,
  description: '',
  keywords: [],
  targetShare: 25,
});
const PILLARS = [pillar('trail', 'Trail Tips', '#1a7f5a'), pillar('repair', 'Repair & Reuse', '#b45309'), pillar('community', 'Community', '#2563eb')];

let mount: HTMLElement;
afterEach(() => {
  document.body.replaceChildren();
});

function setup(state: Partial<ChipState> = {}) {
  mount = document.createElement('div');
  document.body.append(mount);
  const handlers = { onTag: vi.fn(), onOpenChange: vi.fn() } satisfies ChipHandlers;
  const chip = mountChip(mount);
  const show = (s: Partial<ChipState> = {}, h: ChipHandlers = handlers) =>
    chip.update({ pillars: PILLARS, tagged: null, suggested: null, ...s }, h);
  show(state);
  return { chip, handlers, show };
}
const buttons = () => [...mount.querySelectorAll<HTMLButtonElement>('button')];
const named = (name: string) =>
  buttons().find((b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name) ?? null;
const list = () => mount.querySelector<HTMLElement>('[role="listbox"]');
const options = () => [...mount.querySelectorAll<HTMLElement>('[role="option"]')];
/** Preact draws state changes (the active option) in a later microtask. */
const tick = () => new Promise<void>((r) => setTimeout(r, 0));
const key = (el: Element, k: string) => el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));

describe('pillar chip', () => {
  it('shows a quiet "+ Tag" on an untagged post with no suggestion', () => {
    setup();
    expect(buttons()).toHaveLength(1);
    const b = named('Tag this post with a pillar')!;
    expect(b.textContent).toBe('+ Tag');
    expect(b.className).toBe('chip untagged');
    expect(b.getAttribute('aria-haspopup')).toBe('listbox');
    expect(b.getAttribute('aria-expanded')).toBe('false');
  });

  it('offers the suggested pillar, which tags with one click', () => {
    const { handlers } = setup({ suggested: 'repair' });
    const s = named('Tag as Repair & Reuse (suggested)')!;
    expect(s.textContent).toBe('Repair & Reuse?');
    expect(s.style.getPropertyValue('--pillar')).toBe('#b45309');
    s.click();
    expect(handlers.onTag).toHaveBeenCalledWith('repair', 'suggestion');
    expect(list()).toBeNull(); // accepting a suggestion does not open the picker
  });

  it('gives every post its own suggestion button, and follows a pillar renamed and recoloured', () => {
    const { handlers, show } = setup({ suggested: 'repair' });
    const first = mount;
    const second = setup({ suggested: 'repair' });
    const a = first.querySelector<HTMLButtonElement>('.suggestion')!;
    const b = mount.querySelector<HTMLButtonElement>('.suggestion')!;
    expect(a).not.toBe(b);
    expect([a, b].map((x) => x.textContent)).toEqual(['Repair & Reuse?', 'Repair & Reuse?']);
    b.click();
    expect(second.handlers.onTag).toHaveBeenCalledWith('repair', 'suggestion');
    expect(handlers.onTag).not.toHaveBeenCalled();
    // Renamed and recoloured: the first post's button shows the new name and colour; a new post's shows them too.
    const renamed = [PILLARS[0], { ...PILLARS[1], name: 'Fix It', color: '#000000' }, PILLARS[2]];
    show({ pillars: renamed, suggested: 'repair' });
    expect(first.querySelector('.suggestion')).toBe(a);
    expect(a.textContent).toBe('Fix It?');
    expect(a.getAttribute('aria-label')).toBe('Tag as Fix It (suggested)');
    expect(a.style.getPropertyValue('--pillar')).toBe('#000000');
    second.show({ pillars: renamed, suggested: 'trail' });
    expect(mount.querySelector('.suggestion')!.textContent).toBe('Trail Tips?');
    const third = setup({ pillars: renamed, suggested: 'repair' });
    expect(mount.querySelector('.suggestion')!.getAttribute('aria-label')).toBe('Tag as Fix It (suggested)');
    expect(third.handlers.onTag).not.toHaveBeenCalled();
  });

  it('shows a tagged post’s pillar in its colour, and no suggestion', () => {
    setup({ tagged: 'community', suggested: 'trail' });
    expect(buttons()).toHaveLength(1);
    const b = buttons()[0];
    expect(b.textContent).toBe('Community');
    expect(b.className).toBe('chip tagged');
    expect(b.style.getPropertyValue('--pillar')).toBe('#2563eb');
    expect(b.title).toBe('Pillar: Community — change or remove');
  });

  it('opens a picker of every pillar, plus "Remove tag" on a tagged post, and changes the tag', () => {
    const { handlers } = setup({ tagged: 'trail' });
    buttons()[0].click();
    expect(handlers.onOpenChange).toHaveBeenLastCalledWith(true);
    expect(buttons()[0].getAttribute('aria-expanded')).toBe('true');
    expect(options().map((o) => o.textContent)).toEqual(['Trail Tips', 'Repair & Reuse', 'Community', 'Remove tag']);
    expect(options()[0].getAttribute('aria-selected')).toBe('true');
    options()[2].click();
    expect(handlers.onTag).toHaveBeenCalledWith('community', 'manual');
    expect(list()).toBeNull();
    expect(handlers.onOpenChange).toHaveBeenLastCalledWith(false);
    expect(document.activeElement).toBe(buttons()[0]);
  });

  it('removes a tag from the picker', () => {
    const { handlers } = setup({ tagged: 'trail' });
    buttons()[0].click();
    options()[3].click();
    expect(handlers.onTag).toHaveBeenCalledWith(null, 'manual');
  });

  it('works from the keyboard: the list takes focus at the current pillar, arrows wrap, Enter chooses', async () => {
    const { handlers } = setup({ suggested: 'repair' });
    named('Tag this post with a pillar')!.click();
    const l = list()!;
    expect(document.activeElement).toBe(l);
    const active = () => list()!.getAttribute('aria-activedescendant');
    expect(active()).toBe('opt-1'); // the suggestion
    key(l, 'ArrowDown');
    await tick();
    expect(active()).toBe('opt-2');
    key(l, 'ArrowDown');
    await tick();
    expect(active()).toBe('opt-0');
    key(l, 'ArrowUp');
    await tick();
    expect(active()).toBe('opt-2');
    key(l, 'Home');
    await tick();
    expect(active()).toBe('opt-0');
    key(l, 'End');
    await tick();
    expect(active()).toBe('opt-2');
    key(l, 'Enter');
    expect(handlers.onTag).toHaveBeenCalledWith('community', 'manual');
    expect(list()).toBeNull();
    expect(document.activeElement).toBe(named('Tag this post with a pillar'));
  });

  it('closes on Escape and on Tab, giving focus back to the chip, without tagging', () => {
    const { handlers } = setup();
    for (const k of ['Escape', 'Tab']) {
      buttons()[0].click();
      expect(list()).not.toBeNull();
      const handled = !key(list()!, k); // dispatchEvent returns false when the default was prevented
      expect(handled).toBe(true);
      expect(list()).toBeNull();
      expect(document.activeElement).toBe(buttons()[0]);
    }
    expect(handlers.onTag).not.toHaveBeenCalled();
  });

  it('closes on a click elsewhere in the page, and toggles on its own button', () => {
    setup();
    buttons()[0].click();
    document.body.dispatchEvent(new Event('pointerdown', { bubbles: true, composed: true }));
    expect(list()).toBeNull();
    buttons()[0].click();
    expect(list()).not.toBeNull();
    buttons()[0].click();
    expect(list()).toBeNull();
  });

  it('keeps focus on the chip when an accepted suggestion’s button goes away', () => {
    const { show } = setup({ suggested: 'trail' });
    const s = named('Tag as Trail Tips (suggested)')!;
    s.focus();
    show({ tagged: 'trail' });
    expect(s.isConnected).toBe(false);
    expect(document.activeElement).toBe(buttons()[0]);
    expect(buttons()[0].textContent).toBe('Trail Tips');
  });

  it('redraws only when what it shows changes, and calls the handlers given last', () => {
    const { show } = setup({ tagged: 'repair' });
    const b = buttons()[0];
    const label = b.lastChild;
    const later = { onTag: vi.fn() };
    show({ tagged: 'repair' }, later); // a count changed: same chip
    expect(buttons()[0]).toBe(b);
    expect(b.lastChild).toBe(label);
    b.click();
    options()[1].click();
    expect(later.onTag).toHaveBeenCalledWith('repair', 'manual');
    show({ tagged: null }, later); // untagged elsewhere: the colour goes too
    expect(b.textContent).toBe('+ Tag');
    expect(b.style.getPropertyValue('--pillar')).toBe('');
  });

  it('follows a tag that changes while the picker is open', () => {
    const { show } = setup({ tagged: 'trail' });
    buttons()[0].click();
    show({ tagged: 'community' });
    expect(options().find((o) => o.getAttribute('aria-selected') === 'true')?.textContent).toBe('Community');
  });

  it('shows nothing when the strategy has no pillars, and comes back when it has', () => {
    const { show } = setup();
    show({ pillars: [] });
    expect(mount.childElementCount).toBe(0);
    show();
    expect(buttons()).toHaveLength(1);
  });

  it('renders a pillar name as text, never as markup', () => {
    const hostile = pillar('x', '<img src=x onerror="alert(1)">', '#000000');
    setup({ pillars: [hostile], tagged: 'x' });
    expect(mount.querySelector('img')).toBeNull();
    expect(buttons()[0].textContent).toBe('<img src=x onerror="alert(1)">');
  });

  it('empties its mount when destroyed, picker included', () => {
    const { chip } = setup();
    buttons()[0].click();
    chip.destroy();
    expect(mount.childElementCount).toBe(0);
  });
});
