/**
 * The pillar chip on a post: a quiet "Tag" affordance, a one-click keyword suggestion,
 * or the pillar's name and colour; a keyboard-accessible picker to set, change or remove it.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Pillar } from '@/lib/strategy/schema';

export interface PillarChipProps {
  pillars: Pillar[];
  /** The post's current pillar id, or null. */
  tagged: string | null;
  /** A pillar suggested by keywords, when untagged. */
  suggested: string | null;
  onTag(pillarId: string | null, source: 'manual' | 'suggestion'): void;
  /** The picker opened or closed (the host raises itself above the next posts while it is open). */
  onOpenChange?(open: boolean): void;
}

export function PillarChip({ pillars, tagged, suggested, onTag, onOpenChange }: PillarChipProps) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const current = pillars.find((p) => p.id === tagged) ?? null;
  const suggestion = !current ? (pillars.find((p) => p.id === suggested) ?? null) : null;
  const options: { id: string | null; label: string; color?: string; hint?: string }[] = [
    ...pillars.map((p) => ({ id: p.id, label: p.name, color: p.color, hint: p.description })),
    ...(current ? [{ id: null, label: 'Remove tag' }] : []),
  ];

  // Layout effect: the list has focus before the next key can arrive.
  useLayoutEffect(() => {
    onOpenChange?.(open);
    if (!open) return;
    const i = Math.max(0, options.findIndex((o) => o.id === (tagged ?? suggested)));
    setActive(i);
    listRef.current?.focus();
    const close = (e: Event) => {
      if (!e.composedPath().some((n) => n === listRef.current || n === buttonRef.current)) setOpen(false);
    };
    document.addEventListener('pointerdown', close, true);
    const stopFloating = floatAbovePage(listRef.current, buttonRef.current);
    return () => {
      document.removeEventListener('pointerdown', close, true);
      stopFloating();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const choose = (id: string | null) => {
    setOpen(false);
    onTag(id, 'manual');
    buttonRef.current?.focus();
  };

  const onListKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') setActive((a) => (a + 1) % options.length);
    else if (e.key === 'ArrowUp') setActive((a) => (a - 1 + options.length) % options.length);
    else if (e.key === 'Home') setActive(0);
    else if (e.key === 'End') setActive(options.length - 1);
    else if (e.key === 'Enter' || e.key === ' ') choose(options[active].id);
    else if (e.key === 'Escape' || e.key === 'Tab') {
      setOpen(false);
      buttonRef.current?.focus();
    } else return;
    e.preventDefault();
  };

  if (!pillars.length) return null;

  return (
    <span
      class={open ? 'chip-wrap open' : 'chip-wrap'}
      onKeyDown={(e) => {
        // Escape closes the picker wherever focus is inside the chip.
        if (e.key === 'Escape' && open) {
          e.preventDefault();
          setOpen(false);
          buttonRef.current?.focus();
        }
      }}
    >
      {current ? (
        <button
          ref={buttonRef}
          type="button"
          class="chip tagged"
          style={{ '--pillar': current.color }}
          aria-haspopup="listbox"
          aria-expanded={open}
          title={`Pillar: ${current.name} — change or remove`}
          onClick={() => setOpen(!open)}
        >
          <span class="dot" aria-hidden="true" />
          {current.name}
        </button>
      ) : (
        <>
          {suggestion && (
            <button
              type="button"
              class="chip suggestion"
              style={{ '--pillar': suggestion.color }}
              title={`Its words match the “${suggestion.name}” pillar — click to tag it`}
              aria-label={`Tag as ${suggestion.name} (suggested)`}
              onClick={() => onTag(suggestion.id, 'suggestion')}
            >
              <span class="dot" aria-hidden="true" />
              {suggestion.name}?
            </button>
          )}
          <button
            ref={buttonRef}
            type="button"
            class="chip untagged"
            aria-haspopup="listbox"
            aria-expanded={open}
            aria-label="Tag this post with a pillar"
            title="Tag this post with a content pillar"
            onClick={() => setOpen(!open)}
          >
            {suggestion ? <Chevron /> : '+ Tag'}
          </button>
        </>
      )}
      {open && (
        <ul
          ref={listRef}
          popover="manual"
          class="picker"
          role="listbox"
          tabIndex={0}
          aria-label="Content pillars"
          aria-activedescendant={`opt-${active}`}
          onKeyDown={onListKey}
        >
          {options.map((o, i) => (
            <li
              id={`opt-${i}`}
              key={o.id ?? 'remove'}
              role="option"
              aria-selected={o.id === tagged}
              class={`${i === active ? 'active' : ''} ${o.id === null ? 'remove' : ''}`}
              onMouseEnter={() => setActive(i)}
              onClick={() => choose(o.id)}
            >
              {o.color && <span class="dot" style={{ '--pillar': o.color }} aria-hidden="true" />}
              <span class="label">{o.label}</span>
              {o.id === tagged && o.id !== null && <Check />}
            </li>
          ))}
        </ul>
      )}
    </span>
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
    const b = (list.parentElement ?? button).getBoundingClientRect(); // the whole chip, as the stylesheet places it
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
function Chevron() {
  return (
    <svg class="icon" viewBox="0 0 12 12" aria-hidden="true">
      <path d="M3 4.5 6 7.5 9 4.5" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" />
    </svg>
  );
}
function Check() {
  return (
    <svg class="icon check" viewBox="0 0 12 12" aria-hidden="true">
      <path d="M2.5 6.5 5 9 9.5 3.5" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" />
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
