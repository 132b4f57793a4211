/**
 * Long X feeds for browser tests and benchmarks, built from the first timeline cell of the X fixture
 * (the real markup shape), with fresh ids, authors, texts and counts per post.
 */
import { Window } from 'happy-dom';
import { fixture } from './browser';
import { skinned } from './skin';

export interface FeedPost {
  id: string;
  handle: string;
  name: string;
  text: string;
  replies: number;
  reposts: number;
  likes: number;
  bookmarks: number;
  views: number;
  /** ISO time of publication. */
  date: string;
}

const CELL_START = '<div data-testid="cellInnerDiv"';

function parts() {
  const html = fixture('x', 'home-timeline.html');
  const first = html.indexOf(CELL_START);
  const second = html.indexOf(CELL_START, first + 1);
  const last = html.lastIndexOf(CELL_START);
  // The cells are siblings: the list ends where the last cell's <div> closes.
  return { head: html.slice(0, first), cell: html.slice(first, second), tail: html.slice(endOfDiv(html, last)) };
}

/** Index just past the </div> that closes the <div> opening at `start`. */
function endOfDiv(html: string, start: number): number {
  const re = /<div\b|<\/div>/g;
  re.lastIndex = start;
  let depth = 0;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    depth += m[0] === '</div>' ? -1 : 1;
    if (depth === 0) return m.index + m[0].length;
  }
  throw new Error('unbalanced fixture markup');
}

const shortDate = (iso: string) => new Date(iso).toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function xCell(cell: string, p: FeedPost, { positioned = false } = {}): string {
  return (
    positioned ? cell : cell.replace(/style="transform: translateY\(\d+px\); position: absolute;[^"]*"/, 'style="position: relative; width: 100%;"')
  )
    .replaceAll('1897000000000000001', p.id)
    .replaceAll('northwindcoffee', p.handle)
    .replaceAll('Northwind Coffee', escapeHtml(p.name))
    .replace('datetime="2026-03-02T14:05:00.000Z">Mar 2<', `datetime="${p.date}">${shortDate(p.date)}<`)
    .replace(/(data-testid="tweetText"[^>]*>)[\s\S]*?(<\/div>)/, `$1<span>${escapeHtml(p.text)}</span>$2`)
    .replace(
      /aria-label="\d+ replies, \d+ reposts, \d+ likes, \d+ bookmarks, \d+ views"/,
      `aria-label="${p.replies} replies, ${p.reposts} reposts, ${p.likes} likes, ${p.bookmarks} bookmarks, ${p.views} views"`,
    )
    .replace(/aria-label="\d+ Replies\. Reply"/, `aria-label="${p.replies} Replies. Reply"`)
    .replace(/aria-label="\d+ reposts\. Repost"/, `aria-label="${p.reposts} reposts. Repost"`)
    .replace(/aria-label="\d+ Likes\. Like"/, `aria-label="${p.likes} Likes. Like"`)
    .replace(/aria-label="\d+ views\. View post analytics"/, `aria-label="${p.views} views. View post analytics"`)
    .replace(/aria-label="\d+ Bookmarks\. Bookmark"/, `aria-label="${p.bookmarks} Bookmarks. Bookmark"`);
}

const TEXTS = [
  'Quick tip: pack a headlamp even on day hikes, sunsets come early in autumn.',
  'We patched a 12-year-old tent at the repair café today. Bring yours!',
  'Thank you to every member who joined the group hike on Saturday.',
  'New: the Shell Pro jacket drops Friday, made with our partner mill.',
  'What is the one thing you never leave home without?',
];

export function makePosts(n: number, { ownEvery = 3, ownHandle = 'fernhilloutdoor', seed = 1 } = {}): FeedPost[] {
  return Array.from({ length: n }, (_, i) => {
    const own = ownEvery > 0 && i % ownEvery === 0;
    return {
      id: String(1900000000000000000n + BigInt(seed * 100000 + i)),
      handle: own ? ownHandle : `hiker${i}`,
      name: own ? 'Fernhill Outdoor' : `Hiker ${i}`,
      text: `${TEXTS[i % TEXTS.length]} (#${i})`,
      replies: (i * 7) % 50,
      reposts: (i * 11) % 90,
      likes: 100 + i,
      bookmarks: i % 9,
      views: 10000 + i * 13,
      // Recent posts, one every 9 hours back from now: they fall in the reports' default ranges.
      date: new Date(Date.now() - (i + 1) * 9 * 3_600_000).toISOString(),
    };
  });
}

/** A whole x.com timeline page holding these posts, in normal flow, with no page script. */
export function xFeedPage(posts: FeedPost[]): string {
  const { head, cell, tail } = parts();
  return skinned(head.replace(/min-height: \d+px;/, '') + posts.map((p) => xCell(cell, p)).join('') + tail);
}

/**
 * The page's own list code on x.com, reduced to what matters here: every cell is absolutely positioned at a
 * translateY offset, and when a cell's height changes (a new reply, an image loading, an extension's chip) the list
 * measures the cells again and moves the ones below. No cells are recycled.
 */
const X_LIST_SCRIPT = `<script>(() => {
  const list = document.querySelector('[data-testid="cellInnerDiv"]').parentElement;
  let queued = false;
  const place = () => {
    queued = false;
    let y = 0;
    for (const c of list.children) {
      if (c.getAttribute('data-testid') !== 'cellInnerDiv') continue;
      const t = 'translateY(' + y + 'px)';
      if (c.style.transform !== t) c.style.transform = t;
      y += c.offsetHeight;
    }
    list.style.minHeight = y + 'px';
  };
  const ro = new ResizeObserver(() => {
    if (!queued) { queued = true; requestAnimationFrame(place); }
  });
  for (const c of list.children) ro.observe(c);
  place();
})();</script>`;

/** The same timeline laid out as x.com lays it out: positioned cells, kept in place by the page's list script. */
export function xTimelinePage(posts: FeedPost[]): string {
  const { head, cell, tail } = parts();
  const page = head + posts.map((p) => xCell(cell, p, { positioned: true })).join('') + tail;
  return skinned(page.replace('</body>', `${X_LIST_SCRIPT}</body>`), { positionedCells: true });
}

/** One cell's HTML (for tests that add posts later, as infinite scroll does). */
export function xCellHtml(p: FeedPost): string {
  return xCell(parts().cell, p);
}

/**
 * The same posts on a timeline run as x.com runs it (tests/e2e/pages/xvirtual.page.tsx): a React list that keeps only
 * the cells near the viewport in the page and mounts, unmounts and re-measures them as the user scrolls. The page loads
 * its script from `XVIRTUAL_SCRIPT_PATH`: serve tests/e2e/.pages/xvirtual.js there.
 */
export const XVIRTUAL_SCRIPT_PATH = '/__brandline_test/xvirtual.js';
/**
 * `render: 'elements'` hands the list each cell as a tree of elements that React creates one by one, as x.com's own
 * components do; the default hands it the cell's markup as one string (innerHTML), which costs the page's script far
 * less per cell than x.com spends.
 */
export function xVirtualPage(posts: FeedPost[], opts: { render?: 'markup' | 'elements' } = {}): string {
  const { head, cell, tail } = parts();
  const items = posts.map((p) => {
    const outer = xCell(cell, p, { positioned: true });
    const html = outer.slice(outer.indexOf('>') + 1, outer.lastIndexOf('</div>'));
    return opts.render === 'elements' ? { id: p.id, tree: toTree(html) } : { id: p.id, html };
  });
  const data = JSON.stringify(items).replace(/</g, '\\u003c');
  const page = head.replace(/min-height: \d+px;/, '') + '<div id="bl-timeline"></div>' + tail;
  return skinned(
    page.replace('</body>', () => `<script>window.__FEED = ${data};</script><script src="${XVIRTUAL_SCRIPT_PATH}"></script></body>`),
    { positionedCells: true },
  );
}

/** A node of a cell for React to create: text, or [tag, attributes, ...children]. */
export type TreeNode = string | [string, Record<string, string>, ...TreeNode[]];

/** Markup → the element tree React builds it from (parsed here, in Node, so the page's script does not pay for it). */
let parser: Document | null = null;
export function toTree(html: string): TreeNode[] {
  const doc = (parser ??= new Window().document as unknown as Document);
  const tpl = doc.createElement('template');
  tpl.innerHTML = html;
  const walk = (n: Node): TreeNode | null => {
    if (n.nodeType === 3) return n.nodeValue ?? '';
    if (n.nodeType !== 1) return null;
    const el = n as Element;
    const attrs: Record<string, string> = {};
    for (const a of Array.from(el.attributes)) attrs[a.name] = a.value;
    const kids = Array.from(el.childNodes).map(walk).filter((k): k is TreeNode => k !== null);
    return [el.localName, attrs, ...kids];
  };
  return Array.from(tpl.content.childNodes).map(walk).filter((k): k is TreeNode => k !== null);
}
