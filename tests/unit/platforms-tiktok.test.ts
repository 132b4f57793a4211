import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { adapter, videoCounts } from '../../lib/platforms/tiktok';
import { pagePaths, pageLoader, runAdapter } from './helpers/pages';

const { FIX, REAL } = pagePaths('tiktok');
const load = pageLoader();
const { posts, parseAll } = runAdapter(adapter);
const comments = (doc: Document) => parseAll(doc).filter((p) => p?.kind === 'comment');

describe('tiktok: For You feed', () => {
  let doc: Document;
  beforeAll(() => {
    doc = load(`${FIX}/foryou-feed.html`, 'https://www.tiktok.com/foryou');
  });

  it('is the feed variant with three items', () => {
    expect(adapter.variant(doc)).toBe('feed');
    expect(posts(doc)).toHaveLength(3);
  });

  it('keys a video by its mounted player and reads its counts', () => {
    expect(parseAll(doc)[0]).toEqual({
      platform: 'tiktok',
      postId: '7424201345678901234',
      permalink: 'https://www.tiktok.com/@northwindcoffee/video/7424201345678901234',
      authorHandle: 'northwindcoffee',
      authorName: 'Northwind Coffee',
      text: 'Three pours, one kettle #pourover #coffee',
      publishedAt: null,
      counts: { likes: 12300, replies: 1012, reposts: 1100000, bookmarks: 2345 },
      kind: 'post',
    });
  });

  it('leaves out a count shown as a word ("Share")', () => {
    expect(parseAll(doc)[1]).toMatchObject({
      postId: '7424188800000000777',
      authorHandle: 'lena.roasts',
      authorName: 'Lena 🔥 Roasts',
      counts: { likes: 987, replies: 45 },
    });
    expect(parseAll(doc)[1]!.counts.reposts).toBeUndefined();
  });

  it('gives no post for an item whose player is not mounted (no id anywhere)', () => {
    const el = posts(doc)[2];
    expect(adapter.parsePost(el, doc)).toBeNull();
    // Its counts are on the page all the same.
    expect(videoCounts(el, doc)).toEqual({ likes: 64, replies: 3 });
  });

  it('anchors after the description, inside the item, outside links and buttons', () => {
    for (const el of posts(doc)) {
      const a = adapter.anchor(el);
      expect(a).toMatchObject({ where: 'after' });
      expect(a.el.getAttribute('data-e2e')).toBe('video-desc');
      expect(el.contains(a.el)).toBe(true);
      expect(a.el.closest('a, button')).toBeNull();
    }
  });
});

describe('tiktok: video page with comments', () => {
  let doc: Document;
  beforeAll(() => {
    doc = load(`${FIX}/video-page.html`, 'https://www.tiktok.com/@northwindcoffee/video/7424201345678901234');
  });

  it('is the video variant: one video and two keyed comments (a pending one has no id)', () => {
    expect(adapter.variant(doc)).toBe('video');
    const parsed = parseAll(doc);
    expect(parsed).toHaveLength(4);
    expect(parsed.map((p) => p?.postId ?? null)).toEqual(['7424201345678901234', '7424299100000000011', '7424301200000000022', null]);
  });

  it('reads the video', () => {
    expect(parseAll(doc)[0]).toEqual({
      platform: 'tiktok',
      postId: '7424201345678901234',
      permalink: 'https://www.tiktok.com/@northwindcoffee/video/7424201345678901234',
      authorHandle: 'northwindcoffee',
      authorName: 'Northwind Coffee',
      text: 'Three pours, one kettle #pourover #coffee',
      publishedAt: null,
      counts: { likes: 12300, replies: 1012, reposts: 1100000 },
      kind: 'post',
    });
  });

  it('falls back to the page URL when the player is gone', () => {
    const el = posts(doc)[0];
    const player = el.querySelector('[id^="xgwrapper-"]')!;
    const parent = player.parentElement!;
    player.remove();
    expect(adapter.parsePost(el, doc)?.postId).toBe('7424201345678901234');
    parent.appendChild(player);
  });

  it('reads comments: id, handle, name, text, likes, replies', () => {
    const [mira, anon] = comments(doc);
    expect(mira).toEqual({
      platform: 'tiktok',
      postId: '7424299100000000011',
      permalink: '',
      authorHandle: 'mira.brews',
      authorName: 'Mira',
      text: 'The third pour is where it clicks 👌',
      publishedAt: null,
      counts: { likes: 1200, replies: 4 },
      kind: 'comment',
    });
    expect(anon).toMatchObject({ authorHandle: 'user7781234567890', text: 'which kettle is that?', counts: { likes: 0 } });
  });

  it('anchors a comment at the end of its text column', () => {
    const el = posts(doc)[1];
    const a = adapter.anchor(el);
    expect(a.where).toBe('append');
    expect(a.el.querySelector('[data-e2e="comment-level-1"]')).not.toBeNull();
    expect(el.contains(a.el)).toBe(true);
    expect(a.el.closest('a, button')).toBeNull();
  });

  it('finds the Draft.js comment box answering the video author', () => {
    const found = Array.from(doc.querySelectorAll(adapter.composerSelector)).map((el) => adapter.parseComposer(el, doc));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ editor: 'draft', kind: 'reply', replyTo: { authorHandle: 'northwindcoffee', authorName: 'Northwind Coffee' } });
    expect(found[0]!.el.classList.contains('public-DraftEditor-content')).toBe(true);
  });
});

describe('tiktok: matches, expectsPosts, garbage', () => {
  it.each([
    ['https://www.tiktok.com/foryou', true],
    ['https://www.tiktok.com/@northwindcoffee', true],
    ['https://ads.tiktok.com/', false],
    ['https://www.tiktok.com.example.net/', false],
    ['https://www.youtube.com/', false],
  ])('matches %s → %s', (url, want) => {
    expect(adapter.matches(new URL(url), document)).toBe(want);
  });

  it.each([
    ['https://www.tiktok.com/', true],
    ['https://www.tiktok.com/en/', true],
    ['https://www.tiktok.com/foryou', true],
    ['https://www.tiktok.com/following', true],
    ['https://www.tiktok.com/@northwindcoffee', true],
    ['https://www.tiktok.com/@northwindcoffee/video/7424201345678901234', true],
    ['https://www.tiktok.com/search?q=coffee', true],
    ['https://www.tiktok.com/tag/coffee', true],
    ['https://www.tiktok.com/upload', false],
    ['https://www.tiktok.com/messages', false],
    ['https://www.tiktok.com/login', false],
    ['https://www.tiktok.com/setting', false],
    ['https://www.tiktok.com/live', false],
  ])('expectsPosts %s → %s', (url, want) => {
    expect(adapter.expectsPosts(new URL(url))).toBe(want);
  });

  it('returns null, never throws, on odd markup', () => {
    const d = new DOMParser().parseFromString(
      '<div data-e2e="recommend-list-item-container"><div id="xgwrapper-0-abc"></div></div>' +
        '<div data-e2e="user-post-item"><a href="https://evil.example/@x/video/123456789">x</a></div>' +
        '<div id="not-a-number"><a data-e2e="comment-avatar-1" href="/@x"></a></div><article></article>',
      'text/html',
    );
    const els = Array.from(d.body.children);
    expect(els.map((el) => adapter.parsePost(el, d))).toEqual([null, null, null, null]);
    for (const el of els) expect(() => adapter.anchor(el)).not.toThrow();
    expect(adapter.parseComposer(d.body, d)).toBeNull();
    expect(adapter.variant(new DOMParser().parseFromString('<p>nothing here</p>', 'text/html'))).toBe('unknown');
  });
});

const hasReal = existsSync(REAL);

describe.skipIf(!hasReal)('tiktok: real For You feeds (2022, ../shared/real-pages/tiktok; skipped when absent)', () => {
  let en: Document;
  let fr: Document;
  beforeAll(() => {
    en = load(`${REAL}/tk-foryou.html`, 'https://www.tiktok.com/foryou');
    fr = load(`${REAL}/tto-foryou-basic_tt-foryou.html`, 'https://www.tiktok.com/foryou?lang=fr');
  });

  it('tk-foryou: like/comment/share counts ×9, exactly as shown', () => {
    const items = posts(en);
    expect(items).toHaveLength(9);
    expect(items.map((el) => videoCounts(el, en))).toEqual([
      { likes: 10000, replies: 236, reposts: 167 },
      { likes: 76300, replies: 1171, reposts: 262 },
      { likes: 7582, replies: 220, reposts: 173 },
      { likes: 2200000, replies: 9521, reposts: 9516 },
      { likes: 578200, replies: 1508, reposts: 296 },
      { likes: 73100, replies: 1466, reposts: 299 },
      { likes: 787400, replies: 15200, reposts: 22200 },
      { likes: 10100, replies: 21, reposts: 6 },
      { likes: 12100, replies: 377, reposts: 365 },
    ]);
    // The 2022 feed markup carries no video id (no link, no player id): no post can be keyed.
    expect(items.map((el) => adapter.parsePost(el, en))).toEqual(Array(9).fill(null));
    expect(adapter.variant(en)).toBe('feed');
  });

  it('tto-foryou (French UI): counts ×9', () => {
    expect(fr.documentElement.lang).toBe('fr');
    expect(posts(fr).map((el) => videoCounts(el, fr))).toEqual([
      { likes: 225500, replies: 1342, reposts: 972 },
      { likes: 266300, replies: 8980, reposts: 2124 },
      { likes: 392300, replies: 2812, reposts: 2282 },
      { likes: 14500, replies: 2536, reposts: 196 },
      { likes: 136200, replies: 836, reposts: 2034 },
      { likes: 125600, replies: 657, reposts: 137 },
      { likes: 137500, replies: 1496, reposts: 755 },
      { likes: 537500, replies: 1699, reposts: 2564 },
      { likes: 26900, replies: 452, reposts: 1876 },
    ]);
  });
});

describe.skipIf(!hasReal)('tiktok: real video pages (2022, ../shared/real-pages/tiktok; skipped when absent)', () => {
  let v1: Document;
  let v2: Document;
  beforeAll(() => {
    v1 = load(`${REAL}/tk-video-1.html`, 'https://www.tiktok.com/');
    v2 = load(`${REAL}/tk-video-2.html`, 'https://www.tiktok.com/foryou');
  });

  it('tk-video-1: the video with its counts and 20 comment-level-1 comments', () => {
    expect(adapter.variant(v1)).toBe('video');
    const videos = parseAll(v1).filter((p) => p?.kind === 'post');
    expect(videos).toHaveLength(1);
    const canonical = v1.querySelector('link[rel="canonical"]')!.getAttribute('href')!;
    expect(videos[0]).toMatchObject({
      postId: '7135383664971582725',
      permalink: canonical,
      authorHandle: v1.querySelector('[data-e2e="browse-username"]')!.textContent!.trim(),
      counts: { likes: 217200, replies: 801, reposts: 105600 },
    });
    const cs = comments(v1);
    expect(cs).toHaveLength(20);
    expect(v1.querySelectorAll('[data-e2e="comment-level-1"]')).toHaveLength(20);
    expect(cs[0]!.postId).toBe('7136970338026177286');
    expect(cs.map((c) => c!.counts.likes)).toEqual([0, 0, 0, 0, 216, 417, 333, 26, 13, 72, 24, 73, 23, 34, 12, 19, 6, 6, 1, 1]);
    expect(cs.every((c) => /^\d{19}$/.test(c!.postId) && c!.text.length > 0 && c!.authorHandle.length > 0)).toBe(true);
    expect(cs.filter((c) => c!.counts.replies !== undefined)).toHaveLength(11); // "View more replies (N)" ×11
  });

  it('tk-video-2: the video modal over a feed, its counts and 20 comments', () => {
    expect(adapter.variant(v2)).toBe('video');
    const videos = parseAll(v2).filter((p) => p?.kind === 'post');
    expect(videos).toHaveLength(1); // the 27 feed items behind the modal carry no id
    expect(videos[0]).toMatchObject({ postId: '7118347470546980101', counts: { likes: 158600, replies: 3107 } });
    const cs = comments(v2);
    expect(cs).toHaveLength(20);
    expect(cs.map((c) => c!.counts.likes)).toEqual([881, 10200, 2395, 7204, 1677, 1350, 874, 2611, 1582, 205, 182, 716, 1477, 324, 281, 256, 49, 193, 54, 171]);
    expect(cs[0]!.counts.replies).toBe(23);
  });
});

describe.skipIf(!hasReal)('tiktok: real profile and search pages (2022, ../shared/real-pages/tiktok; skipped when absent)', () => {
  let profile: Document;
  let search: Document;
  beforeAll(() => {
    profile = load(`${REAL}/tk-profile.html`, 'https://www.tiktok.com/@creator');
    search = load(`${REAL}/tk-search-tartaria.html`, 'https://www.tiktok.com/search?q=tartaria');
  });

  it('tk-profile: 30 videos keyed by their links, with views', () => {
    expect(adapter.variant(profile)).toBe('profile');
    const parsed = parseAll(profile);
    expect(parsed).toHaveLength(30);
    expect(parsed.every((p) => p !== null && /^\d{19}$/.test(p.postId))).toBe(true);
    expect(new Set(parsed.map((p) => p!.postId)).size).toBe(30);
    expect(parsed[0]!.postId).toBe('7103486912966561029');
    expect(parsed[0]!.counts).toEqual({ views: 294 });
    expect(parsed[1]!.counts).toEqual({ views: 73100 });
  });

  it('tk-search: 24 result cards keyed by their links', () => {
    expect(adapter.variant(search)).toBe('search');
    const parsed = parseAll(search);
    expect(parsed).toHaveLength(24);
    expect(parsed.every((p) => p !== null && /^\d{19}$/.test(p.postId) && p.permalink.startsWith('https://www.tiktok.com/@'))).toBe(true);
    expect(parsed[0]!.postId).toBe('7074832112305622315');
  });
});
