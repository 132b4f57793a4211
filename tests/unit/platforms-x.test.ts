import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapter } from '../../lib/platforms/x';
import type { PostFacts } from '../../lib/platforms/types';

const FIX = path.resolve(__dirname, '../fixtures/x');
const REAL = path.resolve(__dirname, '../../../shared/real-pages/x');

function load(file: string, dir = FIX): Document {
  return new DOMParser().parseFromString(readFileSync(path.join(dir, file), 'utf8'), 'text/html');
}
function fromHtml(html: string, lang = 'en'): Document {
  return new DOMParser().parseFromString(`<!DOCTYPE html><html lang="${lang}"><body>${html}</body></html>`, 'text/html');
}
function posts(doc: Document): PostFacts[] {
  return Array.from(doc.querySelectorAll(adapter.postSelector))
    .map((el) => adapter.parsePost(el, doc))
    .filter((p): p is PostFacts => p !== null);
}
function byId(list: PostFacts[], id: string): PostFacts {
  const p = list.find((x) => x.postId === id);
  if (!p) throw new Error(`post ${id} not found among ${list.map((x) => x.postId).join(', ')}`);
  return p;
}

describe('X adapter: English home timeline', () => {
  const doc = load('home-timeline.html');
  const list = posts(doc);

  it('finds the five organic posts and skips the promoted one', () => {
    expect(doc.querySelectorAll(adapter.postSelector)).toHaveLength(6);
    expect(list.map((p) => p.postId)).toEqual([
      '1897000000000000001',
      '1897000000000000002',
      '1897000000000000003',
      '1897000000000000004',
      '1897000000000000007',
    ]);
    expect(list.some((p) => p.authorHandle === 'brewmasterpro')).toBe(false);
  });

  it('reads a normal post exactly', () => {
    expect(byId(list, '1897000000000000001')).toEqual({
      platform: 'x',
      postId: '1897000000000000001',
      permalink: 'https://x.com/northwindcoffee/status/1897000000000000001',
      authorHandle: 'northwindcoffee',
      authorName: 'Northwind Coffee',
      text: 'Our spring single-origin lands Friday. Ethiopian Guji, washed, notes of jasmine and peach 🍑 #SpecialtyCoffee',
      publishedAt: '2026-03-02T14:05:00.000Z',
      counts: { replies: 12, reposts: 34, likes: 567, bookmarks: 8, views: 12345 },
      kind: 'post',
    });
  });

  it('treats a reply as a post and leaves out counts the page does not show', () => {
    const p = byId(list, '1897000000000000002');
    expect(p.kind).toBe('post');
    expect(p.authorHandle).toBe('dana_brews');
    expect(p.authorName).toBe('Dana Brews');
    expect(p.text).toBe('Is the Guji available as whole bean? Asking for my grinder.');
    expect(p.counts).toEqual({ replies: 1, likes: 3, views: 87 });
  });

  it('credits a repost to the original author, not the reposter', () => {
    const p = byId(list, '1897000000000000003');
    expect(p.authorHandle).toBe('roastery_lab');
    expect(p.authorName).toBe('Roastery Lab');
    expect(p.permalink).toBe('https://x.com/roastery_lab/status/1897000000000000003');
    expect(p.counts).toEqual({ replies: 5, reposts: 21, likes: 140, bookmarks: 2, views: 9876 });
  });

  it('keeps the quote post’s own id, author and text, not the quoted post’s', () => {
    const p = byId(list, '1897000000000000004');
    expect(p.authorHandle).toBe('northwindcoffee');
    expect(p.text).toBe('Great read on water chemistry for pour-over.');
    expect(p.publishedAt).toBe('2026-03-03T08:15:00.000Z');
    // The bookmark button says just "Bookmark": the 6 comes from the group label.
    expect(p.counts).toEqual({ replies: 3, reposts: 4, likes: 45, bookmarks: 6, views: 2300 });
    expect(list.some((x) => x.postId === '1896000000000000005')).toBe(false);
  });

  it('does not mistake a video player’s placementTracking for an ad', () => {
    const p = byId(list, '1897000000000000007');
    expect(p.text).toBe('Latte art, slowed down.');
    expect(p.counts.views).toBe(1204567);
  });

  it('anchors the chip right after the action bar, inside the post and outside any link or button', () => {
    for (const el of Array.from(doc.querySelectorAll(adapter.postSelector))) {
      if (!adapter.parsePost(el, doc)) continue;
      const a = adapter.anchor(el);
      expect(a.where).toBe('after');
      expect(a.el.getAttribute('role')).toBe('group');
      expect(el.contains(a.el)).toBe(true);
      expect(a.el.closest('a, button')).toBeNull();
    }
  });
});

describe('X adapter: German timeline', () => {
  const doc = load('home-timeline-de.html');
  const list = posts(doc);

  it('reads German labels with "." thousands separators exactly', () => {
    expect(byId(list, '1897000000000000101').counts).toEqual({
      replies: 1234,
      reposts: 5678,
      likes: 12345,
      bookmarks: 89,
      views: 1234567,
    });
  });

  it('falls back to the visible numbers, read in the page locale, when labels carry none', () => {
    const p = byId(list, '1897000000000000102');
    expect(p.authorName).toBe('Kaffeerösterei Süd');
    expect(p.counts).toEqual({ replies: 1234, reposts: 56, likes: 7890 });
  });
});

describe('X adapter: composers', () => {
  function composers(doc: Document) {
    return Array.from(doc.querySelectorAll(adapter.composerSelector)).map((el) => adapter.parseComposer(el, doc));
  }

  it('home timeline composer: a new post in Draft.js', () => {
    const doc = load('compose-home.html');
    const c = composers(doc);
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({ editor: 'draft', kind: 'post', replyTo: null });
    expect(c[0]!.el.getAttribute('data-testid')).toBe('tweetTextarea_0');
  });

  it('inline reply on a post page replies to the focal post', () => {
    const doc = load('compose-inline-reply.html');
    const c = composers(doc);
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({
      editor: 'draft',
      kind: 'reply',
      replyTo: { authorHandle: 'dana_brews', authorName: 'Dana Brews' },
    });
  });

  it('reply modal replies to the post shown in the dialog', () => {
    const doc = load('compose-reply-modal.html');
    const c = composers(doc);
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({
      editor: 'draft',
      kind: 'reply',
      replyTo: { authorHandle: 'northwindcoffee', authorName: 'Northwind Coffee' },
    });
    expect(c[0]!.el.closest('[role="dialog"]')).not.toBeNull();
  });

  it('reply modal without the post: "Replying to @x" is enough', () => {
    const doc = fromHtml(`<div role="dialog"><div><div dir="ltr">Replying to <div><a href="/roastery_lab">@roastery_lab</a></div></div>
      <div class="DraftEditor-root"><div class="public-DraftEditor-content" contenteditable="true" role="textbox" data-testid="tweetTextarea_0"></div></div></div></div>`);
    const el = doc.querySelector(adapter.composerSelector)!;
    expect(adapter.parseComposer(el, doc)).toMatchObject({ kind: 'reply', replyTo: { authorHandle: 'roastery_lab', authorName: '' } });
  });

  it('mobile compose page: a textarea inside the tweetTextarea container', () => {
    const doc = fromHtml(`<main><div data-testid="tweetTextarea_0RichTextInputContainer"><div data-testid="tweetTextarea_0"><textarea aria-label="Post text" placeholder="What's happening?"></textarea></div></div></main>`);
    const found = Array.from(doc.querySelectorAll(adapter.composerSelector));
    expect(found).toHaveLength(1);
    expect(adapter.parseComposer(found[0]!, doc)).toMatchObject({ editor: 'textarea', kind: 'post' });
    expect(adapter.parseComposer(found[0]!, doc)!.el.tagName).toBe('TEXTAREA');
  });
});

describe('X adapter: matches, expectsPosts, variant', () => {
  it.each([
    ['https://x.com/home', true],
    ['https://twitter.com/northwindcoffee', true],
    ['https://mobile.twitter.com/home', true],
    ['https://www.x.com/home', true],
    ['https://x.company.com/', false],
    ['https://nitter.net/home', false],
    ['https://www.linkedin.com/feed/', false],
  ])('matches(%s) = %s', (url, want) => {
    expect(adapter.matches(new URL(url), document)).toBe(want);
  });

  it.each([
    ['https://x.com/', true],
    ['https://x.com/home', true],
    ['https://x.com/northwindcoffee', true],
    ['https://x.com/northwindcoffee/with_replies', true],
    ['https://x.com/northwindcoffee/status/1897000000000000001', true],
    ['https://x.com/northwindcoffee/status/1897000000000000001/photo/1', true],
    ['https://x.com/search?q=coffee', true],
    ['https://x.com/notifications/mentions', true],
    ['https://x.com/i/bookmarks', true],
    ['https://x.com/i/lists/123', true],
    ['https://x.com/northwindcoffee/status/1897000000000000001/likes', false],
    ['https://x.com/northwindcoffee/followers', false],
    ['https://x.com/settings/account', false],
    ['https://x.com/messages', false],
    ['https://x.com/i/flow/login', false],
    ['https://x.com/compose/post', false],
    ['https://x.com/explore', false],
  ])('expectsPosts(%s) = %s', (url, want) => {
    expect(adapter.expectsPosts(new URL(url))).toBe(want);
  });

  it('has one variant', () => {
    expect(adapter.variant(document)).toBe('web');
    expect(adapter.platform).toBe('x');
  });
});

describe('X adapter: odd markup never throws', () => {
  it('finds the post’s own status link when a quoted post’s time comes first, and reads odd hrefs as a URL parser does', () => {
    // Trimmed markup: the quote card before the header.
    const doc = fromHtml(
      `<article data-testid="tweet"><div role="link"><a href="/quoted/status/111"><time datetime="2026-01-01T00:00:00.000Z">Jan 1</time></a></div>` +
        `<div data-testid="User-Name"><a href="/own/status/222/../../../own/status/333?s=20"><time datetime="2026-02-02T10:00:00+01:00">Feb 2</time></a></div></article>`,
    );
    const p = adapter.parsePost(doc.querySelector('article')!, doc)!;
    expect(p.postId).toBe('333');
    expect(p.permalink).toBe('https://x.com/own/status/333');
    expect(p.publishedAt).toBe('2026-02-02T09:00:00.000Z');
  });

  it('returns nothing on an empty page', () => {
    const doc = fromHtml('');
    expect(posts(doc)).toEqual([]);
  });

  it('a post whose links were removed is not understood (null)', () => {
    const doc = load('home-timeline.html');
    const el = doc.querySelector(adapter.postSelector)!;
    for (const a of Array.from(el.querySelectorAll('a'))) a.removeAttribute('href');
    expect(adapter.parsePost(el, doc)).toBeNull();
    expect(() => adapter.anchor(el)).not.toThrow();
  });

  it('garbage inside a tweet article gives null, and a non-post element gives null', () => {
    const doc = fromHtml('<article data-testid="tweet"><a href="/status/"><time>now</time></a><div role="group" aria-label=", , ,"></div></article><p>hi</p>');
    expect(adapter.parsePost(doc.querySelector('article')!, doc)).toBeNull();
    expect(adapter.parsePost(doc.querySelector('p')!, doc)).toBeNull();
    expect(adapter.parseComposer(doc.querySelector('p')!, doc)).toBeNull();
  });

  it('an unparseable count is left out, never guessed', () => {
    const doc = fromHtml(`<article data-testid="tweet"><div data-testid="User-Name"><a href="/a_b">A B</a><a href="/a_b">@a_b</a>
      <a href="/a_b/status/42"><time datetime="2026-01-01T00:00:00.000Z">1h</time></a></div>
      <div role="group" aria-label="lots of replies"><button data-testid="reply" aria-label="Reply"><span>many</span></button>
      <button data-testid="like" aria-label="7 Likes. Like"><span>7</span></button></div></article>`);
    const p = adapter.parsePost(doc.querySelector('article')!, doc)!;
    expect(p.postId).toBe('42');
    expect(p.counts).toEqual({ likes: 7 });
  });
});

describe('X adapter: a light reading, completed when the post is stored', () => {
  const pages = [
    ...['home-timeline.html', 'home-timeline-de.html'].map((f) => load(f)),
    ...(existsSync(REAL) ? ['tweetyoink__tweet-sample.html', 'tweetyoink__tweet-quote.html', 'tweetyoink__tweet-quote-video.html'].map((f) => load(f, REAL)) : []),
  ];

  it('gives the same facts as a full reading without the counts and the author’s name, and complete() gives the rest', () => {
    let compared = 0;
    for (const doc of pages)
      for (const el of doc.querySelectorAll(adapter.postSelector)) {
        const full = adapter.parsePost(el, doc);
        const light = adapter.parsePost(el, doc, { light: true });
        if (!full) {
          expect(light).toBeNull();
          continue;
        }
        expect(light).toEqual({ ...full, authorName: '', counts: {}, partial: true });
        expect(adapter.complete!(el, doc, light!)).toEqual(full);
        // A name the caller already knows (read on another post of the account) is kept; the counts are still read.
        expect(adapter.complete!(el, doc, { ...light!, authorName: 'Known Name' })).toEqual({ ...full, authorName: 'Known Name' });
        expect(full.authorName).not.toBe('');
        expect(Object.keys(full.counts).length).toBeGreaterThan(0);
        compared++;
      }
    expect(compared).toBeGreaterThanOrEqual(6);
  });

  it('complete() never throws on markup it does not understand, and reads nothing it cannot', () => {
    const doc = fromHtml('<article data-testid="tweet"><div role="group" aria-label="x, y"></div></article>');
    const light = { platform: 'x', postId: '1', permalink: 'https://x.com/a/status/1', authorHandle: 'a', authorName: '', text: '', publishedAt: null, counts: {}, kind: 'post', partial: true } as const;
    const { partial: _, ...rest } = light;
    expect(adapter.complete!(doc.querySelector('article')!, doc, light)).toEqual(rest);
    expect(adapter.complete!(doc.body, doc, light)).toEqual(rest);
  });
});

describe.skipIf(!existsSync(REAL))('X adapter: real captures (../shared/real-pages/x, absent in this checkout)', () => {
  it('tweet-sample (focal post page): exact counts from the group label, views without an analytics link', () => {
    const doc = load('tweetyoink__tweet-sample.html', REAL);
    const list = posts(doc);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      postId: '1981398750557065646',
      permalink: 'https://x.com/TestUser123/status/1981398750557065646',
      authorHandle: 'TestUser123',
      authorName: 'Test User Account',
      publishedAt: '2025-10-23T16:34:09.000Z',
      counts: { replies: 48, reposts: 152, likes: 553, bookmarks: 9, views: 30142 },
      kind: 'post',
    });
  });

  it('tweet-quote: the quoting post’s id and exact counts, never the quoted post’s', () => {
    const doc = load('tweetyoink__tweet-quote.html', REAL);
    const list = posts(doc);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      postId: '1983130065320780162',
      permalink: 'https://x.com/TestQuoter/status/1983130065320780162',
      authorHandle: 'TestQuoter',
      authorName: 'Test Quoter',
      text: 'This is a quote tweet with additional commentary',
      counts: { replies: 2534, reposts: 4483, likes: 25616, bookmarks: 797, views: 2596467 },
    });
  });

  it('tweet-quote-video: views from the analytics link; the video’s placementTracking is not an ad', () => {
    const doc = load('tweetyoink__tweet-quote-video.html', REAL);
    const list = posts(doc);
    expect(list).toHaveLength(1);
    expect(list[0]!.postId).toBe('1983128852952998358');
    expect(list[0]!.text).toBe('How to share Example.com links');
    expect(list[0]!.counts).toEqual({ replies: 972, reposts: 2370, likes: 11313, bookmarks: 732, views: 2195266 });
  });
});
