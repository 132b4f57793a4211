/**
 * Overlay geometry: where a range of an editor's text is on screen (viewport coordinates), measured without
 * touching the editor's DOM, and where a card goes next to an editor.
 *
 * - contenteditable: one Range per text node the span crosses, `getClientRects()` of each (a Range that spans whole
 *   elements would also report those elements' boxes).
 * - textarea: a mirror <div> in Brandline's own shadow root with the textarea's text metrics; the span is measured
 *   there and shifted by the textarea's position and scroll.
 * Every rect is clipped to the editor's visible box (editors scroll inside themselves).
 */
import type { TextMap } from './editor';
import { isTextControl, pointToOffset, releaseRange, scratchRange } from './editor';

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

const toBox = (r: { left: number; top: number; width: number; height: number }): Box => ({
  left: r.left,
  top: r.top,
  width: r.width,
  height: r.height,
});

/** The editor's visible content box in viewport coordinates (its padding box, inside the borders). */
export function visibleBox(el: HTMLElement): Box {
  const r = el.getBoundingClientRect();
  const cs = el.ownerDocument.defaultView?.getComputedStyle(el);
  const bl = parseFloat(cs?.borderLeftWidth ?? '0') || 0;
  const bt = parseFloat(cs?.borderTopWidth ?? '0') || 0;
  const br = parseFloat(cs?.borderRightWidth ?? '0') || 0;
  const bb = parseFloat(cs?.borderBottomWidth ?? '0') || 0;
  return { left: r.left + bl, top: r.top + bt, width: Math.max(0, r.width - bl - br), height: Math.max(0, r.height - bt - bb) };
}

export function intersect(a: Box, b: Box): Box | null {
  const left = Math.max(a.left, b.left);
  const top = Math.max(a.top, b.top);
  const right = Math.min(a.left + a.width, b.left + b.width);
  const bottom = Math.min(a.top + a.height, b.top + b.height);
  if (right <= left || bottom <= top) return null;
  return { left, top, width: right - left, height: bottom - top };
}

/** Rects of [start, end) of a contenteditable's text. */
export function contentRects(map: TextMap, start: number, end: number, clip: Box | null): Box[] {
  const out: Box[] = [];
  const r = scratchRange(map.root.ownerDocument);
  for (const seg of map.segs) {
    if (seg.type !== 'text' || seg.end <= start) continue;
    if (seg.start >= end) break;
    const a = Math.max(start, seg.start) - seg.start;
    const b = Math.min(end, seg.end) - seg.start;
    if (b <= a) continue;
    r.setStart(seg.node, a);
    r.setEnd(seg.node, b);
    for (const rect of Array.from(r.getClientRects())) {
      if (rect.width <= 0.5 || rect.height <= 0) continue;
      const box = clip ? intersect(toBox(rect), clip) : toBox(rect);
      if (box) out.push(box);
    }
  }
  releaseRange(r);
  return mergeLineRects(out);
}

/** Rects on the same line that touch (one per styled span) become one. */
function mergeLineRects(rects: Box[]): Box[] {
  const out: Box[] = [];
  for (const r of rects) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.top - r.top) < 1 && Math.abs(last.height - r.height) < 1 && r.left - (last.left + last.width) < 1.5 && r.left >= last.left) {
      last.width = Math.max(last.width, r.left + r.width - last.left);
    } else out.push({ ...r });
  }
  return out;
}

const MIRRORED = [
  'boxSizing', 'width', 'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth', 'borderStyle',
  'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft', 'fontStyle', 'fontVariant', 'fontWeight', 'fontStretch',
  'fontSize', 'fontSizeAdjust', 'lineHeight', 'fontFamily', 'fontFeatureSettings', 'fontKerning', 'textAlign',
  'textTransform', 'textIndent', 'letterSpacing', 'wordSpacing', 'tabSize', 'direction', 'writingMode',
] as const;

/**
 * Measures spans of a textarea's text in a hidden mirror that copies its text metrics.
 * The mirror lives in Brandline's own layer, never in the page's DOM around the textarea.
 */
export class TextareaMirror {
  private div: HTMLDivElement;
  private before: Text;
  private mark: HTMLSpanElement;
  private after: Text;

  constructor(container: HTMLElement | ShadowRoot) {
    const doc = container instanceof ShadowRoot ? container.ownerDocument : container.ownerDocument;
    this.div = doc.createElement('div');
    this.div.setAttribute('aria-hidden', 'true');
    this.before = doc.createTextNode('');
    this.mark = doc.createElement('span');
    this.after = doc.createTextNode('');
    this.div.append(this.before, this.mark, this.after);
    container.append(this.div);
  }

  /** Copy the textarea's metrics (call when its size or style may have changed). */
  sync(ta: HTMLTextAreaElement | HTMLInputElement): void {
    const cs = ta.ownerDocument.defaultView!.getComputedStyle(ta);
    const s = this.div.style;
    for (const p of MIRRORED) (s as unknown as Record<string, string>)[p] = cs[p];
    s.position = 'fixed';
    s.top = '0';
    s.left = '-10000px';
    s.visibility = 'hidden';
    s.pointerEvents = 'none';
    s.overflow = 'hidden';
    s.height = 'auto';
    s.whiteSpace = ta instanceof HTMLTextAreaElement ? 'pre-wrap' : 'pre';
    s.overflowWrap = ta instanceof HTMLTextAreaElement ? 'break-word' : 'normal';
    s.borderColor = 'transparent';
    // A textarea's content box excludes its scrollbar; so does the mirror when it is narrower by that much.
    if (ta instanceof HTMLTextAreaElement) {
      const scrollbar = ta.offsetWidth - ta.clientWidth - (parseFloat(cs.borderLeftWidth) || 0) - (parseFloat(cs.borderRightWidth) || 0);
      if (scrollbar > 0) s.width = `${parseFloat(cs.width) - scrollbar}px`;
    }
  }

  rects(ta: HTMLTextAreaElement | HTMLInputElement, text: string, start: number, end: number, clip: Box | null): Box[] {
    return this.rectsMany(ta, text, [{ start, end }], clip)[0];
  }

  /**
   * Rects of many ranges with one layout of the mirror: the text is cut at every range boundary into spans, and each
   * range's rects are those of the spans it covers (ranges may overlap).
   */
  rectsMany(ta: HTMLTextAreaElement | HTMLInputElement, text: string, ranges: { start: number; end: number }[], clip: Box | null): Box[][] {
    const cuts = new Set<number>([0, text.length]);
    for (const r of ranges) {
      cuts.add(Math.max(0, Math.min(r.start, text.length)));
      cuts.add(Math.max(0, Math.min(r.end, text.length)));
    }
    const points = [...cuts].sort((a, b) => a - b);
    const doc = this.div.ownerDocument;
    this.div.textContent = '';
    const spans: { start: number; end: number; el: HTMLSpanElement }[] = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const el = doc.createElement('span');
      el.textContent = text.slice(points[i], points[i + 1]);
      this.div.append(el);
      spans.push({ start: points[i], end: points[i + 1], el });
    }
    // A trailing newline needs a character after it to take up a line, as in the textarea.
    this.div.append(doc.createTextNode('\u200b'));
    const base = this.div.getBoundingClientRect();
    const ref = ta.getBoundingClientRect();
    const dx = ref.left - base.left - ta.scrollLeft;
    const dy = ref.top - base.top - ta.scrollTop;
    const spanRects = new Map<HTMLSpanElement, Box[]>();
    const rectsOf = (el: HTMLSpanElement) => {
      let out = spanRects.get(el);
      if (!out) {
        out = [];
        for (const r of Array.from(el.getClientRects())) {
          if (r.width <= 0.5 || r.height <= 0) continue;
          const box = { left: r.left + dx, top: r.top + dy, width: r.width, height: r.height };
          const c = clip ? intersect(box, clip) : box;
          if (c) out.push(c);
        }
        spanRects.set(el, out);
      }
      return out;
    };
    const result = ranges.map((r) => mergeLineRects(spans.filter((s) => s.start >= r.start && s.end <= r.end && s.end > s.start).flatMap((s) => rectsOf(s.el))));
    this.div.textContent = '';
    this.div.append(this.before, this.mark, this.after);
    return result;
  }

  remove(): void {
    this.div.remove();
  }
}

/** Rects of [start, end) of any editor's text, clipped to its visible box. */
export function textRects(
  el: HTMLElement,
  map: TextMap | null,
  text: string,
  start: number,
  end: number,
  mirror: TextareaMirror | null,
): Box[] {
  const clip = visibleBox(el);
  if (isTextControl(el)) return mirror ? mirror.rects(el, text, start, end, clip) : [];
  return map ? contentRects(map, start, end, clip) : [];
}

/**
 * The part of a contenteditable's text that is on screen now (text offsets), from the caret positions at the top-left
 * and bottom-right of its visible box; null when that cannot be told (then everything is measured). Long drafts only
 * measure and draw the findings inside this window (plus a margin); scrolling re-measures.
 */
export function visibleTextWindow(map: TextMap, clip: Box): { start: number; end: number } | null {
  const doc = map.root.ownerDocument as Document & {
    caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?(x: number, y: number): Range | null;
  };
  const at = (x: number, y: number): number | null => {
    let node: Node | null = null;
    let offset = 0;
    if (typeof doc.caretPositionFromPoint === 'function') {
      const p = doc.caretPositionFromPoint(x, y);
      if (p) ({ offsetNode: node, offset } = p);
    } else if (typeof doc.caretRangeFromPoint === 'function') {
      const r = doc.caretRangeFromPoint(x, y);
      if (r) ({ startContainer: node, startOffset: offset } = r);
    }
    return node && map.root.contains(node) ? pointToOffset(map, node, offset) : null;
  };
  const a = at(clip.left + 2, clip.top + 2);
  const b = at(clip.left + clip.width - 2, clip.top + clip.height - 2);
  if (a === null || b === null || b < a) return null;
  return { start: a, end: b };
}

export interface Viewport {
  width: number;
  height: number;
}

/**
 * The box of the composer around an editor: the editor plus its own controls (avatar, toolbar, Post button), found by
 * walking up while each ancestor stays about the editor's size. The card goes beside this box, so it never covers
 * the platform's Post button or toolbar.
 */
export function composerBox(el: HTMLElement): Box {
  const base = el.getBoundingClientRect();
  let box: Box = toBox(base);
  const body = el.ownerDocument.body;
  let n = el.parentElement;
  for (let i = 0; n && n !== body && i < 8; i++, n = n.parentElement) {
    const r = n.getBoundingClientRect();
    if (r.width > Math.max(base.width * 1.6, base.width + 260) || r.height > base.height + 260) break;
    if (r.width > 0 && r.height > 0) box = toBox(r);
  }
  return box;
}

/**
 * Where a card of `size` goes next to a composer: to the right of the composer's box when the viewport has room,
 * else to its left, else below it (or above, when below is off screen). Aligned with the editor's first line and kept
 * inside the viewport.
 */
export function placeCard(
  editor: Box,
  size: { width: number; height: number },
  vp: Viewport,
  region: Box = editor,
  gap = 12,
): { left: number; top: number; side: 'right' | 'left' | 'below' | 'above' } {
  const clampTop = (t: number) => Math.max(8, Math.min(t, vp.height - size.height - 8));
  const clampLeft = (l: number) => Math.max(8, Math.min(l, vp.width - size.width - 8));
  const right = region.left + region.width + gap;
  if (right + size.width <= vp.width - 8) return { left: right, top: clampTop(editor.top), side: 'right' };
  const left = region.left - gap - size.width;
  if (left >= 8) return { left, top: clampTop(editor.top), side: 'left' };
  const below = region.top + region.height + gap;
  const alignRight = clampLeft(region.left + region.width - size.width);
  if (below + size.height <= vp.height - 8) return { left: alignRight, top: below, side: 'below' };
  return { left: alignRight, top: Math.max(8, region.top - gap - size.height), side: 'above' };
}

/**
 * Is the page around this element dark? Platforms have their own dark modes independent of the OS setting, so the
 * first opaque background up the tree decides; the OS preference only when every background is transparent.
 */
export function pageTheme(el: Element): 'light' | 'dark' {
  const win = el.ownerDocument.defaultView;
  if (!win) return 'light';
  for (let n: Element | null = el; n; n = n.parentElement) {
    const rgb = parseColor(win.getComputedStyle(n).backgroundColor);
    if (rgb && rgb[3] > 0.5) return luminance(rgb) < 0.4 ? 'dark' : 'light';
  }
  try {
    return win.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  } catch {
    return 'light';
  }
}

function parseColor(s: string): [number, number, number, number] | null {
  const m = s.match(/rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:[,\s/]+([\d.]+%?))?\s*\)/);
  if (!m) return null;
  let a = m[4] === undefined ? 1 : parseFloat(m[4]);
  if (m[4]?.endsWith('%')) a /= 100;
  return [parseFloat(m[1]), parseFloat(m[2]), parseFloat(m[3]), a];
}

function luminance([r, g, b]: [number, number, number, number]): number {
  const f = (c: number) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
}
