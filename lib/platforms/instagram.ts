/**
 * Instagram adapter (www.instagram.com): home feed and post pages ("web"), and embed pages ("embed",
 * /p|reel/<code>/embed/, the markup other sites show in iframes).
 *
 * Reads: shortcode (postId, from the /p/ or /reel/ link that wraps the post's <time>), author username, caption,
 * publishedAt, likes ("1,234 likes", "Gefällt 1.234 Mal"), and the comment count from "View all 45 comments".
 * Does not read: likes shown as "Liked by alice and others" (no number), profile grids (thumbnails carry no text or
 * counts, so profile and explore pages are not expected to show posts), comments (not matched).
 * Skips: sponsored posts (a "Sponsored" label in the header).
 */
import type { Counts } from '../strategy/schema';
import type { Adapter, Anchor, ComposerFacts, PostFacts } from './types';
import {
  asHTMLElement,
  collapse,
  countFromLabel,
  countKeyOfWord,
  inControl,
  insideNested,
  localeOf,
  precedes,
  put,
  safe,
  postText,
  textOf,
  toUrl,
} from './shared-a';

const SEL = {
  /** Feed post and post page/modal. */
  post: 'article',
  /** Embed page root (/p/<code>/embed/). */
  embed: 'div.Embed',
  /** Links to a post: /p/<code>/, /reel/<code>/, /<user>/p/<code>/. */
  postLink: 'a[href*="/p/"], a[href*="/reel/"], a[href*="/tv/"]',
  time: 'time[datetime]',
  /** Action buttons are div[role=button] around an svg whose aria-label is Like/Unlike/Comment/Share/Save. */
  actionIcon: 'svg[aria-label]',
  likedBy: 'a[href$="/liked_by/"]',
  allComments: 'a[href$="/comments/"]',
  /** Caption (feed: span[dir=auto]; post page: h1[dir=auto]). */
  captionCandidate: 'h1[dir="auto"], span[dir="auto"]',
  // ---- embed page ----
  embedUsername: '.UsernameText, a.Username',
  embedSocialProof: '.SocialProof',
  embedCaption: '.Caption',
  embedCaptionUsername: '.CaptionUsername',
  /** Comment box: a React-controlled textarea ("Add a comment…", localized). */
  composer:
    'textarea[aria-label*="comment" i], textarea[placeholder*="comment" i], textarea[aria-label*="komment" i], textarea[aria-label*="coment" i], article form textarea',
  /** New-post caption box in the Create dialog (Lexical contenteditable). */
  captionComposer: 'div[role="dialog"] div[contenteditable="true"][role="textbox"][aria-label*="caption" i]',
  // ---- generic pieces, named here so every selector lives in one place ----
  /** Action row and likes row are <section>s inside the article. */
  section: 'section',
  button: '[role="button"]',
  span: 'span',
  anyLink: 'a[href]',
  link: 'a',
  /** Text that is not the caption: links (username, hashtags page), controls, time, the likes section. */
  notCaption: 'a, button, [role="button"], time, section',
  embedUsernameText: '.UsernameText',
} as const;

const HOSTS = new Set(['www.instagram.com', 'instagram.com']);
const ORIGIN = 'https://www.instagram.com';
const RESERVED = new Set(['explore', 'reels', 'reel', 'p', 'tv', 'stories', 'accounts', 'direct', 'about', 'legal', 'developer', 'web', 'emails', 'challenge', 'session', 'api']);
const SPONSORED = /^(sponsored|gesponsert|publicidad|sponsorisé|patrocinado|sponsorizzato|ad|anzeige)$/i;

function codeOf(href: string | null | undefined): { code: string; kind: 'p' | 'reel' } | null {
  const u = toUrl(href, ORIGIN);
  const m = u?.pathname.match(/^\/(?:[A-Za-z0-9._]{1,30}\/)?(p|reel|reels|tv)\/([A-Za-z0-9_-]{5,40})(?:\/|$)/);
  if (!m) return null;
  return { code: m[2], kind: m[1] === 'p' || m[1] === 'tv' ? 'p' : 'reel' };
}

function userOf(href: string | null | undefined): string {
  const u = toUrl(href, ORIGIN);
  const m = u?.pathname.match(/^\/([A-Za-z0-9._]{1,30})\/?$/);
  return m && !RESERVED.has(m[1].toLowerCase()) ? m[1] : '';
}

/** The action row: the section holding the Like / Comment icons. */
function actionRow(el: Element): Element | null {
  for (const svg of Array.from(el.querySelectorAll(SEL.actionIcon))) {
    if (!/^(like|unlike|gefällt mir|me gusta|j’aime|curtir|mi piace)$/i.test(svg.getAttribute('aria-label') ?? '')) continue;
    const section = svg.closest(SEL.section);
    if (section && el.contains(section)) return section;
    const row = svg.closest(SEL.button)?.parentElement?.parentElement ?? null;
    return row && el.contains(row) && row !== el ? row : null;
  }
  return null;
}

function likesOf(el: Element, locale: string | undefined): number | null {
  const liked = el.querySelector(SEL.likedBy);
  const sections = Array.from(el.querySelectorAll(SEL.section));
  const texts = (liked ? [liked] : sections.length ? sections : [el]).map((s) => textOf(s));
  for (const t of texts) {
    // "1,234 likes" / "Gefällt 1.234 Mal" / "1.234 Me gusta"; never "Liked by alice and 1,233 others".
    if (!t || /\b(by|and|others|und|weitere|von|y|et|e|de)\b/i.test(t)) continue;
    const words = t.replace(/[\d.,\s\u00a0\u202f]+/g, ' ');
    if (countKeyOfWord(words) !== 'likes' && !/\bmal\b/i.test(words)) continue;
    const n = countFromLabel(t, locale);
    if (n !== null) return n;
  }
  return null;
}

function parseWeb(el: Element, doc: Document): PostFacts | null {
  if (el.parentElement?.closest(SEL.post)) return null;
  const links = Array.from(el.querySelectorAll(SEL.postLink));
  const own = links.find((a) => a.querySelector(SEL.time) && codeOf(a.getAttribute('href'))) ?? links.find((a) => codeOf(a.getAttribute('href')));
  const code = codeOf(own?.getAttribute('href'));
  if (!own || !code) return null;
  const row = actionRow(el);
  const beforeRow = (n: Element) => !row || precedes(n, row);
  // Sponsored label in the header.
  for (const s of Array.from(el.querySelectorAll(SEL.span))) {
    if (s.children.length === 0 && beforeRow(s) && SPONSORED.test(collapse(s.textContent))) return null;
  }
  // Author: the first profile link (avatar, then the username link).
  let authorHandle = '';
  let authorName = '';
  for (const a of Array.from(el.querySelectorAll(SEL.anyLink))) {
    const u = userOf(a.getAttribute('href'));
    if (!u) continue;
    if (!authorHandle) authorHandle = u;
    if (u === authorHandle && textOf(a)) {
      authorName = textOf(a);
      break;
    }
  }
  // Caption: the first text block after the action row that is not a link, a button or the username.
  const candidates = Array.from(el.querySelectorAll(SEL.captionCandidate)).filter(
    (s) =>
      !insideNested(el, s, SEL.notCaption) &&
      (!row || precedes(row, s)) &&
      collapse(s.textContent) !== authorName,
  );
  const caption = candidates.find((c) => !candidates.some((o) => o !== c && o.contains(c))) ?? null;
  const locale = localeOf(doc);
  const counts: Counts = {};
  put(counts, 'likes', likesOf(el, locale));
  const all = el.querySelector(SEL.allComments);
  if (all) put(counts, 'replies', countFromLabel(textOf(all), locale));
  const time = own.querySelector(SEL.time)?.getAttribute('datetime');
  return {
    platform: 'instagram',
    postId: code.code,
    permalink: `${ORIGIN}/${code.kind}/${code.code}/`,
    authorHandle,
    authorName,
    text: postText(caption),
    publishedAt: time && !Number.isNaN(Date.parse(time)) ? new Date(time).toISOString() : null,
    counts,
    kind: 'post',
  };
}

function parseEmbed(el: Element, doc: Document): PostFacts | null {
  const link = Array.from(el.querySelectorAll(SEL.postLink)).find((a) => codeOf(a.getAttribute('href')));
  const code = codeOf(link?.getAttribute('href')) ?? codeOf(doc.URL);
  if (!code) return null;
  const user = el.querySelector(SEL.embedUsername);
  const userLink = user?.closest(SEL.link) ?? user;
  const caption = el.querySelector(SEL.embedCaption);
  const counts: Counts = {};
  put(counts, 'likes', likesOf(el.querySelector(SEL.embedSocialProof) ?? el, localeOf(doc)));
  const username = textOf(el.querySelector(SEL.embedUsernameText)) || textOf(user);
  return {
    platform: 'instagram',
    postId: code.code,
    permalink: `${ORIGIN}/${code.kind}/${code.code}/`,
    authorHandle: userOf(userLink?.getAttribute('href')) || username,
    authorName: username,
    text: postText(caption, SEL.embedCaptionUsername),
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
    if (el.matches(SEL.embed)) {
      const proof = el.querySelector(SEL.embedSocialProof);
      if (proof && !inControl(proof)) return { el: proof, where: 'after' };
      return { el, where: 'append' };
    }
    const row = actionRow(el);
    if (row && el.contains(row) && !inControl(row)) return { el: row, where: 'after' };
    return { el, where: 'append' };
  }, { el, where: 'append' });
}

function parseComposer(raw: Element, doc: Document): ComposerFacts | null {
  return safe(() => {
    const el = asHTMLElement(raw);
    if (!el) return null;
    if (el.tagName !== 'TEXTAREA') {
      if (el.getAttribute('contenteditable') !== 'true') return null;
      const editor = el.getAttribute('data-lexical-editor') === 'true' ? 'lexical' : 'contenteditable';
      return { el, editor, kind: 'post', replyTo: null };
    }
    const post = el.closest(SEL.post) ?? doc.querySelector(`main ${SEL.post}`);
    const f = post ? parsePost(post, doc) : null;
    return { el, editor: 'textarea', kind: 'reply', replyTo: f ? { authorHandle: f.authorHandle, authorName: f.authorName } : null };
  }, null);
}

function variant(doc: Document): string {
  return safe(() => (doc.querySelector(SEL.embed) ? 'embed' : 'web'), 'web');
}

function expectsPosts(url: URL): boolean {
  const seg = url.pathname.split('/').filter(Boolean);
  if (seg.length === 0) return true;
  // Post and reel pages, also under /<user>/p/<code>/ and as embeds.
  return !!codeOf(url.pathname) && !(seg[0] === 'reels' && seg.length === 1);
}

export const adapter: Adapter = {
  platform: 'instagram',
  matches: (url) => HOSTS.has(url.hostname.toLowerCase()),
  variant,
  postSelector: `${SEL.post}, ${SEL.embed}`,
  parsePost,
  anchor,
  composerSelector: `${SEL.composer}, ${SEL.captionComposer}`,
  parseComposer,
  expectsPosts,
};
