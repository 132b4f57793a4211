import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { adapter } from '../../lib/platforms/threads';
import type { PostFacts } from '../../lib/platforms/types';

const FIX = path.resolve(__dirname, '../fixtures/threads');
const REAL = path.resolve(__dirname, '../../../shared/real-pages/threads');

function parseDoc(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}
function load(file: string): Document {
  return parseDoc(readFileSync(path.join(FIX, file), 'utf8'));
}
function fromHtml(html: string, lang = 'en'): Document {
  return parseDoc(`<!DOCTYPE html><html lang="${lang}"><body>${html}</body></html>`);
}
/** A document that has a URL (embed pages are identified by theirs). */
function atUrl(url: string, html: string): Document {
  const w = new Window({ url });
  w.document.body.innerHTML = html;
  return w.document as unknown as Document;
}
function parseAll(doc: Document): PostFacts[] {
  return Array.from(doc.querySelectorAll(adapter.postSelector))
    .map((el) => adapter.parsePost(el, doc))
    .filter((p): p is PostFacts => p !== null);
}

describe('Threads feed', () => {
  const doc = load('feed.html');
  const list = parseAll(doc);

  it('finds three posts; the quoted post inside a post is not a post of its own', () => {
    expect(doc.querySelectorAll(adapter.postSelector)).toHaveLength(4);
    expect(list.map((p) => p.postId)).toEqual(['DNwCsPr1ng1', 'DDanaQu0te2', 'DRoAstLab33']);
  });

  it('reads a post exactly; the share count (no CountKey) is not read', () => {
    expect(list[0]).toEqual({
      platform: 'threads',
      postId: 'DNwCsPr1ng1',
      permalink: 'https://www.threads.com/@northwindcoffee/post/DNwCsPr1ng1',
      authorHandle: 'northwindcoffee',
      authorName: 'northwindcoffee',
      text: 'Spring single-origin is here. What should we roast next?',
      publishedAt: '2026-03-02T14:05:00.000Z',
      counts: { likes: 219, replies: 17, reposts: 1 },
      kind: 'post',
    });
  });

  it('a quote post keeps its own code, author and text; compact numbers are read as shown', () => {
    expect(list[1]).toMatchObject({
      postId: 'DDanaQu0te2',
      authorHandle: 'dana.brews',
      text: 'This looks amazing, saving it for Friday',
      publishedAt: '2026-03-02T15:30:00.000Z',
      counts: { likes: 1200, replies: 3 },
    });
  });

  it('a post with no numbers on its buttons has no counts; line breaks become spaces', () => {
    expect(list[2]).toMatchObject({ text: 'Roast day. Development time ratio explained.', counts: {} });
  });

  it('anchors after the action row, inside the post, outside links and buttons', () => {
    for (const el of Array.from(doc.querySelectorAll(adapter.postSelector))) {
      if (!adapter.parsePost(el, doc)) continue;
      const a = adapter.anchor(el);
      expect(a.where).toBe('after');
      expect(el.contains(a.el)).toBe(true);
      expect(a.el.querySelectorAll('[role="button"] svg[aria-label]')).toHaveLength(4);
      expect(a.el.closest('a, button, [role="button"]')).toBeNull();
    }
  });

  it('unknown icon labels: counts by position (Like, Reply, Repost, Share)', () => {
    const d = fromHtml(`<div data-pressable-container="true"><a href="/@kaffee_sued"><span>kaffee_sued</span></a>
      <a href="/@kaffee_sued/post/DKaFfEe0001"><time datetime="2026-03-01T10:00:00.000Z">1 T.</time></a>
      <span dir="auto">Guten Morgen</span><div><div>
      <div role="button"><svg aria-label="いいね！"></svg><span>1.234</span></div><div role="button"><svg aria-label="返信"></svg><span>5</span></div>
      <div role="button"><svg aria-label="再投稿"></svg><span>6</span></div><div role="button"><svg aria-label="シェア"></svg><span>7</span></div></div></div></div>`, 'de');
    expect(adapter.parsePost(d.querySelector(adapter.postSelector)!, d)!.counts).toEqual({ likes: 1234, replies: 5, reposts: 6 });
  });
});

describe('Threads composers (Lexical)', () => {
  const doc = load('composer.html');
  const c = Array.from(doc.querySelectorAll(adapter.composerSelector)).map((el) => adapter.parseComposer(el, doc)!);

  it('inline reply (placeholder), reply dialog (post shown) and a new thread', () => {
    expect(c.map((x) => [x.editor, x.kind, x.replyTo])).toEqual([
      ['lexical', 'reply', { authorHandle: 'dana.brews', authorName: '' }],
      ['lexical', 'reply', { authorHandle: 'northwindcoffee', authorName: 'northwindcoffee' }],
      ['lexical', 'post', null],
    ]);
  });
});

describe('Threads matches, expectsPosts, variant', () => {
  it.each([
    ['https://www.threads.com/', true],
    ['https://www.threads.net/@northwindcoffee', true],
    ['https://threads.com/@a/post/DNwCsPr1ng1', true],
    ['https://www.instagram.com/', false],
    ['https://www.threads.com.evil.test/', false],
  ])('matches(%s) = %s', (url, want) => {
    expect(adapter.matches(new URL(url), document)).toBe(want);
  });

  it.each([
    ['https://www.threads.com/', true],
    ['https://www.threads.com/@northwindcoffee', true],
    ['https://www.threads.com/@northwindcoffee/replies', true],
    ['https://www.threads.com/@northwindcoffee/post/DNwCsPr1ng1', true],
    ['https://www.threads.com/search?q=coffee', true],
    ['https://www.threads.com/activity', true],
    ['https://www.threads.com/settings', false],
    ['https://www.threads.com/login', false],
    ['https://www.threads.com/intent/follow?username=a', false],
  ])('expectsPosts(%s) = %s', (url, want) => {
    expect(adapter.expectsPosts(new URL(url))).toBe(want);
  });

  it('variant: web or embed', () => {
    expect(adapter.variant(load('feed.html'))).toBe('web');
    expect(adapter.variant(fromHtml('<div class="Embed"></div>'))).toBe('embed');
  });
});

describe('Threads: odd markup never throws', () => {
  it('empty page', () => {
    expect(parseAll(fromHtml(''))).toEqual([]);
  });

  it('a post with its links removed is not understood (null)', () => {
    const doc = load('feed.html');
    const el = doc.querySelector(adapter.postSelector)!;
    for (const a of Array.from(el.querySelectorAll('a'))) a.removeAttribute('href');
    expect(adapter.parsePost(el, doc)).toBeNull();
    expect(() => adapter.anchor(el)).not.toThrow();
  });

  it('an embed whose page URL is not its post (or another author’s) gives null', () => {
    const html = '<div class="Embed"><div class="AuthorIdentity"><a class="HeaderLink" href="https://www.threads.com/@ann"><span>ann</span></a></div></div>';
    expect(parseAll(fromHtml(html))).toEqual([]);
    expect(parseAll(atUrl('https://www.threads.com/@bob/post/DAbCdEfGh12/embed', html))).toEqual([]);
    expect(parseAll(atUrl('https://www.threads.com/@ann/post/DAbCdEfGh12/embed', html)).map((p) => p.postId)).toEqual(['DAbCdEfGh12']);
  });
});

describe.skipIf(!existsSync(REAL))('Threads: real capture (../shared/real-pages/threads, absent in this checkout)', () => {
  // The embed markup has no post link: the code is read from the embed page's own URL, which the capture's first
  // line records (/@agusanugrah_/post/Dd4lBcBkyeD/embed).
  const html = existsSync(REAL) ? readFileSync(path.join(REAL, 'oriko_threads-embed.html'), 'utf8') : '';

  it('embed page: author, text and the four ActionBarCount numbers 219 / 17 / 1 / 13 (likes, replies, reposts; shares not read)', () => {
    const doc = atUrl('https://www.threads.com/@agusanugrah_/post/Dd4lBcBkyeD/embed', html);
    expect(adapter.variant(doc)).toBe('embed');
    const list = parseAll(doc);
    expect(list).toEqual([
      {
        platform: 'threads',
        postId: 'Dd4lBcBkyeD',
        permalink: 'https://www.threads.com/@agusanugrah_/post/Dd4lBcBkyeD',
        authorHandle: 'agusanugrah_',
        authorName: 'agusanugrah_',
        text: 'Apple OS 27 liquid glass effect using gsap and css',
        publishedAt: null,
        counts: { likes: 219, replies: 17, reposts: 1 },
        kind: 'post',
      },
    ]);
    expect(Array.from(doc.querySelectorAll('.ActionBarCount')).map((n) => n.textContent)).toEqual(['219', '17', '1', '13']);
    expect(adapter.anchor(doc.querySelector(adapter.postSelector)!).el.className).toBe('ActionBarContainer');
  });

  it('without its URL the embed cannot be keyed and is not a post', () => {
    expect(parseAll(parseDoc(html))).toEqual([]);
  });
});
