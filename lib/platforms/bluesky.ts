/**
 * Bluesky (bsky.app, React Native Web). Every hook is a data-testid from bluesky-social/social-app; classes are
 * generated. Posts are keyed by their record key (rkey) as in /profile/{handle}/post/{rkey}.
 *
 * Counts: the reply and like buttons carry exact numbers in their accessible labels ("Reply (3 replies)",
 * "Like (12 likes)", English UI). The repost button shows reposts + quotes as one number, so a feed item has no
 * repost count of its own; the thread's focused post shows reposts, quotes, likes and saves separately.
 */
import type { Counts } from '../strategy/schema';
import type { Adapter, Anchor, ComposerFacts, PostFacts } from './types';
import {
  absUrl,
  attr,
  closest,
  collapse,
  docUrl,
  editorKind,
  labelCount,
  localeOf,
  put,
  q,
  qa,
  safely,
  textCount,
  visibleText,
} from './shared-b';

const SEL = {
  // A post in any feed (home, profile, search, notifications' replies and mentions): testID `feedItem-by-<handle>`
  // on the item's Link, which renders as <a href="/profile/h/post/rkey">. H (PostFeedItem.tsx).
  feedItem: '[data-testid^="feedItem-by-"]',
  // A post on a thread page, the focused one (ThreadItemAnchor) and the replies. H.
  threadItem: '[data-testid^="postThreadItem-by-"]',
  // The post's text (RichText testID "postText"); the focused thread post has no testID (fallback below). H.
  postText: '[data-testid="postText"]',
  // RN Web renders every Text as an element with dir="auto". H.
  rnText: '[dir="auto"]',
  postLink: 'a[href*="/post/"]',
  // Action buttons with exact counts in aria-label (English: "Reply (3 replies)", "Like (12 likes)"). H.
  replyBtn: '[data-testid="replyBtn"]',
  likeBtn: '[data-testid="likeBtn"]',
  repostBtn: '[data-testid="repostBtn"]',
  // Visible like count (compact, per locale). M.
  likeCount: '[data-testid="likeCount"]',
  // The focused post's totals (ThreadItemAnchor): "1.2K reposts", "7 quotes", "58 likes", "3 saves". H.
  repostsExpanded: '[data-testid="repostCount-expanded"]',
  quotesExpanded: '[data-testid="quoteCount-expanded"]',
  likesExpanded: '[data-testid="likeCount-expanded"]',
  savesExpanded: '[data-testid="bookmarkCount-expanded"]',
  // Composer: TipTap/ProseMirror. M (platform-dom.md).
  composer: 'div[role="textbox"][aria-label="Rich-Text Editor"], .ProseMirror[contenteditable="true"]',
  dialog: '[role="dialog"]',
  // ComposerReplyTo: a Pressable labelled for screen readers (English UI only), with the author's display name. H.
  replyTo: '[aria-label="Expand or collapse the full post you are replying to"]',
  clickable: 'a, button, [role="button"], [role="link"]',
  link: 'a[href]',
} as const;

const POST_PATH = /^\/profile\/([^/?#]+)\/post\/([A-Za-z0-9._~:-]{1,512})(\/(liked-by|reposted-by|quotes))?\/?$/;

function handleOf(el: Element): string {
  const id = attr(el, 'data-testid');
  const m = /^(?:feedItem|postThreadItem)-by-(.+)$/.exec(id);
  return m ? m[1] : '';
}

function postPath(href: string): { who: string; rkey: string; suffix: boolean } | null {
  const u = absUrl(href, 'https://bsky.app');
  if (!u || u.hostname !== 'bsky.app') return null;
  const m = POST_PATH.exec(u.pathname);
  if (!m) return null;
  const who = safely(() => decodeURIComponent(m[1]), m[1]);
  return { who, rkey: m[2], suffix: !!m[3] };
}

const sameAuthor = (who: string, handle: string) => who === handle || who.startsWith('did:') || handle === 'handle.invalid';

/**
 * rkey of the post: the item's own link (feed items are links), else for a thread item the focused post's stats
 * links (".../liked-by"), then its header timestamp link (which comes before the text; a quoted post's link comes
 * after it), then the page URL; for a feed item, the first link to a post of the same author.
 */
function locate(el: Element, doc: Document, handle: string): { rkey: string; who: string } | null {
  if (el.tagName === 'A') {
    const p = postPath(attr(el, 'href'));
    if (p && !p.suffix && sameAuthor(p.who, handle)) return p;
  }
  const links = qa(el, SEL.postLink).map((a) => ({ a, p: postPath(attr(a, 'href')) }));
  if (!el.matches(SEL.threadItem)) {
    return links.find(({ p }) => p && !p.suffix && p.who === handle)?.p ?? null;
  }
  const stats = links.find(({ p }) => p && p.suffix && sameAuthor(p.who, handle));
  if (stats) return stats.p;
  const text = textElement(el, handle);
  const header = links.find(({ a, p }) => p && !p.suffix && p.who === handle && (!text || a.compareDocumentPosition(text) & 4));
  if (header) return header.p;
  const here = postPath(docUrl(doc)?.href ?? '');
  return here && !here.suffix && sameAuthor(here.who, handle) ? here : null;
}

/** The display name: the first text of the author's profile link that is not the @handle. */
function displayName(el: Element, handle: string): string {
  for (const a of qa(el, `a[href="/profile/${CSS_escape(handle)}"]`)) {
    const inner = qa(a, SEL.rnText);
    for (const t of inner.length ? inner : [a]) {
      const s = visibleText(t);
      if (s && !s.startsWith('@')) return s;
    }
  }
  return '';
}

function CSS_escape(s: string): string {
  return s.replace(/["\\]/g, '\\$&');
}

/** The post's text element; the focused thread post has no postText testID: the first Text after the author. */
function textElement(el: Element, handle: string): Element | null {
  const own = q(el, SEL.postText);
  if (own || !el.matches(SEL.threadItem)) return own;
  const authorLink = qa(el, `a[href="/profile/${CSS_escape(handle)}"]`).pop() ?? null;
  for (const t of qa(el, SEL.rnText)) {
    if (closest(t, SEL.clickable) || closest(t.parentElement, SEL.rnText)) continue;
    if (authorLink && !(authorLink.compareDocumentPosition(t) & 4)) continue; // must follow the author link
    if (visibleText(t)) return t;
  }
  return null;
}

/** "1.2K reposts": the number is the first inner Text, the word the second. */
function expanded(el: Element, sel: string, locale?: string): number | null {
  const box = q(el, sel);
  if (!box) return null;
  const first = box.firstElementChild;
  return (first ? textCount(first.textContent, locale) : null) ?? labelCount(box.textContent, locale);
}

function readCounts(el: Element, doc: Document): Counts {
  const locale = localeOf(doc);
  const counts: Counts = {};
  put(counts, 'replies', labelCount(attr(q(el, SEL.replyBtn), 'aria-label'), locale));
  put(counts, 'likes', labelCount(attr(q(el, SEL.likeBtn), 'aria-label'), locale));
  put(counts, 'likes', expanded(el, SEL.likesExpanded, locale));
  put(counts, 'likes', textCount(q(el, SEL.likeCount)?.textContent, locale));
  put(counts, 'reposts', expanded(el, SEL.repostsExpanded, locale));
  put(counts, 'quotes', expanded(el, SEL.quotesExpanded, locale));
  put(counts, 'bookmarks', expanded(el, SEL.savesExpanded, locale));
  return counts;
}

function parse(el: Element, doc: Document): PostFacts | null {
  const handle = handleOf(el);
  if (!handle) return null;
  const at = locate(el, doc, handle);
  if (!at) return null;
  const profile = at.who.startsWith('did:') && !handle.endsWith('.invalid') ? handle : at.who;
  return {
    platform: 'bluesky',
    postId: at.rkey,
    permalink: `https://bsky.app/profile/${profile}/post/${at.rkey}`,
    authorHandle: handle === 'handle.invalid' ? '' : handle,
    authorName: displayName(el, handle),
    text: visibleText(textElement(el, handle)),
    publishedAt: null, // Bluesky shows "2h" and a localized date label, no machine-readable time.
    counts: readCounts(el, doc),
    kind: 'post',
  };
}

/** The row holding reply, repost and like. */
function actionRow(el: Element): Element | null {
  const reply = q(el, SEL.replyBtn);
  let row = reply?.parentElement ?? null;
  while (row && row !== el && !q(row, SEL.likeBtn)) row = row.parentElement;
  return row && row !== el ? row : null;
}

export const adapter: Adapter = {
  platform: 'bluesky',

  matches(url) {
    return url.hostname === 'bsky.app';
  },

  variant() {
    return 'web';
  },

  postSelector: [SEL.feedItem, SEL.threadItem].join(', '),

  parsePost(el, doc) {
    return safely(() => parse(el, doc), null);
  },

  anchor(el): Anchor {
    return safely<Anchor>(() => {
      // A feed item is itself a link: the chip goes right after it, outside the link.
      if (el.tagName === 'A') return { el, where: 'after' };
      const outer = closest(el, SEL.link);
      if (outer) return { el: outer, where: 'after' };
      const row = actionRow(el);
      if (row && !closest(row, SEL.clickable)) return { el: row, where: 'append' };
      return { el, where: 'append' };
    }, { el, where: 'append' });
  },

  composerSelector: SEL.composer,

  parseComposer(el, doc): ComposerFacts | null {
    return safely<ComposerFacts | null>(() => {
      if (el.getAttribute('contenteditable') !== 'true') return null;
      const editor = editorKind(el, 'prosemirror');
      const scope = closest(el, SEL.dialog) ?? doc;
      const replying = q(scope, SEL.replyTo);
      if (!replying) return { el: el as HTMLElement, editor, kind: 'post', replyTo: null };
      const name = qa(replying, SEL.rnText).map((t) => visibleText(t)).find(Boolean) ?? '';
      return {
        el: el as HTMLElement,
        editor,
        kind: 'reply',
        // The reply preview shows the display name only (no handle).
        replyTo: name ? { authorHandle: '', authorName: name } : null,
      };
    }, null);
  },

  expectsPosts(url) {
    if (url.hostname !== 'bsky.app') return false;
    const p = url.pathname.replace(/\/+$/, '') || '/';
    if (p === '/' || /^\/(search|notifications|hashtag\/[^/]+)$/.test(p)) return true;
    // A profile, a post's thread, a custom feed, a list's feed (not /liked-by and other people lists).
    return /^\/profile\/[^/]+(\/(post\/[^/]+|feed\/[^/]+|lists\/[^/]+))?$/.test(p);
  },
};
