/**
 * The editor bridge: read a platform editor's text, map text offsets to DOM points and back, and change the text
 * only through the editor's own input pipeline, then read it back to confirm.
 *
 * Text model (the same for reading and for mapping, so offsets always agree):
 * - text nodes contribute their characters (U+00A0 read as a space, char for char);
 * - block elements (p, div, li, h1…) are lines: "\n" between consecutive blocks, and between a block and inline
 *   text that follows or precedes it; an empty block (<p><br></p>) is an empty line;
 * - <br> is "\n", except a placeholder break: the last leaf of its block (Draft.js <br data-text>, Quill/Lexical
 *   <p><br></p>, ProseMirror's br.ProseMirror-trailingBreak, Chrome's trailing <br> after a line break);
 * - a textarea's text is its value.
 *
 * Insertion, per editor (see research/platform-dom.md, "Putting text into the platforms' editors"):
 * - textarea (React-controlled): focus, setSelectionRange, execCommand('insertText') (native undo, React sees a
 *   real input event); if the value did not change: setRangeText + a bubbling `input` event.
 * - Draft.js: a synthetic ClipboardEvent('paste') carrying text/plain (execCommand on an empty Draft editor under
 *   React 18 can unmount it, and it drops paragraphs); execCommand only as a fallback when the paste changed nothing
 *   and the editor is not empty.
 * - Lexical, Quill, ProseMirror/TipTap, plain contenteditable: execCommand('insertText') on the selected range
 *   (multi-line text: the paste event first, since execCommand flattens lines in Quill); the other one as the
 *   fallback only when the first changed nothing.
 * Every attempt is followed by a wait for the editor to settle (Lexical lands asynchronously) and a read-back.
 * Never a second attempt after the text changed: that is how other extensions tripled text.
 */
import type { EditorKind } from '../platforms/types';

export type { EditorKind };

// ---------------------------------------------------------------------------------------------------------------
// Reading and mapping

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE',
  'SECTION', 'SUMMARY', 'TABLE', 'TR', 'UL',
]);
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

const isBlock = (n: Node): boolean => n.nodeType === 1 && BLOCK_TAGS.has((n as Element).tagName);

/** One piece of the editor's text and where it lives in the DOM. */
export interface Seg {
  /** Offsets into TextMap.text; end - start is the piece's length (0 for an empty line). */
  start: number;
  end: number;
  /** 'text': a Text node; 'br': a counted <br> ("\n"); 'line': an empty block, its point is (node, 0). */
  type: 'text' | 'br' | 'line';
  node: Node;
}

export interface TextMap {
  root: HTMLElement;
  text: string;
  /** In document order. */
  segs: Seg[];
}

export interface Point {
  node: Node;
  offset: number;
}

const NBSP = /\u00a0/g;

export function isTextControl(el: Element): el is HTMLTextAreaElement | HTMLInputElement {
  return el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement;
}

/** Is this <br> only a placeholder that gives an empty or trailing line its height (not a character)? */
function isPlaceholderBr(br: Element, root: Node): boolean {
  if (br.classList.contains('ProseMirror-trailingBreak')) return true;
  let n: Node = br;
  while (n !== root && !isBlock(n)) {
    for (let s = n.nextSibling; s; s = s.nextSibling) if (hasContent(s)) return false;
    if (!n.parentNode) break;
    n = n.parentNode;
  }
  return true;
}

/** Does this node hold a character or a line (text, a <br>, a block)? */
function hasContent(n: Node): boolean {
  if (n.nodeType === 3) return (n as Text).data.length > 0;
  if (n.nodeType !== 1) return false;
  const el = n as Element;
  if (SKIP_TAGS.has(el.tagName)) return false;
  if (el.tagName === 'BR' || isBlock(el)) return true;
  for (let c = el.firstChild; c; c = c.nextSibling) if (hasContent(c)) return true;
  return false;
}

/** The editor's text and the map from text offsets to DOM nodes (contenteditable editors). */
export function mapText(root: HTMLElement): TextMap {
  const segs: Seg[] = [];
  const parts: string[] = [];
  let len = 0;
  /** The current line has begun (text, a counted br, or an ended block). */
  let lineOpen = false;
  /** A block just ended: inline content that follows starts a new line. */
  let closedBlock = false;

  const emit = (s: string) => {
    parts.push(s);
    len += s.length;
  };
  const breakBeforeInline = () => {
    if (closedBlock) {
      emit('\n');
      closedBlock = false;
    }
  };

  const walk = (node: Node) => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        const data = (c as Text).data;
        if (!data.length) continue;
        breakBeforeInline();
        segs.push({ start: len, end: len + data.length, type: 'text', node: c });
        emit(data.replace(NBSP, ' '));
        lineOpen = true;
        continue;
      }
      if (c.nodeType !== 1) continue;
      const el = c as Element;
      if (SKIP_TAGS.has(el.tagName) || el.hasAttribute('data-brandline')) continue;
      if (el.tagName === 'BR') {
        if (isPlaceholderBr(el, root)) continue;
        breakBeforeInline();
        segs.push({ start: len, end: len + 1, type: 'br', node: el });
        emit('\n');
        lineOpen = false; // the next line has begun, but it is empty so far
        closedBlock = false;
        continue;
      }
      if (isBlock(el)) {
        if (lineOpen || closedBlock) emit('\n');
        lineOpen = false;
        closedBlock = false;
        const before = segs.length;
        const at = len;
        walk(el);
        if (segs.length === before) segs.push({ start: at, end: at, type: 'line', node: el });
        lineOpen = true;
        closedBlock = true;
        continue;
      }
      walk(el);
    }
  };
  walk(root);
  return { root, text: parts.join(''), segs };
}

/** The editor's text as Brandline checks it. */
export function readText(el: HTMLElement, _kind?: EditorKind): string {
  if (isTextControl(el)) return el.value;
  return mapText(el).text;
}

function segStartPoint(seg: Seg): Point {
  if (seg.type === 'br') return { node: seg.node.parentNode!, offset: indexOf(seg.node) };
  return { node: seg.node, offset: 0 };
}
function segEndPoint(seg: Seg): Point {
  if (seg.type === 'text') return { node: seg.node, offset: (seg.node as Text).data.length };
  if (seg.type === 'br') return { node: seg.node.parentNode!, offset: indexOf(seg.node) + 1 };
  return { node: seg.node, offset: 0 };
}
function indexOf(n: Node): number {
  let i = 0;
  for (let s = n.previousSibling; s; s = s.previousSibling) i++;
  return i;
}

/** First index i with segs[i].end >= off (segments are sorted and do not overlap). */
function lowerBound(segs: Seg[], off: number): number {
  let lo = 0;
  let hi = segs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (segs[mid].end < off) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The DOM point of a text offset. `bias` decides ties at the boundary between two nodes:
 * 'forward' (a range's start) picks the later node, 'backward' (a range's end) the earlier one.
 */
export function offsetToPoint(map: TextMap, offset: number, bias: 'forward' | 'backward' = 'forward'): Point {
  const { segs, root } = map;
  const off = Math.max(0, Math.min(offset, map.text.length));
  if (!segs.length) return { node: root, offset: 0 };
  const i = lowerBound(segs, off);
  // Candidates: segments whose span touches off (start <= off <= end).
  let first = -1;
  let last = -1;
  for (let j = i; j < segs.length && segs[j].start <= off; j++) {
    if (segs[j].end >= off) {
      if (first < 0) first = j;
      last = j;
    }
  }
  if (first < 0) {
    // off sits on a line separator (or past the end): end of the previous line / start of the next.
    const prev = i - 1 >= 0 ? segs[i - 1] : null;
    const next = i < segs.length ? segs[i] : null;
    if (bias === 'backward' && prev) return segEndPoint(prev);
    if (next && next.start === off) return segStartPoint(next);
    if (prev && prev.end === off) return segEndPoint(prev);
    if (bias === 'forward' && next) return segStartPoint(next);
    return prev ? segEndPoint(prev) : segStartPoint(next!);
  }
  let pick: number;
  if (bias === 'forward') {
    // The first segment where off is inside or at its start; else the last one ending at off.
    pick = -1;
    for (let j = first; j <= last; j++)
      if (segs[j].start === off || segs[j].end > off) {
        pick = j;
        break;
      }
    if (pick < 0) pick = last;
  } else {
    pick = -1;
    for (let j = last; j >= first; j--)
      if (segs[j].end === off && segs[j].start < off) {
        pick = j;
        break;
      }
    if (pick < 0)
      for (let j = first; j <= last; j++)
        if (segs[j].start < off) pick = j;
    if (pick < 0) pick = first;
  }
  const seg = segs[pick];
  if (seg.type === 'text') return { node: seg.node, offset: off - seg.start };
  if (seg.type === 'br') return off === seg.start ? segStartPoint(seg) : segEndPoint(seg);
  return segStartPoint(seg);
}

/**
 * One reusable Range per document for measuring and comparing. Every Range a page creates stays "live" until it is
 * garbage-collected, and each DOM mutation must update every live Range: creating one per finding per keystroke made
 * node removal (the editor's and our own) the slowest thing on the page. Callers release it when done.
 */
const scratch = new WeakMap<Document, Range>();
export function scratchRange(doc: Document): Range {
  let r = scratch.get(doc);
  if (!r) {
    r = doc.createRange();
    scratch.set(doc, r);
  }
  return r;
}
/** Park the scratch range at the document's start, outside any editor. */
export function releaseRange(r: Range): void {
  try {
    r.setStart(r.startContainer.ownerDocument ?? (r.startContainer as Document), 0);
    r.collapse(true);
  } catch {
    /* detached document */
  }
}

function closestBlock(n: Node, root: Node): Node {
  let x: Node | null = n.nodeType === 1 ? n : n.parentNode;
  while (x && x !== root && !isBlock(x)) x = x.parentNode;
  return x ?? root;
}

/** The text offset of a DOM point inside the editor (e.g. the selection's focus). */
export function pointToOffset(map: TextMap, node: Node, offset: number): number {
  const { segs, root } = map;
  if (!segs.length || !root.contains(node)) return 0;
  if (node.nodeType === 3) {
    const seg = segs.find((s) => s.node === node);
    if (seg) return seg.start + Math.min(offset, seg.end - seg.start);
  }
  const doc = root.ownerDocument;
  const here = scratchRange(doc);
  here.setStart(node, Math.min(offset, node.nodeType === 3 ? (node as Text).data.length : node.childNodes.length));
  here.collapse(true);
  // First segment at or after the point.
  let next = -1;
  for (let j = 0; j < segs.length; j++) {
    const p = segStartPoint(segs[j]);
    let cmp: number;
    try {
      cmp = here.comparePoint(p.node, p.offset);
    } catch {
      continue;
    }
    if (cmp >= 0) {
      next = j;
      break;
    }
  }
  releaseRange(here);
  if (next === 0) return segs[0].start;
  if (next < 0) return segs[segs.length - 1].end;
  const prev = segs[next - 1];
  const nxt = segs[next];
  if (prev.end === nxt.start) return nxt.start;
  // A line separator lies between: which line is the point on?
  return closestBlock(node, root) === closestBlock(prev.node, root) && prev.type !== 'line' ? prev.end : nxt.start;
}

/** A DOM Range over [start, end) of the editor's text. */
export function rangeFor(map: TextMap, start: number, end: number): Range {
  const r = map.root.ownerDocument.createRange();
  const a = offsetToPoint(map, Math.min(start, end), 'forward');
  const b = start === end ? a : offsetToPoint(map, Math.max(start, end), 'backward');
  r.setStart(a.node, a.offset);
  r.setEnd(b.node, b.offset);
  return r;
}

/** The editor's current selection as text offsets, or null when the selection is not inside it. */
export function getSelectionOffsets(el: HTMLElement): { start: number; end: number } | null {
  if (isTextControl(el)) {
    const s = el.selectionStart;
    const e = el.selectionEnd;
    return s == null || e == null ? null : { start: s, end: e };
  }
  const sel = el.ownerDocument.getSelection();
  if (!sel || !sel.rangeCount) return null;
  const r = sel.getRangeAt(0);
  if (!el.contains(r.startContainer) || !el.contains(r.endContainer)) return null;
  const map = mapText(el);
  const a = pointToOffset(map, r.startContainer, r.startOffset);
  const b = pointToOffset(map, r.endContainer, r.endOffset);
  return { start: Math.min(a, b), end: Math.max(a, b) };
}

// ---------------------------------------------------------------------------------------------------------------
// Writing

export type InsertMethod = 'execCommand' | 'paste' | 'setRangeText';

export interface ReplaceResult {
  /** The editor now holds the expected text. */
  ok: boolean;
  /** What the editor holds now (read back). */
  text: string;
  /** The text Brandline meant to produce. */
  expected: string;
  /** The attempt that produced `text`, or null when none changed anything. */
  method: InsertMethod | null;
}

export interface ReplaceOptions {
  /** How long to wait for an editor to apply an insertion before concluding it did nothing (ms). */
  settleMs?: number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const frame = (win: Window) =>
  new Promise<void>((r) => {
    // rAF does not run in background tabs: a timer makes sure we never hang.
    const t = setTimeout(r, 50);
    win.requestAnimationFrame(() => {
      clearTimeout(t);
      r();
    });
  });

/** Same text, allowing what editors do to whitespace (collapsed blank lines, a trailing newline). */
export function sameText(a: string, b: string): boolean {
  if (a === b) return true;
  const norm = (s: string) => s.replace(/\u00a0/g, ' ').replace(/\n+/g, '\n').replace(/\s+$/, '');
  return norm(a) === norm(b);
}

/** Wait until the editor's text equals `expected`, or until `ms` passed; return what it holds. */
async function settle(el: HTMLElement, expected: string, ms: number): Promise<string> {
  const win = el.ownerDocument.defaultView ?? window;
  const until = performance.now() + ms;
  await sleep(0);
  let text = readText(el);
  while (!sameText(text, expected) && performance.now() < until) {
    await frame(win);
    text = readText(el);
  }
  return text;
}

/** Focus the editor and select [start, end) of its text; resolves once the page has seen the selection change. */
export async function selectRange(el: HTMLElement, start: number, end: number): Promise<void> {
  const doc = el.ownerDocument;
  const win = doc.defaultView ?? window;
  if (isTextControl(el)) {
    if (doc.activeElement !== el) el.focus({ preventScroll: true });
    el.setSelectionRange(start, end);
    return;
  }
  /** Select [start, end) as the editor's text is now. */
  const select = (sel: Selection | null) => {
    const map = mapText(el);
    const a = offsetToPoint(map, start, 'forward');
    const b = start === end ? a : offsetToPoint(map, end, 'backward');
    sel?.setBaseAndExtent(a.node, a.offset, b.node, b.offset);
  };
  if (!el.contains(doc.activeElement) && doc.activeElement !== el) {
    el.focus({ preventScroll: true });
    // Frameworks restore their own selection on focus (Draft.js re-renders it, at once or in a microtask): the caret
    // goes where it belongs right after that, before a key the user presses next is handled...
    await Promise.resolve();
    const before = readText(el);
    select(doc.getSelection());
    // ...and once more after a frame, for frameworks that restore theirs later; not if the user has typed meanwhile,
    // when the caret is where their typing left it.
    await frame(win);
    if (readText(el) !== before) return;
  }
  const sel = doc.getSelection();
  if (!sel) return;
  const changed = new Promise<void>((resolve) => {
    const t = setTimeout(resolve, 60);
    doc.addEventListener(
      'selectionchange',
      () => {
        clearTimeout(t);
        resolve();
      },
      { once: true },
    );
  });
  select(sel);
  await changed;
  // Quill reads the selection 1 ms after selectionchange; React/Draft during it. One more task covers both.
  await sleep(5);
}

function pasteText(el: HTMLElement, text: string): void {
  const doc = el.ownerDocument;
  const win = doc.defaultView ?? window;
  const dt = new win.DataTransfer();
  dt.setData('text/plain', text);
  const ev = new win.ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true, composed: true });
  // Dispatch where the caret is, so framework listeners see the same target a real paste has.
  const sel = doc.getSelection();
  const anchor = sel?.anchorNode;
  const target = anchor && el.contains(anchor) ? (anchor.nodeType === 1 ? (anchor as Element) : anchor.parentElement) : el;
  (target ?? el).dispatchEvent(ev);
}

function execInsert(el: HTMLElement, text: string): boolean {
  const doc = el.ownerDocument;
  try {
    return text === '' ? doc.execCommand('delete', false) : doc.execCommand('insertText', false, text);
  } catch {
    return false;
  }
}

/**
 * Replace [start, end) of the editor's text with `text` through the editor's own input pipeline.
 * `before` is the text the offsets refer to (read now when omitted). The caret ends after the new text.
 */
export async function replaceRange(
  el: HTMLElement,
  kind: EditorKind,
  start: number,
  end: number,
  text: string,
  opts: ReplaceOptions = {},
): Promise<ReplaceResult> {
  const settleMs = opts.settleMs ?? 400;
  const before = readText(el, kind);
  let s = Math.max(0, Math.min(start, end, before.length));
  let e = Math.max(s, Math.min(Math.max(start, end), before.length));
  let ins = text;
  // Deleting through a paste does nothing: replace one neighbouring character along with the range instead.
  if (ins === '' && e > s && kind !== 'textarea' && !isTextControl(el)) {
    if (e < before.length && before[e] !== '\n') {
      ins = before[e];
      e += 1;
    } else if (s > 0 && before[s - 1] !== '\n') {
      ins = before[s - 1];
      s -= 1;
    }
  }
  const expected = before.slice(0, s) + ins + before.slice(e);
  if (s === e && ins === '') return { ok: true, text: before, expected, method: null };

  if (isTextControl(el)) return replaceInTextControl(el, s, e, ins, before, expected, settleMs);

  const multiLine = ins.includes('\n');
  let order: InsertMethod[];
  if (kind === 'draft') order = before === '' ? ['paste'] : ['paste', 'execCommand'];
  else if (multiLine && kind !== 'contenteditable') order = ['paste', 'execCommand'];
  else order = ['execCommand', 'paste'];

  for (const method of order) {
    await selectRange(el, s, e);
    if (method === 'paste') pasteText(el, ins);
    else if (!execInsert(el, ins)) continue; // the command is not available here: nothing happened
    const after = await settle(el, expected, settleMs);
    if (sameText(after, expected)) return { ok: true, text: after, expected, method };
    if (after !== before) return { ok: false, text: after, expected, method }; // changed, but not as meant: stop
  }
  return { ok: false, text: readText(el, kind), expected, method: null };
}

async function replaceInTextControl(
  el: HTMLTextAreaElement | HTMLInputElement,
  s: number,
  e: number,
  ins: string,
  before: string,
  expected: string,
  settleMs: number,
): Promise<ReplaceResult> {
  const win = el.ownerDocument.defaultView ?? window;
  // 1. execCommand on the focused control: a real input event (React's onChange fires) and native undo.
  el.focus({ preventScroll: true });
  el.setSelectionRange(s, e);
  const done = execInsert(el, ins);
  if (done) {
    const after = await settle(el, expected, Math.min(settleMs, 150));
    if (after === expected) return { ok: true, text: after, expected, method: 'execCommand' };
    if (after !== before) return { ok: false, text: after, expected, method: 'execCommand' };
  }
  // 2. setRangeText (the native value path, invisible to React's value tracker) + a bubbling input event.
  el.setRangeText(ins, s, e, 'end');
  el.dispatchEvent(new win.Event('input', { bubbles: true }));
  const after = await settle(el, expected, Math.min(settleMs, 150));
  if (after === expected) {
    el.setSelectionRange(s + ins.length, s + ins.length);
    return { ok: true, text: after, expected, method: 'setRangeText' };
  }
  return { ok: false, text: after, expected, method: 'setRangeText' };
}

/** Insert text at the caret (or over the selection); `at` overrides it with a remembered selection. */
export async function insertAtCursor(
  el: HTMLElement,
  kind: EditorKind,
  text: string,
  at?: { start: number; end: number } | null,
  opts?: ReplaceOptions,
): Promise<ReplaceResult> {
  const cur = readText(el, kind);
  const sel = at ?? getSelectionOffsets(el) ?? { start: cur.length, end: cur.length };
  const start = Math.min(sel.start, cur.length);
  const end = Math.min(sel.end, cur.length);
  return replaceRange(el, kind, start, end, text, opts);
}
