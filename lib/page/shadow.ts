/**
 * Brandline's elements on a host page: a shadow host carrying the public `data-brandline` contract,
 * with styles isolated both ways and keyboard/pointer events kept from the platform's own handlers
 * (so typing in Brandline's fields never fires the site's shortcuts, and clicking a chip never opens the post).
 *
 * Why not WXT's createShadowRootUi for every chip: a feed can hold hundreds of posts; one light host per post
 * sharing one constructed stylesheet costs far less than a full html/head/body document per chip.
 */
export type FeatureId = 'pillar-tag' | 'draft-check' | 'voice-panel' | 'reply-pending';

const sheets = new Map<string, CSSStyleSheet | null>();
function sheetFor(css: string): CSSStyleSheet | null {
  if (!sheets.has(css)) {
    let sheet: CSSStyleSheet | null = null;
    try {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
    } catch {
      sheet = null; // no constructable stylesheets: fall back to a <style> per root
    }
    sheets.set(css, sheet);
  }
  return sheets.get(css)!;
}

/** Events that must not reach the page's listeners when they happen inside Brandline's UI. */
const ISOLATED = [
  'keydown',
  'keyup',
  'keypress',
  'beforeinput',
  'input',
  'paste',
  'click',
  'dblclick',
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointerup',
  'focusin',
  'focusout',
] as const;

export interface ShadowUi {
  host: HTMLElement;
  root: ShadowRoot;
  /** Where to render. */
  mount: HTMLElement;
  remove(): void;
}

export function createShadowUi(
  feature: FeatureId,
  css: string,
  opts: { postKey?: string; tag?: string; hostStyle?: string } = {},
): ShadowUi {
  return attachShadowUi(createHost(feature, opts), css);
}

/**
 * Brandline's outermost element alone, no shadow root yet: a slot that holds its place in the page (its size comes from
 * hostStyle) until there is something to draw in it.
 */
export function createHost(feature: FeatureId, opts: { postKey?: string; tag?: string; hostStyle?: string } = {}): HTMLElement {
  const tag = opts.tag ?? 'brandline-ui';
  const style = opts.hostStyle ?? 'display: inline-block;';
  // One native clone of a host made once: a feed makes a host per post, and each call from the content script's world
  // costs more than the work it asks for (BENCHMARKS.md, feed-virtual).
  const id = `${tag}\u0000${feature}\u0000${style}`;
  let proto = hostProtos.get(id);
  if (!proto || proto.ownerDocument !== document) {
    proto = document.createElement(tag);
    proto.setAttribute('data-brandline', feature);
    // The page's CSS must not restyle the host; inline beats selectors without !important.
    proto.setAttribute('style', `all: initial; ${style}`);
    hostProtos.set(id, proto);
  }
  const host = proto.cloneNode(false) as HTMLElement;
  if (opts.postKey) host.setAttribute('data-brandline-post', opts.postKey);
  return host;
}
const hostProtos = new Map<string, HTMLElement>();

const stop = (e: Event) => e.stopPropagation();

/** Hosts whose events are kept from the page, and those of them already listening (see isolate). */
const isolated = new WeakSet<Element>();
const listening = new WeakSet<Element>();
const guardedWindows = new WeakSet<object>();
/**
 * Keep the page's listeners from events inside a host: the host stops them as they bubble out of it. Its listeners are
 * added on the first such event, not when the host is made: a feed makes a host per post, fourteen listeners each,
 * and almost none of them is ever clicked or typed in (BENCHMARKS.md, feed-virtual). One capturing listener per event
 * type on the window sees every event first; an event from inside a shadow root has the host as its target there, and
 * a listener added to the host then runs when the event bubbles back out of it, in the same dispatch.
 */
function isolate(host: HTMLElement): void {
  isolated.add(host);
  const win = host.ownerDocument.defaultView;
  if (!win || guardedWindows.has(win)) return;
  guardedWindows.add(win);
  const arm = (e: Event) => {
    for (const t of e.composedPath())
      if (isolated.has(t as Element) && !listening.has(t as Element)) {
        listening.add(t as Element);
        for (const type of ISOLATED) t.addEventListener(type, stop);
      }
  };
  for (const type of ISOLATED) win.addEventListener(type, arm, { capture: true });
}

/** Give a host (from createHost) its shadow root, styles and event isolation. */
export function attachShadowUi(host: HTMLElement, css: string): ShadowUi {
  const root = host.attachShadow({ mode: 'open' });
  const sheet = sheetFor(css);
  if (sheet) root.adoptedStyleSheets = [sheet];
  else {
    const style = document.createElement('style');
    style.textContent = css;
    root.append(style);
  }
  const mount = document.createElement('div');
  mount.className = 'bl-root';
  root.append(mount);
  isolate(host);
  return { host, root, mount, remove: () => host.remove() };
}

/** Add a stylesheet to a shadow root made by attachShadowUi (a part of the UI drawn later than the rest). */
export function addStyles(root: ShadowRoot, css: string): void {
  const sheet = sheetFor(css);
  if (sheet) {
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } else if (![...root.querySelectorAll('style')].some((s) => s.textContent === css)) {
    const style = document.createElement('style');
    style.textContent = css;
    root.prepend(style);
  }
}

/** Is this node (or an ancestor) one of Brandline's own elements? */
export function isBrandlineNode(node: Node | null): boolean {
  const el = node instanceof Element ? node : node?.parentElement;
  return !!el?.closest('[data-brandline]');
}
