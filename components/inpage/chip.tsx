/**
 * The pillar chip on a post, closed: a quiet "Tag" affordance, a one-click keyword suggestion, or the pillar's name
 * and colour. Opening it shows the picker (PillarPicker, Preact), which sets, changes or removes the tag.
 *
 * The closed chip is plain DOM, not a Preact component: a virtualised feed mounts a cell, and so a chip, every few
 * scrolled pixels, and rendering it through Preact's hooks and diff cost about three times the DOM work itself
 * (BENCHMARKS.md, feed-virtual). The picker is drawn only when a user opens it.
 */
import { render } from 'preact';
import type { Pillar } from '@/lib/strategy/schema';
import { CHEVRON_PATH, PillarPicker } from './PillarPicker';

export interface ChipState {
  pillars: Pillar[];
  /** The post's current pillar id, or null. */
  tagged: string | null;
  /** A pillar suggested by keywords, when untagged. */
  suggested: string | null;
}

export interface ChipHandlers {
  onTag(pillarId: string | null, source: 'manual' | 'suggestion'): void;
  /** The picker opened or closed (the host raises itself above the next posts while it is open). */
  onOpenChange?(open: boolean): void;
}

export interface ChipView {
  /** Show this state; the handlers are the ones the chip's buttons call from now on. */
  update(state: ChipState, handlers: ChipHandlers): void;
  /** Close the picker if it is open. */
  close(): void;
  /** Close the picker and empty the mount. */
  destroy(): void;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
/**
 * The chip's parts, built once per document and cloned per chip: one native clone costs less than a dozen element
 * and attribute calls from the content script's world.
 */
const parts = new WeakMap<
  Document,
  { wrap: HTMLElement; dot: HTMLElement; chevron: Element; suggestion: HTMLElement; suggestions: Map<string, HTMLElement> }
>();
const UNTAGGED_LABEL = 'Tag this post with a pillar';
const UNTAGGED_TITLE = 'Tag this post with a content pillar';
const UNTAGGED_TEXT = '+ Tag';
function partsFor(doc: Document) {
  let p = parts.get(doc);
  if (!p) {
    const wrap = doc.createElement('span');
    wrap.className = 'chip-wrap';
    // The toggle as an untagged post without a suggestion shows it (the usual case): such a chip is one clone.
    const toggle = doc.createElement('button');
    toggle.type = 'button';
    toggle.className = 'chip untagged';
    toggle.setAttribute('aria-haspopup', 'listbox');
    toggle.setAttribute('aria-expanded', 'false');
    toggle.setAttribute('aria-label', UNTAGGED_LABEL);
    toggle.title = UNTAGGED_TITLE;
    toggle.append(UNTAGGED_TEXT);
    wrap.append(toggle);
    const dot = doc.createElement('span');
    dot.className = 'dot';
    dot.setAttribute('aria-hidden', 'true');
    const suggestion = doc.createElement('button');
    suggestion.type = 'button';
    suggestion.className = 'chip suggestion';
    suggestion.append(dot.cloneNode(), '');
    const chevron = doc.createElementNS(SVG_NS, 'svg');
    chevron.setAttribute('class', 'icon');
    chevron.setAttribute('viewBox', '0 0 12 12');
    chevron.setAttribute('aria-hidden', 'true');
    const path = doc.createElementNS(SVG_NS, 'path');
    for (const [k, v] of [['d', CHEVRON_PATH], ['fill', 'none'], ['stroke', 'currentColor'], ['stroke-width', '1.6'], ['stroke-linecap', 'round']])
      path.setAttribute(k, v);
    chevron.append(path);
    p = { wrap, dot, chevron, suggestion, suggestions: new Map() };
    parts.set(doc, p);
  }
  return p;
}

/** Make a suggestion button show this pillar. */
function showSuggestion(button: HTMLElement, pillar: Pillar): void {
  button.dataset.pillar = pillar.id;
  button.style.setProperty('--pillar', pillar.color);
  button.title = `Its words match the “${pillar.name}” pillar — click to tag it`;
  button.setAttribute('aria-label', `Tag as ${pillar.name} (suggested)`);
  button.lastChild!.nodeValue = `${pillar.name}?`;
}

/**
 * A suggestion button for this pillar, filled in once and cloned for every post it is suggested on: a feed suggests
 * the same few pillars on post after post.
 */
function suggestionProto(p: ReturnType<typeof partsFor>, pillar: Pillar): HTMLElement {
  const key = `${pillar.id}\u0000${pillar.name}\u0000${pillar.color}`;
  let proto = p.suggestions.get(key);
  if (!proto) {
    if (p.suggestions.size >= 64) p.suggestions.clear(); // pillars renamed and recoloured over a long session
    proto = p.suggestion.cloneNode(true) as HTMLElement;
    showSuggestion(proto, pillar);
    p.suggestions.set(key, proto);
  }
  return proto;
}

/** Draw a chip into `mount` (an element in Brandline's shadow root). */
export function mountChip(mount: HTMLElement): ChipView {
  const doc = mount.ownerDocument;
  const p = partsFor(doc);
  const wrap = p.wrap.cloneNode(true) as HTMLElement;
  const toggle = wrap.firstChild as HTMLButtonElement;
  const dot = () => p.dot.cloneNode() as HTMLElement;
  /** Where Preact draws the picker while it is open (display: contents, so the picker is laid out in the wrap). */
  let pickerSlot: HTMLElement | null = null;
  /** What the toggle shows now: the clone starts as an untagged toggle without a suggestion. */
  let toggleShows: 'tag' | 'chevron' | 'pillar' = 'tag';

  let suggestion: HTMLButtonElement | null = null;
  let state: ChipState = { pillars: [], tagged: null, suggested: null };
  let handlers: ChipHandlers = { onTag: () => {} };
  let drawn = '';
  let open = false;

  const focused = () => (mount.getRootNode() as ShadowRoot | Document).activeElement;

  const drawPicker = () => {
    if (!open) {
      if (pickerSlot) render(null, pickerSlot);
      return;
    }
    if (!pickerSlot) {
      pickerSlot = doc.createElement('span');
      pickerSlot.className = 'picker-slot';
      wrap.append(pickerSlot);
    }
    render(
      <PillarPicker
        pillars={state.pillars}
        tagged={state.tagged}
        suggested={state.suggested}
        button={toggle}
        onChoose={(id) => {
          setOpen(false);
          handlers.onTag(id, 'manual');
          toggle.focus();
        }}
        onClose={(refocus) => {
          setOpen(false);
          if (refocus) toggle.focus();
        }}
      />,
      pickerSlot,
    );
  };

  const setOpen = (next: boolean) => {
    if (next === open) return;
    open = next;
    wrap.className = open ? 'chip-wrap open' : 'chip-wrap';
    toggle.setAttribute('aria-expanded', String(open));
    handlers.onOpenChange?.(open);
    drawPicker();
  };

  // One listener for both buttons.
  wrap.addEventListener('click', (e) => {
    const target = e.target as Element;
    if (target.closest('.suggestion')) {
      const id = suggestion?.dataset.pillar;
      if (id) handlers.onTag(id, 'suggestion');
    } else if (toggle.contains(target)) setOpen(!open);
  });
  // Escape closes the picker wherever focus is inside the chip.
  wrap.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && open) {
      e.preventDefault();
      setOpen(false);
      toggle.focus();
    }
  });

  const draw = () => {
    const { pillars, tagged, suggested } = state;
    const current = pillars.find((p) => p.id === tagged) ?? null;
    const suggest = current ? null : (pillars.find((p) => p.id === suggested) ?? null);
    // Drawn again only when what it shows changes: the page reads a post again on every count it rewrites.
    const sig = pillars.length
      ? `${current ? `t${current.id}\u0000${current.name}\u0000${current.color}` : 'u'}\u0001${suggest ? `${suggest.id}\u0000${suggest.name}\u0000${suggest.color}` : ''}`
      : '';
    if (sig === drawn) return;
    drawn = sig;
    if (!pillars.length) {
      setOpen(false);
      wrap.remove();
      return;
    }
    if (!wrap.isConnected) mount.append(wrap);

    // Only what differs from what the toggle shows is written.
    if (current) {
      if (toggleShows !== 'pillar') {
        toggle.className = 'chip tagged';
        toggle.removeAttribute('aria-label');
        toggleShows = 'pillar';
      }
      toggle.style.setProperty('--pillar', current.color);
      toggle.title = `Pillar: ${current.name} — change or remove`;
      toggle.replaceChildren(dot(), current.name);
    } else {
      if (toggleShows === 'pillar') {
        toggle.className = 'chip untagged';
        toggle.style.removeProperty('--pillar');
        toggle.setAttribute('aria-label', UNTAGGED_LABEL);
        toggle.title = UNTAGGED_TITLE;
      }
      const shows = suggest ? 'chevron' : 'tag';
      if (shows !== toggleShows) {
        toggle.replaceChildren(suggest ? p.chevron.cloneNode(true) : UNTAGGED_TEXT);
        toggleShows = shows;
      }
    }

    if (suggest) {
      if (suggestion) showSuggestion(suggestion, suggest);
      else {
        suggestion = suggestionProto(p, suggest).cloneNode(true) as HTMLButtonElement;
        wrap.prepend(suggestion);
      }
    } else if (suggestion) {
      // Accepting a suggestion removes its button: a keyboard user keeps focus on the chip.
      const hadFocus = focused() === suggestion;
      suggestion.remove();
      suggestion = null;
      if (hadFocus) toggle.focus();
    }
  };

  return {
    update(next, h) {
      state = next;
      handlers = h;
      draw();
      if (open) drawPicker();
    },
    close: () => setOpen(false),
    destroy() {
      open = false;
      if (pickerSlot) render(null, pickerSlot);
      wrap.remove();
      drawn = '';
    },
  };
}
