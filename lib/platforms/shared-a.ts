/**
 * Small DOM helpers shared by the X, LinkedIn, Facebook, Instagram and Threads adapters.
 * Pure reads: nothing here writes to the page, and nothing throws on odd markup.
 */
import { findCount, parseCount } from '../counts';
import type { CountKey, Counts } from '../strategy/schema';

/** Collapse every run of whitespace (incl. NBSP, U+202F, line breaks) to one space and trim. */
const BLOCK_TAGS = new Set(['DIV', 'P', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'UL', 'OL', 'SECTION', 'ARTICLE']);

export function collapse(s: string | null | undefined): string {
  return (s ?? '').replace(/[\s\u00a0\u202f\u2007\u200b]+/g, ' ').trim();
}

/** The page's locale (`<html lang>`), or undefined when the page does not say. */
export function localeOf(doc: Document | null | undefined): string | undefined {
  const lang = doc?.documentElement?.getAttribute('lang')?.trim();
  return lang ? lang : undefined;
}

/** Elements never read as part of a post's text: controls ("See more"), icons, scripts. */
const TEXT_SKIP = 'button, [role="button"], svg, script, style, noscript, template, input, textarea';

/** Elements textOf reads otherwise than as their text: emoji images, breaks and block boundaries. */
const TEXT_SPECIAL = `img, br, ${[...BLOCK_TAGS].join(', ').toLowerCase()}`;

/** Anything textOf must read node by node, when there is nothing else to skip. */
const TEXT_PROBE = `${TEXT_SKIP}, ${TEXT_SPECIAL}`;

/** An <img> whose alt is an emoji (X and Facebook render emoji as images): read its alt as text. */
function emojiAlt(img: Element): string {
  const alt = img.getAttribute('alt') ?? '';
  return alt && alt.length <= 16 && !/[A-Za-z0-9]/.test(alt) ? alt : '';
}

/**
 * Visible text of `root`, whitespace collapsed. `<br>` and block boundaries become spaces; controls are skipped,
 * and so is anything matching `skip` (e.g. LinkedIn's screen-reader-only `.visually-hidden` duplicates).
 */
export function textOf(root: Element | null | undefined, skip?: string): string {
  if (!root) return '';
  const parts: string[] = [];
  // Most text holds nothing to skip and no emoji, break or block: then it is the root's text, read natively. Walking
  // it node by node from the content script's world costs a wrapper object per node (BENCHMARKS.md, feed).
  const skipSel = skip ? `${TEXT_SKIP}, ${skip}` : TEXT_SKIP;
  try {
    if (!root.querySelector(skip ? `${skipSel}, ${TEXT_SPECIAL}` : TEXT_PROBE)) return collapse(root.textContent);
  } catch {
    return '';
  }
  // The skipped elements found in one native query, not a selector match per element (a post is read in the time a
  // user scrolls past it; BENCHMARKS.md, feed).
  const skipped = new Set(root.querySelectorAll(skipSel));
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      parts.push(node.nodeValue ?? '');
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (skipped.size && skipped.has(el)) return;
    const tag = el.tagName;
    if (tag === 'BR') {
      parts.push(' ');
      return;
    }
    if (tag === 'IMG') {
      parts.push(emojiAlt(el));
      return;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) parts.push(' ');
    for (let c = el.firstChild; c; c = c.nextSibling) walk(c);
    if (block) parts.push(' ');
  };
  try {
    walk(root);
  } catch {
    return '';
  }
  return collapse(parts.join(''));
}

const SEE_MORE_WORDS = 'see more|show more|more|mehr anzeigen|mehr|ver mais|ver más|voir plus|afficher la suite|altro';
const SEE_MORE_CONTROL = new RegExp(`^(?:…|\\.\\.\\.)?\\s*(?:${SEE_MORE_WORDS})$`, 'i');
const SEE_MORE_TAIL = new RegExp(`\\s*(?:…|\\.\\.\\.)\\s*(?:${SEE_MORE_WORDS})\\s*$`, 'i');

/** Remove a "… see more" tail rendered as plain text (an ellipsis followed by the word). */
export function stripSeeMore(text: string): string {
  return collapse(text.replace(SEE_MORE_TAIL, ''));
}

/**
 * A post's visible text: textOf, without a "see more" tail. When the element holds a "See more" control (skipped
 * by textOf), the ellipsis the platform put before it goes too; an ellipsis the author typed stays.
 */
export function postText(el: Element | null | undefined, skip?: string): string {
  const t = stripSeeMore(textOf(el, skip));
  if (!el) return t;
  const truncated = Array.from(el.querySelectorAll('button, [role="button"]')).some((b) => SEE_MORE_CONTROL.test(collapse(b.textContent)));
  return truncated ? collapse(t.replace(/\s*(?:…|\.\.\.)\s*$/, '')) : t;
}

/**
 * The elements under `root` matching `sel` that do not sit inside a nested region (`boundary`) below root,
 * e.g. a quoted post inside a post, or a reply inside a comment.
 */
export function queryOwn(root: Element, sel: string, boundary: string): Element[] {
  let all: NodeListOf<Element>;
  try {
    all = root.querySelectorAll(sel);
  } catch {
    return [];
  }
  if (!all.length) return [];
  const nested = regionsIn(root, boundary);
  // Usually there is no nested region at all (no quoted post): every match is the root's own.
  if (!nested.length) return Array.from(all);
  return Array.from(all).filter((el) => !inAny(nested, el));
}

export function firstOwn(root: Element, sel: string, boundary: string): Element | null {
  let first: Element | null;
  try {
    first = root.querySelector(sel);
  } catch {
    return null;
  }
  if (!first) return null;
  // Usually the first match has no nested region around it below root: one walk up from it tells, without listing the
  // regions of the whole post.
  let region: Element | null;
  try {
    region = first.closest(boundary);
  } catch {
    return first; // a boundary this engine does not understand: no nested regions (as regionsIn says)
  }
  if (!region || region === root || !root.contains(region)) return first;
  const nested = regionsIn(root, boundary);
  if (!nested.length || !inAny(nested, first)) return first;
  for (const el of Array.from(root.querySelectorAll(sel))) if (!inAny(nested, el)) return el;
  return null;
}

/**
 * The nested regions below root (none when the boundary selector is not valid here). An adapter asks this several
 * times while reading one post, in one synchronous run that never changes the page, so the answer is kept until the
 * current task's microtasks run.
 */
let regionCache = new WeakMap<Element, Map<string, Element[]>>();
let regionCacheClear = false;
function regionsIn(root: Element, boundary: string): Element[] {
  let byBoundary = regionCache.get(root);
  const hit = byBoundary?.get(boundary);
  if (hit) return hit;
  let found: Element[];
  try {
    found = Array.from(root.querySelectorAll(boundary));
  } catch {
    found = [];
  }
  if (!byBoundary) regionCache.set(root, (byBoundary = new Map()));
  byBoundary.set(boundary, found);
  if (!regionCacheClear) {
    regionCacheClear = true;
    queueMicrotask(() => {
      regionCache = new WeakMap();
      regionCacheClear = false;
    });
  }
  return found;
}

/** Is `el` one of `regions` or inside one? */
function inAny(regions: Element[], el: Element): boolean {
  for (const r of regions) if (r.contains(el)) return true;
  return false;
}

/** Is `el` (a descendant of root) inside an element matching `boundary` that is itself below root? */
export function insideNested(root: Element, el: Element, boundary: string): boolean {
  for (let p: Element | null = el; p && p !== root; p = p.parentElement) {
    try {
      if (p.matches(boundary)) return true;
    } catch {
      return false;
    }
  }
  return false;
}

/** Parse an href against a base; null when it is not a URL. */
export function toUrl(href: string | null | undefined, base: string): URL | null {
  if (!href) return null;
  try {
    return new URL(href, base);
  } catch {
    return null;
  }
}

/** True if `a` comes before `b` in document order. */
export function precedes(a: Node, b: Node): boolean {
  return !!(a.compareDocumentPosition(b) & 4 /* DOCUMENT_POSITION_FOLLOWING */);
}

/** Is the element inside (or itself) a link or a button? Decorations must not go there. */
export function inControl(el: Element): boolean {
  return !!el.closest('a, button, [role="button"], [role="link"]');
}

/** The element as an HTMLElement (duck-typed: content scripts and test DOMs may have another realm's classes). */
export function asHTMLElement(el: Element | null | undefined): HTMLElement | null {
  return el && el.nodeType === 1 && 'style' in el && typeof (el as HTMLElement).focus === 'function'
    ? (el as HTMLElement)
    : null;
}

/** Safe wrapper: run `fn`, return `fallback` if it throws (adapters never throw on odd markup). */
export function safe<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}

/** A count from a full label ("553 Likes. Like", "5 comments on Ann’s post"); null if none. */
export function countFromLabel(label: string | null | undefined, locale?: string): number | null {
  if (!label) return null;
  return safe(() => normalizeCount(findCount(label, locale)), null);
}

/** A count from a displayed number alone ("29.9K", "1.234"); null if it is not one. */
export function countFromText(text: string | null | undefined, locale?: string): number | null {
  const t = collapse(text);
  if (!t) return null;
  return safe(() => normalizeCount(parseCount(t, locale)), null);
}

function normalizeCount(n: number | null | undefined): number | null {
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? Math.round(n) : null;
}

/** Set a count only when it was read and the key is not set yet (first, most exact source wins). */
export function put(counts: Counts, key: CountKey, n: number | null): void {
  if (n === null || counts[key] !== undefined) return;
  counts[key] = n;
}

/**
 * Which count a localized word names ("replies", "Antworten", "comentários", "reposts", "Lesezeichen", "views", …).
 * Covers English, German, French, Spanish, Portuguese and Italian UI words; null when unknown.
 */
export function countKeyOfWord(text: string): CountKey | null {
  const t = text.toLowerCase();
  if (/bookmark|lesezeichen|signet|marcador|guardad|segnalibr|salvament/.test(t)) return 'bookmarks';
  if (/quote|zitat|citation|cita(s)?\b|citaç|citazion/.test(t)) return 'quotes';
  if (/repl|antwort|réponse|respuesta|resposta|rispost|comment|komment|coment|kommentar/.test(t)) return 'replies';
  if (/repost|retweet|reenvío|reenvio|republica|reposté|repartag|condivision|share|geteilt|teilung|partage|compartilhament|compartid|compartida|compartido/.test(t))
    return 'reposts';
  if (/view|angezeigt|aufruf|ansicht|vue|visualiz|reproduc/.test(t)) return 'views';
  if (/like|gefällt|j[’']aime|me gusta|curti|mi piace|reaction|reaktion|réaction|reacción|reaç|reazion/.test(t)) return 'likes';
  return null;
}

/** Decode the byte array LinkedIn puts in `breadcrumb.content.data` (UTF-8). */
export function decodeBytes(data: unknown): string {
  if (!Array.isArray(data)) return '';
  const bytes = data.filter((b): b is number => typeof b === 'number' && b >= 0 && b <= 255);
  try {
    return new TextDecoder('utf-8').decode(Uint8Array.from(bytes));
  } catch {
    let s = '';
    for (const b of bytes) s += String.fromCharCode(b);
    return s;
  }
}
