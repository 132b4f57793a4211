/**
 * X / Twitter adapter (x.com, twitter.com, mobile.twitter.com).
 *
 * Reads: status id and author from the status link that wraps the post's own <time> (never a quoted post's),
 * display name, text, publishedAt, and exact counts from aria-labels (per button, the analytics link, then the
 * action bar's group label), falling back to the visible compact numbers.
 * Skips: promoted posts (the article sits inside a placementTracking container; a placementTracking *inside* a post
 * is only a video player and does not make it an ad). Replies in a thread are ordinary posts (kind 'post').
 */
import type { Counts } from '../strategy/schema';
import type { Adapter, Anchor, ComposerFacts, ParseOptions, PostFacts } from './types';
import {
  collapse,
  countFromLabel,
  countFromText,
  countKeyOfWord,
  firstOwn,
  localeOf,
  put,
  queryOwn,
  inControl,
  asHTMLElement,
  safe,
  textOf,
  toUrl,
} from './shared-a';

const SEL = {
  /** Every timeline, profile, search, notifications and post page: one post. */
  post: 'article[data-testid="tweet"]',
  /** Virtualised timeline cell holding one post (or the inline reply box on a post page). */
  cell: '[data-testid="cellInnerDiv"]',
  /** Ancestor of a promoted post (timeline ads). Also wraps video players inside posts: only an ancestor counts. */
  promoted: '[data-testid="placementTracking"]',
  /** "X reposted" / "Pinned" line above a post. */
  socialContext: '[data-testid="socialContext"]',
  /** Author block: display name link + "@handle" link (+ time link in timeline posts). */
  userName: '[data-testid="User-Name"]',
  /** Post text. */
  text: '[data-testid="tweetText"]',
  /** A quoted post inside a post: a clickable card (div[role=link]); unavailable quotes are a nested article. */
  nested: 'div[role="link"], article',
  /** Status permalinks (the post's own one wraps its <time>). */
  statusLink: 'a[href*="/status/"]',
  time: 'time[datetime]',
  /** Action bar: aria-label "48 replies, 152 reposts, 553 likes, 9 bookmarks, 30142 views". */
  actionGroup: '[role="group"]',
  /** Per-button exact labels: "48 Replies. Reply", "553 Likes. Like", … */
  replyButton: '[data-testid="reply"]',
  repostButton: '[data-testid="retweet"], [data-testid="unretweet"]',
  likeButton: '[data-testid="like"], [data-testid="unlike"]',
  bookmarkButton: '[data-testid="bookmark"], [data-testid="removeBookmark"]',
  /** Views link in timeline posts: aria-label "2195266 views. View post analytics". */
  analytics: 'a[href$="/analytics"]',
  /** Composer: Draft.js contenteditable (desktop) or a textarea (mobile compose page). */
  composer:
    'div[data-testid^="tweetTextarea_"][contenteditable="true"], div[data-testid^="tweetTextarea_"][role="textbox"], textarea[data-testid^="tweetTextarea_"], div[data-testid^="tweetTextarea_"] textarea',
  draftRoot: '.DraftEditor-root, .public-DraftEditor-content',
  /** Reply modal (/compose/post after pressing Reply). */
  dialog: '[role="dialog"]',
  /** Site-relative links: the profile links in User-Name and the "@x" of "Replying to @x". */
  profileLink: 'a[href^="/"]',
  /** The editable inside a tweetTextarea container (mobile compose page). */
  editable: 'textarea, [contenteditable="true"]',
} as const;

const HOSTS = new Set(['x.com', 'www.x.com', 'mobile.x.com', 'twitter.com', 'www.twitter.com', 'mobile.twitter.com']);
const BASE = 'https://x.com';

/** First path segments that are X's own pages, not profiles. */
const RESERVED = new Set([
  'home', 'explore', 'search', 'notifications', 'messages', 'settings', 'i', 'login', 'logout', 'signup',
  'compose', 'tos', 'privacy', 'account', 'jobs', 'intent', 'share', 'hashtag', 'download', 'premium_sign_up', 'about',
]);

/**
 * The usual shape of a status link's href on x.com: site-relative, read without building a URL. Anything a URL parser
 * would rewrite (dot segments, backslashes, escapes) goes through one.
 */
const RELATIVE_STATUS = /^\/([A-Za-z0-9_]{1,50})\/status(?:es)?\/(\d{1,25})(?:[/?#]|$)/;
const REWRITTEN = /\/\.|[\\%\t\n\r]/;

function statusOf(href: string | null): { handle: string; id: string } | null {
  const rel = href && !REWRITTEN.test(href) ? href.match(RELATIVE_STATUS) : null;
  if (rel) return { handle: rel[1], id: rel[2] };
  const u = toUrl(href, BASE);
  const m = u?.pathname.match(/^\/([A-Za-z0-9_]{1,50})\/status(?:es)?\/(\d{1,25})(?:\/|$)/);
  return m ? { handle: m[1], id: m[2] } : null;
}

/** What the post's own status link names, and its <time>: the link wrapping a <time>, outside any quoted post. */
function ownStatus(el: Element): { time: Element; st: { handle: string; id: string } } | null {
  // Usually the post's first <time>, in its header: its link is found without looking at every link of the post.
  const time = el.querySelector(SEL.time);
  const first = time?.closest(SEL.statusLink);
  if (first && el.contains(first) && first.parentElement?.closest(SEL.nested) === el) {
    const st = statusOf(first.getAttribute('href'));
    if (st) return { time: time!, st };
  }
  for (const a of queryOwn(el, SEL.statusLink, SEL.nested)) {
    const t = a.querySelector(SEL.time);
    const st = t && statusOf(a.getAttribute('href'));
    if (st) return { time: t, st };
  }
  return null;
}

function authorOf(el: Element): { authorHandle: string; authorName: string } {
  const box = firstOwn(el, SEL.userName, SEL.nested);
  let authorHandle = '';
  let authorName = '';
  if (box) {
    for (const a of Array.from(box.querySelectorAll(SEL.profileLink))) {
      const path = (a.getAttribute('href') ?? '').split(/[?#]/)[0];
      if (!/^\/[A-Za-z0-9_]{1,50}$/.test(path)) continue;
      const t = textOf(a);
      if (t.startsWith('@')) {
        if (!authorHandle) authorHandle = t.slice(1);
      } else if (!authorName && t) {
        authorName = t;
        if (!authorHandle) authorHandle = path.slice(1);
      }
      if (authorName && authorHandle) break; // nothing later can change either (the rest is the time link)
    }
  }
  return { authorHandle, authorName };
}

/**
 * The post's own action bar: the role=group outside any quoted post, else the one holding a Reply/Like button
 * (quoted posts never have those; trimmed or re-nested markup can put the bar inside the quote card).
 */
function actionGroupOf(el: Element): Element | null {
  return (
    firstOwn(el, SEL.actionGroup, SEL.nested) ??
    Array.from(el.querySelectorAll(SEL.actionGroup)).find((g) => g.querySelector(`${SEL.replyButton}, ${SEL.likeButton}`)) ??
    null
  );
}

function countsOf(el: Element, statusId: string, locale: string | undefined): Counts {
  const counts: Counts = {};
  const group = actionGroupOf(el);
  const buttons: Array<[keyof Counts, string]> = [
    ['replies', SEL.replyButton],
    ['reposts', SEL.repostButton],
    ['likes', SEL.likeButton],
    ['bookmarks', SEL.bookmarkButton],
  ];
  const found = buttons.map(([key, sel]) => [key, group ? group.querySelector(sel) : firstOwn(el, sel, SEL.nested)] as const);
  // 1. Per-button aria-labels: the key comes from data-testid, so this works in every UI language.
  for (const [key, b] of found) put(counts, key, countFromLabel(b?.getAttribute('aria-label'), locale));
  // 2. The views link of this very post ("/<handle>/status/<id>/analytics").
  const views = Array.from(el.querySelectorAll(SEL.analytics)).find((a) =>
    (a.getAttribute('href') ?? '').includes(`/status/${statusId}/analytics`),
  );
  put(counts, 'views', countFromLabel(views?.getAttribute('aria-label'), locale));
  // 3. The group label fills what the buttons do not say (bookmarks when the button reads just "Bookmark";
  //    views on a post page, where there is no analytics link). Parts are "<number> <word>", split at ", ".
  const label = group?.getAttribute('aria-label');
  if (label) {
    for (const part of label.split(/[,،、]\s+/)) {
      const key = countKeyOfWord(part.replace(/[\d.,\s\u00a0\u202f']+/g, ' '));
      if (key && counts[key] === undefined) put(counts, key, countFromLabel(part, locale));
    }
  }
  // 4. Visible compact numbers ("29.9K") for buttons whose label carried no number.
  for (const [key, b] of found) if (b && counts[key] === undefined) put(counts, key, countFromText(textOf(b), locale));
  if (views && counts.views === undefined) put(counts, 'views', countFromText(textOf(views), locale));
  return counts;
}

function parsePost(el: Element, doc: Document, opts: ParseOptions = {}): PostFacts | null {
  return safe(() => {
    if (!el.matches(SEL.post)) return null;
    if (el.closest(SEL.promoted)) return null;
    const own = ownStatus(el);
    if (!own) return null;
    const { st, time } = own;
    const textEl = firstOwn(el, SEL.text, SEL.nested);
    const facts: PostFacts = {
      platform: 'x',
      postId: st.id,
      permalink: `${BASE}/${st.handle}/status/${st.id}`,
      // The status link's path names the author (a repost's link is the original's); the @handle text, read in full,
      // gives the same handle.
      authorHandle: st.handle,
      authorName: '',
      text: textOf(textEl),
      publishedAt: isoOrNull(time.getAttribute('datetime')),
      counts: {},
      kind: 'post',
    };
    if (!opts.light) return complete(el, doc, facts);
    facts.partial = true;
    return facts;
  }, null);
}

/** The author's name and handle as User-Name shows them (unless the facts already carry the name), and the counts. */
function complete(el: Element, doc: Document, facts: PostFacts): PostFacts {
  const { partial: _, ...rest } = facts;
  const author = facts.authorName ? null : authorOf(el);
  return {
    ...rest,
    ...(author && { authorHandle: author.authorHandle || facts.authorHandle, authorName: author.authorName }),
    counts: countsOf(el, facts.postId, localeOf(doc)),
  };
}

/** x.com's own datetime attributes are already in toISOString's form. */
const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

function isoOrNull(s: string | null | undefined): string | null {
  if (!s) return null;
  if (ISO_UTC.test(s) && !Number.isNaN(Date.parse(s))) return s;
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

function anchor(el: Element): Anchor {
  return safe<Anchor>(() => {
    const group = actionGroupOf(el);
    if (group && !inControl(group)) return { el: group, where: 'after' };
    const user = firstOwn(el, SEL.userName, SEL.nested);
    if (user) return { el: user, where: 'after' };
    return { el, where: 'append' };
  }, { el, where: 'append' });
}

/** Who a post element is by (for reply context). */
function replyTarget(article: Element): { authorHandle: string; authorName: string } | null {
  const a = authorOf(article);
  if (a.authorHandle || a.authorName) return a;
  const own = ownStatus(article);
  return own ? { authorHandle: own.st.handle, authorName: '' } : null;
}

/** "Replying to @handle" line (modal and inline reply); English, German, French, Spanish wording. */
const REPLYING_TO = /^(replying to|antwort an|en réponse à|respondiendo a|em resposta a)\b/i;

function replyingToLine(scope: Element, composer: Element): { authorHandle: string; authorName: string } | null {
  for (const a of Array.from(scope.querySelectorAll(SEL.profileLink))) {
    if (composer.contains(a)) continue;
    const t = textOf(a);
    if (!t.startsWith('@')) continue;
    for (let p = a.parentElement, i = 0; p && i < 4 && !p.contains(composer); p = p.parentElement, i++) {
      if (REPLYING_TO.test(collapse(p.textContent))) return { authorHandle: t.slice(1), authorName: '' };
    }
  }
  return null;
}

function parseComposer(raw: Element, _doc: Document): ComposerFacts | null {
  return safe(() => {
    // The container div[data-testid^=tweetTextarea_] on the mobile compose page holds a textarea.
    const found = raw.tagName === 'TEXTAREA' || raw.getAttribute('contenteditable') === 'true' ? raw : raw.querySelector(SEL.editable);
    const el = asHTMLElement(found);
    if (!el) return null;
    const editor = el.tagName === 'TEXTAREA' ? 'textarea' : el.closest(SEL.draftRoot) ? 'draft' : 'contenteditable';
    const facts = (kind: 'post' | 'reply', replyTo: ComposerFacts['replyTo']): ComposerFacts => ({ el, editor, kind, replyTo });

    // Reply modal: the post being answered is shown above the editor, with a "Replying to @x" line.
    const dialog = el.closest(SEL.dialog);
    if (dialog) {
      const posts = Array.from(dialog.querySelectorAll(SEL.post)).filter((p) => !p.contains(el));
      const target = posts.length ? replyTarget(posts[posts.length - 1]) : null;
      const line = replyingToLine(dialog, el);
      return target || line ? facts('reply', target ?? line) : facts('post', null);
    }
    // Inline reply box on a post page: it lives in a timeline cell after the focal post.
    const cell = el.closest(SEL.cell);
    if (cell) {
      let target: Element | null = Array.from(cell.querySelectorAll(SEL.post)).find((p) => !p.contains(el)) ?? null;
      for (let prev = cell.previousElementSibling; !target && prev; prev = prev.previousElementSibling) {
        const posts = prev.matches(SEL.post) ? [prev] : Array.from(prev.querySelectorAll(SEL.post));
        if (posts.length) target = posts[posts.length - 1];
      }
      return facts('reply', (target && replyTarget(target)) || replyingToLine(cell, el));
    }
    // Full-page composer (mobile /compose/post): look for "Replying to" around the editor, never in the timeline.
    let scope: Element = el;
    for (let i = 0; i < 12 && scope.parentElement && !scope.parentElement.querySelector(SEL.cell); i++) scope = scope.parentElement;
    const line = replyingToLine(scope, el);
    return line ? facts('reply', line) : facts('post', null);
  }, null);
}

function expectsPosts(url: URL): boolean {
  const seg = url.pathname.split('/').filter(Boolean);
  if (seg.length === 0) return true;
  const [first, second, third] = seg;
  const f = first.toLowerCase();
  if (f === 'home' || f === 'search' || f === 'notifications') return true;
  if (f === 'i') return ['bookmarks', 'lists', 'communities', 'timeline'].includes((second ?? '').toLowerCase());
  if (RESERVED.has(f)) return false;
  if (!/^[A-Za-z0-9_]{1,15}$/.test(first)) return false;
  if (second === 'status' || second === 'statuses') {
    // Post page (also behind the photo/video viewer); its likers/reposters lists are lists of people.
    const sub = (seg[3] ?? '').toLowerCase();
    return !!third && !['likes', 'retweets', 'reposts'].includes(sub);
  }
  // Profile tabs that show posts.
  return second === undefined || ['with_replies', 'media', 'likes', 'highlights', 'articles', 'superfollows'].includes(second);
}

export const adapter: Adapter = {
  platform: 'x',
  matches: (url) => HOSTS.has(url.hostname.toLowerCase()),
  variant: () => 'web',
  postSelector: SEL.post,
  parsePost,
  complete: (el, doc, facts) => safe(() => complete(el, doc, facts), facts),
  anchor,
  composerSelector: SEL.composer,
  parseComposer,
  expectsPosts,
};
