/**
 * The DOM helpers every adapter reads posts with: a post's own elements (not a quoted post's, not a nested reply's)
 * and its visible text. Adapters' fixture tests cover them on real markup; these pin the edge cases.
 */
import { describe, expect, it } from 'vitest';
import { firstOwn, queryOwn, textOf } from '@/lib/platforms/shared-a';

const post = (html: string) => {
  const el = document.createElement('article');
  el.innerHTML = html;
  return el;
};
const ids = (els: Element[]) => els.map((e) => e.id);

describe('queryOwn / firstOwn: the post’s own elements, not those inside a nested region', () => {
  const el = post(`
    <a id="a1" class="x"></a>
    <div role="link"><a id="q1" class="x"></a><div><a id="q2" class="x"></a></div></div>
    <section><a id="a2" class="x"></a></section>
    <article class="x" id="n1"><a id="q3" class="x"></a></article>
    <a id="a3" class="x"></a>`);
  const boundary = 'div[role="link"], article';

  it('keeps matches outside every nested region, in document order', () => {
    expect(ids(queryOwn(el, '.x', boundary))).toEqual(['a1', 'a2', 'a3']);
  });
  it('treats a match that is itself a nested region as nested', () => {
    expect(ids(queryOwn(el, 'article', boundary))).toEqual([]);
  });
  it('returns every match when there is no nested region', () => {
    expect(ids(queryOwn(el, '.x', '.none'))).toEqual(['a1', 'q1', 'q2', 'a2', 'n1', 'q3', 'a3']);
  });
  it('firstOwn skips a first match that is inside a nested region', () => {
    const quotedFirst = post(`<div role="link"><a id="q" class="x"></a></div><a id="own" class="x"></a>`);
    expect(firstOwn(quotedFirst, '.x', boundary)?.id).toBe('own');
    expect(firstOwn(el, '.x', boundary)?.id).toBe('a1');
    expect(firstOwn(post(`<div role="link"><a class="x"></a></div>`), '.x', boundary)).toBeNull();
  });
  it('never throws on a selector the browser rejects', () => {
    expect(queryOwn(el, ':::', boundary)).toEqual([]);
    expect(firstOwn(el, ':::', boundary)).toBeNull();
    expect(ids(queryOwn(el, '#a1', ':::'))).toEqual(['a1']); // an unusable boundary nests nothing
  });
});

describe('textOf', () => {
  it('reads text and emoji images, skipping controls and what the caller skips; blocks and <br> separate words', () => {
    const el = post(`<div>Trail<br>tips</div><p>for <img alt="🌲"> you</p><button>See more</button>
      <span role="button">Translate</span><svg><text>icon</text></svg><span class="sr">hidden copy</span>`);
    expect(textOf(el)).toBe('Trail tips for 🌲 you hidden copy');
    expect(textOf(el, '.sr')).toBe('Trail tips for 🌲 you');
  });
  it('reads a root that is itself a button (the root is never skipped)', () => {
    const b = document.createElement('button');
    b.innerHTML = '12 <b>likes</b>';
    expect(textOf(b)).toBe('12 likes');
  });
  it('gives "" for a skip selector the browser rejects, and for no element', () => {
    expect(textOf(post('<p>x</p>'), ':::')).toBe('');
    expect(textOf(null)).toBe('');
  });
});
