/**
 * Hostile and huge input, property tests (fast-check), and linearity measured by a deterministic work counter
 * (tokens, trie steps, graphemes, characters scanned) rather than by time.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyFix, check, type CheckContext, type CheckResult } from '../../lib/voice';
import { resetWork, work } from '../../lib/voice/work';
import { eachGrapheme, keyOf, lex } from '../../lib/voice/text';
import { PLATFORMS, VoiceGuideSchema, type VoiceGuide } from '../../lib/strategy/schema';

const base = VoiceGuideSchema.parse({});

function expectWellFormed(text: string, r: CheckResult) {
  expect(r.score).toBeGreaterThanOrEqual(0);
  expect(r.score).toBeLessThanOrEqual(100);
  expect(Number.isFinite(r.stats.length)).toBe(true);
  let prev = 0;
  for (const f of r.findings) {
    expect(Number.isInteger(f.start) && Number.isInteger(f.end)).toBe(true);
    expect(f.start).toBeGreaterThanOrEqual(0);
    expect(f.end).toBeGreaterThanOrEqual(f.start);
    expect(f.end).toBeLessThanOrEqual(text.length);
    expect(f.start).toBeGreaterThanOrEqual(prev);
    prev = f.start;
    expect(f.message.length).toBeGreaterThan(10);
  }
}

/** A guide whose terms are arbitrary strings, built without the schema (so blanks, whitespace, anything). */
function guideFrom(words: string[], extra: Partial<VoiceGuide> = {}): VoiceGuide {
  return {
    ...base,
    formality: 'casual',
    bannedTerms: words.map((term, i) => ({ id: `b${i}`, term, reason: '', exceptions: words.slice(i + 1, i + 3) })),
    preferredTerms: words.map((w, i) => ({ id: `p${i}`, use: words[(i + 1) % words.length] ?? w, insteadOf: [w], note: '' })),
    disclosures: [
      { id: 'd', text: words[0] ?? '#ad', alternatives: words.slice(1, 3), pillarIds: [], triggerKeywords: words.slice(3, 6) },
      { id: 'e', text: words[1] ?? 'Ad', alternatives: [], pillarIds: ['p0', 'p1'], triggerKeywords: [] },
    ],
    callToAction: { required: 'always', phrases: words.slice(0, 4) },
    ...extra,
  };
}

describe('hostile input', () => {
  const metaTerms = ['c++', '(free)', '.*', 'a+b', '[a-z]+', '(a+)+$', '\\', '?', '*', '^$', '(?<x>)', '|', '${x}', '\\p{L}', '.'];
  const g = guideFrom(metaTerms);

  it('regex metacharacters in every list are matched literally and nowhere else', () => {
    const text = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaa! abc xyz (a+)+$ end';
    const r = check(text, g, { platform: 'x', kind: 'post' });
    expectWellFormed(text, r);
    const banned = r.findings.filter((f) => f.ruleId === 'banned-term').map((f) => text.slice(f.start, f.end));
    expect(banned).toEqual(['(a+)+$']);
  });
  it('a catastrophic-backtracking pattern as a term is just text', () => {
    const text = `${'a'.repeat(5000)}!`;
    const r = check(text, guideFrom(['(a+)+$', '(a|aa)+', '(.*a){20}']), { platform: 'facebook', kind: 'post' });
    expect(r.findings.filter((f) => f.ruleId === 'banned-term')).toEqual([]);
  });
  it('10,000 exclamation marks: one finding for the run, fixed to one', () => {
    const text = '!'.repeat(10000);
    const r = check(text, base, { platform: 'facebook', kind: 'post' });
    expect(r.findings.map((f) => [f.ruleId, f.start, f.end, f.fix?.replacement])).toEqual([['repeated-punctuation', 0, 10000, '!']]);
    expect(r.stats.exclamations).toBe(1);
    expect(applyFix(text, r.findings[0]!)).toBe('!');
  });
  it('lone surrogates', () => {
    const text = 'a\uD800b \uDC00 users \uDBFF\uDFFF \uD83D HUGE \uDE00!!';
    const r = check(text, VoiceGuideSchema.parse({ preferredTerms: [{ id: 'p', use: 'customers', insteadOf: ['users'] }] }), { platform: 'x', kind: 'post' });
    expectWellFormed(text, r);
    expect(r.findings.map((f) => [f.ruleId, text.slice(f.start, f.end)])).toEqual([
      ['preferred-term', 'users'],
      ['shouting', 'HUGE'],
      ['repeated-punctuation', '!!'],
    ]);
    expect(r.stats.length).toBe(weighted(text));
  });
  it('control characters, NUL and BOM', () => {
    const text = '\u0000\uFEFFhello\u0007 world\u0000 USERS';
    expectWellFormed(text, check(text, g, { platform: 'bluesky', kind: 'reply' }));
  });
  it('a non-string text is treated as empty', () => {
    expect(check(undefined as unknown as string, base, { platform: 'x', kind: 'post' }).findings).toEqual([]);
  });
});

/** X weight computed independently: URL-free ASCII/surrogate text, one per light unit, 2 otherwise. */
function weighted(text: string): number {
  let n = 0;
  for (const ch of text) n += (ch.codePointAt(0) ?? 0) <= 0x10ff ? 1 : 2;
  return n;
}

describe('long texts (50,000 characters)', () => {
  const sentence = 'Our users really LOVE the new espresso, guys!! Visit northwind.coffee 😀 #coffee ';
  const text = sentence.repeat(Math.ceil(50000 / sentence.length)).slice(0, 50000);
  const g = VoiceGuideSchema.parse({
    preferredTerms: [{ id: 'p', use: 'customers', insteadOf: ['users'] }],
    bannedTerms: [{ id: 'b', term: 'espresso' }],
  });

  it('every rule runs over the whole text, with ranges inside it', () => {
    const r = check(text, g, { platform: 'facebook', kind: 'post' });
    expectWellFormed(text, r);
    const count = (id: string) => r.findings.filter((f) => f.ruleId === id).length;
    const copies = Math.floor(50000 / sentence.length);
    expect(count('preferred-term')).toBeGreaterThanOrEqual(copies);
    expect(count('banned-term')).toBeGreaterThanOrEqual(copies);
    expect(count('shouting')).toBeGreaterThanOrEqual(copies);
    expect(r.stats.hashtags).toBeGreaterThanOrEqual(copies);
    expect(r.findings.at(-1)!.end).toBeGreaterThan(49000);
  });
  it('on X the overflow covers everything past 280 weighted characters', () => {
    const r = check(text, g, { platform: 'x', kind: 'post' });
    const f = r.findings.find((x) => x.ruleId === 'length')!;
    expect(f.end).toBe(50000);
    const fits = text.slice(0, f.start);
    expect(check(fits, g, { platform: 'x', kind: 'post' }).stats.length).toBeLessThanOrEqual(280);
  });
  it('a single 50,000-character word', () => {
    const word = 'a'.repeat(50000);
    const r = check(word, g, { platform: 'linkedin', kind: 'post' });
    expect(r.findings.map((f) => f.ruleId)).toEqual(['see-more', 'length']);
  });
});

// ---------------------------------------------------------------- properties

const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const social = fc.constantFrom(
  ' ', ' ', '\n', 'users', 'USERS', 'Just', 'very', 'guys', '!', '?', '#', '@', '.', ',', "'", 'c++', '😀', '👨‍👩‍👧‍👦', '🇫🇷',
  '日本', 'مرحبا', 'שלום', 'e\u0301', 'https://x.co/a', 'example.com', 'HUGE', 'in order to', '\uD800', '\uDC00', '\u200D',
);
const anyText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: codeUnit, maxLength: 200 }),
  fc.string({ unit: social, maxLength: 80 }),
);
const anyTerms = fc.array(fc.oneof(fc.string({ unit: social, maxLength: 4 }), fc.string({ unit: 'binary', maxLength: 8 }), fc.string({ unit: codeUnit, maxLength: 5 })), {
  maxLength: 12,
});
const anyCtx: fc.Arbitrary<CheckContext> = fc.record({
  platform: fc.constantFrom(...PLATFORMS),
  kind: fc.constantFrom('post' as const, 'reply' as const),
  brandName: fc.string({ maxLength: 10 }),
  pillarId: fc.constantFrom(null, 'p0', 'p1', 'p2'),
  pillars: fc.array(fc.array(fc.string({ unit: social, maxLength: 3 }), { maxLength: 4 }), { maxLength: 3 }).map((lists) =>
    lists.map((keywords, i) => ({ id: `p${i}`, name: `P${i}`, color: '#000000', description: '', keywords, targetShare: 10 })),
  ),
});
const anyPolicy = fc.record({
  emoji: fc.record({ policy: fc.constantFrom('none' as const, 'sparingly' as const, 'freely' as const), max: fc.nat(5) }),
  hashtags: fc.record({ max: fc.nat(5) }),
  exclamations: fc.record({ max: fc.nat(3) }),
  readingGrade: fc.option(fc.integer({ min: 1, max: 20 })),
  formality: fc.constantFrom('casual' as const, 'neutral' as const, 'formal' as const),
});

describe('properties', () => {
  it('never throws; ranges inside the text, sorted; score 0–100; every fix applies', () => {
    fc.assert(
      fc.property(anyText, anyTerms, anyCtx, anyPolicy, (text, terms, ctx, policy) => {
        const g = guideFrom(terms, policy);
        const r = check(text, g, ctx);
        expectWellFormed(text, r);
        for (const f of r.findings) {
          if (!f.fix) continue;
          const fixed = applyFix(text, f);
          expect(fixed.length).toBe(text.length - (f.end - f.start) + f.fix.replacement.length);
          expectWellFormed(fixed, check(fixed, g, ctx));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('any term placed between spaces is found, exactly', () => {
    const term = fc
      .string({ unit: fc.oneof(codeUnit, social, fc.constantFrom('a', 'b', '+', '(', ')', '.', '*')), minLength: 1, maxLength: 12 })
      .map((s) => s.trim())
      .filter((s) => s.length > 0 && !s.includes('§'));
    fc.assert(
      fc.property(term, (t) => {
        const text = `§ ${t} §`;
        const g: VoiceGuide = { ...base, bannedTerms: [{ id: 'b', term: t, reason: '', exceptions: [] }] };
        const hits = check(text, g, { platform: 'facebook', kind: 'post' }).findings.filter((f) => f.ruleId === 'banned-term');
        expect(hits.map((f) => [f.start, f.end])).toContainEqual([2, 2 + t.length]);
      }),
      { numRuns: 300 },
    );
  });

  it('the hand-written tokenizer cuts text exactly like its defining regular expression', () => {
    const U = '\\p{scx=Han}\\p{scx=Hiragana}\\p{scx=Katakana}\\p{scx=Thai}\\p{scx=Lao}\\p{scx=Khmer}\\p{scx=Myanmar}';
    const re = new RegExp(
      `(\\s+)|((?=[\\p{L}\\p{N}])[${U}]\\p{M}*)|([\\p{L}\\p{N}_](?:(?![${U}])[\\p{L}\\p{N}\\p{M}_\\u200C\\u200D])*)|([^]\\p{M}*)`,
      'gu',
    );
    const byRegex = (text: string) =>
      [...text.matchAll(re)].filter((m) => m[1] === undefined).map((m) => [m.index, m.index + m[0].length, keyOf(m[0]), m[4] === undefined, m[2] !== undefined]);
    const thai = fc.constantFrom('ก', 'า', '\u0E31', '\u3099', 'ー', 'abc', '漢字', '\u0301', '\u200D', '\u200C', '_', '1', 'é');
    fc.assert(
      fc.property(fc.oneof(anyText, fc.string({ unit: thai, maxLength: 30 })), (text) => {
        expect(lex(text).map((t) => [t.s, t.e, t.k, t.w, t.u])).toEqual(byRegex(text));
      }),
      { numRuns: 500 },
    );
  });

  it('graphemes agree with Intl.Segmenter', () => {
    const seg = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    const hard = fc.constantFrom(
      '\r', '\n', '\u0301', '\u200D', '\uFE0F', '🏽', '🇫', '🇷', '👩', '💻', '🏴', '\u{E0067}', '\u{E007F}', 'क', '\u094D', 'ष', 'ा',
      '\u1100', '\u1161', '\u11A8', '가', '\u0600', '1', '\u20E3', '\uD800', '\uDC00', 'a', ' ', '❤', '‼', '\u00AD', 'e', 'ก', '\u0E33',
    );
    fc.assert(
      fc.property(fc.oneof(anyText, fc.string({ unit: hard, maxLength: 60 })), (text) => {
        const mine: number[] = [];
        eachGrapheme(text, 0, text.length, (s) => mine.push(s));
        expect(mine).toEqual([...seg.segment(text)].map((x) => x.index));
      }),
      { numRuns: 1000 },
    );
  });

  it('a term never matches inside a longer word', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'é', 'ß', 'd', '1', '_'), minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(word, word, word, (pre, t, post) => {
        const text = `${pre}${t}${post}`;
        const g: VoiceGuide = { ...base, bannedTerms: [{ id: 'b', term: t, reason: '', exceptions: [] }] };
        const hits = check(text, g, { platform: 'facebook', kind: 'post' }).findings.filter((f) => f.ruleId === 'banned-term');
        // the only possible match is the whole word
        for (const f of hits) expect([f.start, f.end]).toEqual([0, text.length]);
      }),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------- linearity (work counter, not time)

describe('linear work', () => {
  const deepTerms = Array.from({ length: 500 }, (_, i) => `${'a '.repeat(1 + (i % 48))}b${i}`);
  const deepGuide = guideFrom(deepTerms);
  const cases: [string, (n: number) => string, VoiceGuide][] = [
    ['repeated partial matches of 500 deep phrases', (n) => 'a '.repeat(n / 2), deepGuide],
    ['one long word', (n) => 'a'.repeat(n), deepGuide],
    ['exclamation marks', (n) => '!'.repeat(n), base],
    ['hashtags and mentions', (n) => '#a@b '.repeat(n / 5), base],
    ['dotted chunk (URL-like)', (n) => `${'a.'.repeat(n / 2 - 2)}com`, base],
    ['emoji ZWJ sequences', (n) => '👨‍👩‍👧‍👦'.repeat(n / 11), base],
    ['CJK', (n) => '日本語のテキスト'.repeat(n / 8), base],
    ['combining marks', (n) => 'e\u0301'.repeat(n / 2), base],
    ['sentences', (n) => 'Just do it. '.repeat(n / 12), base],
  ];
  it.each(cases)('%s: 8× the text costs at most ~8× the work', (_name, make, g) => {
    const cost = (n: number) => {
      const text = make(n);
      resetWork();
      check(text, g, { platform: 'x', kind: 'post' });
      return { n: text.length, w: work.n };
    };
    cost(1000); // compile the guide outside the measurement
    const small = cost(4000);
    const large = cost(32000);
    expect(small.w).toBeGreaterThan(0);
    const perCharSmall = small.w / small.n;
    const perCharLarge = large.w / large.n;
    expect(perCharLarge).toBeLessThan(perCharSmall * 1.25);
    // bounded by the deepest phrase (≤ 49 tokens here), not by the text
    expect(perCharLarge).toBeLessThan(60);
  });
});
