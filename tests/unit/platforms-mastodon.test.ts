import { beforeAll, describe, expect, it } from 'vitest';
import { adapter } from '../../lib/platforms/mastodon';
import { pagePaths, pageLoader, runAdapter } from './helpers/pages';

const { FIX } = pagePaths('mastodon');
const loadPage = pageLoader();
/** A fixture file name or inline markup, as a document whose URL is `url`. */
const load = (fileOrHtml: string, url: string) => loadPage(fileOrHtml.startsWith('<') ? fileOrHtml : `${FIX}/${fileOrHtml}`, url);
const { posts, parseAll, composers } = runAdapter(adapter);

describe('mastodon: home timeline, counters on (4.3, harbourtown.example)', () => {
  let doc: Document;
  beforeAll(() => {
    doc = load('home-counters-on.html', 'https://harbourtown.example/home');
  });

  it('matches the instance by its markup and finds three statuses', () => {
    expect(adapter.matches(new URL('https://harbourtown.example/home'), doc)).toBe(true);
    expect(adapter.variant(doc)).toBe('web');
    expect(parseAll(doc).map((p) => p?.postId)).toEqual(['113290412345678901', '113290398765432109', '113290300000000042']);
  });

  it('reads a local status with reply, boost and favourite counters', () => {
    expect(parseAll(doc)[0]).toEqual({
      platform: 'mastodon',
      postId: '113290412345678901',
      permalink: 'https://harbourtown.example/@lena/113290412345678901',
      authorHandle: 'lena',
      authorName: 'Lena Aalto',
      text: 'First roast on the new drum: Ethiopia Guji, city+. Notes in the thread #coffee',
      publishedAt: '2024-10-11T08:15:00.000Z',
      // The favourite counter is mid-animation (57 leaving, 58 shown): the shown one counts.
      counts: { replies: 4, reposts: 1200, likes: 58 },
      kind: 'post',
    });
  });

  it('reads a boosted remote status: remote acct, link text without the hidden parts', () => {
    expect(parseAll(doc)[1]).toEqual({
      platform: 'mastodon',
      postId: '113290398765432109',
      permalink: 'https://harbourtown.example/@mika@fika.example/113290398765432109',
      authorHandle: 'mika@fika.example',
      // Custom emoji keep their shortcode (the img alt), as Mastodon stores the name.
      authorName: 'Mika ☕ :beans:',
      text: 'Grinder comparison, flat vs conical: fika.example/blog/flat-vs-coni',
      publishedAt: '2024-10-11T06:02:41.000Z',
      counts: { replies: 0, reposts: 12, likes: 31 },
      kind: 'post',
    });
  });

  it('reads a reply (reply-all icon) with zero boosts', () => {
    expect(parseAll(doc)[2]).toMatchObject({
      authorHandle: 'northwind',
      text: '@lena that drum looks great!',
      publishedAt: '2024-10-10T21:45:09.000Z',
      counts: { replies: 2, reposts: 0, likes: 3 },
    });
  });

  it('anchors on the action bar, outside buttons', () => {
    for (const el of posts(doc)) {
      const a = adapter.anchor(el);
      expect(a.el.classList.contains('status__action-bar')).toBe(true);
      expect(el.contains(a.el)).toBe(true);
      expect(a.el.closest('a, button')).toBeNull();
    }
  });

  it('finds the compose textarea as a new post', () => {
    const [c] = composers(doc);
    expect(c).toMatchObject({ editor: 'textarea', kind: 'post', replyTo: null });
    expect(c!.el.getAttribute('placeholder')).toBe("What's on your mind?");
  });
});

describe('mastodon: home timeline, counters off (4.1, Font Awesome, nb)', () => {
  let doc: Document;
  beforeAll(() => {
    doc = load('home-counters-off.html', 'https://social.fjordpost.example/web/timelines/home');
  });

  it('reads only the reply counter, and not the obfuscated "1+"', () => {
    const [ola, kari] = parseAll(doc);
    expect(ola).toEqual({
      platform: 'mastodon',
      postId: '110401200000000077',
      permalink: 'https://social.fjordpost.example/@ola/110401200000000077',
      authorHandle: 'ola',
      authorName: 'Ola Nordmann',
      text: 'Kaffe og vafler på brygga i dag.',
      publishedAt: '2023-05-21T18:30:00.000Z',
      counts: {},
      kind: 'post',
    });
    expect(kari!.counts).toEqual({ replies: 1 });
  });

  it('keeps the local id of a remote status and its remote permalink; shows only the content warning', () => {
    const kari = parseAll(doc)[1]!;
    expect(kari.postId).toBe('110401100000000012');
    expect(kari.permalink).toBe('https://tooting.example/@kari/110398877766655544');
    expect(kari.authorHandle).toBe('kari@tooting.example');
    expect(kari.text).toBe('Spoiler: kaffepris');
  });
});

describe('mastodon: thread page with a reply being written', () => {
  let doc: Document;
  beforeAll(() => {
    doc = load('thread-reply-composer.html', 'https://harbourtown.example/@lena/113290412345678901');
  });

  it('reads the focused status from its meta line and the reply below', () => {
    const [focused, reply] = parseAll(doc);
    expect(focused).toEqual({
      platform: 'mastodon',
      postId: '113290412345678901',
      permalink: 'https://harbourtown.example/@lena/113290412345678901',
      authorHandle: 'lena',
      authorName: 'Lena Aalto',
      text: 'First roast on the new drum: Ethiopia Guji, city+. Notes in the thread #coffee',
      publishedAt: null,
      counts: { reposts: 1200, quotes: 7, likes: 3100 },
      kind: 'post',
    });
    expect(reply).toMatchObject({ postId: '113290455500000003', authorHandle: 'northwind', counts: { replies: 0 } });
    const a = adapter.anchor(posts(doc)[0]);
    expect(a.el.classList.contains('detailed-status__meta')).toBe(true);
  });

  it('sees the reply indicator: kind reply, to lena (local domain dropped)', () => {
    const [c] = composers(doc);
    expect(c).toMatchObject({ editor: 'textarea', kind: 'reply', replyTo: { authorHandle: 'lena', authorName: 'Lena Aalto' } });
  });
});

describe('mastodon: recognised by the DOM, never by host alone', () => {
  const PAGES: Record<string, string> = {
    app: '<html><body class="app-body"><div class="app-holder" id="mastodon" data-props="{}"></div></body></html>',
    blog: '<html><body><article class="status">Hello</article></body></html>',
    bare: '<html><body class="app-body"></body></html>',
  };

  it.each([
    ['https://harbourtown.example/home', 'app', true],
    ['https://mastodon.social/explore', 'app', true],
    ['http://localhost:3000/home', 'app', true],
    // Another platform's host never matches, even with Mastodon-like markup.
    ['https://x.com/home', 'app', false],
    ['https://twitter.com/home', 'app', false],
    ['https://bsky.app/', 'app', false],
    ['https://www.reddit.com/', 'app', false],
    ['https://www.threads.net/', 'app', false],
    // A plain blog, or an instance's host without the app's markup.
    ['https://blog.example.org/posts/hello', 'blog', false],
    ['https://mastodon.social/about', 'bare', false],
  ])('matches %s with %s markup → %s', (url, page, want) => {
    expect(adapter.matches(new URL(url), load(PAGES[page], url))).toBe(want);
  });

  it.each([
    ['https://harbourtown.example/', true],
    ['https://harbourtown.example/home', true],
    ['https://harbourtown.example/public/local', true],
    ['https://harbourtown.example/explore', true],
    ['https://harbourtown.example/tags/coffee', true],
    ['https://harbourtown.example/@lena', true],
    ['https://harbourtown.example/@lena/113290412345678901', true],
    ['https://harbourtown.example/@mika@fika.example/with_replies', true],
    ['https://harbourtown.example/notifications', true],
    ['https://harbourtown.example/lists/42', true],
    ['https://harbourtown.example/web/timelines/home', true],
    ['https://harbourtown.example/settings/preferences', false],
    ['https://harbourtown.example/auth/sign_in', false],
    ['https://harbourtown.example/conversations', false],
    ['https://harbourtown.example/publish', false],
    ['https://harbourtown.example/about', false],
  ])('expectsPosts %s → %s', (url, want) => {
    expect(adapter.expectsPosts(new URL(url))).toBe(want);
  });

  it('returns null, never throws, on odd markup', () => {
    const d = load(
      '<div class="status" data-id="abc"></div><div class="status" data-id=""><a class="status__relative-time" href="::"></a></div>' +
        '<div class="detailed-status"></div><textarea></textarea>',
      'https://harbourtown.example/home',
    );
    const els = Array.from(d.body.children);
    expect(els.slice(0, 3).map((el) => adapter.parsePost(el, d))).toEqual([null, null, null]);
    for (const el of els) expect(() => adapter.anchor(el)).not.toThrow();
    expect(adapter.parseComposer(d.body, d)).toBeNull();
    expect(adapter.parseComposer(els[3], d)).toMatchObject({ kind: 'post', replyTo: null });
  });
});
