/**
 * Small DOM helpers shared by the TikTok, YouTube, Bluesky, Mastodon and Reddit adapters.
 * Pure reads: nothing here changes the page, and nothing throws on odd markup.
 */
import type { CountKey, Counts } from '../strategy/schema';
import type { EditorKind } from './types';
import { findCount, parseCount } from '../counts';

/** Text of the first match of one of `selectors` inside `root`, or ''. */
export function q(root: ParentNode | null | undefined, selector: string): Element | null {
  if (!root) return null;
  try {
    return root.querySelector(selector);
  } catch {
    return null;
  }
}

export function qa(root: ParentNode | null | undefined, selector: string): Element[] {
  if (!root) return [];
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}

/** Direct children of `el` that match `selector` (no reliance on :scope support). */
export function children(el: Element | null | undefined, selector: string): Element[] {
  if (!el) return [];
  const out: Element[] = [];
  for (const c of Array.from(el.children)) {
    try {
      if (c.matches(selector)) out.push(c);
    } catch {
      return out;
    }
  }
  return out;
}

export function child(el: Element | null | undefined, selector: string): Element | null {
  return children(el, selector)[0] ?? null;
}

export function closest(el: Element | null | undefined, selector: string): Element | null {
  if (!el) return null;
  try {
    return el.closest(selector);
  } catch {
    return null;
  }
}

export function attr(el: Element | null | undefined, name: string): string {
  return el?.getAttribute(name)?.trim() ?? '';
}

/** Bidi controls (LRM/RLM, embeddings, isolates) that platforms wrap around names: invisible, not text. */
const BIDI = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export const collapse = (s: string | null | undefined): string => (s ?? '').replace(BIDI, '').replace(/\s+/g, ' ').trim();

const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'SVG', 'svg']);
const BLOCK_TAGS = new Set(['P', 'DIV', 'BR', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'TR']);

/**
 * Visible text of an element, whitespace collapsed. Paragraphs and line breaks become spaces; emoji images
 * contribute their alt text; `[hidden]`, scripts and elements matching `skip` are left out.
 */
export function visibleText(el: Element | null | undefined, skip?: string): string {
  if (!el) return '';
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      parts.push(node.nodeValue ?? '');
      return;
    }
    if (node.nodeType !== 1) return;
    const e = node as Element;
    if (SKIP_TAGS.has(e.tagName) || e.hasAttribute('hidden')) return;
    if (skip) {
      try {
        if (e.matches(skip)) return;
      } catch {
        /* a bad skip selector skips nothing */
      }
    }
    if (e.tagName === 'IMG') {
      const alt = e.getAttribute('alt');
      if (alt && /emoji/i.test(e.getAttribute('class') ?? '')) parts.push(alt);
      return;
    }
    const block = BLOCK_TAGS.has(e.tagName);
    if (block) parts.push(' ');
    for (const c of Array.from(e.childNodes)) walk(c);
    if (block) parts.push(' ');
  };
  walk(el);
  return collapse(parts.join(''));
}

/** First non-empty text node directly inside `el` (e.g. a name followed by " · 3d ago" in child spans). */
export function ownText(el: Element | null | undefined): string {
  if (!el) return '';
  for (const n of Array.from(el.childNodes)) {
    if (n.nodeType === 3 && collapse(n.nodeValue)) return collapse(n.nodeValue);
  }
  return '';
}

export function localeOf(doc: Document | null | undefined): string | undefined {
  const lang = doc?.documentElement?.getAttribute('lang')?.trim();
  return lang ? lang : undefined;
}

export function docUrl(doc: Document | null | undefined): URL | null {
  try {
    return doc?.URL ? new URL(doc.URL) : null;
  } catch {
    return null;
  }
}

/** Absolute URL of `href` against `base`, or null. */
export function absUrl(href: string | null | undefined, base: string): URL | null {
  if (!href) return null;
  try {
    return new URL(href, base);
  } catch {
    return null;
  }
}

/** ISO 8601 of a machine-readable time string, or null. */
export function isoTime(s: string | null | undefined): string | null {
  if (!s) return null;
  let v = s.trim();
  // "2024-05-01T12:34:56.789000+0000": trim fractions to ms and give the offset a colon.
  v = v.replace(/(\.\d{3})\d+/, '$1').replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const t = Date.parse(v);
  return Number.isFinite(t) ? new Date(t).toISOString() : null;
}

const valid = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 1e13;

/** An exact number from an accessible label ("Like (12 likes)", "72 likes"), or null. */
export function labelCount(label: string | null | undefined, locale?: string): number | null {
  const l = collapse(label);
  if (!l || /\d\s*\+/.test(l)) return null;
  try {
    const n = findCount(l, locale);
    return valid(n) ? n : null;
  } catch {
    return null;
  }
}

/**
 * One displayed count ("12.3K", "1,2 Mio."), or null. "1+" and similar floors are not counts.
 * Empty text is null: a platform that hides zero shows nothing, and nothing is not read as 0.
 */
export function textCount(text: string | null | undefined, locale?: string): number | null {
  const t = collapse(text);
  if (!t || t.includes('+')) return null;
  try {
    const n = parseCount(t, locale);
    return valid(n) ? n : null;
  } catch {
    return null;
  }
}

/** Put `n` in `counts[key]` when it is a count; the first value set for a key wins. */
export function put(counts: Counts, key: CountKey, n: number | null | undefined): void {
  if (counts[key] === undefined && valid(n)) counts[key] = n;
}

/** A whole number from an attribute like score="1234" / data-score="21427"; negatives and blanks are null. */
export function intAttr(el: Element | null | undefined, name: string): number | null {
  const v = attr(el, name);
  if (!/^\d+$/.test(v)) return null;
  const n = Number(v);
  return valid(n) ? n : null;
}

/** The editor behind an editable, by the markers each framework leaves in the DOM; `fallback` otherwise. */
export function editorKind(el: Element, fallback: EditorKind): EditorKind {
  if (el.tagName === 'TEXTAREA') return 'textarea';
  if (el.getAttribute('data-lexical-editor') === 'true') return 'lexical';
  const cls = el.getAttribute('class') ?? '';
  if (/\bpublic-DraftEditor-content\b/.test(cls) || closest(el, '.DraftEditor-root')) return 'draft';
  if (/\bProseMirror\b/.test(cls)) return 'prosemirror';
  if (/\bql-editor\b/.test(cls)) return 'quill';
  return fallback;
}

/** Run a parser without letting odd markup throw into the caller. */
export function safely<T>(fn: () => T, otherwise: T): T {
  try {
    return fn();
  } catch {
    return otherwise;
  }
}
