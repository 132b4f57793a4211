/**
 * The pillar picker: the keyboard-accessible list a chip (chip.tsx) opens to set, change or remove a post's tag. Its
 * stylesheet, PILLAR_CHIP_CSS, styles the chip and the picker in the chip's shadow root.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Pillar } from '@/lib/strategy/schema';

export interface PillarPickerProps {
  pillars: Pillar[];
  /** The post's current pillar id, or null. */
  tagged: string | null;
  /** A pillar suggested by keywords, when untagged: the option active at first. */
  suggested: string | null;
  /** The chip's button that opened the picker: the picker is placed under it, and a click on it is not "outside". */
  button: HTMLElement;
  onChoose(pillarId: string | null): void;
  /** Escape, Tab or a click outside: close; refocus = give focus back to the button. */
  onClose(refocus: boolean): void;
}

export function PillarPicker({ pillars, tagged, suggested, button, onChoose, onClose }: PillarPickerProps) {
  const current = pillars.find((p) => p.id === tagged) ?? null;
  const options: { id: string | null; label: string; color?: string; hint?: string }[] = [
    ...pillars.map((p) => ({ id: p.id, label: p.name, color: p.color, hint: p.description })),
    ...(current ? [{ id: null, label: 'Remove tag' }] : []),
  ];
  const [active, setActive] = useState(() => Math.max(0, options.findIndex((o) => o.id === (tagged ?? suggested))));
  const listRef = useRef<HTMLUListElement>(null);
  const at = Math.min(active, options.length - 1);

  // Layout effect: the list has focus before the next key can arrive.
  useLayoutEffect(() => {
    listRef.current?.focus();
    const close = (e: Event) => {
      if (!e.composedPath().some((n) => n === listRef.current || n === button)) onClose(false);
    };
    document.addEventListener('pointerdown', close, true);
    const stopFloating = floatAbovePage(listRef.current, button);
    return () => {
      document.removeEventListener('pointerdown', close, true);
      stopFloating();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onListKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') setActive((at + 1) % options.length);
    else if (e.key === 'ArrowUp') setActive((at - 1 + options.length) % options.length);
    else if (e.key === 'Home') setActive(0);
    else if (e.key === 'End') setActive(options.length - 1);
    else if (e.key === 'Enter' || e.key === ' ') onChoose(options[at].id);
    else if (e.key === 'Escape' || e.key === 'Tab') onClose(true);
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <ul
      ref={listRef}
      popover="manual"
      class="picker"
      role="listbox"
      tabIndex={0}
      aria-label="Content pillars"
      aria-activedescendant={`opt-${at}`}
      onKeyDown={onListKey}
    >
      {options.map((o, i) => (
        <li
          id={`opt-${i}`}
          key={o.id ?? 'remove'}
          role="option"
          aria-selected={o.id === tagged}
          class={`${i === at ? 'active' : ''} ${o.id === null ? 'remove' : ''}`}
          onMouseEnter={() => setActive(i)}
          onClick={() => onChoose(o.id)}
        >
          {o.color && <span class="dot" style={{ '--pillar': o.color }} aria-hidden="true" />}
          <span class="label">{o.label}</span>
          {o.id === tagged && o.id !== null && <Check />}
        </li>
      ))}
    </ul>
  );
}

/**
 * Show the picker in the browser's top layer (a manual popover), placed under its button (above it near the bottom of
 * the window) and following it while the page scrolls. Feeds such as x.com's position every cell with a transform, so
 * a picker inside a cell, whatever its z-index, was drawn under the next post. Where popovers are not supported it
 * stays in the chip, positioned by the stylesheet. Returns the undo.
 */
function floatAbovePage(list: HTMLElement | null, button: HTMLElement | null): () => void {
  if (!list || !button || typeof list.showPopover !== 'function') return () => {};
  try {
    list.showPopover();
  } catch {
    return () => {}; // not connected, or already shown: the stylesheet's placement stands
  }
  list.classList.add('floating');
  let frame = 0;
  const place = () => {
    frame = 0;
    // The whole chip (the button's wrap), as the stylesheet places it; the list's own parent is a display: contents box.
    const b = (button.parentElement ?? button).getBoundingClientRect();
    const h = list.offsetHeight;
    const below = b.bottom + 4;
    const top = below + h > innerHeight && b.top - 4 - h >= 0 ? b.top - 4 - h : below;
    const left = Math.max(4, Math.min(b.left, innerWidth - list.offsetWidth - 4));
    list.style.top = `${top}px`;
    list.style.left = `${left}px`;
  };
  const follow = () => {
    frame ||= requestAnimationFrame(place);
  };
  place();
  addEventListener('scroll', follow, { capture: true, passive: true });
  addEventListener('resize', follow, { passive: true });
  return () => {
    cancelAnimationFrame(frame);
    removeEventListener('scroll', follow, { capture: true });
    removeEventListener('resize', follow);
    try {
      list.hidePopover();
    } catch {
      // already gone with the chip
    }
  };
}

// Icons are SVG, not "▾"/"✓" characters: a glyph the page's fonts lack makes the browser load a fallback font and
// then relayout every text node of the page (measured: a 1.1 s layout on a 1,000-post feed).
export const CHEVRON_PATH = 'M3 4.5 6 7.5 9 4.5';
const CHECK_PATH = 'M2.5 6.5 5 9 9.5 3.5';
function Check() {
  return (
    <svg class="icon check" viewBox="0 0 12 12" aria-hidden="true">
      <path d={CHECK_PATH} fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" />
    </svg>
  );
}

export const PILLAR_CHIP_CSS = `
:host { all: initial; }
.bl-root { font: 500 12px/1.2 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2937; }
.chip-wrap { display: inline-flex; gap: 4px; align-items: center; margin: 4px 0; }
.chip { all: unset; box-sizing: border-box; cursor: pointer; display: inline-flex; align-items: center; gap: 6px;
  height: 22px; padding: 0 9px; border-radius: 11px; font: inherit; white-space: nowrap; }
.chip:focus-visible { outline: 2px solid #2f6f4f; outline-offset: 2px; }
.dot { width: 8px; height: 8px; border-radius: 50%; background: var(--pillar); flex: none; }
.tagged { background: color-mix(in srgb, var(--pillar) 14%, white); color: #111827;
  border: 1px solid color-mix(in srgb, var(--pillar) 45%, white); }
.tagged:hover { background: color-mix(in srgb, var(--pillar) 22%, white); }
.suggestion { border: 1px dashed var(--pillar); color: #374151; background: white; }
.suggestion:hover { background: color-mix(in srgb, var(--pillar) 10%, white); }
.untagged { color: #6b7280; border: 1px solid #d1d5db; background: white; }
.untagged:hover { color: #111827; border-color: #9ca3af; }
.picker { all: unset; position: absolute; z-index: 2147483000; top: 26px; left: 0; min-width: 200px; max-width: 280px;
  list-style: none; margin: 0; padding: 4px; background: white; border: 1px solid #e5e7eb; border-radius: 10px;
  box-shadow: 0 8px 24px rgba(0,0,0,.14); }
/* In the top layer (a popover), placed from the button's position by script. */
.picker.floating { position: fixed; }
.picker:focus-visible { outline: 2px solid #2f6f4f; }
.picker li { display: flex; align-items: center; gap: 8px; padding: 7px 9px; border-radius: 6px; cursor: pointer; color: #111827; }
.picker li.active { background: #f3f4f6; }
.picker li.remove { color: #b91c1c; border-top: 1px solid #f3f4f6; margin-top: 2px; }
.picker .label { flex: 1; }
.picker .check { color: #2f6f4f; }
.picker-slot { display: contents; }
.icon { width: 12px; height: 12px; flex: none; }
/* Positioned only while the picker is open: a positioned box is a paint layer, and a thousand of them made every
   scroll frame's hit test and paint walk a thousand layers (BENCHMARKS.md, feed). */
.chip-wrap.open { position: relative; }
@media (prefers-color-scheme: dark) {
  .bl-root { color: #e5e7eb; }
  .untagged, .suggestion { background: #1f2937; color: #d1d5db; border-color: #4b5563; }
  .tagged { background: color-mix(in srgb, var(--pillar) 30%, #111827); color: #f9fafb; border-color: color-mix(in srgb, var(--pillar) 60%, #111827); }
  .picker { background: #111827; border-color: #374151; }
  .picker li { color: #f3f4f6; }
  .picker li.active { background: #1f2937; }
}
`;
