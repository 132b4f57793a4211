/**
 * Reddit: the current web app ("shreddit": custom elements whose attributes carry the facts, action bars in
 * shadow roots) and old.reddit.com (server-rendered `div.thing` with data-* attributes).
 */
import type { Counts } from '../strategy/schema';
import type { Adapter, Anchor, ComposerFacts, PostFacts } from './types';
import {
  absUrl,
  attr,
  child,
  closest,
  collapse,
  docUrl,
  editorKind,
  intAttr,
  isoTime,
  labelCount,
  localeOf,
  put,
  q,
  safely,
  textCount,
  visibleText,
} from './shared-b';

const SEL = {
  // shreddit (www/new/sh.reddit.com, 2023+): one element per post; id="t3_…", permalink, author, score,
  // comment-count, post-title, created-timestamp as attributes. Confidence H (platform-dom.md).
  shPost: 'shreddit-post',
  // shreddit comment; thingid="t1_…", author, score, permalink; replies are nested shreddit-comment children. H.
  shComment: 'shreddit-comment',
  // Light-DOM slotted children (rendered through the element's shadow root). M.
  shPostCredit: '[slot="credit-bar"]',
  shPostTitle: '[slot="title"]',
  shPostBody: '[slot="text-body"]',
  shCommentMeta: '[slot="commentMeta"]',
  shCommentBody: '[slot="comment"]',
  // Time inside the credit bar / comment meta: faceplate-timeago[ts] wrapping time[datetime]. M.
  shTime: 'time[datetime], faceplate-timeago[ts]',
  // The page's app root, for variant detection. M.
  shApp: 'shreddit-app, shreddit-post, shreddit-comment',
  // shreddit composer: a light-DOM contenteditable child of shreddit-composer (M: third-party automation scripts
  // select `shreddit-composer > div[role=textbox][contenteditable=true]`). Editor framework unverified.
  shComposer: 'shreddit-composer [contenteditable="true"]',
  shComposerHost: 'shreddit-composer',
  // old.reddit.com (H, real 2018 capture): a post is div.thing[data-fullname="t3_…"], a comment
  // div.thing.comment[data-fullname="t1_…"] (".morechildren" things also carry t1_ ids and are not comments).
  oldPost: 'div.thing[data-fullname^="t3_"]',
  oldComment: 'div.thing.comment[data-fullname^="t1_"]',
  oldThing: 'div.thing',
  oldEntry: '.entry',
  oldTitle: 'a.title',
  oldBody: '.usertext-body .md',
  oldTagline: '.tagline',
  oldAuthor: 'a.author',
  // The first time in the tagline is the submission time; a second one (.edited-timestamp) is the edit.
  oldTime: 'time.live-timestamp[datetime], time[datetime]:not(.edited-timestamp)',
  // The displayed score; title= holds the exact number ("21542") beside the compact text ("21.5k").
  oldScore: '.score.unvoted',
  oldCommentsLink: 'a.comments',
  oldMarkers: '#header-bottom-left, #siteTable, div.thing, .commentarea',
  // old.reddit composer: textarea[name=text] in form.usertext (reply, edit, new self-post). H.
  oldComposer: 'textarea[name="text"]',
  oldCommentArea: '.commentarea',
  oldChildArea: '.child',
  // old.reddit: the vote column of a post (arrows and score).
  oldMidcol: '.midcol',
} as const;

const HOSTS = new Set(['reddit.com', 'www.reddit.com', 'old.reddit.com', 'new.reddit.com', 'sh.reddit.com']);
const FULLNAME = /^t[13]_[a-z0-9]+$/i;

function base(doc: Document): string {
  const u = docUrl(doc);
  return u && HOSTS.has(u.hostname) ? u.origin : 'https://www.reddit.com';
}

function isOld(doc: Document): boolean {
  if (q(doc, SEL.shApp)) return false;
  if (q(doc, SEL.oldMarkers)) return true;
  return docUrl(doc)?.hostname === 'old.reddit.com';
}

function permalinkOf(path: string, doc: Document): string {
  return path ? (absUrl(path, base(doc))?.href ?? '') : '';
}

function cleanAuthor(a: string): string {
  const h = a.replace(/^\/?u(ser)?\//i, '').replace(/\/$/, '');
  return h === '[deleted]' || h === '[removed]' ? '' : h;
}

function shTime(scope: Element | null): string | null {
  const t = q(scope, SEL.shTime);
  return isoTime(attr(t, 'datetime') || attr(t, 'ts'));
}

function parseShPost(el: Element, doc: Document): PostFacts | null {
  const id = attr(el, 'id');
  if (!/^t3_[a-z0-9]+$/i.test(id)) return null;
  const title = attr(el, 'post-title') || visibleText(child(el, SEL.shPostTitle));
  const body = visibleText(child(el, SEL.shPostBody));
  const counts: Counts = {};
  // Reddit's score (upvotes minus downvotes) is its like count; a negative score is left out (counts are >= 0).
  put(counts, 'likes', intAttr(el, 'score'));
  put(counts, 'replies', intAttr(el, 'comment-count'));
  const author = cleanAuthor(attr(el, 'author'));
  return {
    platform: 'reddit',
    postId: id,
    permalink: permalinkOf(attr(el, 'permalink'), doc),
    authorHandle: author,
    authorName: author,
    text: collapse(`${title} ${body}`),
    publishedAt: isoTime(attr(el, 'created-timestamp')) ?? shTime(child(el, SEL.shPostCredit)),
    counts,
    kind: 'post',
  };
}

function parseShComment(el: Element, doc: Document): PostFacts | null {
  const id = attr(el, 'thingid');
  if (!/^t1_[a-z0-9]+$/i.test(id)) return null;
  const counts: Counts = {};
  // score = likes (see above).
  put(counts, 'likes', intAttr(el, 'score'));
  const author = cleanAuthor(attr(el, 'author'));
  return {
    platform: 'reddit',
    postId: id,
    permalink: permalinkOf(attr(el, 'permalink'), doc),
    authorHandle: author,
    authorName: author,
    // Only this comment's own body: replies are nested shreddit-comment children with their own slots.
    text: visibleText(child(el, SEL.shCommentBody)),
    publishedAt: isoTime(attr(el, 'created')) ?? shTime(child(el, SEL.shCommentMeta)),
    counts,
    kind: 'comment',
  };
}

function parseOld(el: Element, doc: Document): PostFacts | null {
  const id = attr(el, 'data-fullname');
  if (!FULLNAME.test(id)) return null;
  const isPost = id.startsWith('t3_');
  if (!isPost && !el.classList.contains('comment')) return null; // "load more comments" stubs
  const entry = child(el, SEL.oldEntry);
  const tagline = q(entry, SEL.oldTagline);
  const locale = localeOf(doc);
  const counts: Counts = {};
  // The score the page shows: the exact number in title= of the unvoted score (the data-score attribute
  // can lag behind it); the visible text ("21.5k", "690 points") when there is no title. Score = likes.
  const scoreEl = isPost ? q(child(el, SEL.oldMidcol), SEL.oldScore) : q(tagline, SEL.oldScore);
  put(counts, 'likes', textCount(attr(scoreEl, 'title'), locale) ?? textCount(scoreEl?.textContent, locale));
  if (counts.likes === undefined) put(counts, 'likes', intAttr(el, 'data-score'));
  if (isPost) {
    // "201 comments" as shown; data-comments-count as a fallback.
    put(counts, 'replies', labelCount(q(entry, SEL.oldCommentsLink)?.textContent, locale));
    if (counts.replies === undefined) put(counts, 'replies', intAttr(el, 'data-comments-count'));
  }
  const authorEl = q(tagline, SEL.oldAuthor);
  const author = cleanAuthor(attr(el, 'data-author') || collapse(authorEl?.textContent));
  const title = isPost ? visibleText(q(entry, SEL.oldTitle)) : '';
  const body = visibleText(q(entry, SEL.oldBody));
  return {
    platform: 'reddit',
    postId: id,
    permalink: permalinkOf(attr(el, 'data-permalink'), doc),
    authorHandle: author,
    authorName: author,
    text: collapse(`${title} ${body}`),
    publishedAt: isoTime(attr(q(tagline, SEL.oldTime), 'datetime')),
    counts,
    kind: isPost ? 'post' : 'comment',
  };
}

function authorOfThing(thing: Element | null): { authorHandle: string; authorName: string } | null {
  if (!thing) return null;
  const a = cleanAuthor(
    attr(thing, 'author') ||
      attr(thing, 'data-author') ||
      collapse(q(child(thing, SEL.oldEntry), SEL.oldAuthor)?.textContent),
  );
  return a ? { authorHandle: a, authorName: a } : null;
}

export const adapter: Adapter = {
  platform: 'reddit',

  matches(url) {
    return HOSTS.has(url.hostname);
  },

  variant(doc) {
    return isOld(doc) ? 'old' : 'shreddit';
  },

  postSelector: [SEL.shPost, SEL.shComment, SEL.oldPost, SEL.oldComment].join(', '),

  parsePost(el, doc) {
    return safely(() => {
      const tag = el.tagName.toLowerCase();
      if (tag === 'shreddit-post') return parseShPost(el, doc);
      if (tag === 'shreddit-comment') return parseShComment(el, doc);
      if (el.matches(SEL.oldThing)) return parseOld(el, doc);
      return null;
    }, null);
  },

  anchor(el): Anchor {
    return safely<Anchor>(() => {
      const tag = el.tagName.toLowerCase();
      // shreddit: a light-DOM slotted child, so the chip renders and stays out of their shadow roots.
      if (tag === 'shreddit-post') {
        const credit = child(el, SEL.shPostCredit);
        return credit ? { el: credit, where: 'append' } : { el, where: 'after' };
      }
      if (tag === 'shreddit-comment') {
        const meta = child(el, SEL.shCommentMeta) ?? child(el, SEL.shCommentBody);
        return meta ? { el: meta, where: 'append' } : { el, where: 'after' };
      }
      // old.reddit: end of the author line (p.tagline), which is not a link.
      const tagline = q(child(el, SEL.oldEntry), SEL.oldTagline);
      return tagline ? { el: tagline, where: 'append' } : { el, where: 'append' };
    }, { el, where: 'append' });
  },

  composerSelector: [SEL.shComposer, SEL.oldComposer].join(', '),

  parseComposer(el, doc): ComposerFacts | null {
    return safely<ComposerFacts | null>(() => {
      if (el.tagName === 'TEXTAREA') {
        if (attr(el, 'name') !== 'text') return null;
        const thing = closest(el, SEL.oldThing);
        if (thing) {
          // A form in the thing's .child is a reply to it; one in its own .entry edits it.
          const inChild = closest(el, SEL.oldChildArea);
          if (inChild && thing.contains(inChild)) {
            return { el: el as HTMLElement, editor: 'textarea', kind: 'reply', replyTo: authorOfThing(thing) };
          }
          const isComment = attr(thing, 'data-fullname').startsWith('t1_');
          return { el: el as HTMLElement, editor: 'textarea', kind: isComment ? 'reply' : 'post', replyTo: null };
        }
        if (closest(el, SEL.oldCommentArea)) {
          return { el: el as HTMLElement, editor: 'textarea', kind: 'reply', replyTo: authorOfThing(q(doc, SEL.oldPost)) };
        }
        return { el: el as HTMLElement, editor: 'textarea', kind: 'post', replyTo: null };
      }
      if (!closest(el, SEL.shComposerHost)) return null;
      const editor = editorKind(el, 'contenteditable');
      const comment = closest(el, SEL.shComment);
      if (comment) return { el: el as HTMLElement, editor, kind: 'reply', replyTo: authorOfThing(comment) };
      const path = docUrl(doc)?.pathname ?? '';
      if (/\/comments\//.test(path)) {
        return { el: el as HTMLElement, editor, kind: 'reply', replyTo: authorOfThing(q(doc, SEL.shPost)) };
      }
      return { el: el as HTMLElement, editor, kind: 'post', replyTo: null };
    }, null);
  },

  expectsPosts(url) {
    if (!HOSTS.has(url.hostname)) return false;
    const p = url.pathname.replace(/\/+$/, '') || '/';
    if (/^\/(settings|prefs|message|messages|chat|login|register|account|password|submit|notifications|mod|premium|coins|media|gallery)(\/|$)/.test(p)) return false;
    if (/\/submit$/.test(p)) return false;
    if (p === '/' || /^\/(hot|new|top|rising|best|controversial|popular|all|search)(\/|$)/.test(p)) return true;
    if (/^\/r\/[^/]+(\/(hot|new|top|rising|best|controversial|search|comments\/.*))?$/.test(p)) return true;
    if (/^\/(u|user)\/[^/]+(\/(overview|submitted|comments|saved|upvoted|posts))?$/.test(p)) return true;
    return false;
  },
};
