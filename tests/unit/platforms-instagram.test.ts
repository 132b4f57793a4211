import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapter } from '../../lib/platforms/instagram';
import type { PostFacts } from '../../lib/platforms/types';

const FIX = path.resolve(__dirname, '../fixtures/instagram');
const REAL = path.resolve(__dirname, '../../../shared/real-pages/instagram');

function parseDoc(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}
function load(file: string, dir = FIX): Document {
  return parseDoc(readFileSync(path.join(dir, file), 'utf8'));
}
function fromHtml(html: string, lang = 'en'): Document {
  return parseDoc(`<!DOCTYPE html><html lang="${lang}"><body>${html}</body></html>`);
}
function parseAll(doc: Document): PostFacts[] {
  return Array.from(doc.querySelectorAll(adapter.postSelector))
    .map((el) => adapter.parsePost(el, doc))
    .filter((p): p is PostFacts => p !== null);
}

describe('Instagram feed', () => {
  const doc = load('feed.html');
  const list = parseAll(doc);

  it('finds the two organic posts and skips the sponsored one', () => {
    expect(doc.querySelectorAll(adapter.postSelector)).toHaveLength(3);
    expect(list.map((p) => p.postId)).toEqual(['C4nWcOfFeE1', 'DAr0aStLab9']);
  });

  it('reads a photo post exactly', () => {
    expect(list[0]).toEqual({
      platform: 'instagram',
      postId: 'C4nWcOfFeE1',
      permalink: 'https://www.instagram.com/p/C4nWcOfFeE1/',
      authorHandle: 'northwindcoffee',
      authorName: 'northwindcoffee',
      text: 'Spring single-origin is here ☕ Ethiopian Guji #coffee',
      publishedAt: '2026-03-02T14:05:00.000Z',
      counts: { likes: 1234, replies: 45 },
      kind: 'post',
    });
  });

  it('a reel: /reel/ permalink; "Liked by … and others" has no number, so likes are left out', () => {
    expect(list[1]).toMatchObject({
      postId: 'DAr0aStLab9',
      permalink: 'https://www.instagram.com/reel/DAr0aStLab9/',
      authorHandle: 'roastery_lab',
      text: 'Roast day. Development time ratio explained.',
      counts: {},
    });
  });

  it('anchors after the action row (the section with Like/Comment/Share/Save), inside the article', () => {
    for (const el of Array.from(doc.querySelectorAll(adapter.postSelector))) {
      if (!adapter.parsePost(el, doc)) continue;
      const a = adapter.anchor(el);
      expect(a.where).toBe('after');
      expect(a.el.tagName).toBe('SECTION');
      expect(a.el.querySelector('svg[aria-label="Like"]')).not.toBeNull();
      expect(el.contains(a.el)).toBe(true);
      expect(a.el.closest('a, button, [role="button"]')).toBeNull();
    }
  });

  it('reads German likes ("Gefällt 1.234 Mal") in the page locale', () => {
    const d = fromHtml(`<article><a href="/kaffee_sued/"><span>kaffee_sued</span></a><a href="/p/C4DeUtScH01/"><time datetime="2026-03-01T10:00:00.000Z">1 T.</time></a>
      <section><div role="button"><svg aria-label="Gefällt mir"></svg></div></section>
      <section><a href="/p/C4DeUtScH01/liked_by/"><span>Gefällt <span>1.234</span> Mal</span></a></section>
      <a href="/p/C4DeUtScH01/comments/"><span>Alle 56 Kommentare ansehen</span></a></article>`, 'de');
    const p = adapter.parsePost(d.querySelector('article')!, d)!;
    expect(p.counts).toEqual({ likes: 1234, replies: 56 });
  });
});

describe('Instagram composers', () => {
  const doc = load('composer.html');
  const c = Array.from(doc.querySelectorAll(adapter.composerSelector)).map((el) => adapter.parseComposer(el, doc)!);

  it('the comment textarea replies to the post’s author; the Create dialog caption is a new post', () => {
    expect(c.map((x) => [x.el.tagName, x.editor, x.kind, x.replyTo])).toEqual([
      ['TEXTAREA', 'textarea', 'reply', { authorHandle: 'northwindcoffee', authorName: 'northwindcoffee' }],
      ['DIV', 'lexical', 'post', null],
    ]);
  });
});

describe('Instagram matches, expectsPosts, variant', () => {
  it.each([
    ['https://www.instagram.com/', true],
    ['https://instagram.com/p/C4nWcOfFeE1/', true],
    ['https://www.instagram.com.evil.test/', false],
    ['https://www.threads.com/', false],
  ])('matches(%s) = %s', (url, want) => {
    expect(adapter.matches(new URL(url), document)).toBe(want);
  });

  it.each([
    ['https://www.instagram.com/', true],
    ['https://www.instagram.com/p/C4nWcOfFeE1/', true],
    ['https://www.instagram.com/reel/DAr0aStLab9/', true],
    ['https://www.instagram.com/northwindcoffee/p/C4nWcOfFeE1/', true],
    ['https://www.instagram.com/reel/DAr0aStLab9/embed/captioned/', true],
    ['https://www.instagram.com/northwindcoffee/', false],
    ['https://www.instagram.com/explore/', false],
    ['https://www.instagram.com/reels/', false],
    ['https://www.instagram.com/direct/inbox/', false],
    ['https://www.instagram.com/accounts/edit/', false],
  ])('expectsPosts(%s) = %s', (url, want) => {
    expect(adapter.expectsPosts(new URL(url))).toBe(want);
  });

  it('variant: web or embed', () => {
    expect(adapter.variant(load('feed.html'))).toBe('web');
    expect(adapter.variant(fromHtml('<div class="Embed"></div>'))).toBe('embed');
  });
});

describe('Instagram: odd markup never throws', () => {
  it('empty page', () => {
    expect(parseAll(fromHtml(''))).toEqual([]);
  });

  it('a post with its links removed is not understood (null)', () => {
    const doc = load('feed.html');
    const el = doc.querySelector('article')!;
    for (const a of Array.from(el.querySelectorAll('a'))) a.removeAttribute('href');
    expect(adapter.parsePost(el, doc)).toBeNull();
    expect(() => adapter.anchor(el)).not.toThrow();
  });

  it('an article that is not a post (no post link) gives null', () => {
    const doc = fromHtml('<article><a href="/explore/">Explore</a><span dir="auto">Suggested for you</span></article>');
    expect(adapter.parsePost(doc.querySelector('article')!, doc)).toBeNull();
    expect(adapter.anchor(doc.querySelector('article')!).where).toBe('append');
  });
});

describe.skipIf(!existsSync(REAL))('Instagram: real capture (../shared/real-pages/instagram, absent in this checkout)', () => {
  it('reel embed: shortcode, author, caption and "1,575 likes" (embed markup, not the app)', () => {
    const doc = load('oriko_instagram-embed.html', REAL);
    expect(adapter.variant(doc)).toBe('embed');
    const list = parseAll(doc);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      postId: 'Dcwu4-xz65x',
      permalink: 'https://www.instagram.com/reel/Dcwu4-xz65x/',
      authorHandle: 'shota.ohnishi',
      authorName: 'shota.ohnishi',
      publishedAt: null,
      counts: { likes: 1575 },
      kind: 'post',
    });
    expect(list[0]!.text.startsWith('slise❌→hinge⭕️ Aim for 300 yards🚀')).toBe(true);
    expect(list[0]!.text.endsWith('#ゴルフ #ゴルフレッスン')).toBe(true);
    expect(list[0]!.text).not.toContain('shota.ohnishi');
    const a = adapter.anchor(doc.querySelector(adapter.postSelector)!);
    expect(a.el.className).toBe('SocialProof');
  });
});
