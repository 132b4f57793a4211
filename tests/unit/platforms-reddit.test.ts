import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { adapter } from '../../lib/platforms/reddit';
import { pagePaths, pageLoader, runAdapter } from './helpers/pages';

const { FIX, REAL } = pagePaths('reddit');
const load = pageLoader();
const { posts, parseAll } = runAdapter(adapter);
const outsideLinks = (el: Element) => el.closest('a, button') === null;

describe('reddit: shreddit post page', () => {
  let doc: Document;
  beforeAll(() => {
    doc = load(`${FIX}/shreddit-post-page.html`, 'https://www.reddit.com/r/homebarista/comments/1c9xk2p/oat_milk_foam_that_actually_holds/');
  });

  it('is the shreddit variant with one post and three comments', () => {
    expect(adapter.variant(doc)).toBe('shreddit');
    expect(posts(doc).map((e) => e.tagName.toLowerCase())).toEqual([
      'shreddit-post',
      'shreddit-comment',
      'shreddit-comment',
      'shreddit-comment',
    ]);
  });

  it('reads the post from its attributes and slots', () => {
    const [post] = parseAll(doc);
    expect(post).toEqual({
      platform: 'reddit',
      postId: 't3_1c9xk2p',
      permalink: 'https://www.reddit.com/r/homebarista/comments/1c9xk2p/oat_milk_foam_that_actually_holds/',
      authorHandle: 'quietkettle',
      authorName: 'quietkettle',
      text: 'Oat milk foam that actually holds: what finally worked for me Cold pitcher, barista blend, and stop stretching at 40°C. Texture is like whole milk now.',
      publishedAt: '2024-04-21T09:14:07.512Z',
      counts: { likes: 1284, replies: 47 },
      kind: 'post',
    });
  });

  it('reads each comment without its nested replies', () => {
    const [, top, reply, deleted] = parseAll(doc);
    expect(top).toEqual({
      platform: 'reddit',
      postId: 't1_l0f3a9x',
      permalink: 'https://www.reddit.com/r/homebarista/comments/1c9xk2p/comment/l0f3a9x/',
      authorHandle: 'moka_marta',
      authorName: 'moka_marta',
      text: 'The cold pitcher is the whole trick. Thanks for writing it up!',
      publishedAt: '2024-04-21T09:40:11.000Z',
      counts: { likes: 211 },
      kind: 'comment',
    });
    expect(reply).toMatchObject({
      postId: 't1_l0f4b2c',
      authorHandle: 'quietkettle',
      text: 'Glad it helped. Let us know how yours turns out.',
      publishedAt: '2024-04-21T10:02:45.000Z',
      counts: { likes: 58 },
      kind: 'comment',
    });
    // A deleted author is no handle, and a comment without a score attribute has no likes (not 0).
    expect(deleted).toMatchObject({ postId: 't1_l0f9zz1', authorHandle: '', text: '[removed]', counts: {} });
    expect(deleted!.publishedAt).toBe('2024-04-21T11:20:00.000Z');
  });

  it('anchors in light DOM slots, inside the element, outside links and buttons', () => {
    const [post, comment] = posts(doc);
    const a = adapter.anchor(post);
    expect(a.el.getAttribute('slot')).toBe('credit-bar');
    expect(a.where).toBe('append');
    expect(post.contains(a.el)).toBe(true);
    expect(outsideLinks(a.el)).toBe(true);
    const c = adapter.anchor(comment);
    expect(c.el.getAttribute('slot')).toBe('commentMeta');
    expect(c.el.parentElement).toBe(comment);
    expect(outsideLinks(c.el)).toBe(true);
  });

  it('finds both composers and who they reply to', () => {
    const found = Array.from(doc.querySelectorAll(adapter.composerSelector)).map((el) => adapter.parseComposer(el, doc));
    expect(found).toHaveLength(2);
    expect(found[0]).toMatchObject({ editor: 'contenteditable', kind: 'reply', replyTo: { authorHandle: 'quietkettle', authorName: 'quietkettle' } });
    expect(found[0]!.el.getAttribute('aria-placeholder')).toBe('Add a comment');
    expect(found[1]).toMatchObject({ editor: 'contenteditable', kind: 'reply', replyTo: { authorHandle: 'moka_marta' } });
  });

  it("names Lexical when the editable carries Lexical's marker", () => {
    const host = doc.createElement('shreddit-composer');
    const ed = doc.createElement('div');
    ed.setAttribute('contenteditable', 'true');
    ed.setAttribute('data-lexical-editor', 'true');
    host.appendChild(ed);
    doc.body.appendChild(host);
    expect(ed.matches(adapter.composerSelector)).toBe(true);
    expect(adapter.parseComposer(ed, doc)?.editor).toBe('lexical');
    host.remove();
  });
});

describe('reddit: old.reddit listing', () => {
  let doc: Document;
  beforeAll(() => {
    doc = load(`${FIX}/old-reddit-listing.html`, 'https://old.reddit.com/r/homebarista/');
  });

  it('is the old variant with three posts', () => {
    expect(adapter.variant(doc)).toBe('old');
    expect(parseAll(doc).map((p) => p?.postId)).toEqual(['t3_1c9xk2p', 't3_1c8aa01', 't3_1c7zz9q']);
  });

  it('reads the numbers the page shows, not the stale data attributes', () => {
    const [first, second, third] = parseAll(doc);
    expect(first).toEqual({
      platform: 'reddit',
      postId: 't3_1c9xk2p',
      permalink: 'https://old.reddit.com/r/homebarista/comments/1c9xk2p/oat_milk_foam_that_actually_holds/',
      authorHandle: 'quietkettle',
      authorName: 'quietkettle',
      text: 'Oat milk foam that actually holds: what finally worked for me',
      publishedAt: '2024-04-21T09:14:07.000Z',
      counts: { likes: 1284, replies: 47 },
      kind: 'post',
    });
    expect(second!.counts).toEqual({ likes: 96, replies: 12 });
    // "comment" (no number) falls back to data-comments-count="0".
    expect(third!.counts).toEqual({ likes: 3, replies: 0 });
    expect(third!.authorHandle).toBe('new_to_beans');
  });

  it('anchors on the tagline of each post', () => {
    for (const el of posts(doc)) {
      const a = adapter.anchor(el);
      expect(a.el.classList.contains('tagline')).toBe(true);
      expect(el.contains(a.el)).toBe(true);
      expect(outsideLinks(a.el)).toBe(true);
    }
  });
});

describe('reddit: old.reddit comment forms', () => {
  let doc: Document;
  beforeAll(() => {
    doc = load(`${FIX}/old-reddit-comments-composer.html`, 'https://old.reddit.com/r/homebarista/comments/1c7zz9q/which_grinder_under_200/');
  });

  it('reads the self-post body and the comment', () => {
    const [post, comment] = parseAll(doc);
    expect(post).toMatchObject({ postId: 't3_1c7zz9q', text: 'Which grinder under 200? Budget is tight, mostly pour-over.', counts: { likes: 3, replies: 1 } });
    expect(comment).toMatchObject({
      postId: 't1_kz81a2b',
      authorHandle: 'burr_and_beyond',
      text: 'A hand grinder gets you much further for pour-over.',
      publishedAt: '2024-04-20T07:00:00.000Z',
      counts: { likes: 8 },
      kind: 'comment',
      permalink: 'https://old.reddit.com/r/homebarista/comments/1c7zz9q/which_grinder_under_200/kz81a2b/',
    });
  });

  it('tells the top-level form from the reply form', () => {
    const found = Array.from(doc.querySelectorAll(adapter.composerSelector)).map((el) => adapter.parseComposer(el, doc));
    expect(found).toHaveLength(2);
    expect(found[0]).toMatchObject({ editor: 'textarea', kind: 'reply', replyTo: { authorHandle: 'new_to_beans' } });
    expect(found[1]).toMatchObject({ editor: 'textarea', kind: 'reply', replyTo: { authorHandle: 'burr_and_beyond' } });
  });
});

describe('reddit: matches, expectsPosts, garbage', () => {
  const doc = document;
  it.each([
    ['https://www.reddit.com/', true],
    ['https://old.reddit.com/r/aww/', true],
    ['https://new.reddit.com/r/aww/', true],
    ['https://sh.reddit.com/', true],
    ['https://reddit.com.evil.example/', false],
    ['https://www.redditmedia.com/', false],
    ['https://x.com/reddit', false],
  ])('matches %s → %s', (url, want) => {
    expect(adapter.matches(new URL(url), doc)).toBe(want);
  });

  it.each([
    ['https://www.reddit.com/', true],
    ['https://www.reddit.com/r/homebarista/', true],
    ['https://www.reddit.com/r/homebarista/new/', true],
    ['https://www.reddit.com/r/homebarista/comments/1c9xk2p/oat_milk/', true],
    ['https://www.reddit.com/user/quietkettle/', true],
    ['https://old.reddit.com/user/quietkettle/comments/', true],
    ['https://www.reddit.com/search/?q=latte', true],
    ['https://www.reddit.com/settings/', false],
    ['https://www.reddit.com/submit', false],
    ['https://www.reddit.com/r/homebarista/submit', false],
    ['https://old.reddit.com/message/inbox/', false],
    ['https://chat.reddit.com/', false],
    ['https://www.reddit.com/login/', false],
  ])('expectsPosts %s → %s', (url, want) => {
    expect(adapter.expectsPosts(new URL(url))).toBe(want);
  });

  it('returns null or nothing, never throws, on odd markup', () => {
    const d = new DOMParser().parseFromString(
      '<shreddit-post id="not-a-fullname"></shreddit-post><shreddit-comment></shreddit-comment>' +
        '<div class="thing" data-fullname="t1_x"></div><div class="thing comment" data-fullname="t1_"></div><div></div>' +
        '<shreddit-post id="t3_abc" score="-4" comment-count="many"></shreddit-post>',
      'text/html',
    );
    const els = Array.from(d.body.children);
    expect(els.slice(0, 5).map((el) => adapter.parsePost(el, d))).toEqual([null, null, null, null, null]);
    const odd = adapter.parsePost(els[5], d);
    expect(odd).toMatchObject({ postId: 't3_abc', permalink: '', authorHandle: '', text: '', publishedAt: null, counts: {} });
    for (const el of els) expect(() => adapter.anchor(el)).not.toThrow();
    expect(adapter.parseComposer(d.body, d)).toBeNull();
  });
});

describe.skipIf(!existsSync(REAL))('reddit: real old.reddit capture (2018, ../shared/real-pages/reddit; skipped when the folder is absent)', () => {
  let doc: Document;
  beforeAll(() => {
    doc = load(
      `${REAL}/blog-skipper__old-reddit_aww_comments_2018-04.html`,
      'https://old.reddit.com/r/aww/comments/8dyrb3/ben_is_very_proud_of_himself_for_learning_to_go/',
    );
  });

  it('finds the post t3_8dyrb3 with the numbers it shows', () => {
    expect(adapter.variant(doc)).toBe('old');
    const el = doc.querySelector('div.thing[data-fullname="t3_8dyrb3"]')!;
    expect(el.matches(adapter.postSelector)).toBe(true);
    const p = adapter.parsePost(el, doc)!;
    expect(p.postId).toBe('t3_8dyrb3');
    expect(p.kind).toBe('post');
    expect(p.permalink).toBe('https://old.reddit.com/r/aww/comments/8dyrb3/ben_is_very_proud_of_himself_for_learning_to_go/');
    expect(p.authorHandle).toBe(el.getAttribute('data-author'));
    expect(p.publishedAt).toBe('2018-04-21T21:28:31.000Z');
    // Shown: "21.5k" with title="21542", and "201 comments" (data-score says 21427, data-comments-count 198).
    expect(p.counts).toEqual({ likes: 21542, replies: 201 });
  });

  it('finds its 197 t1_ comments and skips the two "load more" stubs', () => {
    const parsed = parseAll(doc).filter((p) => p !== null);
    const comments = parsed.filter((p) => p!.kind === 'comment');
    expect(doc.querySelectorAll('div.thing[data-fullname^="t1_"]').length).toBe(199);
    expect(comments).toHaveLength(197);
    expect(parsed).toHaveLength(198);
    expect(new Set(comments.map((c) => c!.postId)).size).toBe(197);
    expect(comments.every((c) => /^t1_[a-z0-9]+$/.test(c!.postId) && c!.permalink.startsWith('https://old.reddit.com/r/aww/comments/8dyrb3/'))).toBe(true);
    const first = comments[0]!;
    expect(first.postId).toBe('t1_dxr0evr');
    expect(first.counts).toEqual({ likes: 690 });
    expect(first.publishedAt).toBe('2018-04-21T21:36:45.000Z');
    expect(first.text.startsWith('Bonus pics of Ben on a walk/ chillin like a cool kid. Edit: Bonus Bonus')).toBe(true);
  });
});
