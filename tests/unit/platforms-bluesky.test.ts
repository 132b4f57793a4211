import { beforeAll, describe, expect, it } from 'vitest';
import { adapter } from '../../lib/platforms/bluesky';
import { pagePaths, pageLoader, rebuildNestedLinks, runAdapter } from './helpers/pages';

const { FIX } = pagePaths('bluesky');
const loadPage = pageLoader();
/** A fixture as a document whose URL is `url`, with the live app's nested links rebuilt. */
const load = (file: string, url: string) => rebuildNestedLinks(loadPage(`${FIX}/${file}`, url));
const { posts, parseAll, composers } = runAdapter(adapter);

describe('bluesky: home feed', () => {
  let doc: Document;
  beforeAll(() => {
    doc = load('home-feed.html', 'https://bsky.app/');
  });

  it('finds three feed items, each a link to its post', () => {
    const els = posts(doc);
    expect(els.map((e) => e.tagName)).toEqual(['A', 'A', 'A']);
    expect(els[0].querySelectorAll('a').length).toBeGreaterThan(3); // nested links survived
  });

  it('reads a post: rkey, handle, display name, text, exact counts from the button labels', () => {
    expect(parseAll(doc)[0]).toEqual({
      platform: 'bluesky',
      postId: '3l6wq2ya7bs2c',
      permalink: 'https://bsky.app/profile/lena.bsky.social/post/3l6wq2ya7bs2c',
      authorHandle: 'lena.bsky.social',
      authorName: 'Lena Aalto',
      text: 'First roast on the new drum: Ethiopia Guji. Notes at roastlog.example/guji #coffee',
      publishedAt: null,
      // The repost button shows reposts + quotes (14) as one number: not a repost count, so left out.
      counts: { replies: 3, likes: 58 },
      kind: 'post',
    });
  });

  it('keeps a repost on its original author and rkey, not the quoted post inside it', () => {
    expect(parseAll(doc)[1]).toEqual({
      platform: 'bluesky',
      postId: '3l6wp7kq4ox2n',
      permalink: 'https://bsky.app/profile/mika.fika.social/post/3l6wp7kq4ox2n',
      authorHandle: 'mika.fika.social',
      authorName: 'Mika ☕',
      text: 'Part two, as promised: flat vs conical.',
      publishedAt: null,
      counts: { replies: 0, likes: 12345 },
      kind: 'post',
    });
  });

  it('handles an invalid handle: DID permalink, no handle', () => {
    expect(parseAll(doc)[2]).toMatchObject({
      postId: '3l6wo2bbc6k2x',
      permalink: 'https://bsky.app/profile/did:plc:q7vx3kdm2a4tu5ahbn6w2l4e/post/3l6wo2bbc6k2x',
      authorHandle: '',
      text: 'Cupping notes are up.',
      counts: { replies: 1, likes: 0 },
    });
  });

  it('anchors right after the item, outside its link', () => {
    for (const el of posts(doc)) {
      const a = adapter.anchor(el);
      expect(a).toEqual({ el, where: 'after' });
      expect(el.parentElement!.closest('a')).toBeNull();
    }
  });
});

describe('bluesky: thread page', () => {
  let doc: Document;
  beforeAll(() => {
    doc = load('thread.html', 'https://bsky.app/profile/lena.bsky.social/post/3l6wq2ya7bs2c');
  });

  it('reads the focused post: text without a testID, totals from the stats links', () => {
    expect(parseAll(doc)[0]).toEqual({
      platform: 'bluesky',
      postId: '3l6wq2ya7bs2c',
      permalink: 'https://bsky.app/profile/lena.bsky.social/post/3l6wq2ya7bs2c',
      authorHandle: 'lena.bsky.social',
      authorName: 'Lena Aalto',
      text: 'First roast on the new drum: Ethiopia Guji. Notes at roastlog.example/guji #coffee',
      publishedAt: null,
      // Exact likes from "Like (2,431 likes)" win over the compact "2.4K likes".
      counts: { replies: 4, likes: 2431, reposts: 1200, quotes: 7, bookmarks: 31 },
      kind: 'post',
    });
  });

  it('reads the reply below it', () => {
    expect(parseAll(doc)[1]).toEqual({
      platform: 'bluesky',
      postId: '3l6wqbaa4c22t',
      permalink: 'https://bsky.app/profile/northwind.coffee/post/3l6wqbaa4c22t',
      authorHandle: 'northwind.coffee',
      authorName: 'Northwind Coffee',
      text: 'Guji on a drum is a treat. How long was the development?',
      publishedAt: null,
      counts: { replies: 1, likes: 9 },
      kind: 'post',
    });
  });

  it('finds the focused post by the page URL when it has no engagement links', () => {
    const el = posts(doc)[0];
    for (const a of Array.from(el.querySelectorAll('a[href*="/reposted-by"], a[href*="/quotes"], a[href*="/liked-by"]'))) a.remove();
    expect(adapter.parsePost(el, doc)?.postId).toBe('3l6wq2ya7bs2c');
  });

  it("anchors the focused post in its action row, outside links and buttons", () => {
    const el = posts(doc)[0];
    const a = adapter.anchor(el);
    expect(a.where).toBe('append');
    expect(el.contains(a.el)).toBe(true);
    expect(a.el.querySelector('[data-testid="replyBtn"]')).not.toBeNull();
    expect(a.el.querySelector('[data-testid="likeBtn"]')).not.toBeNull();
    expect(a.el.closest('a, button, [role="button"]')).toBeNull();
  });
});

describe('bluesky: composer', () => {
  it('knows a reply and whom it answers', () => {
    const doc = load('composer-reply.html', 'https://bsky.app/profile/lena.bsky.social/post/3l6wq2ya7bs2c');
    const found = composers(doc);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ editor: 'prosemirror', kind: 'reply', replyTo: { authorHandle: '', authorName: 'Lena Aalto' } });
    expect(found[0]!.el.getAttribute('aria-label')).toBe('Rich-Text Editor');
  });

  it('knows a new post', () => {
    const doc = load('composer-new.html', 'https://bsky.app/');
    expect(composers(doc)).toEqual([expect.objectContaining({ editor: 'prosemirror', kind: 'post', replyTo: null })]);
  });
});

describe('bluesky: matches, expectsPosts, garbage', () => {
  it.each([
    ['https://bsky.app/', true],
    ['https://bsky.app/profile/lena.bsky.social', true],
    ['https://bsky.social/', false],
    ['https://bsky.app.example.com/', false],
    ['https://x.com/', false],
  ])('matches %s → %s', (url, want) => {
    expect(adapter.matches(new URL(url), document)).toBe(want);
  });

  it.each([
    ['https://bsky.app/', true],
    ['https://bsky.app/notifications', true],
    ['https://bsky.app/search?q=coffee', true],
    ['https://bsky.app/hashtag/coffee', true],
    ['https://bsky.app/profile/lena.bsky.social', true],
    ['https://bsky.app/profile/lena.bsky.social/post/3l6wq2ya7bs2c', true],
    ['https://bsky.app/profile/did:plc:abc/feed/whats-hot', true],
    ['https://bsky.app/profile/lena.bsky.social/post/3l6wq2ya7bs2c/liked-by', false],
    ['https://bsky.app/settings', false],
    ['https://bsky.app/messages', false],
    ['https://bsky.app/feeds', false],
  ])('expectsPosts %s → %s', (url, want) => {
    expect(adapter.expectsPosts(new URL(url))).toBe(want);
  });

  it('returns null, never throws, on odd markup', () => {
    const d = new DOMParser().parseFromString(
      '<div data-testid="feedItem-by-"></div><div data-testid="feedItem-by-a.b"><a href="/profile/other.b/post/3x">x</a></div>' +
        '<div data-testid="postThreadItem-by-a.b"><a href="https://evil.example/profile/a.b/post/3x">x</a></div>' +
        '<div contenteditable="false" class="ProseMirror"></div>',
      'text/html',
    );
    const els = Array.from(d.body.children);
    expect(els.slice(0, 3).map((el) => adapter.parsePost(el, d))).toEqual([null, null, null]);
    for (const el of els) expect(() => adapter.anchor(el)).not.toThrow();
    expect(adapter.parseComposer(els[3], d)).toBeNull();
  });
});
