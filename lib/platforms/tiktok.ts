/**
 * TikTok (www.tiktok.com). Hooks are `data-e2e` attributes (TikTok's own test ids, stable for years) and, for the
 * video page's container, the styled-component name inside the generated class. Counts are compact visible text
 * ("12.3K"); there are no exact numbers in the markup.
 *
 * Ids: a video's id comes from a link to /@user/video/<id> or from its player (div#xgwrapper-<n>-<id>). A For You
 * item whose player is not mounted carries no id at all (the 2022 markup never did): parsePost returns null for it,
 * and it becomes parseable once its player mounts. Comments are keyed by their numeric id (the element's id).
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
  ownText,
  put,
  q,
  safely,
  textCount,
  visibleText,
} from './shared-b';

const SEL = {
  // For You / Following item (2022: div, 2024+: article[data-scroll-index]). H (real 2022 captures), M for 2024+.
  feedItem: '[data-e2e="recommend-list-item-container"]',
  // Video page (2022+: DivVideoDetailContainer) and the video modal over a feed (DivBrowserModeContainer):
  // styled-component names kept in the generated class ("tiktok-19j62s8-DivVideoDetailContainer"). M.
  videoPage: '[class*="-DivVideoDetailContainer"], [class*="-DivBrowserModeContainer"]',
  // Profile grid and search result cards. H (2022 captures).
  profileItem: '[data-e2e="user-post-item"]',
  searchItem: '[data-e2e="search_top-item"]',
  // A comment: the element whose direct child is the comment's avatar link (2022: div#<commentId>). H.
  // Wrapped in :where() so a browser without :has() matches nothing here instead of rejecting the whole list.
  comment: ':where(div:has(> [data-e2e^="comment-avatar-"]))',
  // Ids. H (video links, 2022 player) / M (2024+ player in feed items, used by several public scrapers).
  videoLink: 'a[href*="/video/"], a[href*="/photo/"]',
  player: '[id^="xgwrapper-"]',
  // Author: unique id (handle) and nickname; feed (video-author-*) and video page (browse-*). H.
  authorId: '[data-e2e="video-author-uniqueid"], [data-e2e="browse-username"]',
  authorNick: '[data-e2e="video-author-nickname"], [data-e2e="browser-nickname"]',
  authorLink: 'a[data-e2e="video-author-avatar"], a[data-e2e="browse-user-avatar"], a[href^="/@"]',
  desc: '[data-e2e="video-desc"], [data-e2e="browse-video-desc"]',
  // Counts (compact text). Feed and video page use like-count…; the modal uses browse-like-count…. H.
  // favorite-count is "saves" (older builds rendered it as undefined-count). M.
  likes: '[data-e2e="like-count"], [data-e2e="browse-like-count"]',
  comments: '[data-e2e="comment-count"], [data-e2e="browse-comment-count"]',
  shares: '[data-e2e="share-count"], [data-e2e="browse-share-count"]',
  saves: '[data-e2e="favorite-count"], [data-e2e="undefined-count"], [data-e2e="browse-favorite-count"]',
  views: '[data-e2e="video-views"], [data-e2e="browse-video-view-count"]',
  actionBar: '[class*="-DivActionItemContainer"]',
  // Comment parts. H (2022 captures).
  commentText: '[data-e2e^="comment-level-"]',
  commentUser: '[data-e2e^="comment-username-"]',
  commentLikes: '[data-e2e="comment-like-count"]',
  commentMore: '[data-e2e="view-more-1"]',
  commentTopLevel: '[data-e2e="comment-avatar-1"]',
  // Comment box: contenteditable inside comment-input; Draft.js per platform-dom.md (L: the 2022 captures show the
  // container but no mounted editor). The editor kind is read from Draft's own class names.
  composer: '[data-e2e="comment-input"] [contenteditable="true"], [data-e2e="comment-text"] [contenteditable="true"]',
  composerBox: '[data-e2e="comment-input"], [data-e2e="comment-text"]',
  // The video page's author (the composer replies to it). H.
  pageAuthorId: '[data-e2e="browse-username"]',
  pageAuthorNick: '[data-e2e="browser-nickname"]',
  // Poster image; its alt is the caption on cards without a description element (search). H.
  poster: 'img[alt]',
  profileLink: 'a[href^="/@"]',
  clickable: 'a, button',
} as const;

const HOSTS = new Set(['www.tiktok.com', 'tiktok.com', 'm.tiktok.com']);
const VIDEO_PATH = /^\/@([^/?#]+)\/(?:video|photo)\/(\d{6,})/;

const cleanHandle = (s: string) => collapse(s).replace(/^@/, '');

function idFromLink(el: Element): { id: string; handle: string; href: string } | null {
  for (const a of Array.from(el.querySelectorAll(SEL.videoLink))) {
    const u = absUrl(attr(a, 'href'), 'https://www.tiktok.com');
    const m = u && HOSTS.has(u.hostname) ? VIDEO_PATH.exec(u.pathname) : null;
    if (m) return { id: m[2], handle: safely(() => decodeURIComponent(m[1]), m[1]), href: `${u!.origin}${u!.pathname}` };
  }
  return null;
}

function idFromPlayer(el: Element): string {
  const m = /^xgwrapper-\d+-(\d{6,})$/.exec(attr(q(el, SEL.player), 'id'));
  return m ? m[1] : '';
}

function handleFromHref(href: string): string {
  const m = /^\/@([^/?#]+)\/?$/.exec(absUrl(href, 'https://www.tiktok.com')?.pathname ?? '');
  return m ? safely(() => decodeURIComponent(m[1]), m[1]) : '';
}

/** The counts a video shows (compact text). Exported for the real-capture tests of items that carry no id. */
export function videoCounts(el: Element, doc: Document): Counts {
  const locale = localeOf(doc);
  const counts: Counts = {};
  const read = (sel: string) => textCount(q(el, sel)?.textContent, locale);
  put(counts, 'likes', read(SEL.likes));
  put(counts, 'replies', read(SEL.comments));
  put(counts, 'reposts', read(SEL.shares)); // shares
  put(counts, 'bookmarks', read(SEL.saves)); // favourites ("saves")
  put(counts, 'views', read(SEL.views));
  return counts;
}

function parseVideo(el: Element, doc: Document): PostFacts | null {
  const page = el.matches(SEL.videoPage);
  const fromUrl = page ? VIDEO_PATH.exec(docUrl(doc)?.pathname ?? '') : null;
  // On the video page other videos may be linked (related videos), so its own player and URL come first;
  // elsewhere an item's link to its video is the most direct evidence.
  const link = idFromLink(el);
  const id = page ? idFromPlayer(el) || fromUrl?.[2] || '' : link?.id || idFromPlayer(el);
  const handle =
    cleanHandle(q(el, SEL.authorId)?.textContent ?? '') ||
    (link?.id === id ? link.handle : '') ||
    (fromUrl?.[2] === id ? safely(() => decodeURIComponent(fromUrl[1]), fromUrl[1]) : '') ||
    handleFromHref(attr(q(el, SEL.authorLink), 'href'));
  if (!id) return null;
  const nick = q(el, SEL.authorNick);
  const permalink = link?.id === id ? link.href : handle ? `https://www.tiktok.com/@${handle}/video/${id}` : '';
  const descEl = q(el, SEL.desc);
  return {
    platform: 'tiktok',
    postId: id,
    permalink,
    authorHandle: handle,
    // browser-nickname holds "Name<span> · </span><span>6d ago</span>": the name is its own first text.
    authorName: ownText(nick) || collapse(nick?.firstElementChild?.textContent) || '',
    text: descEl ? visibleText(descEl) : collapse(attr(q(el, SEL.poster), 'alt')),
    publishedAt: null, // TikTok shows "6d ago" / "2022-8-24"; no machine-readable time.
    counts: videoCounts(el, doc),
    kind: 'post',
  };
}

function parseComment(el: Element, doc: Document): PostFacts | null {
  const id = attr(el, 'id');
  if (!/^\d{6,}$/.test(id)) return null; // a comment without its id cannot be keyed
  const locale = localeOf(doc);
  const counts: Counts = {};
  put(counts, 'likes', textCount(q(el, SEL.commentLikes)?.textContent, locale));
  if (q(el, SEL.commentTopLevel)) {
    // "View more replies (13)" sits in the comment's item container, beside it.
    put(counts, 'replies', labelCount(q(el.parentElement, SEL.commentMore)?.textContent, locale));
  }
  return {
    platform: 'tiktok',
    postId: id,
    permalink: '', // TikTok comments have no URL of their own.
    authorHandle: handleFromHref(attr(q(el, SEL.profileLink), 'href')),
    authorName: collapse(q(el, SEL.commentUser)?.textContent),
    text: visibleText(q(el, SEL.commentText)),
    publishedAt: null,
    counts,
    kind: 'comment',
  };
}

function isComment(el: Element): boolean {
  return safely(() => el.matches(SEL.comment), false);
}

function videoAuthor(scope: ParentNode): { authorHandle: string; authorName: string } | null {
  const id = q(scope, SEL.pageAuthorId);
  if (!id) return null;
  const nick = q(scope, SEL.pageAuthorNick);
  return { authorHandle: cleanHandle(id.textContent ?? ''), authorName: ownText(nick) || collapse(nick?.firstElementChild?.textContent) };
}

export const adapter: Adapter = {
  platform: 'tiktok',

  matches(url) {
    return HOSTS.has(url.hostname);
  },

  variant(doc) {
    if (q(doc, SEL.videoPage) || VIDEO_PATH.test(docUrl(doc)?.pathname ?? '')) return 'video';
    if (q(doc, SEL.profileItem)) return 'profile';
    if (q(doc, SEL.searchItem)) return 'search';
    if (q(doc, SEL.feedItem)) return 'feed';
    return 'unknown';
  },

  postSelector: [SEL.feedItem, SEL.videoPage, SEL.profileItem, SEL.searchItem, SEL.comment].join(', '),

  parsePost(el, doc) {
    return safely(() => (isComment(el) ? parseComment(el, doc) : parseVideo(el, doc)), null);
  },

  anchor(el): Anchor {
    return safely<Anchor>(() => {
      if (isComment(el)) {
        // End of the comment's text column (name, text, time, likes), not inside its links.
        const col = q(el, SEL.commentText)?.parentElement;
        return col && col !== el && !closest(col, SEL.clickable) ? { el: col, where: 'append' } : { el, where: 'append' };
      }
      // Videos: below the description (feed: text column; video page: description block), never in a button.
      const desc = q(el, SEL.desc);
      if (desc && !closest(desc, SEL.clickable)) return { el: desc, where: 'after' };
      const bar = q(el, SEL.actionBar);
      if (bar) return { el: bar, where: 'append' };
      return { el, where: 'append' };
    }, { el, where: 'append' });
  },

  composerSelector: SEL.composer,

  parseComposer(el, doc): ComposerFacts | null {
    return safely<ComposerFacts | null>(() => {
      if (!closest(el, SEL.composerBox)) return null;
      const page = closest(el, SEL.videoPage) ?? doc;
      // A comment answers the video's author.
      return { el: el as HTMLElement, editor: editorKind(el, 'contenteditable'), kind: 'reply', replyTo: videoAuthor(page) };
    }, null);
  },

  expectsPosts(url) {
    if (!HOSTS.has(url.hostname)) return false;
    const p = url.pathname.replace(/\/+$/, '') || '/';
    if (p === '/' || /^\/[a-z]{2}(-[A-Za-z]{2})?$/.test(p)) return true; // "/", "/en"
    if (/^\/(foryou|following|friends|explore|search(\/(video|user))?)$/.test(p)) return true;
    if (/^\/(tag|music)\/[^/]+$/.test(p)) return true;
    return /^\/@[^/]+(\/(video|photo)\/\d+)?$/.test(p);
  },
};
