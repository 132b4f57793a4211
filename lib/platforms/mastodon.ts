/**
 * Mastodon, on any instance. The host says nothing (every instance has its own), so the page is recognised by
 * the web app's own markup, and never on another platform's host. Ids are the instance's status ids, as in its
 * permalinks (/@acct/<id>); the same post seen from another instance has another id there.
 */
import type { Counts } from '../strategy/schema';
import type { Adapter, Anchor, ComposerFacts, PostFacts } from './types';
import {
  absUrl,
  attr,
  children,
  closest,
  collapse,
  docUrl,
  isoTime,
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
  // The web app's root (H: app/views/home/index.html.haml renders div#mastodon.app-holder[data-props]).
  appRoot: 'div#mastodon, div.app-holder[data-props], meta[name="application-name"][content="Mastodon" i]',
  // A status in timelines, threads, profiles, notifications (H: components/status.jsx, data-id = status id).
  // Quoted posts (4.5+) are nested .status--is-quote without an action bar: not posts of their own here.
  status: '.status[data-id]:not(.status--is-quote)',
  // The focused status of a thread page (features/status/components/detailed_status). M.
  detailed: '.detailed-status',
  // Header of a status: relative-time link (/@acct/<id>) with <time datetime>, then the author link. H.
  info: '.status__info',
  timeLink: 'a.status__relative-time, a.detailed-status__datetime',
  time: 'time[datetime]',
  author: 'a.status__display-name, a.detailed-status__display-name',
  displayName: '.display-name__html',
  displayAccount: '.display-name__account',
  // Body. ".invisible" hides the scheme and tail of long links; the text shown is without them. H.
  content: '.status__content',
  bodyText: '.status__content__text',
  // Content warning: 4.3+ div.content-warning (p + "Show more" button); 4.1 span.status__content__spoiler-text. H.
  contentWarning: '.content-warning, .status__content__spoiler-text, .spoiler-text',
  invisible: '.invisible',
  // Action bar: reply, boost, favourite, bookmark, more (H: components/status_action_bar). Counters appear as
  // .icon-button__counter; reply always, boost/favourite only when the user enabled counters.
  actionBar: '.status__action-bar, .detailed-status__action-bar',
  button: 'button.status__action-bar__button, button.icon-button, button.detailed-status__button, .detailed-status__button button',
  counter: '.icon-button__counter',
  // Icons: 4.2+ svg.icon.icon-<id>; before that Font Awesome <i class="fa fa-<id>">. H.
  replyIcon: '.icon-reply, .icon-reply-all, .fa-reply, .fa-reply-all',
  boostIcon: '.icon-retweet, .fa-retweet',
  favouriteIcon: '.icon-star, .fa-star',
  // Detailed status totals: links to /reblogs, /favourites (and /quotes on 4.5). M.
  detailedReblogs: 'a[href$="/reblogs"]',
  detailedFavourites: 'a[href$="/favourites"]',
  detailedQuotes: 'a[href$="/quotes"]',
  detailedMeta: '.detailed-status__meta',
  detailedNumber: '.detailed-status__reblogs, .detailed-status__favorites, .detailed-status__quotes',
  // Composer: React-controlled textarea (H: components/autosuggest_textarea). Reply indicator in the form. H.
  composer: 'textarea.autosuggest-textarea__textarea, .compose-form textarea',
  composeForm: '.compose-form',
  replyIndicator: '.reply-indicator',
  // AnimatedNumber: one span per value; while animating, the leaving one is position:absolute. H.
  animatedSpans: '.animated-number > span',
  anyButton: 'button',
  link: 'a[href]',
} as const;

/** Hosts of other platforms: Mastodon never claims them, whatever their markup looks like. */
const OTHER_PLATFORM_HOSTS =
  /(^|\.)(x\.com|twitter\.com|linkedin\.com|facebook\.com|instagram\.com|threads\.net|threads\.com|tiktok\.com|youtube\.com|bsky\.app|reddit\.com)$/i;

function host(doc: Document): string {
  return docUrl(doc)?.hostname ?? '';
}

/** "user" for a local account, "user@other.host" for a remote one, from /@acct or https://host/@user links. */
function acctFromHref(href: string, doc: Document): string {
  const u = absUrl(href, docUrl(doc)?.href ?? 'https://invalid.example/');
  if (!u) return '';
  const m = /^\/@([^/?#]+)/.exec(u.pathname) ?? /^\/users\/([^/?#]+)/.exec(u.pathname);
  if (!m) return '';
  const acct = safely(() => decodeURIComponent(m[1]), m[1]);
  if (acct.includes('@')) return acct.replace(new RegExp(`@${host(doc).replace(/\./g, '\\.')}$`, 'i'), '');
  return u.hostname && u.hostname !== host(doc) ? `${acct}@${u.hostname}` : acct;
}

function statusIdFromHref(href: string): string {
  const m = /\/(?:@[^/]+|statuses|notice)\/(\d+)(?:[/?#]|$)/.exec(href) ?? /\/users\/[^/]+\/statuses\/(\d+)/.exec(href);
  return m ? m[1] : '';
}

/** The number an AnimatedNumber shows: while it animates, the static span (the other one is leaving). */
function animatedText(el: Element | null): string {
  if (!el) return '';
  const spans = qa(el, SEL.animatedSpans);
  const shown = spans.length > 1 ? (spans.find((s) => !/absolute/.test(attr(s, 'style'))) ?? spans[0]) : el;
  return shown.textContent ?? '';
}

/** The counter of one action-bar button, or null when the button shows none. */
function counterOf(button: Element | null, locale?: string): number | null {
  const c = q(button, SEL.counter);
  return c ? textCount(animatedText(c), locale) : null;
}

function buttonWith(bar: Element | null, icon: string): Element | null {
  for (const b of qa(bar, SEL.anyButton)) if (q(b, icon)) return b;
  return null;
}

function ownActionBar(el: Element): Element | null {
  for (const bar of qa(el, SEL.actionBar)) {
    if (closest(bar, `${SEL.status}, ${SEL.detailed}`) === el) return bar;
  }
  return null;
}

function readCounts(el: Element, doc: Document): Counts {
  const locale = localeOf(doc);
  const counts: Counts = {};
  const bar = ownActionBar(el);
  // Favourites are Mastodon's likes, boosts its reposts. Missing counters (counters off) stay missing.
  put(counts, 'replies', counterOf(buttonWith(bar, SEL.replyIcon), locale));
  put(counts, 'reposts', counterOf(buttonWith(bar, SEL.boostIcon), locale));
  put(counts, 'likes', counterOf(buttonWith(bar, SEL.favouriteIcon), locale));
  if (el.matches(SEL.detailed)) {
    // "12 boosts", "3 favorites": the number is in its own span beside the (localized) word.
    const num = (a: Element | null) => {
      const span = q(a, SEL.detailedNumber);
      return span ? textCount(animatedText(span), locale) : labelCount(a?.textContent, locale);
    };
    put(counts, 'reposts', num(q(el, SEL.detailedReblogs)));
    put(counts, 'likes', num(q(el, SEL.detailedFavourites)));
    put(counts, 'quotes', num(q(el, SEL.detailedQuotes)));
  }
  return counts;
}

/** The first element matching `sel` that belongs to this status (not to a quoted one inside it). */
function own(el: Element, sel: string): Element | null {
  return qa(el, sel).find((c) => closest(c, `${SEL.status}, ${SEL.detailed}`) === el) ?? null;
}

/** Content warning (if any), then the body when it is shown; a collapsed body is not visible text. */
function textOf(el: Element): string {
  const skip = `${SEL.invisible}, button`;
  const cw = visibleText(own(el, SEL.contentWarning), skip);
  const body = own(el, SEL.bodyText);
  const shown = body && (!cw || body.classList.contains('status__content__text--visible'));
  const text = shown ? visibleText(body, skip) : '';
  return collapse(`${cw} ${text}`) || (cw ? '' : visibleText(own(el, SEL.content), skip));
}

function parseStatus(el: Element, doc: Document): PostFacts | null {
  const isDetailed = el.matches(SEL.detailed);
  const header = isDetailed ? el : (children(el, SEL.info)[0] ?? el);
  const timeLink = q(header, SEL.timeLink) ?? (isDetailed ? q(el, SEL.timeLink) : null);
  const href = attr(timeLink, 'href');
  let postId = attr(el, 'data-id');
  if (!/^\d+$/.test(postId)) postId = statusIdFromHref(href);
  if (!postId && isDetailed) postId = statusIdFromHref(docUrl(doc)?.pathname ?? '');
  if (!/^\d+$/.test(postId)) return null;
  const authorLink = q(header, SEL.author) ?? q(el, SEL.author);
  const base = docUrl(doc)?.href ?? '';
  let permalink = absUrl(href, base)?.href ?? '';
  if (!permalink && isDetailed && statusIdFromHref(base) === postId) permalink = base;
  return {
    platform: 'mastodon',
    postId,
    permalink,
    authorHandle: acctFromHref(attr(authorLink, 'href'), doc),
    authorName: visibleText(q(authorLink, SEL.displayName)),
    text: textOf(el),
    publishedAt: isoTime(attr(q(timeLink ?? header, SEL.time), 'datetime')),
    counts: readCounts(el, doc),
    kind: 'post',
  };
}

export const adapter: Adapter = {
  platform: 'mastodon',

  matches(url, doc) {
    if (OTHER_PLATFORM_HOSTS.test(url.hostname)) return false;
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
    return safely(() => !!q(doc, SEL.appRoot), false);
  },

  variant() {
    return 'web';
  },

  postSelector: [SEL.status, SEL.detailed].join(', '),

  parsePost(el, doc) {
    return safely(() => parseStatus(el, doc), null);
  },

  anchor(el): Anchor {
    return safely<Anchor>(() => {
      const bar = ownActionBar(el);
      if (bar) return { el: bar, where: 'append' };
      const meta = el.matches(SEL.detailed) ? q(el, SEL.detailedMeta) : null;
      if (meta) return { el: meta, where: 'append' };
      const info = children(el, SEL.info)[0];
      return info ? { el: info, where: 'append' } : { el, where: 'append' };
    }, { el, where: 'append' });
  },

  composerSelector: SEL.composer,

  parseComposer(el, doc): ComposerFacts | null {
    return safely<ComposerFacts | null>(() => {
      if (el.tagName !== 'TEXTAREA') return null;
      const form = closest(el, SEL.composeForm);
      const indicator = q(form, SEL.replyIndicator);
      if (!indicator) return { el: el as HTMLElement, editor: 'textarea', kind: 'post', replyTo: null };
      const name = visibleText(q(indicator, SEL.displayName));
      let handle = collapse(q(indicator, SEL.displayAccount)?.textContent).replace(/^@/, '');
      if (handle) handle = handle.replace(new RegExp(`@${host(doc).replace(/\./g, '\\.')}$`, 'i'), '');
      else handle = acctFromHref(attr(q(indicator, SEL.link), 'href'), doc);
      return {
        el: el as HTMLElement,
        editor: 'textarea',
        kind: 'reply',
        replyTo: name || handle ? { authorHandle: handle, authorName: name } : null,
      };
    }, null);
  },

  expectsPosts(url) {
    const p = url.pathname.replace(/^\/(web|deck)(?=\/|$)/, '').replace(/\/+$/, '') || '/';
    if (p === '/') return true;
    return /^\/(home|public(\/local|\/remote)?|explore(\/posts|\/tags|\/links)?|tags\/[^/]+|notifications(\/mentions)?|lists\/[^/]+|bookmarks|favourites|search|timelines\/[^/]+(\/[^/]+)?|statuses\/\d+|accounts\/\d+|@[^/]+(\/(\d+|with_replies|media|featured|tagged\/[^/]+))?)$/.test(p);
  },
};
