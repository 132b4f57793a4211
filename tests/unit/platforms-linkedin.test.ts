import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapter } from '../../lib/platforms/linkedin';
import type { PostFacts } from '../../lib/platforms/types';

const FIX = path.resolve(__dirname, '../fixtures/linkedin');
const REAL = path.resolve(__dirname, '../../../shared/real-pages/linkedin');

function load(file: string, dir = FIX): Document {
  return new DOMParser().parseFromString(readFileSync(path.join(dir, file), 'utf8'), 'text/html');
}
function fromHtml(html: string, bodyAttrs = ''): Document {
  return new DOMParser().parseFromString(`<!DOCTYPE html><html lang="en"><body ${bodyAttrs}>${html}</body></html>`, 'text/html');
}
function parseAll(doc: Document): PostFacts[] {
  return Array.from(doc.querySelectorAll(adapter.postSelector))
    .map((el) => adapter.parsePost(el, doc))
    .filter((p): p is PostFacts => p !== null);
}
function byId(list: PostFacts[], id: string): PostFacts {
  const p = list.find((x) => x.postId === id);
  if (!p) throw new Error(`${id} not among ${list.map((x) => x.postId).join(', ')}`);
  return p;
}

const L1 = 'urn:li:activity:7426920362804434567';
const L2 = 'urn:li:activity:7426943569888466567';
const C1 = 'urn:li:comment:(activity:7426920362804434567,7426943569888400001)';
const C2 = 'urn:li:comment:(activity:7426920362804434567,7426969436161200002)';
const V1 = 'urn:li:activity:7427260101428434567';
const V2 = 'urn:li:activity:7427279101625554567';
const VC1 = 'urn:li:comment:(activity:7427260101428434567,7427279101625500011)';
const VC2 = 'urn:li:comment:(activity:7427260101428434567,7427300366746800012)';

describe('LinkedIn v1 (Ember) feed', () => {
  const doc = load('feed-v1.html');
  const list = parseAll(doc);

  it('is detected as v1', () => {
    expect(adapter.variant(doc)).toBe('v1');
  });

  it('finds two posts and two comments once each, and skips the promoted post', () => {
    expect(list.map((p) => [p.kind, p.postId])).toEqual([
      ['post', L1],
      ['comment', C1],
      ['comment', C2],
      ['post', L2],
    ]);
  });

  it('reads a company post exactly (name once, hashtags without the screen-reader word, no "…more")', () => {
    expect(byId(list, L1)).toEqual({
      platform: 'linkedin',
      postId: L1,
      permalink: `https://www.linkedin.com/feed/update/${L1}`,
      authorHandle: 'northwind-coffee',
      authorName: 'Northwind Coffee',
      text: 'Our Ethiopian Guji is back for spring. Washed process, notes of jasmine and peach. Tell us how you brew it #SpecialtyCoffee #Roasting',
      publishedAt: '2026-02-10T09:30:00.000Z',
      counts: { likes: 1204, replies: 58, reposts: 12 },
      kind: 'post',
    });
  });

  it('counts "Lena Fischer and 23 others" as 24 reactions, from the number LinkedIn renders', () => {
    const p = byId(list, L2);
    expect(p.authorHandle).toBe('jonas-weber-4b1a2');
    expect(p.authorName).toBe('Jonas Weber');
    expect(p.counts).toEqual({ likes: 24 });
  });

  it('reads comments and replies as kind comment, each with its own text', () => {
    expect(byId(list, C1)).toEqual({
      platform: 'linkedin',
      postId: C1,
      permalink: `https://www.linkedin.com/feed/update/${L1}?commentUrn=${encodeURIComponent(C1)}`,
      authorHandle: 'priya-raman-8b2c1a',
      authorName: 'Priya Raman',
      text: 'Congrats on the launch! Ordering a bag today.',
      publishedAt: '2026-02-10T11:02:13.000Z',
      counts: { likes: 4, replies: 1 },
      kind: 'comment',
    });
    const reply = byId(list, C2);
    expect(reply.authorHandle).toBe('northwind-coffee');
    expect(reply.text).toBe('Thank you, Priya! Let us know how it pulls as espresso.');
    expect(reply.counts).toEqual({ likes: 2 });
  });

  it('anchors posts after the action bar and comments after their social bar, never in a link or button', () => {
    for (const el of Array.from(doc.querySelectorAll(adapter.postSelector))) {
      const f = adapter.parsePost(el, doc);
      if (!f) continue;
      const a = adapter.anchor(el);
      expect(el.contains(a.el)).toBe(true);
      expect(a.el.closest('a, button')).toBeNull();
      expect(a.where).toBe('after');
      expect(a.el.className).toContain(f.kind === 'post' ? 'feed-shared-social-action-bar' : 'comments-comment-social-bar');
    }
  });
});

describe('LinkedIn v2 (SDUI) feed', () => {
  const doc = load('feed-v2.html');
  const list = parseAll(doc);

  it('is detected as v2', () => {
    expect(adapter.variant(doc)).toBe('v2');
  });

  it('decodes the URN from the tracking scope byte array; skips the sponsored update', () => {
    expect(list.map((p) => [p.kind, p.postId])).toEqual([
      ['post', V1],
      ['comment', VC1],
      ['comment', VC2],
      ['post', V2],
    ]);
  });

  it('reads a v2 post exactly', () => {
    expect(byId(list, V1)).toEqual({
      platform: 'linkedin',
      postId: V1,
      permalink: `https://www.linkedin.com/feed/update/${V1}`,
      authorHandle: 'mara-okafor',
      authorName: 'Mara Okafor',
      text: 'Three things I learned judging a latte art throwdown: 1. Milk texture beats pattern. 2. Cups matter. 3. Smile at the barista.',
      publishedAt: '2026-02-11T08:00:00.000Z',
      counts: { likes: 376, replies: 12, reposts: 3 },
      kind: 'post',
    });
  });

  it('reads "Priya Raman and 62 others reacted" as 63 reactions', () => {
    const p = byId(list, V2);
    expect(p.authorHandle).toBe('northwind-coffee');
    expect(p.counts).toEqual({ likes: 63 });
  });

  it('reads v2 comments and nested replies separately', () => {
    const c = byId(list, VC1);
    expect(c).toMatchObject({
      kind: 'comment',
      authorHandle: 'sam-patel-barista',
      authorName: 'Sam Patel',
      text: 'Milk texture, every time. Great list!',
      counts: { likes: 7, replies: 1 },
      permalink: `https://www.linkedin.com/feed/update/${V1}?commentUrn=${encodeURIComponent(VC1)}`,
    });
    expect(byId(list, VC2)).toMatchObject({ authorHandle: 'mara-okafor', text: 'Thanks Sam, see you at the next one.', counts: {} });
  });

  it('anchors a v2 post after its action row and a comment after its text', () => {
    const post = doc.querySelector('div[data-view-name="feed-full-update"]')!;
    const a = adapter.anchor(post);
    expect(a.where).toBe('after');
    expect(a.el.querySelector('button[data-view-name="reaction-button"]')).not.toBeNull();
    expect(post.contains(a.el)).toBe(true);
    const comment = doc.querySelector('[componentkey^="replaceableComment_"]')!;
    const ca = adapter.anchor(comment);
    expect(ca.el.getAttribute('data-view-name')).toBe('comment-commentary');
    expect(ca.el.closest('a, button')).toBeNull();
  });

  it('detects v2 from the post markup alone (no body markers)', () => {
    const d = fromHtml('<div role="listitem"><div data-view-name="feed-full-update"></div></div>');
    expect(adapter.variant(d)).toBe('v2');
    expect(adapter.variant(fromHtml('<div id="root"></div>'))).toBe('v2');
    expect(adapter.variant(fromHtml('<div data-urn="urn:li:activity:1"></div>'))).toBe('v1');
  });
});

describe('LinkedIn composers', () => {
  function composers(doc: Document) {
    return Array.from(doc.querySelectorAll(adapter.composerSelector)).map((el) => adapter.parseComposer(el, doc)!);
  }

  it('v1: share box is a new post; comment box replies to the post; reply box to the comment (Quill)', () => {
    const doc = load('composer-v1.html');
    const c = composers(doc);
    expect(c.map((x) => [x.editor, x.kind, x.replyTo?.authorHandle ?? null])).toEqual([
      ['quill', 'reply', 'northwind-coffee'],
      ['quill', 'reply', 'priya-raman-8b2c1a'],
      ['quill', 'post', null],
    ]);
    expect(c[1]!.replyTo).toEqual({ authorHandle: 'priya-raman-8b2c1a', authorName: 'Priya Raman' });
    expect(c[2]!.el.getAttribute('aria-placeholder')).toBe('What do you want to talk about?');
  });

  it('v2: TipTap comment box replies to the post; the one inside a comment replies to that comment', () => {
    const doc = load('composer-v2.html');
    const c = composers(doc);
    expect(c.map((x) => [x.editor, x.kind, x.replyTo])).toEqual([
      ['prosemirror', 'reply', { authorHandle: 'mara-okafor', authorName: 'Mara Okafor' }],
      ['prosemirror', 'reply', { authorHandle: 'sam-patel-barista', authorName: 'Sam Patel' }],
    ]);
  });

  it('a ProseMirror editor outside a comment box is a new post', () => {
    const doc = fromHtml('<div role="dialog"><div class="tiptap ProseMirror" contenteditable="true"></div></div>', 'data-rehydrated="true"');
    expect(adapter.parseComposer(doc.querySelector(adapter.composerSelector)!, doc)).toMatchObject({ editor: 'prosemirror', kind: 'post', replyTo: null });
  });
});

describe('LinkedIn matches and expectsPosts', () => {
  it.each([
    ['https://www.linkedin.com/feed/', true],
    ['https://linkedin.com/in/someone', true],
    ['https://de.linkedin.com/in/someone', false],
    ['https://www.linkedin.com.evil.test/feed/', false],
    ['https://x.com/home', false],
  ])('matches(%s) = %s', (url, want) => {
    expect(adapter.matches(new URL(url), document)).toBe(want);
  });

  it.each([
    ['https://www.linkedin.com/feed/', true],
    ['https://www.linkedin.com/feed/update/urn:li:activity:7427260101428434567/', true],
    ['https://www.linkedin.com/posts/mara-okafor_latte-activity-7427260101428434567-AbCd', true],
    ['https://www.linkedin.com/in/mara-okafor/', true],
    ['https://www.linkedin.com/in/mara-okafor/recent-activity/all/', true],
    ['https://www.linkedin.com/company/northwind-coffee/posts/', true],
    ['https://www.linkedin.com/search/results/content/?keywords=coffee', true],
    ['https://www.linkedin.com/search/results/people/?keywords=coffee', false],
    ['https://www.linkedin.com/messaging/', false],
    ['https://www.linkedin.com/mynetwork/', false],
    ['https://www.linkedin.com/jobs/', false],
    ['https://www.linkedin.com/settings/', false],
    ['https://www.linkedin.com/login', false],
    ['https://www.linkedin.com/notifications/', false],
  ])('expectsPosts(%s) = %s', (url, want) => {
    expect(adapter.expectsPosts(new URL(url))).toBe(want);
  });
});

describe('LinkedIn: odd markup never throws', () => {
  it('empty page: no posts, v1', () => {
    const doc = fromHtml('');
    expect(parseAll(doc)).toEqual([]);
    expect(adapter.variant(doc)).toBe('v1');
  });

  it('a v2 post whose tracking scope is broken and has no links is not understood', () => {
    const doc = fromHtml('<div data-view-name="feed-full-update" data-view-tracking-scope="[{not json"><p data-view-name="feed-commentary">hi</p></div>');
    expect(adapter.parsePost(doc.querySelector(adapter.postSelector)!, doc)).toBeNull();
  });

  it('a v2 post with its tracking scope and links removed gives null; its anchor still exists', () => {
    const doc = load('feed-v2.html');
    const el = doc.querySelector('div[data-view-name="feed-full-update"]')!;
    el.removeAttribute('data-view-tracking-scope');
    for (const a of Array.from(el.querySelectorAll('a'))) a.removeAttribute('href');
    expect(adapter.parsePost(el, doc)).toBeNull();
    expect(el.contains(adapter.anchor(el).el)).toBe(true);
  });

  it('byte arrays with junk values do not throw', () => {
    const scope = JSON.stringify([{ topicName: 'FeedUpdateServedEvent', breadcrumb: { content: { data: ['x', -1, 999, null] } } }]);
    const doc = fromHtml(`<div data-view-name="feed-full-update" data-view-tracking-scope='${scope}'></div>`);
    expect(adapter.parsePost(doc.querySelector(adapter.postSelector)!, doc)).toBeNull();
  });

  it('a comment with a malformed urn is not understood', () => {
    const doc = fromHtml('<article data-id="urn:li:comment:(garbage)"><span class="comments-comment-item__main-content">x</span></article>');
    expect(adapter.parsePost(doc.querySelector(adapter.postSelector)!, doc)).toBeNull();
  });
});

describe.skipIf(!existsSync(REAL))('LinkedIn: real capture (../shared/real-pages/linkedin, absent in this checkout)', () => {
  const file = 'bramvandersommen__VIP_Feed_OuterHTML_content-search_2025-12.html';

  it('content-search results: the three activity urns, once each (transitional v1 markup with v2 attributes)', () => {
    const doc = load(file, REAL);
    const list = parseAll(doc);
    expect(list.map((p) => p.postId)).toEqual([
      'urn:li:activity:7405185122557353984',
      'urn:li:activity:7405147998684667904',
      'urn:li:activity:7405139854151544833',
    ]);
    expect(list.every((p) => p.kind === 'post')).toBe(true);
    expect(adapter.variant(doc)).toBe('v1');
  });

  it('exact counts from the aria-labels ("30 reactions", "11 comments on …’s post", "5 comments")', () => {
    const list = parseAll(load(file, REAL));
    expect(list.map((p) => p.counts)).toEqual([
      { likes: 6, replies: 2 },
      { likes: 11, replies: 5 },
      { likes: 30, replies: 11 },
    ]);
  });

  it('authors and times decoded from the urn', () => {
    const [first] = parseAll(load(file, REAL));
    expect(first).toMatchObject({
      authorHandle: 'matteo-titta',
      authorName: 'Matteo Tittarelli ⚡️',
      publishedAt: '2025-12-12T10:01:54.904Z',
      permalink: 'https://www.linkedin.com/feed/update/urn:li:activity:7405185122557353984',
    });
    expect(first!.text.startsWith('Your English-only website is your silent growth ceiling.')).toBe(true);
    expect(first!.text.endsWith('#sponsored')).toBe(true);
    expect(first!.text).not.toContain('hashtag#');
  });
});
