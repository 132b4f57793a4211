/**
 * Threads adapter (www.threads.com, www.threads.net): the web app ("web") and embed pages ("embed",
 * /@user/post/<code>/embed, the markup other sites show in iframes).
 *
 * Reads: post code (postId, from the /@user/post/<code> link that wraps the post's <time>, never a quoted post's),
 * author username, text, publishedAt, and the like / reply / repost numbers of the action buttons (recognised by
 * their icon's aria-label, else by position: Like, Reply, Repost, Share). The fourth number (shares sent) has no
 * CountKey and is not read. Quoted posts inside a post are not separate posts (null), as on X.
 * Embed pages carry no post link: the code is read from the page URL when it is the embed's own.
 */
import type { Counts } from '../strategy/schema';
import type { Adapter, Anchor, ComposerFacts, PostFacts } from './types';
import {
  asHTMLElement,
  collapse,
  countFromText,
  inControl,
  insideNested,
  localeOf,
  precedes,
  put,
  queryOwn,
  safe,
  postText,
  textOf,
  toUrl,
} from './shared-a';

const SEL = {
  /** Every post in feeds, profiles, threads and search. Quoted posts are nested pressable containers. */
  post: 'div[data-pressable-container="true"]',
  /** Embed page root. */
  embed: 'div.Embed',
  authorLink: 'a[href^="/@"]',
  postLink: 'a[href*="/post/"]',
  time: 'time[datetime]',
  /** Action buttons: div[role=button] holding an svg aria-label (Like/Unlike/Reply/Comment/Repost/Share) and a number. */
  button: '[role="button"]',
  icon: 'svg[aria-label]',
  /** Text: span[dir=auto] outside links and buttons. */
  text: 'span[dir="auto"]',
  // ---- embed ----
  embedAuthor: 'a.HeaderLink, .AuthorIdentity a',
  embedText: '.BodyTextContainer',
  embedActions: '.ActionBarContainer',
  embedCount: '.ActionBarCount',
  /** Composer: Lexical. */
  composer: 'div[role="textbox"][contenteditable="true"][data-lexical-editor="true"]',
  dialog: '[role="dialog"]',
  /** Text that is not the post's: links (author, time), controls. */
  notText: 'a, [role="button"], button, time',
} as const;

const HOSTS = new Set(['www.threads.com', 'threads.com', 'www.threads.net', 'threads.net']);
const ORIGIN = 'https://www.threads.com';

const ICON_KEY: Array<[RegExp, keyof Counts | null]> = [
  [/^(like|unlike|gefällt mir|me gusta|j’aime|curtir|mi piace)$/i, 'likes'],
  [/^(reply|comment|antworten|kommentieren|responder|répondre|commenter|rispondi|comentar)$/i, 'replies'],
  [/^(repost|reposten|republicar|republier|ripubblica)$/i, 'reposts'],
  [/^(share|teilen|compartir|partager|compartilhar|condividi|send)$/i, null],
];
const POSITION: Array<keyof Counts | null> = ['likes', 'replies', 'reposts', null];

function postOf(href: string | null | undefined): { user: string; code: string } | null {
  const u = toUrl(href, ORIGIN);
  const m = u?.pathname.match(/^\/@([A-Za-z0-9._]{1,30})\/post\/([A-Za-z0-9_-]{5,40})(?:\/|$)/);
  return m ? { user: m[1], code: m[2] } : null;
}

function userOf(href: string | null | undefined): string {
  const u = toUrl(href, ORIGIN);
  return u?.pathname.match(/^\/@([A-Za-z0-9._]{1,30})\/?$/)?.[1] ?? '';
}

/** The action buttons of this post (not of a quoted post), in order. */
function actionButtons(el: Element): Element[] {
  return queryOwn(el, SEL.button, SEL.post).filter((b) => b.querySelector(SEL.icon) && !b.parentElement?.closest(SEL.button));
}

/** The row holding the post's action buttons. */
function actionRow(el: Element): Element | null {
  const buttons = actionButtons(el).filter((b) => {
    const label = b.querySelector(SEL.icon)?.getAttribute('aria-label') ?? '';
    return ICON_KEY.some(([re]) => re.test(label));
  });
  if (buttons.length >= 2) {
    let row: Element | null = buttons[0].parentElement;
    while (row && row !== el && !buttons.every((b) => row!.contains(b))) row = row.parentElement;
    return row && row !== el ? row : null;
  }
  // Icon labels in an unknown language: the row of (at least three) icon buttons that closes the post.
  const all = actionButtons(el);
  let row: Element | null = all[all.length - 1]?.parentElement ?? null;
  while (row && row !== el && all.filter((b) => row!.contains(b)).length < 3) row = row.parentElement;
  if (!row || row === el || row.querySelector(SEL.time)) return null;
  return row;
}

function countsOf(el: Element, locale: string | undefined): Counts {
  const counts: Counts = {};
  const row = actionRow(el);
  if (!row) return counts;
  const buttons = actionButtons(row);
  buttons.forEach((b, i) => {
    const label = b.querySelector(SEL.icon)?.getAttribute('aria-label') ?? '';
    const byIcon = ICON_KEY.find(([re]) => re.test(label));
    const key = byIcon ? byIcon[1] : buttons.length === 4 ? POSITION[i] : null;
    if (key) put(counts, key, countFromText(textOf(b), locale));
  });
  return counts;
}

function parseWeb(el: Element, doc: Document): PostFacts | null {
  if (el.parentElement?.closest(SEL.post)) return null; // a quoted post
  const links = queryOwn(el, SEL.postLink, SEL.post);
  const own = links.find((a) => a.querySelector(SEL.time) && postOf(a.getAttribute('href')));
  const p = postOf(own?.getAttribute('href'));
  if (!own || !p) return null;
  const author = queryOwn(el, SEL.authorLink, SEL.post).find((a) => userOf(a.getAttribute('href')) && textOf(a));
  const row = actionRow(el);
  const texts = queryOwn(el, SEL.text, SEL.post).filter(
    (s) => !insideNested(el, s, SEL.notText) && !(row && row.contains(s)) && precedes(own, s),
  );
  const top = texts.filter((s) => !texts.some((o) => o !== s && o.contains(s)));
  const time = own.querySelector(SEL.time)?.getAttribute('datetime');
  return {
    platform: 'threads',
    postId: p.code,
    permalink: `${ORIGIN}/@${p.user}/post/${p.code}`,
    authorHandle: userOf(author?.getAttribute('href')) || p.user,
    authorName: textOf(author),
    text: collapse(top.map((s) => postText(s)).join(' ')),
    publishedAt: time && !Number.isNaN(Date.parse(time)) ? new Date(time).toISOString() : null,
    counts: countsOf(el, localeOf(doc)),
    kind: 'post',
  };
}

function parseEmbed(el: Element, doc: Document): PostFacts | null {
  const a = el.querySelector(SEL.embedAuthor);
  const user = userOf(a?.getAttribute('href')) || textOf(a);
  const fromUrl = postOf(doc.URL);
  // Only the page's own URL names the post; it must be this author's.
  if (!fromUrl || (user && fromUrl.user.toLowerCase() !== user.toLowerCase())) return null;
  const counts: Counts = {};
  const numbers = Array.from(el.querySelectorAll(SEL.embedCount));
  if (numbers.length === 4) numbers.forEach((n, i) => POSITION[i] && put(counts, POSITION[i]!, countFromText(textOf(n), localeOf(doc))));
  return {
    platform: 'threads',
    postId: fromUrl.code,
    permalink: `${ORIGIN}/@${fromUrl.user}/post/${fromUrl.code}`,
    authorHandle: user || fromUrl.user,
    authorName: textOf(a),
    text: postText(el.querySelector(SEL.embedText)),
    publishedAt: null,
    counts,
    kind: 'post',
  };
}

function parsePost(el: Element, doc: Document): PostFacts | null {
  return safe(() => {
    if (el.matches(SEL.embed)) return parseEmbed(el, doc);
    if (el.matches(SEL.post)) return parseWeb(el, doc);
    return null;
  }, null);
}

function anchor(el: Element): Anchor {
  return safe<Anchor>(() => {
    const row = el.matches(SEL.embed) ? el.querySelector(SEL.embedActions) : actionRow(el);
    if (row && el.contains(row) && !inControl(row)) return { el: row, where: 'after' };
    return { el, where: 'append' };
  }, { el, where: 'append' });
}

/** "Reply to northwindcoffee…" placeholder next to the editor (en, de, es, fr, pt). */
const REPLY_TO = /^(?:reply to|antworten an|responder a|répondre à|responder a)\s+@?([A-Za-z0-9._]{1,30})/i;

function parseComposer(raw: Element, doc: Document): ComposerFacts | null {
  return safe(() => {
    const el = asHTMLElement(raw);
    if (!el || el.getAttribute('contenteditable') !== 'true') return null;
    const facts = (replyTo: ComposerFacts['replyTo']): ComposerFacts => ({ el, editor: 'lexical', kind: replyTo ? 'reply' : 'post', replyTo });
    // Reply dialog: the post being answered is shown above the editor.
    const dialog = el.closest(SEL.dialog);
    if (dialog) {
      const posts = Array.from(dialog.querySelectorAll(SEL.post)).filter((p) => !p.contains(el) && !p.parentElement?.closest(SEL.post));
      for (let i = posts.length - 1; i >= 0; i--) {
        const f = parseWeb(posts[i], doc);
        if (f) return facts({ authorHandle: f.authorHandle, authorName: f.authorName });
      }
    }
    // The placeholder ("Reply to …") sits beside the editor.
    for (let p = el.parentElement, i = 0; p && i < 4; p = p.parentElement, i++) {
      const m = collapse(p.textContent).match(REPLY_TO);
      if (m) return facts({ authorHandle: m[1].replace(/\.+$/, ''), authorName: '' });
    }
    const ph = `${el.getAttribute('aria-placeholder') ?? ''} ${el.getAttribute('aria-label') ?? ''}`.trim().match(REPLY_TO);
    return facts(ph ? { authorHandle: ph[1].replace(/\.+$/, ''), authorName: '' } : null);
  }, null);
}

function variant(doc: Document): string {
  return safe(() => (doc.querySelector(SEL.embed) ? 'embed' : 'web'), 'web');
}

function expectsPosts(url: URL): boolean {
  const seg = url.pathname.split('/').filter(Boolean);
  if (seg.length === 0) return true;
  const f = seg[0].toLowerCase();
  if (f.startsWith('@')) return seg.length === 1 || ['post', 'replies', 'reposts', 'media'].includes((seg[1] ?? '').toLowerCase());
  return ['search', 'activity', 'saved', 'liked', 'following', 'for_you', 'custom_feed', 't'].includes(f);
}

export const adapter: Adapter = {
  platform: 'threads',
  matches: (url) => HOSTS.has(url.hostname.toLowerCase()),
  variant,
  postSelector: `${SEL.post}, ${SEL.embed}`,
  parsePost,
  anchor,
  composerSelector: SEL.composer,
  parseComposer,
  expectsPosts,
};
