/**
 * LinkedIn adapter. Two DOMs are live at once (A/B tested):
 *  - v1 (Ember): posts are div[data-urn="urn:li:activity:…"], comments article[data-id="urn:li:comment:…"], Quill editors.
 *  - v2 (React SSR + server-driven UI): posts are div[data-view-name="feed-full-update"] whose id sits in the
 *    data-view-tracking-scope JSON (FeedUpdateServedEvent; breadcrumb.content.data is a UTF-8 byte array), comments are
 *    units whose id/componentkey is "replaceableComment_urn:li:comment:(…)", TipTap/ProseMirror editors.
 * Transitional pages (v1 markup already carrying data-view-name/tracking-scope) are read as v1, once per post.
 *
 * Reads: activity URN (postId, as in /feed/update/<urn>), author (profile slug from /in/ or /company/), name, text,
 * publishedAt (decoded from the URN: LinkedIn ids carry their creation time in the top 41 bits), reactions, comments
 * and reposts. Comments are kind 'comment', id "urn:li:comment:(activity:<post>,<comment>)" as in ?commentUrn=.
 * Skips: promoted posts (sponsored tracking events, or a "Promoted" sub-description).
 */
import type { Counts } from '../strategy/schema';
import type { Adapter, Anchor, ComposerFacts, PostFacts } from './types';
import {
  asHTMLElement,
  collapse,
  countFromLabel,
  countFromText,
  countKeyOfWord,
  decodeBytes,
  firstOwn,
  inControl,
  localeOf,
  put,
  queryOwn,
  safe,
  postText,
  textOf,
  toUrl,
} from './shared-a';

const SEL = {
  // ---- v1 (Ember) ----
  /** v1 post (feed, search results, profile activity, single post page). */
  v1Post: 'div[data-urn^="urn:li:activity:"], div[data-urn^="urn:li:ugcPost:"], div[data-id^="urn:li:activity:"]',
  /** v1 comment and reply (reply articles nest inside their parent's replies list). */
  v1Comment: 'article[data-id^="urn:li:comment:"]',
  /** v1 reshared post inside a post: its fields belong to the original, not to the sharer. */
  v1Nested: '.update-components-mini-update-v2, .feed-shared-update-v2__content .update-components-actor, article',
  v1ActorLink: 'a.update-components-actor__meta-link, a.update-components-actor__image, a.update-components-actor__container-link',
  v1ActorName:
    '.update-components-actor__title span[aria-hidden="true"], .update-components-actor__name span[aria-hidden="true"]',
  v1ActorNameSr: '.update-components-actor__title .visually-hidden, .update-components-actor__name .visually-hidden',
  v1SubDescription: '.update-components-actor__sub-description',
  v1Text: '.feed-shared-update-v2__description .update-components-text, .update-components-update-v2__commentary',
  v1SocialCounts: '.social-details-social-counts',
  v1ReactionsNumber: '.social-details-social-counts__reactions-count, .social-details-social-counts__social-proof-fallback-number',
  v1ReactionsButton: '.social-details-social-counts__reactions button, button[data-reaction-details]',
  v1ActionBar: '.feed-shared-social-action-bar',
  v1CommentName: '.comments-comment-meta__description-title',
  v1CommentLink: 'a.comments-comment-meta__description-container, a.comments-comment-meta__image-link',
  v1CommentText: '.comments-comment-item__main-content',
  v1CommentReactions: '.comments-comment-social-bar__reactions-count--cr, .comments-comment-social-bar__reactions-count',
  v1CommentReplies: '.comments-comment-social-bar__replies-count--cr, .comments-comment-social-bar__replies-count',
  v1CommentBar: '.comments-comment-social-bar--cr, .comments-comment-social-bar',
  /** Screen-reader-only duplicates (v1 renders every name and hashtag twice). */
  srOnly: '.visually-hidden',
  // ---- v2 (SDUI) ----
  /** v2 post body (its comments are siblings in the same div[role=listitem], not inside). */
  v2Post: 'div[data-view-name="feed-full-update"]',
  /** v2 single post page. */
  v2Detail: 'div[data-view-name="feed-detail-page"]',
  v2ListItem: 'div[role="listitem"]',
  /** v2 comment unit (2025: componentkey; 2026: id). Replies nest inside their parent's unit. */
  v2Comment: 'div[id^="replaceableComment_urn:li:comment:"], div[componentkey^="replaceableComment_urn:li:comment:"]',
  v2ActorImage: 'a[data-view-name="feed-actor-image"]',
  v2Text: '[data-view-name="feed-commentary"] [data-testid="expandable-text-box"], [data-view-name="feed-commentary"]',
  v2ReactionButton: 'button[data-view-name="reaction-button"]',
  v2CommentButton: '[data-view-name="feed-comment-button"]',
  v2CommentCount: '[data-view-name="feed-comment-count"]',
  v2CommentActor: 'a[data-view-name="comment-actor-description"], a[data-view-name="reply-actor-description"]',
  v2CommentActorPicture: 'a[data-view-name="comment-actor-picture"], a[data-view-name="reply-actor-picture"]',
  v2CommentText:
    '[data-view-name="comment-commentary"] [data-testid="expandable-text-box"], [data-view-name="comment-reply-commentary"] [data-testid="expandable-text-box"], [data-view-name="comment-commentary"], [data-view-name="comment-reply-commentary"]',
  v2TrackingScope: '[data-view-tracking-scope]',
  // ---- composers ----
  /** v1: Quill (comment box and share box); v2: TipTap/ProseMirror (comment box; share box assumed the same). */
  composer: '.ql-editor[contenteditable="true"], div.tiptap.ProseMirror[contenteditable="true"], div.ProseMirror[contenteditable="true"]',
  v1CommentBox: '.comments-comment-texteditor, .comments-comment-box, .comments-comment-box__form',
  v2CommentBox: '[data-view-name="comment-box"], [aria-label="Text editor for creating comment"]',
  // ---- generic pieces, named here so every selector lives in one place ----
  /** v1 social-counts controls whose aria-label carries a count ("5 comments on Ann’s post", "3 reposts of …"). */
  v1CountControl: 'button[aria-label], a[aria-label]',
  /** v1 renders each line twice: the visible copy is aria-hidden, the other one .visually-hidden. */
  visibleCopy: '[aria-hidden="true"]',
  /** Candidate leaf elements for v2 count texts ("376 reactions", "12 comments"). */
  leaf: 'span, p, a, button, div',
  /** Any element with an aria-label (v2 comment controls). */
  labelled: '[aria-label]',
  /** v2: links to a post page, a fallback source of the URN. */
  v2PostLink: 'a[href*="/feed/update/urn:li:"]',
  /** v2 actor block: name, headline and time are <p> lines inside the name link. */
  v2ActorLine: 'p',
  v2ActorImg: 'img',
  /** v2 post text container and comment text containers. */
  v2Commentary: '[data-view-name="feed-commentary"]',
  v2CommentBody: '[data-view-name="comment-commentary"], [data-view-name="comment-reply-commentary"]',
} as const;

const HOSTS = new Set(['www.linkedin.com', 'linkedin.com']);
const ORIGIN = 'https://www.linkedin.com';
const POST_SELECTOR = [SEL.v1Post, SEL.v1Comment, SEL.v2Post, SEL.v2Detail, SEL.v2Comment].join(', ');

// ---------- ids ----------

const ACTIVITY = /urn:li:(activity|ugcPost):(\d{6,25})/;
const COMMENT = /urn:li:comment:\((?:urn:li:)?(activity|ugcPost):(\d{6,25}),(\d{6,25})\)/;

/** LinkedIn ids are time-ordered: the top 41 bits of the 64-bit id are the creation time in ms. */
function timeOfId(id: string): string | null {
  return safe(() => {
    const ms = Number(BigInt(id) >> 22n);
    const min = Date.UTC(2003, 0, 1);
    if (!Number.isFinite(ms) || ms < min || ms > Date.now() + 86_400_000) return null;
    return new Date(ms).toISOString();
  }, null);
}

function commentIdOf(raw: string | null | undefined): { urn: string; postUrn: string; commentId: string } | null {
  const m = raw?.match(COMMENT);
  if (!m) return null;
  return { urn: `urn:li:comment:(${m[1]}:${m[2]},${m[3]})`, postUrn: `urn:li:${m[1]}:${m[2]}`, commentId: m[3] };
}

/** updateUrn from a data-view-tracking-scope value (plain JSON breadcrumb, or byte-array content). */
function urnFromTrackingScope(scope: string | null | undefined, topic: string, field: string): string | null {
  if (!scope) return null;
  return safe(() => {
    const parsed: unknown = JSON.parse(scope);
    const entries = Array.isArray(parsed) ? parsed : [parsed];
    const re = new RegExp(`"${field}"\\s*:\\s*"([^"]+)"`);
    for (const entry of entries) {
      if (!entry || typeof entry !== 'object' || (entry as { topicName?: unknown }).topicName !== topic) continue;
      const bc = (entry as { breadcrumb?: Record<string, unknown> }).breadcrumb;
      if (!bc) continue;
      if (typeof bc[field] === 'string') return bc[field] as string;
      const content = bc.content as { data?: unknown } | undefined;
      const m = decodeBytes(content?.data).match(re);
      if (m) return m[1];
    }
    return null;
  }, null);
}

function isSponsoredScope(scope: string | null | undefined): boolean {
  return !!scope && (/Sponsored[A-Za-z]*Served/.test(scope) || /"isSponsored"\s*:\s*true/.test(scope));
}

// ---------- authors ----------

function handleOfHref(href: string | null | undefined): string {
  const u = toUrl(href, ORIGIN);
  const m = u?.pathname.match(/^\/(in|company|school|showcase)\/([^/?#]+)/);
  return m ? decodeURIComponent(m[2]) : '';
}

/** "Ann Lee • 2nd", "Ann Lee, Verified" → "Ann Lee". */
function cleanName(s: string): string {
  return collapse(s.replace(/\s*[•·]\s*(1st|2nd|3rd\+?|Following|Author|You|Premium).*$/i, ''));
}

// ---------- counts ----------

/** Reactions shown as "A and 62 others" (no count of its own): the named person plus the others. */
function reactionsFromSocialProof(text: string, locale: string | undefined): number | null {
  const m = collapse(text).match(/^[^,]+ and ([\d.,\s\u00a0]+) others?\b/i);
  if (!m) return null;
  const n = countFromText(m[1], locale);
  return n === null ? null : n + 1;
}

/** "376 reactions", "12 comments", "3 reposts" (leaf text or a label): [key, number] or null. */
function keyedCount(text: string, locale: string | undefined): [keyof Counts, number] | null {
  const t = collapse(text);
  const m = t.match(/^([\d.,\s\u00a0\u202f]+[KkMB]?)\s+(\p{L}[\p{L}’'-]*)/u);
  if (!m) return null;
  const key = countKeyOfWord(m[2]);
  if (!key) return null;
  const n = countFromText(m[1], locale);
  return n === null ? null : [key, n];
}

function v1Counts(el: Element, locale: string | undefined): Counts {
  const counts: Counts = {};
  const box = firstOwn(el, SEL.v1SocialCounts, SEL.v1Nested);
  if (!box) return counts;
  for (const num of Array.from(box.querySelectorAll(SEL.v1ReactionsNumber))) put(counts, 'likes', countFromText(textOf(num), locale));
  const rb = box.querySelector(SEL.v1ReactionsButton);
  const rl = rb?.getAttribute('aria-label') ?? '';
  const kc = keyedCount(rl, locale);
  if (kc?.[0] === 'likes') put(counts, 'likes', kc[1]);
  put(counts, 'likes', reactionsFromSocialProof(rl, locale));
  for (const b of Array.from(box.querySelectorAll(SEL.v1CountControl))) {
    if (b === rb) continue;
    const label = b.getAttribute('aria-label') ?? '';
    const k = keyedCount(label, locale) ?? keyedCount(textOf(b), locale);
    if (k && k[0] !== 'likes') put(counts, k[0], k[1]);
  }
  return counts;
}

function leafTexts(root: Element, boundary: string): string[] {
  const out: string[] = [];
  for (const el of queryOwn(root, SEL.leaf, boundary)) {
    if (el.children.length === 0 || Array.from(el.children).every((c) => c.tagName === 'SPAN' && c.children.length === 0)) {
      const t = collapse(el.textContent);
      if (t && t.length < 80) out.push(t);
    }
  }
  return out;
}

function v2Counts(el: Element, locale: string | undefined): Counts {
  const counts: Counts = {};
  const boundary = `${SEL.v2Comment}, ${SEL.v2Commentary}`;
  const cc = firstOwn(el, SEL.v2CommentCount, boundary);
  if (cc) put(counts, 'replies', countFromLabel(textOf(cc), locale));
  for (const t of leafTexts(el, boundary)) {
    const k = keyedCount(t, locale);
    if (k) put(counts, k[0], k[1]);
    else if (/\breacted\b/i.test(t)) put(counts, 'likes', reactionsFromSocialProof(t.replace(/\s+reacted\b.*$/i, ''), locale));
  }
  return counts;
}

// ---------- posts ----------

function v1Promoted(el: Element): boolean {
  const sub = firstOwn(el, SEL.v1SubDescription, SEL.v1Nested);
  const t = collapse(sub?.querySelector(SEL.visibleCopy)?.textContent ?? sub?.textContent);
  return /^(promoted|gesponsert|sponsorisé|promocionado|promovido|sponsorizzato)\b/i.test(t);
}

function parseV1Post(el: Element, doc: Document): PostFacts | null {
  if (el.parentElement?.closest(SEL.v1Post)) return null; // a reshare rendered inside another post
  const urn = (el.getAttribute('data-urn') || el.getAttribute('data-id') || '').match(ACTIVITY)?.[0];
  if (!urn || v1Promoted(el)) return null;
  const locale = localeOf(doc);
  const link = firstOwn(el, SEL.v1ActorLink, SEL.v1Nested);
  const nameEl = firstOwn(el, SEL.v1ActorName, SEL.v1Nested) ?? firstOwn(el, SEL.v1ActorNameSr, SEL.v1Nested);
  const textEl = firstOwn(el, SEL.v1Text, SEL.v1Nested);
  return {
    platform: 'linkedin',
    postId: urn,
    permalink: `${ORIGIN}/feed/update/${urn}`,
    authorHandle: handleOfHref(link?.getAttribute('href')),
    authorName: cleanName(textOf(nameEl)),
    text: postText(textEl, SEL.srOnly),
    publishedAt: timeOfId(urn.split(':').pop()!),
    counts: v1Counts(el, locale),
    kind: 'post',
  };
}

function v2Urn(el: Element, doc: Document): string | null {
  const scopes = [el, ...Array.from(el.querySelectorAll(SEL.v2TrackingScope))];
  for (let p = el.parentElement; p; p = p.parentElement) if (p.hasAttribute('data-view-tracking-scope')) scopes.push(p);
  for (const s of scopes) {
    const urn = urnFromTrackingScope(s.getAttribute('data-view-tracking-scope'), 'FeedUpdateServedEvent', 'updateUrn');
    const m = urn?.match(ACTIVITY);
    if (m) return m[0];
  }
  for (const a of Array.from(el.querySelectorAll(SEL.v2PostLink))) {
    const m = (a.getAttribute('href') ?? '').match(ACTIVITY);
    if (m) return m[0];
  }
  if (el.matches(SEL.v2Detail)) return doc.URL.match(ACTIVITY)?.[0] ?? null;
  return null;
}

function parseV2Post(el: Element, doc: Document): PostFacts | null {
  // Transitional markup: the same post also has a v1 data-urn element inside; read it once, as v1.
  if (el.querySelector(SEL.v1Post) || el.closest(SEL.v1Post)) return null;
  if (el.matches(SEL.v2Detail) && el.querySelector(SEL.v2Post)) return null;
  if (el.parentElement?.closest(SEL.v2Post)) return null;
  const scopes = [el, ...Array.from(el.querySelectorAll(SEL.v2TrackingScope))];
  if (scopes.some((s) => isSponsoredScope(s.getAttribute('data-view-tracking-scope')))) return null;
  const urn = v2Urn(el, doc);
  if (!urn) return null;
  const boundary = SEL.v2Comment;
  const img = firstOwn(el, SEL.v2ActorImage, boundary);
  let authorName = '';
  if (img) {
    const sib = Array.from(img.parentElement?.children ?? []).find((c) => c !== img && c.tagName === 'A' && c.querySelector(SEL.v2ActorLine));
    authorName = cleanName(textOf(sib?.querySelector(SEL.v2ActorLine)));
    if (!authorName) authorName = cleanName(collapse(img.querySelector(SEL.v2ActorImg)?.getAttribute('alt')).replace(/^View\s+(.+?)[’']s\s.*$/i, '$1'));
  }
  const textEl = firstOwn(el, SEL.v2Text, boundary);
  return {
    platform: 'linkedin',
    postId: urn,
    permalink: `${ORIGIN}/feed/update/${urn}`,
    authorHandle: handleOfHref(img?.getAttribute('href')),
    authorName,
    text: postText(textEl, SEL.srOnly),
    publishedAt: timeOfId(urn.split(':').pop()!),
    counts: v2Counts(el, localeOf(doc)),
    kind: 'post',
  };
}

// ---------- comments ----------

function commentPermalink(c: { urn: string; postUrn: string }): string {
  return `${ORIGIN}/feed/update/${c.postUrn}?commentUrn=${encodeURIComponent(c.urn)}`;
}

function parseV1Comment(el: Element, doc: Document): PostFacts | null {
  const c = commentIdOf(el.getAttribute('data-id'));
  if (!c) return null;
  const locale = localeOf(doc);
  const boundary = SEL.v1Comment;
  const counts: Counts = {};
  put(counts, 'likes', countFromLabel(textOf(firstOwn(el, SEL.v1CommentReactions, boundary)), locale));
  put(counts, 'replies', countFromLabel(textOf(firstOwn(el, SEL.v1CommentReplies, boundary)), locale));
  const link = firstOwn(el, SEL.v1CommentLink, boundary);
  return {
    platform: 'linkedin',
    postId: c.urn,
    permalink: commentPermalink(c),
    authorHandle: handleOfHref(link?.getAttribute('href')),
    authorName: cleanName(textOf(firstOwn(el, SEL.v1CommentName, boundary), SEL.srOnly)),
    text: postText(firstOwn(el, SEL.v1CommentText, boundary), SEL.srOnly),
    publishedAt: timeOfId(c.commentId),
    counts,
    kind: 'comment',
  };
}

function v2CommentRaw(el: Element): string {
  return el.getAttribute('id') || el.getAttribute('componentkey') || '';
}

function parseV2Comment(el: Element, doc: Document): PostFacts | null {
  const c = commentIdOf(v2CommentRaw(el));
  if (!c) return null;
  // The same unit can carry both attributes on nested wrappers: read the outermost one only.
  const outer = el.parentElement?.closest(SEL.v2Comment);
  if (outer && commentIdOf(v2CommentRaw(outer))?.urn === c.urn) return null;
  const locale = localeOf(doc);
  const boundary = SEL.v2Comment;
  const actor = firstOwn(el, SEL.v2CommentActor, boundary);
  const picture = firstOwn(el, SEL.v2CommentActorPicture, boundary);
  const counts: Counts = {};
  for (const b of queryOwn(el, SEL.labelled, boundary)) {
    const k = keyedCount(b.getAttribute('aria-label') ?? '', locale);
    if (k && (k[0] === 'likes' || k[0] === 'replies')) put(counts, k[0], k[1]);
  }
  for (const t of leafTexts(el, `${boundary}, ${SEL.v2CommentText}`)) {
    const k = keyedCount(t, locale);
    if (k && (k[0] === 'likes' || k[0] === 'replies')) put(counts, k[0], k[1]);
  }
  return {
    platform: 'linkedin',
    postId: c.urn,
    permalink: commentPermalink(c),
    authorHandle: handleOfHref((actor ?? picture)?.getAttribute('href')),
    authorName: cleanName(textOf(actor?.querySelector(SEL.v2ActorLine))),
    text: postText(firstOwn(el, SEL.v2CommentText, boundary), SEL.srOnly),
    publishedAt: timeOfId(c.commentId),
    counts,
    kind: 'comment',
  };
}

function parsePost(el: Element, doc: Document): PostFacts | null {
  return safe(() => {
    if (el.matches(SEL.v1Comment)) return parseV1Comment(el, doc);
    if (el.matches(SEL.v2Comment)) return parseV2Comment(el, doc);
    if (el.matches(SEL.v1Post)) return parseV1Post(el, doc);
    if (el.matches(SEL.v2Post) || el.matches(SEL.v2Detail)) return parseV2Post(el, doc);
    return null;
  }, null);
}

// ---------- anchor ----------

function anchor(el: Element): Anchor {
  return safe<Anchor>(() => {
    const ok = (a: Element | null | undefined): a is Element => !!a && !inControl(a);
    if (el.matches(SEL.v1Comment)) {
      const bar = firstOwn(el, SEL.v1CommentBar, SEL.v1Comment);
      if (ok(bar)) return { el: bar, where: 'after' };
      const text = firstOwn(el, SEL.v1CommentText, SEL.v1Comment);
      if (ok(text)) return { el: text, where: 'after' };
    } else if (el.matches(SEL.v2Comment)) {
      const text = firstOwn(el, SEL.v2CommentText, SEL.v2Comment);
      const box = text?.closest(SEL.v2CommentBody) ?? text;
      if (ok(box)) return { el: box, where: 'after' };
    } else if (el.matches(SEL.v1Post)) {
      const bar = firstOwn(el, SEL.v1ActionBar, SEL.v1Nested);
      if (ok(bar)) return { el: bar, where: 'after' };
      const counts = firstOwn(el, SEL.v1SocialCounts, SEL.v1Nested);
      if (ok(counts)) return { el: counts, where: 'after' };
    } else {
      // v2: the row holding the reaction and comment buttons.
      const react = firstOwn(el, SEL.v2ReactionButton, SEL.v2Comment);
      let bar: Element | null = react?.parentElement ?? null;
      while (bar && bar !== el && !bar.querySelector(SEL.v2CommentButton)) bar = bar.parentElement;
      if (bar && bar !== el && ok(bar)) return { el: bar, where: 'after' };
      const text = firstOwn(el, SEL.v2Commentary, SEL.v2Comment);
      if (ok(text)) return { el: text, where: 'after' };
    }
    return { el, where: 'append' };
  }, { el, where: 'append' });
}

// ---------- composers ----------

function postAuthor(post: Element | null, doc: Document): { authorHandle: string; authorName: string } | null {
  if (!post) return null;
  const f = parsePost(post, doc);
  return f ? { authorHandle: f.authorHandle, authorName: f.authorName } : null;
}

function parseComposer(raw: Element, doc: Document): ComposerFacts | null {
  return safe(() => {
    const el = asHTMLElement(raw);
    if (!el || el.getAttribute('contenteditable') !== 'true') return null;
    const quill = el.classList.contains('ql-editor');
    const editor = quill ? 'quill' : 'prosemirror';
    const inCommentBox = !!el.closest(quill ? SEL.v1CommentBox : SEL.v2CommentBox);
    if (!inCommentBox) return { el, editor, kind: 'post', replyTo: null };
    // A reply box inside a comment answers that comment; otherwise it answers the post.
    const comment = el.closest(`${SEL.v1Comment}, ${SEL.v2Comment}`);
    let target = postAuthor(comment, doc);
    if (!target) {
      let v1 = el.closest(SEL.v1Post);
      // Feed items nest data-urn inside data-id: the outermost one is the post.
      for (let up = v1?.parentElement?.closest(SEL.v1Post); up; up = up.parentElement?.closest(SEL.v1Post)) v1 = up;
      const item = el.closest(`${SEL.v2ListItem}, ${SEL.v2Detail}`);
      const v2 = item?.matches(SEL.v2Post) ? item : item?.querySelector(SEL.v2Post) ?? (item?.matches(SEL.v2Detail) ? item : null);
      target = postAuthor(v1 ?? v2 ?? null, doc);
    }
    return { el, editor, kind: 'reply', replyTo: target };
  }, null);
}

// ---------- pages ----------

function variant(doc: Document): string {
  return safe(() => {
    const body = doc.body;
    if (body?.hasAttribute('data-rehydrated') || Array.from(body?.children ?? []).some((c) => c.id === 'root')) return 'v2';
    if (doc.querySelector(SEL.v1Post)) return 'v1';
    const item = doc.querySelector(`${SEL.v2ListItem} ${SEL.v2Post}, ${SEL.v2Detail}`);
    return item ? 'v2' : 'v1';
  }, 'v1');
}

function expectsPosts(url: URL): boolean {
  const p = url.pathname.toLowerCase().replace(/\/+$/, '/') || '/';
  if (p === '/' || p === '/feed/' || p === '/feed') return true;
  if (/^\/feed\/(update|hashtag)\//.test(p)) return true;
  if (/^\/posts\/[^/]+/.test(p)) return true;
  if (/^\/(in|company|school|showcase)\/[^/]+\/?$/.test(p)) return true;
  if (/^\/(in|company|school|showcase)\/[^/]+\/(recent-activity|posts)(\/|$)/.test(p)) return true;
  if (/^\/groups\/[^/]+\/?$/.test(p)) return true;
  if (/^\/search\/results\/(content|all)\/?$/.test(p)) return true;
  return false;
}

export const adapter: Adapter = {
  platform: 'linkedin',
  matches: (url) => HOSTS.has(url.hostname.toLowerCase()),
  variant,
  postSelector: POST_SELECTOR,
  parsePost,
  anchor,
  composerSelector: SEL.composer,
  parseComposer,
  expectsPosts,
};
