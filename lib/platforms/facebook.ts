/**
 * Facebook adapter (www, m and web.facebook.com; the "Comet" React UI).
 *
 * Posts: feed units (div[aria-posinset]) and div[role=article] posts (groups, post pages). Comments are
 * role=article too: they are matched and returned as kind 'comment' (the brand answers them), never as posts, and a
 * post's fields are never read from inside its comments or from a post it shares.
 *
 * Reads: post id from the permalink forms /posts/<id|pfbid…>, permalink.php?story_fbid=, /groups/<g>/posts/<id>,
 * /videos/<id>, /reel/<id>, /photo/?fbid= (the post's own timestamp link is often an obfuscated "?__cft__…" until
 * hovered, so the comments' permalinks, whose path is the post's, are the next source); author (profile_name link),
 * text (story_message), and the reaction / comment / share numbers shown on the action buttons.
 * Does not read: publishedAt (Facebook shows relative times only), sponsored labels (obfuscated text).
 */
import type { Counts } from '../strategy/schema';
import type { Adapter, Anchor, ComposerFacts, PostFacts } from './types';
import {
  asHTMLElement,
  collapse,
  countFromLabel,
  countFromText,
  countKeyOfWord,
  firstOwn,
  inControl,
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
  /** Feed unit (news feed, groups feed, profile timeline). */
  feedUnit: 'div[aria-posinset]',
  /** Post (groups, post pages, older feed) and comment (every page). */
  article: 'div[role="article"]',
  /** Wrapper of one comment (and its replies), carrying the comment's id. */
  commentWrapper: '[data-commentid]',
  /** Comment timestamp link ("8h"): href is /<user>/posts/<post id>?comment_id=<id>. */
  commentPermalink: '[data-permalink-nav] a[href]',
  /** Any link carrying a comment id (also the author's profile link, whose path is not a post). */
  commentIdLink: 'a[href*="comment_id="]',
  /** Post header: author name block (h2–h5). The first is the poster; a later one is a shared post's author. */
  profileName: '[data-ad-rendering-role="profile_name"]',
  /** Post text; the preview message inside it when present. */
  storyMessage: '[data-ad-rendering-role="story_message"]',
  message: '[data-ad-comet-preview="message"]',
  /** Action bar markers, inside the buttons that also show the numbers. */
  likeMarker: '[data-ad-rendering-role="like_button"]',
  commentMarker: '[data-ad-rendering-role="comment_button"]',
  shareMarker: '[data-ad-rendering-role="share_button"]',
  /** Composer: Lexical. The comment box's aria-label is "Write a comment…" (localized). */
  composer: 'div[role="textbox"][contenteditable="true"][data-lexical-editor="true"]',
  dialog: '[role="dialog"]',
  // ---- generic pieces, named here so every selector lives in one place ----
  anyLink: 'a[href]',
  button: '[role="button"]',
  /** Any element with an aria-label ("All reactions: 1.2K" in the older layout). */
  labelled: '[aria-label]',
  /** A labelled control; on a comment, the one starting with a number is its reactions ("2 reactions; see who…"). */
  labelledButton: '[role="button"][aria-label]',
  /** Leaf texts that may hold a number ("12", "1 reply", "12 comments"). */
  leafText: 'span',
  countText: 'span, div[role="button"]',
  /** Comment body: a span/div with lang; else the first dir=auto block. */
  commentBody: 'span[lang], div[lang]',
  commentBodyFallback: 'div[dir="auto"]',
  /** A comment's action row (timestamp, Like, Reply). */
  commentActions: 'ul',
} as const;

const POST = `${SEL.feedUnit}, ${SEL.article}`;
const HOSTS = new Set(['www.facebook.com', 'facebook.com', 'm.facebook.com', 'web.facebook.com']);
const ORIGIN = 'https://www.facebook.com';

/** First path segments that are Facebook's own pages, not profiles. */
const RESERVED = new Set([
  'messages', 'settings', 'login', 'login.php', 'logout.php', 'recover', 'checkpoint', 'marketplace', 'watch', 'reel',
  'reels', 'stories', 'gaming', 'friends', 'notifications', 'bookmarks', 'events', 'pages', 'saved', 'memories',
  'help', 'privacy', 'policies', 'ads', 'business', 'games', 'fundraisers', 'jobs', 'weather', 'onthisday', 'me',
  'composer', 'sharer', 'sharer.php', 'dialog', 'plugins', 'l.php',
]);

// ---------- kinds ----------

/** A comment's own permalink link: the timestamp link, else a comment_id link whose path is a post permalink. */
function commentNav(el: Element): Element | null {
  return (
    firstOwn(el, SEL.commentPermalink, SEL.article) ??
    queryOwn(el, SEL.commentIdLink, SEL.article).find((a) => postPermalink(a.getAttribute('href'), false)) ??
    null
  );
}

function isComment(el: Element): boolean {
  if (!el.matches(SEL.article)) return false;
  if (el.closest(SEL.commentWrapper)) return true;
  const nav = commentNav(el);
  if (nav && /[?&](comment_id|reply_comment_id)=/.test(nav.getAttribute('href') ?? '')) return true;
  // A role=article nested in a post, without a post header of its own, is a comment.
  return !!el.parentElement?.closest(POST) && !el.querySelector(SEL.profileName);
}

// ---------- ids ----------

interface Permalink {
  id: string;
  url: string;
}

const ID = '(pfbid[0-9A-Za-z]+|\\d{5,25})';

/** A post permalink in any of Facebook's forms; the canonical URL keeps only what identifies the post. */
function postPermalink(href: string | null | undefined, withPhotos: boolean): Permalink | null {
  const u = toUrl(href, ORIGIN);
  if (!u || !/(^|\.)facebook\.com$/.test(u.hostname)) return null;
  const path = u.pathname;
  let m = path.match(new RegExp(`^/groups/([^/]+)/(?:posts|permalink)/${ID}`));
  if (m) return { id: m[2], url: `${ORIGIN}/groups/${m[1]}/posts/${m[2]}` };
  m = path.match(new RegExp(`^/([^/]+)/posts/${ID}`));
  if (m) return { id: m[2], url: `${ORIGIN}/${m[1]}/posts/${m[2]}` };
  if (/^\/(permalink|story)\.php$/.test(path)) {
    const id = u.searchParams.get('story_fbid');
    if (id && new RegExp(`^${ID}$`).test(id)) {
      const owner = u.searchParams.get('id');
      return { id, url: `${ORIGIN}/permalink.php?story_fbid=${id}${owner ? `&id=${encodeURIComponent(owner)}` : ''}` };
    }
  }
  m = path.match(/^\/(?:[^/]+\/)?videos\/(?:[^/]+\/)?(\d{5,25})/) ?? path.match(/^\/reel\/(\d{5,25})/);
  if (m) return { id: m[1], url: `${ORIGIN}${path.startsWith('/reel/') ? '/reel/' : '/watch/?v='}${m[1]}` };
  if (withPhotos && /^\/photo(\.php|\/)?$/.test(path)) {
    const id = u.searchParams.get('fbid');
    if (id && /^\d{5,25}$/.test(id)) return { id, url: `${ORIGIN}/photo/?fbid=${id}` };
  }
  return null;
}

function postIdOf(el: Element): Permalink | null {
  const names = queryOwn(el, SEL.profileName, SEL.article);
  const sharedHeader = names[1] ?? null;
  const inComment = (a: Element) => {
    const art = a.closest(SEL.article);
    return !!a.closest(SEL.commentWrapper) || (!!art && art !== el && el.contains(art) && isComment(art));
  };
  const links = Array.from(el.querySelectorAll(SEL.anyLink));
  // 1. The post's own permalink (timestamp link), before any shared post's header; links typed in the text are not it.
  for (const a of links) {
    if (inComment(a) || a.closest(SEL.storyMessage) || (sharedHeader && !precedes(a, sharedHeader))) continue;
    const p = postPermalink(a.getAttribute('href'), false);
    if (p) return p;
  }
  // 2. A comment's permalink: its path is this post's permalink (/<user>/posts/<id>?comment_id=…).
  for (const a of links) {
    if (!inComment(a)) continue;
    const p = postPermalink(a.getAttribute('href'), false);
    if (p) return p;
  }
  // 3. A photo post: the photo link, only when the post shares nothing (a shared post's photo is not this post).
  if (!sharedHeader) {
    for (const a of links) {
      if (inComment(a) || a.closest(SEL.storyMessage)) continue;
      const p = postPermalink(a.getAttribute('href'), true);
      if (p && p.url.startsWith(`${ORIGIN}/photo/`)) return p;
    }
  }
  return null;
}

// ---------- fields ----------

function handleOf(href: string | null | undefined): string {
  const u = toUrl(href, ORIGIN);
  if (!u) return '';
  if (u.pathname === '/profile.php') return u.searchParams.get('id') ?? '';
  const groupUser = u.pathname.match(/^\/groups\/[^/]+\/user\/(\d+)/);
  if (groupUser) return groupUser[1];
  const m = u.pathname.match(/^\/([A-Za-z0-9.\-_]{2,80})\/?$/);
  return m && !RESERVED.has(m[1].toLowerCase()) ? m[1] : '';
}

/** The number shown on an action button (the button containing `marker`). */
function buttonNumber(el: Element, marker: string, locale: string | undefined): number | null {
  const m = firstOwn(el, marker, SEL.article);
  const button = m?.closest(SEL.button);
  if (!button) return null;
  for (const s of Array.from(button.querySelectorAll(SEL.leafText))) {
    if (s.children.length) continue;
    const n = countFromText(s.textContent, locale);
    if (n !== null) return n;
  }
  return null;
}

function postCounts(el: Element, locale: string | undefined): Counts {
  const counts: Counts = {};
  put(counts, 'likes', buttonNumber(el, SEL.likeMarker, locale));
  put(counts, 'replies', buttonNumber(el, SEL.commentMarker, locale));
  put(counts, 'reposts', buttonNumber(el, SEL.shareMarker, locale));
  // Older layout: "12 comments", "3 shares" as text, "All reactions: 1.2K" as a label.
  for (const n of queryOwn(el, SEL.labelled, `${SEL.article}, ${SEL.commentWrapper}`)) {
    const label = n.getAttribute('aria-label') ?? '';
    const m = label.match(/^(all reactions|alle reaktionen|todas las reacciones|todas as reações|toutes les réactions)\s*:\s*(.+)$/i);
    if (m) put(counts, 'likes', countFromText(m[2], locale));
  }
  for (const n of queryOwn(el, SEL.countText, `${SEL.article}, ${SEL.commentWrapper}, ${SEL.storyMessage}`)) {
    if (n.children.length > 1) continue;
    const t = collapse(n.textContent);
    const m = t.match(/^([\d.,\s\u00a0\u202f]+(?:[KkMB]|mil|mi|Mio\.?|k)?)\s+(\p{L}+)$/u);
    if (!m) continue;
    const key = countKeyOfWord(m[2]);
    if (key === 'replies' || key === 'reposts') put(counts, key, countFromText(m[1], locale));
  }
  return counts;
}

/**
 * Where a post's own fields live: the element itself, or, for a feed unit that wraps a role=article post, that
 * article (so that role=article below it is always a comment).
 */
function postRoot(el: Element): Element {
  if (!el.matches(SEL.feedUnit) || el.matches(SEL.article)) return el;
  return Array.from(el.querySelectorAll(SEL.article)).find((a) => !isComment(a)) ?? el;
}

function parseFeedPost(unit: Element, doc: Document): PostFacts | null {
  // A role=article post inside a feed unit is the same post: the feed unit reads it.
  if (unit.matches(SEL.article) && !unit.matches(SEL.feedUnit) && unit.parentElement?.closest(SEL.feedUnit)) return null;
  const el = postRoot(unit);
  const id = postIdOf(el);
  if (!id) return null;
  const names = queryOwn(el, SEL.profileName, SEL.article);
  const header = names[0] ?? null;
  const link = header?.querySelector(SEL.anyLink);
  // The poster's own text comes before a shared post's header; a share without text has none.
  const story = queryOwn(el, SEL.storyMessage, SEL.article).find((s) => !names[1] || precedes(s, names[1])) ?? null;
  const textEl = story?.querySelector(SEL.message) ?? story;
  return {
    platform: 'facebook',
    postId: id.id,
    permalink: id.url,
    authorHandle: handleOf(link?.getAttribute('href')),
    authorName: textOf(header),
    text: postText(textEl),
    publishedAt: null,
    counts: postCounts(el, localeOf(doc)),
    kind: 'post',
  };
}

function parseComment(el: Element, doc: Document): PostFacts | null {
  const locale = localeOf(doc);
  const wrapper = el.closest(SEL.commentWrapper);
  const nav = commentNav(el);
  const navUrl = toUrl(nav?.getAttribute('href'), ORIGIN);
  const id =
    navUrl?.searchParams.get('reply_comment_id') ||
    wrapper?.getAttribute('data-commentid') ||
    navUrl?.searchParams.get('comment_id') ||
    '';
  if (!/^\d{5,25}$/.test(id)) return null;
  let permalink = '';
  const post = postPermalink(navUrl?.href, false);
  if (post && navUrl) {
    const u = new URL(post.url);
    const c = navUrl.searchParams.get('comment_id');
    const r = navUrl.searchParams.get('reply_comment_id');
    if (c) u.searchParams.set('comment_id', c);
    if (r) u.searchParams.set('reply_comment_id', r);
    permalink = u.href;
  }
  // Author: the first link with a visible name (the avatar link is aria-hidden and empty).
  const author = queryOwn(el, SEL.anyLink, SEL.article).find((a) => a.getAttribute('aria-hidden') !== 'true' && textOf(a));
  const body = firstOwn(el, SEL.commentBody, SEL.article) ?? firstOwn(el, SEL.commentBodyFallback, SEL.article);
  const counts: Counts = {};
  // "2 reações, veja quem reagiu a isso" / "2 reactions; see who reacted to this": the only labelled control that starts with a number.
  for (const b of queryOwn(el, SEL.labelledButton, SEL.article)) {
    const label = b.getAttribute('aria-label') ?? '';
    if (/^\s*\d/.test(label)) put(counts, 'likes', countFromLabel(label, locale));
  }
  // "1 resposta" / "3 replies" under the comment, inside its wrapper but outside the replies themselves.
  if (wrapper) {
    for (const s of queryOwn(wrapper, SEL.leafText, `${SEL.article}, ${SEL.commentWrapper}`)) {
      if (s.children.length) continue;
      const t = collapse(s.textContent);
      const m = t.match(/^([\d.,\s\u00a0]+)\s+(\p{L}+)$/u);
      if (m && countKeyOfWord(m[2]) === 'replies' && !/coment|comment|komment/i.test(m[2])) put(counts, 'replies', countFromText(m[1], locale));
    }
  }
  return {
    platform: 'facebook',
    postId: id,
    permalink,
    authorHandle: handleOf(author?.getAttribute('href')),
    authorName: textOf(author),
    text: postText(body),
    publishedAt: null,
    counts,
    kind: 'comment',
  };
}

function parsePost(el: Element, doc: Document): PostFacts | null {
  return safe(() => {
    if (!el.matches(POST)) return null;
    return isComment(el) ? parseComment(el, doc) : parseFeedPost(el, doc);
  }, null);
}

// ---------- anchor ----------

function anchor(el: Element): Anchor {
  return safe<Anchor>(() => {
    const ok = (a: Element | null | undefined): a is Element => !!a && el.contains(a) && !inControl(a);
    if (isComment(el)) {
      const row = commentNav(el)?.closest(SEL.commentActions);
      if (ok(row)) return { el: row, where: 'after' };
      return { el, where: 'append' };
    }
    el = postRoot(el);
    // The action bar: the smallest element holding both the like and the comment button.
    const like = firstOwn(el, SEL.likeMarker, SEL.article);
    let bar: Element | null = like?.closest(SEL.button)?.parentElement ?? null;
    while (bar && bar !== el && !bar.querySelector(SEL.commentMarker)) bar = bar.parentElement;
    if (bar && bar !== el && ok(bar)) return { el: bar, where: 'after' };
    const story = firstOwn(el, SEL.storyMessage, SEL.article);
    if (ok(story)) return { el: story, where: 'after' };
    return { el, where: 'append' };
  }, { el, where: 'append' });
}

// ---------- composers ----------

const COMMENT_BOX = /comment|kommentar|коммент|coment|répon|reply|respond|antwort|replica|rispondi/i;

function parseComposer(raw: Element, doc: Document): ComposerFacts | null {
  return safe(() => {
    const el = asHTMLElement(raw);
    if (!el || el.getAttribute('contenteditable') !== 'true') return null;
    const label = `${el.getAttribute('aria-label') ?? ''} ${el.getAttribute('aria-placeholder') ?? ''}`;
    const wrapper = el.closest(SEL.commentWrapper);
    const post = el.closest(POST);
    if (!wrapper && !post && !COMMENT_BOX.test(label)) return { el, editor: 'lexical', kind: 'post', replyTo: null };
    // Replying inside a comment thread answers that comment; otherwise the post (or the post in the same dialog).
    let target: PostFacts | null = null;
    const commentArticle = wrapper ? firstOwn(wrapper, SEL.article, SEL.commentWrapper) : null;
    if (commentArticle) target = parsePost(commentArticle, doc);
    if (!target) {
      let p = post && isComment(post) ? post.parentElement?.closest(POST) ?? null : post;
      while (p && p.parentElement?.closest(SEL.feedUnit)) p = p.parentElement.closest(SEL.feedUnit);
      if (!p) p = el.closest(SEL.dialog)?.querySelector(POST) ?? null;
      if (p) target = parsePost(p, doc);
    }
    return {
      el,
      editor: 'lexical',
      kind: 'reply',
      replyTo: target ? { authorHandle: target.authorHandle, authorName: target.authorName } : null,
    };
  }, null);
}

// ---------- pages ----------

function expectsPosts(url: URL): boolean {
  const seg = url.pathname.split('/').filter(Boolean);
  if (seg.length === 0) return true;
  const f = seg[0].toLowerCase();
  if (f === 'home.php' || f === 'profile.php' || f === 'permalink.php' || f === 'story.php') return true;
  if (f === 'groups') {
    const g = (seg[1] ?? '').toLowerCase();
    if (!g || ['discover', 'joins', 'create', 'notifications'].includes(g)) return false;
    if (g === 'feed') return true;
    const tab = (seg[2] ?? '').toLowerCase();
    return !tab || ['posts', 'permalink', 'buy_sell_discussion'].includes(tab);
  }
  if (f === 'search') return ['top', 'posts'].includes((seg[1] ?? '').toLowerCase());
  if (f === 'photo' || f === 'photo.php') return true;
  if (RESERVED.has(f)) return false;
  // A profile or page, its posts, or one post (/<user>/posts/<id>, /<user>/videos/<id>).
  if (!/^[A-Za-z0-9.\-_]{2,80}$/.test(seg[0])) return false;
  const second = (seg[1] ?? '').toLowerCase();
  return seg.length === 1 || ['posts', 'videos'].includes(second);
}

export const adapter: Adapter = {
  platform: 'facebook',
  matches: (url) => HOSTS.has(url.hostname.toLowerCase()),
  variant: () => 'comet',
  postSelector: POST,
  parsePost,
  anchor,
  composerSelector: SEL.composer,
  parseComposer,
  expectsPosts,
};
