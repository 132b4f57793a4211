/**
 * The editor bridge's text model and offset↔DOM mapping, on the markup the real editors render
 * (shapes taken from draft-js 0.11, Lexical 0.52, Quill 2, TipTap 3 and Chrome's own contenteditable).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  getSelectionOffsets,
  mapText,
  offsetToPoint,
  pointToOffset,
  rangeFor,
  readText,
  replaceRange,
  sameText,
} from '@/lib/page/editor';

function editor(html: string): HTMLElement {
  document.body.innerHTML = '';
  const host = document.createElement('div');
  host.innerHTML = html;
  document.body.append(host);
  return host.querySelector('[contenteditable="true"]') as HTMLElement;
}

const draftBlock = (key: string, spans: string[]) =>
  `<div class="" data-block="true" data-editor="e1" data-offset-key="${key}-0-0"><div data-offset-key="${key}-0-0" class="public-DraftStyleDefault-block public-DraftStyleDefault-ltr">${
    spans.length
      ? spans.map((s, i) => `<span data-offset-key="${key}-0-${i}"><span data-text="true">${s}</span></span>`).join('')
      : `<span data-offset-key="${key}-0-0"><br data-text="true"></span>`
  }</div></div>`;
const draft = (blocks: string[][]) =>
  `<div class="DraftEditor-root"><div class="DraftEditor-editorContainer"><div aria-label="Post text" class="notranslate public-DraftEditor-content" contenteditable="true" role="textbox" data-testid="tweetTextarea_0"><div data-contents="true">${blocks
    .map((b, i) => draftBlock(`k${i}`, b))
    .join('')}</div></div></div></div>`;

const lexical = (inner: string) =>
  `<div contenteditable="true" role="textbox" data-lexical-editor="true" aria-label="Write a comment…">${inner}</div>`;
const quill = (inner: string) =>
  `<div class="comments-comment-texteditor"><div class="ql-container"><div class="ql-editor" contenteditable="true" data-gramm="false">${inner}</div></div></div>`;
const prosemirror = (inner: string) =>
  `<div data-view-name="comment-box"><div class="tiptap ProseMirror" contenteditable="true" role="textbox" translate="no">${inner}</div></div>`;
const plain = (inner: string) =>
  `<ytd-commentbox><div id="contenteditable-root" contenteditable="true" class="style-scope yt-formatted-string">${inner}</div></ytd-commentbox>`;

/** Every editor shape with the text Brandline must read from it. */
const CASES: { name: string; html: string; text: string }[] = [
  { name: 'Draft.js: one block, two styled spans', html: draft([['Our users get ', 'CHEAP gear!!!']]), text: 'Our users get CHEAP gear!!!' },
  { name: 'Draft.js: empty editor', html: draft([[]]), text: '' },
  { name: 'Draft.js: paragraphs with an empty block between', html: draft([['Hello'], [], ['world']]), text: 'Hello\n\nworld' },
  { name: 'Draft.js: trailing empty block', html: draft([['Hi'], []]), text: 'Hi\n' },
  {
    name: 'Lexical: one paragraph',
    html: lexical('<p class="x" dir="ltr"><span data-lexical-text="true">Our users get cheap gear</span></p>'),
    text: 'Our users get cheap gear',
  },
  { name: 'Lexical: empty paragraph', html: lexical('<p><br></p>'), text: '' },
  {
    name: 'Lexical: line breaks inside a paragraph and the managed trailing <br>',
    html: lexical('<p dir="ltr"><span data-lexical-text="true">one</span><br><span data-lexical-text="true">two</span><br><br></p>'),
    text: 'one\ntwo\n',
  },
  {
    name: 'Lexical: two paragraphs, bold text node',
    html: lexical('<p><span data-lexical-text="true">Hey </span><strong data-lexical-text="true">you</strong></p><p><span data-lexical-text="true">there</span></p>'),
    text: 'Hey you\nthere',
  },
  { name: 'Quill: paragraphs and an empty line', html: quill('<p>Great question!</p><p><br></p><p>Members <strong>first</strong>.</p>'), text: 'Great question!\n\nMembers first.' },
  { name: 'Quill: empty', html: quill('<p><br></p>'), text: '' },
  {
    name: 'ProseMirror: trailing break in an empty paragraph',
    html: prosemirror('<p>Thanks</p><p><br class="ProseMirror-trailingBreak"></p>'),
    text: 'Thanks\n',
  },
  {
    name: 'ProseMirror: hard break then trailing break',
    html: prosemirror('<p>a<br>b<br><br class="ProseMirror-trailingBreak"></p>'),
    text: 'a\nb\n',
  },
  {
    name: 'ProseMirror: mention node (contenteditable=false) keeps its text',
    html: prosemirror('<p>Hi <span class="mention" contenteditable="false">@sam</span>, welcome</p>'),
    text: 'Hi @sam, welcome',
  },
  { name: 'plain contenteditable: text and <br>s', html: plain('line one<br>line two<br><br>'), text: 'line one\nline two\n' },
  { name: "plain contenteditable: Chrome's <div> lines", html: plain('first<div>second</div><div><br></div><div>fourth</div>'), text: 'first\nsecond\n\nfourth' },
  { name: 'plain contenteditable: inline text after a block', html: plain('<div>a</div>b'), text: 'a\nb' },
  { name: 'nbsp is read as a space', html: plain('a&nbsp;b&nbsp;'), text: 'a b ' },
];

describe('readText', () => {
  it.each(CASES)('$name', ({ html, text }) => {
    expect(readText(editor(html))).toBe(text);
  });

  it('reads a textarea from its value', () => {
    document.body.innerHTML = '<textarea aria-label="Add a comment…"></textarea>';
    const ta = document.querySelector('textarea')!;
    ta.value = 'line 1\nline 2';
    expect(readText(ta, 'textarea')).toBe('line 1\nline 2');
  });

  it('ignores script/style children and Brandline nodes', () => {
    const el = editor(plain('a<style>.x{}</style><span data-brandline="draft-check">zzz</span>b'));
    expect(readText(el)).toBe('ab');
  });
});

describe('offset → DOM point → offset', () => {
  it.each(CASES)('round-trips every offset: $name', ({ html }) => {
    const el = editor(html);
    const map = mapText(el);
    for (let o = 0; o <= map.text.length; o++) {
      for (const bias of ['forward', 'backward'] as const) {
        const p = offsetToPoint(map, o, bias);
        expect(el.contains(p.node) || p.node === el, `offset ${o} ${bias}`).toBe(true);
        expect(pointToOffset(map, p.node, p.offset), `offset ${o} ${bias}`).toBe(o);
      }
    }
  });

  it.each(CASES)('a character outside line breaks lands on that character: $name', ({ html }) => {
    const el = editor(html);
    const map = mapText(el);
    for (let o = 0; o < map.text.length; o++) {
      if (map.text[o] === '\n') continue;
      const p = offsetToPoint(map, o, 'forward');
      expect(p.node.nodeType).toBe(3);
      expect((p.node as Text).data[p.offset].replace('\u00a0', ' ')).toBe(map.text[o]);
    }
  });

  it('a range over a word covers exactly that word, across Draft.js spans', () => {
    const el = editor(draft([['Our users get ', 'CHEAP gear!!!']]));
    const map = mapText(el);
    expect(rangeFor(map, 4, 9).toString()).toBe('users');
    expect(rangeFor(map, 14, 19).toString()).toBe('CHEAP');
    // A range that starts at a span boundary starts in the later span, and one that ends there ends in the earlier one.
    const r = rangeFor(map, 14, 14 + 5);
    expect(r.startContainer.textContent).toBe('CHEAP gear!!!');
    const r2 = rangeFor(map, 10, 14);
    expect(r2.endContainer.textContent).toBe('Our users get ');
  });

  it('maps the ends of an empty line to the empty block', () => {
    const el = editor(quill('<p>a</p><p><br></p><p>b</p>'));
    const map = mapText(el);
    expect(map.text).toBe('a\n\nb');
    const p = offsetToPoint(map, 2, 'forward');
    expect(p.node).toBe(el.children[1]);
    expect(pointToOffset(map, el.children[1], 0)).toBe(2);
    expect(pointToOffset(map, el, 2)).toBe(3); // before the third paragraph
    expect(pointToOffset(map, el, 3)).toBe(4); // after everything
  });

  it('element points inside a line map to the line, not the next one', () => {
    const el = editor(lexical('<p><span data-lexical-text="true">one</span></p><p><span data-lexical-text="true">two</span></p>'));
    const map = mapText(el);
    const p1 = el.querySelector('p')!;
    expect(pointToOffset(map, p1, 1)).toBe(3); // after "one", still on line 1
    expect(pointToOffset(map, p1.firstChild!, 1)).toBe(3);
  });

  it('reads the selection as offsets', () => {
    const el = editor(draft([['Hello'], ['wide world']]));
    const texts = el.querySelectorAll('[data-text="true"]');
    const sel = document.getSelection()!;
    sel.setBaseAndExtent(texts[1].firstChild!, 5, texts[1].firstChild!, 10);
    expect(getSelectionOffsets(el)).toEqual({ start: 11, end: 16 });
  });

  it('holds for random editor trees (property)', () => {
    // Random mixes of paragraphs, spans, text, hard breaks and empty lines.
    const inline = fc.oneof(
      fc.stringMatching(/^[a-z !]{1,6}$/).map((t) => `<span>${t}</span>`),
      fc.stringMatching(/^[a-z ]{1,6}$/),
      fc.constant('<br>'),
    );
    const block = fc.oneof(
      fc.array(inline, { minLength: 1, maxLength: 4 }).map((xs) => `<p>${xs.join('')}</p>`),
      fc.constant('<p><br></p>'),
      fc.array(inline, { minLength: 1, maxLength: 3 }).map((xs) => `<div><div>${xs.join('')}</div></div>`),
    );
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 5 }), (blocks) => {
        const el = editor(plain(blocks.join('')));
        const map = mapText(el);
        for (let o = 0; o <= map.text.length; o++) {
          for (const bias of ['forward', 'backward'] as const) {
            const p = offsetToPoint(map, o, bias);
            if (pointToOffset(map, p.node, p.offset) !== o) return false;
          }
        }
        return true;
      }),
      { numRuns: 200 },
    );
  });
});

describe('replaceRange (happy-dom, textarea path)', () => {
  it('replaces through setRangeText + input when execCommand is missing, caret after', async () => {
    document.body.innerHTML = '<textarea></textarea>';
    const ta = document.querySelector('textarea')!;
    ta.value = 'Our users get cheap gear';
    const seen: string[] = [];
    ta.addEventListener('input', () => seen.push(ta.value));
    const r = await replaceRange(ta, 'textarea', 14, 19, 'affordable');
    expect(r).toMatchObject({ ok: true, text: 'Our users get affordable gear' });
    expect(seen).toEqual(['Our users get affordable gear']);
    expect(ta.selectionStart).toBe(24);
  });

  it('reports failure (and does not retry) when the page reverts the value', async () => {
    document.body.innerHTML = '<textarea></textarea>';
    const ta = document.querySelector('textarea')!;
    ta.value = 'abc';
    let inputs = 0;
    ta.addEventListener('input', () => {
      inputs++;
      ta.value = 'abc';
    });
    const r = await replaceRange(ta, 'textarea', 0, 1, 'X');
    expect(r.ok).toBe(false);
    expect(r.expected).toBe('Xbc');
    expect(inputs).toBe(1);
  });

  it('compares editor read-backs leniently only in whitespace', () => {
    expect(sameText('a\n\nb', 'a\nb')).toBe(true);
    expect(sameText('ab\n', 'ab')).toBe(true);
    expect(sameText('ab', 'a b')).toBe(false);
  });
});
