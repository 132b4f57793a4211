import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { adapter } from '../../lib/platforms/youtube';
import { pagePaths, pageLoader, runAdapter } from './helpers/pages';

const { FIX, REAL } = pagePaths('youtube');
const load = pageLoader();
const { posts, parseAll, composers } = runAdapter(adapter);

describe('youtube: watch page, current ytd-comment-view-model', () => {
  let doc: Document;
  beforeAll(() => {
    doc = load(`${FIX}/watch-comments.html`, 'https://www.youtube.com/watch?v=Qw3rTy12345');
  });

  it('is the watch variant with three comments', () => {
    expect(adapter.variant(doc)).toBe('watch');
    expect(posts(doc)).toHaveLength(3);
  });

  it('reads a top-level comment: &lc= id, handle, exact likes from aria-label, reply count', () => {
    expect(parseAll(doc)[0]).toEqual({
      platform: 'youtube',
      postId: 'UgxT4mQ9rB2vZkLw8hV4AaABAg',
      permalink: 'https://www.youtube.com/watch?v=Qw3rTy12345&lc=UgxT4mQ9rB2vZkLw8hV4AaABAg',
      authorHandle: 'mira.brews',
      authorName: 'mira.brews',
      text: 'Shot 4 was the one for me. Grind finer, then stop touching it.',
      publishedAt: null,
      counts: { likes: 1204, replies: 3 },
      kind: 'comment',
    });
  });

  it('reads a reply (parent.reply id), visible likes, no reply count', () => {
    expect(parseAll(doc)[1]).toEqual({
      platform: 'youtube',
      postId: 'UgxT4mQ9rB2vZkLw8hV4AaABAg.A1bC2dE3fG4A1bC2dE3fG4',
      permalink: 'https://www.youtube.com/watch?v=Qw3rTy12345&lc=UgxT4mQ9rB2vZkLw8hV4AaABAg.A1bC2dE3fG4A1bC2dE3fG4',
      authorHandle: 'northwindroasters',
      authorName: 'northwindroasters',
      text: '@mira.brews Thanks! Shot 4 is our pick too.',
      publishedAt: null,
      counts: { likes: 38 },
      kind: 'comment',
    });
  });

  it('decodes a non-ASCII handle and leaves an empty like count out', () => {
    const c = parseAll(doc)[2]!;
    expect(c.postId).toBe('UgzP0oL9kI8jU7hY6tG5AaABAg');
    expect(c.authorHandle).toBe('JürgenKocht');
    expect(c.counts).toEqual({});
  });

  it('anchors in the action toolbar of the comment itself', () => {
    for (const el of posts(doc)) {
      const a = adapter.anchor(el);
      expect(a.el.id).toBe('toolbar');
      expect(a.el.closest('ytd-comment-view-model')).toBe(el);
      expect(a.el.closest('a, button')).toBeNull();
    }
  });

  it('finds the comment box (replies to the channel) and the reply box (replies to the comment)', () => {
    const [top, reply] = composers(doc);
    expect(top).toMatchObject({ editor: 'contenteditable', kind: 'reply', replyTo: { authorHandle: 'northwindroasters', authorName: 'Northwind Roasters' } });
    expect(top!.el.getAttribute('aria-label')).toBe('Add a comment…');
    expect(reply).toMatchObject({ editor: 'contenteditable', kind: 'reply', replyTo: { authorHandle: 'mira.brews', authorName: 'mira.brews' } });
    expect(reply!.el.getAttribute('aria-label')).toBe('Add a reply…');
  });
});

describe('youtube: watch page, legacy ytd-comment-renderer', () => {
  let doc: Document;
  beforeAll(() => {
    doc = load(`${FIX}/watch-comments-legacy.html`, 'https://www.youtube.com/watch?v=Cu9pInG0001');
  });

  it('is the watch-legacy variant', () => {
    expect(adapter.variant(doc)).toBe('watch-legacy');
  });

  it('reads channel-URL authors (no handle), exact likes and "View all 6 replies"', () => {
    const [top, reply] = parseAll(doc);
    expect(top).toEqual({
      platform: 'youtube',
      postId: 'UgwR7tYp2mN4bV6cX8zQ1AaABAg',
      permalink: 'https://www.youtube.com/watch?v=Cu9pInG0001&lc=UgwR7tYp2mN4bV6cX8zQ1AaABAg',
      authorHandle: '',
      authorName: 'Tomasz Filter',
      text: 'Slurping loudly is apparently part of it. My family disagrees.',
      publishedAt: null,
      counts: { likes: 2318, replies: 6 },
      kind: 'comment',
    });
    expect(reply).toMatchObject({
      postId: 'UgwR7tYp2mN4bV6cX8zQ1AaABAg.8fQm2Kx9Lr08fQm3Ab7Zt1',
      authorName: 'Aiko Drip',
      text: 'Same here 😂',
      counts: { likes: 4 },
    });
  });
});

describe('youtube: Studio comments', () => {
  let doc: Document;
  beforeAll(() => {
    doc = load(`${FIX}/studio-comments.html`, 'https://studio.youtube.com/channel/UCn0rThw1nDr0a5t3r5xYz/comments/inbox');
  });

  it('is the studio variant and reads both comments', () => {
    expect(adapter.variant(doc)).toBe('studio');
    const [c, r] = parseAll(doc);
    expect(c).toEqual({
      platform: 'youtube',
      postId: 'UgyS7uD1oP3qR5sT7uV9wAaABAg',
      permalink: 'https://www.youtube.com/watch?v=Qw3rTy12345&lc=UgyS7uD1oP3qR5sT7uV9wAaABAg',
      authorHandle: 'sam.pours',
      authorName: 'sam.pours',
      text: 'Do you ship decaf to Austria?',
      publishedAt: null,
      counts: {},
      kind: 'comment',
    });
    expect(r).toMatchObject({ postId: 'UgyS7uD1oP3qR5sT7uV9wAaABAg.A2cD3eF4gH5A2cD3eF4gH5', authorHandle: '', authorName: 'Northwind Roasters', text: 'We do, from next month!' });
  });

  it('finds the reply textarea and the comment it answers', () => {
    const [box] = composers(doc);
    expect(box).toMatchObject({ editor: 'textarea', kind: 'reply', replyTo: { authorHandle: 'sam.pours', authorName: 'sam.pours' } });
    expect(box!.el.tagName).toBe('TEXTAREA');
  });

  it('anchors in the toolbar', () => {
    const [c] = posts(doc);
    const a = adapter.anchor(c);
    expect(a.el.id).toBe('toolbar');
    expect(c.contains(a.el)).toBe(true);
  });
});

describe('youtube: matches, expectsPosts, garbage', () => {
  it.each([
    ['https://www.youtube.com/watch?v=abc', true],
    ['https://m.youtube.com/watch?v=abc', true],
    ['https://studio.youtube.com/channel/UC1/comments', true],
    ['https://music.youtube.com/', false],
    ['https://www.youtube.com.example.org/', false],
    ['https://youtu.be/abc', false],
  ])('matches %s → %s', (url, want) => {
    expect(adapter.matches(new URL(url), document)).toBe(want);
  });

  it.each([
    ['https://www.youtube.com/watch?v=abc', true],
    ['https://m.youtube.com/watch?v=abc&t=10', true],
    ['https://www.youtube.com/shorts/Ab3_dE-f', true],
    ['https://studio.youtube.com/channel/UC1/comments/inbox', true],
    ['https://studio.youtube.com/video/abc/comments', true],
    ['https://studio.youtube.com/channel/UC1/videos/upload', false],
    ['https://www.youtube.com/', false],
    ['https://www.youtube.com/feed/subscriptions', false],
    ['https://www.youtube.com/account', false],
    ['https://www.youtube.com/upload', false],
  ])('expectsPosts %s → %s', (url, want) => {
    expect(adapter.expectsPosts(new URL(url))).toBe(want);
  });

  it('returns null, never throws, on odd markup', () => {
    const d = new DOMParser().parseFromString(
      '<ytd-comment-view-model></ytd-comment-view-model>' +
        '<ytd-comment-renderer><a id="author-text" href="/@x">@x</a><span id="published-time-text"><a href="/watch?v=a&lc=">now</a></span></ytd-comment-renderer>' +
        '<ytcp-comment><a href="https://www.youtube.com/watch?v=a&lc=%ZZ">x</a></ytcp-comment>',
      'text/html',
    );
    const els = Array.from(d.body.children);
    expect(els.map((el) => adapter.parsePost(el, d))).toEqual([null, null, null]);
    for (const el of els) expect(adapter.anchor(el).el).toBe(el);
    expect(adapter.parseComposer(d.body, d)).toBeNull();
  });
});

describe.skipIf(!existsSync(REAL))('youtube: real 2018 watch-page excerpt (../shared/real-pages/youtube; skipped when the folder is absent)', () => {
  let doc: Document;
  beforeAll(() => {
    doc = load(`${REAL}/blog-skipper__youtube-watch-comments_2018-05_EXCERPT.html`, 'https://www.youtube.com/watch?v=gOsERJzMhLc');
  });

  it('is the legacy markup with 20 threads, each led by a parsed comment', () => {
    expect(adapter.variant(doc)).toBe('watch-legacy');
    const threads = Array.from(doc.querySelectorAll('ytd-comment-thread-renderer'));
    expect(threads).toHaveLength(20);
    const tops = threads.map((t) => adapter.parsePost(t.querySelector(adapter.postSelector)!, doc));
    expect(tops.every((p) => p !== null && p.kind === 'comment')).toBe(true);
  });

  it('keys every comment by the &lc= id of its own permalink', () => {
    const els = posts(doc);
    const parsed = els.map((el) => adapter.parsePost(el, doc)!);
    expect(parsed.every((p) => p !== null)).toBe(true);
    expect(new Set(parsed.map((p) => p.postId)).size).toBe(parsed.length);
    els.forEach((el, i) => {
      const href = el.querySelector('#published-time-text a')!.getAttribute('href')!;
      expect(href).toContain(`&lc=${parsed[i].postId}`);
      expect(parsed[i].permalink).toBe(href);
    });
  });

  it('reads "72 likes" from the aria-label of the first comment', () => {
    const first = adapter.parsePost(posts(doc)[0], doc)!;
    expect(first.postId).toBe('UgwxU_rG6LuDaKqLn1t4AaABAg');
    expect(first.counts.likes).toBe(72);
    // The trailing U+FEFF YouTube left in the text is whitespace to \s, so it is collapsed away.
    expect(first.text).toBe('I never buy any tech before checking your reviews first. 😀😀');
    const labelled = posts(doc).filter((el) => /^\d+ likes?$/.test(el.querySelector('#vote-count-middle')?.getAttribute('aria-label') ?? ''));
    for (const el of labelled) {
      const want = Number(/^(\d+)/.exec(el.querySelector('#vote-count-middle')!.getAttribute('aria-label')!)![1]);
      expect(adapter.parsePost(el, doc)!.counts.likes).toBe(want);
    }
    expect(labelled.length).toBeGreaterThan(10);
  });
});
