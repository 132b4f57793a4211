/**
 * YouTube: comments on the watch page (current `ytd-comment-view-model`, legacy Polymer `ytd-comment-renderer`)
 * and in YouTube Studio (`ytcp-comment`). Videos themselves are not posts here: what the brand answers and tags
 * on YouTube are comments. Comment ids come from the `&lc=<id>` permalink of each comment's timestamp.
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
  safely,
  textCount,
  visibleText,
} from './shared-b';

const SEL = {
  // watch (2023+): one element per comment, top-level and replies alike. M (platform-dom.md, public extensions).
  comment: 'ytd-comment-view-model',
  // watch-legacy (Polymer, 2018–2023): H (real 2018 capture).
  legacyComment: 'ytd-comment-renderer',
  // studio: one element per comment; replies are ytcp-comment too. M for the element, L for its inner ids.
  studioComment: 'ytcp-comment',
  // The thread wraps a top-level comment and its replies (watch / studio).
  thread: 'ytd-comment-thread-renderer, ytcp-comment-thread',
  // Author link: watch `a#author-text` (href /@handle or /channel/UC…); Studio `#name` (L).
  author: '#author-text, a#name, #name',
  // Timestamp link carrying the permalink with &lc=<commentId> (watch: #published-time-text a; studio: L).
  permalink: '#published-time-text a[href*="lc="], .published-time-text a[href*="lc="], a[href*="lc="]',
  // Comment body (yt-attributed-string / yt-formatted-string#content-text). H.
  text: '#content-text',
  // Like count: aria-label "72 likes" (exact, legacy H) beside compact visible text ("1.2K"). M for current.
  likes: '#vote-count-middle',
  // "View 5 replies" / "3 replies" under a top-level comment (in the thread, not the comment). M.
  moreReplies: '#replies #more-replies, ytd-comment-replies-renderer #more',
  // Where the chip goes: the action toolbar (not a button itself), else the author line. M.
  toolbar: '#action-buttons #toolbar, ytd-comment-engagement-bar #toolbar, ytcp-comment-action-buttons #toolbar, #toolbar',
  headerAuthor: '#header-author, #metadata, #header',
  // Composers: watch `ytd-commentbox #contenteditable-root` (plain contenteditable, M);
  // studio `ytcp-commentbox textarea` (tp-yt-iron-autogrow-textarea, M).
  watchComposer: 'ytd-commentbox #contenteditable-root',
  studioComposer: 'ytcp-commentbox textarea',
  // The video's channel on the watch page, replied to by a top-level comment. M.
  videoOwner: 'ytd-watch-metadata #owner ytd-channel-name a, ytd-video-owner-renderer ytd-channel-name a, #owner #channel-name a',
  studioApp: 'ytcp-app, ytcp-comment, ytcp-comment-thread',
  watchCommentbox: 'ytd-commentbox',
  studioCommentbox: 'ytcp-commentbox',
  // Generic pieces: a link inside an author element, the labelled button of "3 replies", clickables.
  link: 'a[href]',
  labelledButton: 'button[aria-label]',
  clickable: 'a, button',
} as const;

const HOSTS = new Set(['www.youtube.com', 'youtube.com', 'm.youtube.com', 'studio.youtube.com']);

function origin(doc: Document): string {
  const u = docUrl(doc);
  return u && HOSTS.has(u.hostname) && u.hostname !== 'studio.youtube.com' ? u.origin : 'https://www.youtube.com';
}

/** Handle from /@handle (decoded, without @); '' for /channel/UC… and /user/… links. */
function handleFromHref(href: string): string {
  const m = /^\/@([^/?#]+)/.exec(absUrl(href, 'https://www.youtube.com')?.pathname ?? '');
  if (!m) return '';
  return safely(() => decodeURIComponent(m[1]), m[1]);
}

function authorOf(el: Element): { authorHandle: string; authorName: string } {
  const a = q(el, SEL.author);
  const link = a && a.tagName === 'A' ? a : q(a, SEL.link);
  const name = collapse(a?.textContent).replace(/^@/, '');
  return { authorHandle: handleFromHref(attr(link, 'href')), authorName: name };
}

function commentId(href: string): string {
  const u = absUrl(href, 'https://www.youtube.com');
  const lc = u?.searchParams.get('lc') ?? '';
  return /^[\w.-]{10,}$/.test(lc) ? lc : '';
}

function isTopLevel(el: Element): boolean {
  const thread = closest(el, SEL.thread);
  return !!thread && q(thread, `${SEL.comment}, ${SEL.legacyComment}, ${SEL.studioComment}`) === el;
}

function parseComment(el: Element, doc: Document): PostFacts | null {
  const link = q(el, SEL.permalink);
  const href = attr(link, 'href');
  const postId = commentId(href);
  if (!postId) return null;
  const locale = localeOf(doc);
  const counts: Counts = {};
  const likes = q(el, SEL.likes);
  put(counts, 'likes', labelCount(attr(likes, 'aria-label'), locale) ?? textCount(likes?.textContent, locale));
  if (isTopLevel(el)) {
    const more = q(closest(el, SEL.thread), SEL.moreReplies);
    const button = more && (more.tagName === 'BUTTON' ? more : q(more, SEL.labelledButton));
    put(counts, 'replies', labelCount(attr(button, 'aria-label'), locale) ?? labelCount(more?.textContent, locale));
  }
  return {
    platform: 'youtube',
    postId,
    permalink: absUrl(href, origin(doc))?.href ?? '',
    ...authorOf(el),
    text: visibleText(q(el, SEL.text)),
    publishedAt: null, // YouTube shows only relative times ("2 days ago").
    counts,
    kind: 'comment',
  };
}

function owner(doc: Document): { authorHandle: string; authorName: string } | null {
  const a = q(doc, SEL.videoOwner);
  if (!a) return null;
  const name = collapse(a.textContent);
  const handle = handleFromHref(attr(a, 'href'));
  return name || handle ? { authorHandle: handle, authorName: name } : null;
}

export const adapter: Adapter = {
  platform: 'youtube',

  matches(url) {
    return HOSTS.has(url.hostname);
  },

  variant(doc) {
    if (docUrl(doc)?.hostname === 'studio.youtube.com' || q(doc, SEL.studioApp)) return 'studio';
    if (q(doc, SEL.comment)) return 'watch';
    if (q(doc, SEL.legacyComment)) return 'watch-legacy';
    return 'watch';
  },

  postSelector: [SEL.comment, SEL.legacyComment, SEL.studioComment].join(', '),

  parsePost(el, doc) {
    return safely(() => parseComment(el, doc), null);
  },

  anchor(el): Anchor {
    return safely<Anchor>(() => {
      const bar = q(el, SEL.toolbar);
      if (bar && !closest(bar, SEL.clickable)) return { el: bar, where: 'append' };
      const head = q(el, SEL.headerAuthor);
      return head ? { el: head, where: 'append' } : { el, where: 'append' };
    }, { el, where: 'append' });
  },

  composerSelector: [SEL.watchComposer, SEL.studioComposer].join(', '),

  parseComposer(el, doc): ComposerFacts | null {
    return safely<ComposerFacts | null>(() => {
      const studio = el.tagName === 'TEXTAREA';
      if (!closest(el, studio ? SEL.studioCommentbox : SEL.watchCommentbox)) return null;
      const editor = studio ? 'textarea' : editorKind(el, 'contenteditable');
      // A reply box sits inside the comment it answers; a top-level comment answers the video's channel.
      const parent = closest(el, `${SEL.comment}, ${SEL.legacyComment}, ${SEL.studioComment}`) ??
        q(closest(el, SEL.thread), `${SEL.comment}, ${SEL.legacyComment}, ${SEL.studioComment}`);
      const who = parent ? authorOf(parent) : owner(doc);
      const replyTo = who && (who.authorHandle || who.authorName) ? who : null;
      return { el: el as HTMLElement, editor, kind: 'reply', replyTo };
    }, null);
  },

  expectsPosts(url) {
    if (!HOSTS.has(url.hostname)) return false;
    if (url.hostname === 'studio.youtube.com') return /\/comments(\/|$)/.test(url.pathname);
    // Comments are the posts here: watch pages and Shorts (comments may load late, still expected).
    return url.pathname === '/watch' || /^\/shorts\/[\w-]+/.test(url.pathname);
  },
};
