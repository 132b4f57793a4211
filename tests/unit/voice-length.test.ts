/**
 * Length as each platform counts it, limits, and the Unicode cases that break naive counters:
 * emoji ZWJ sequences, flags, CJK (2 on X), RTL scripts, combining marks.
 */
import { describe, expect, it } from 'vitest';
import { check, measureLength, platformHashtagCap, platformLimit, weightedLength } from '../../lib/voice';
import { PLATFORMS, VoiceGuideSchema, type Platform } from '../../lib/strategy/schema';

const family = '👨‍👩‍👧‍👦'; // 7 code points, 11 UTF-16 units, 1 grapheme
const flag = '🇯🇵';
const thumb = '👍🏽';
const eAcute = 'e\u0301'; // e + combining acute

describe('weightedLength on X (twitter-text v3 rules)', () => {
  it.each([
    ['ASCII', 'hello', 5],
    ['Latin-1 and general punctuation are light', 'café — “quoted” ‘x’ 1′', 22],
    ['CJK counts 2', '日本語', 6],
    ['Hiragana counts 2', 'こんにちは', 10],
    ['Hangul counts 2', '안녕', 4],
    ['an emoji counts 2', '😀', 2],
    ['a ZWJ family counts 2', family, 2],
    ['a flag counts 2', flag, 2],
    ['a skin tone sequence counts 2', thumb, 2],
    ['a keycap counts 2', '1️⃣', 2],
    ['Arabic is light', 'مرحبا', 5],
    ['Hebrew is light', 'שלום', 4],
    ['RTL marks weigh 2 (outside U+2000–U+200D)', '\u200Fשלום\u200E', 8],
    ['combining marks are normalised first (é = 1)', `caf${eAcute}`, 4],
    ['a URL counts 23 however long', `see https://example.com/${'x'.repeat(100)} now`, 4 + 23 + 4],
    ['a bare domain counts 23', 'at northwind.coffee today', 3 + 23 + 6],
    ['trailing punctuation is not part of the URL', 'go to example.com.', 6 + 23 + 1],
    ['a country domain needs a path', 'bit.ly/abc vs this.it', 23 + 11],
    ['CR LF', 'a\r\nb', 4],
    ['empty', '', 0],
  ])('%s', (_name, text, expected) => {
    expect(weightedLength(text, 'x')).toBe(expected);
  });
});

describe('other platforms', () => {
  it('Bluesky counts graphemes', () => {
    expect(weightedLength(`${family}${flag}${thumb}${eAcute}`, 'bluesky')).toBe(4);
    expect(weightedLength('日本語', 'bluesky')).toBe(3);
  });
  it('others count code points', () => {
    expect(weightedLength(`${flag}${eAcute}`, 'linkedin')).toBe(4);
    expect(weightedLength('😀', 'instagram')).toBe(1);
  });
  it('Mastodon counts URLs as 23 and a remote handle as the local part', () => {
    expect(weightedLength(`https://example.com/${'x'.repeat(100)}`, 'mastodon')).toBe(23);
    expect(weightedLength('hi @anna@mastodon.social!', 'mastodon')).toBe('hi @anna!'.length);
  });
});

describe('platformLimit', () => {
  it.each([
    ['x', 'post', 280],
    ['bluesky', 'post', 300],
    ['threads', 'post', 500],
    ['mastodon', 'post', 500],
    ['linkedin', 'post', 3000],
    ['linkedin', 'reply', 1250],
    ['instagram', 'post', 2200],
    ['facebook', 'post', 63206],
    ['tiktok', 'post', 2200],
    ['youtube', 'reply', 10000],
    ['reddit', 'reply', 10000],
  ] as const)('%s %s: %i', (platform, kind, limit) => {
    expect(platformLimit(platform, kind, VoiceGuideSchema.parse({}))).toBe(limit);
  });
  it('has a limit for every platform', () => {
    for (const p of PLATFORMS) expect(platformLimit(p, 'post')).toBeGreaterThan(0);
  });
  it('the guide override wins', () => {
    const g = VoiceGuideSchema.parse({ platformOverrides: [{ platform: 'mastodon', maxLength: 11000, maxHashtags: 4 }] });
    expect(platformLimit('mastodon', 'post', g)).toBe(11000);
    expect(platformLimit('mastodon', 'reply', g)).toBe(11000);
    expect(platformLimit('x', 'post', g)).toBe(280);
    expect(platformHashtagCap('mastodon', g)).toBe(4);
  });
  it('hashtag caps: Instagram 5, Threads 1, Bluesky 8, none elsewhere', () => {
    expect([platformHashtagCap('instagram'), platformHashtagCap('threads'), platformHashtagCap('bluesky'), platformHashtagCap('x')]).toEqual([5, 1, 8, null]);
  });
});

describe('the over-limit range', () => {
  const g = VoiceGuideSchema.parse({});
  const over = (text: string, platform: Platform) => {
    const f = check(text, g, { platform, kind: 'post' }).findings.filter((x) => x.ruleId === 'length');
    return f.map((x) => [x.start, x.end]);
  };
  it('X: 141 CJK characters overflow at the 141st', () => {
    expect(over('字'.repeat(140), 'x')).toEqual([]);
    expect(over('字'.repeat(141), 'x')).toEqual([[140, 141]]);
  });
  it('X: two light characters after 139 CJK characters still fit, the third does not', () => {
    expect(over(`${'字'.repeat(139)}ab`, 'x')).toEqual([]);
    expect(over(`${'字'.repeat(139)}abc`, 'x')).toEqual([[141, 142]]);
  });
  it('X: an emoji that would straddle the limit overflows whole', () => {
    // 279 light + an emoji (2) = 281: the emoji starts the overflow
    expect(over(`${'a'.repeat(279)}${family}`, 'x')).toEqual([[279, 279 + family.length]]);
  });
  it('X: a URL is one unit', () => {
    const url = `https://example.com/${'p'.repeat(50)}`;
    const text = `${'a'.repeat(260)} ${url}`;
    expect(weightedLength(text, 'x')).toBe(261 + 23);
    expect(over(text, 'x')).toEqual([[261, text.length]]);
  });
  it('Bluesky: the 301st grapheme, with UTF-16 offsets', () => {
    const text = thumb.repeat(301);
    expect(over(thumb.repeat(300), 'bluesky')).toEqual([]);
    expect(over(text, 'bluesky')).toEqual([[300 * thumb.length, text.length]]);
  });
  it('code-point platforms never split a surrogate pair', () => {
    const text = '😀'.repeat(2201);
    expect(over(text, 'instagram')).toEqual([[4400, 4402]]);
  });
  it('says how far over and what to do', () => {
    const f = check('a'.repeat(290), g, { platform: 'x', kind: 'reply' }).findings[0]!;
    expect(f.message).toBe(
      'Too long: 290 of 280 characters allowed on X replies (X counts links as 23 and emoji or CJK characters as 2). Cut at least 10; the highlighted part does not fit.',
    );
    expect(f.severity).toBe('error');
  });
  it('measureLength reports where it overflows', () => {
    expect(measureLength('abcdef', 'linkedin', 4)).toEqual({ length: 6, overflowAt: 4 });
    expect(measureLength('abc', 'linkedin', 4)).toEqual({ length: 3, overflowAt: -1 });
  });
});

describe('Unicode in the other rules', () => {
  const g = (o: Record<string, unknown> = {}) => VoiceGuideSchema.parse(o);
  const ctx = { platform: 'facebook', kind: 'post' } as const;
  const slices = (text: string, guide: ReturnType<typeof g>, ruleId: string) =>
    check(text, guide, ctx)
      .findings.filter((f) => f.ruleId === ruleId)
      .map((f) => [text.slice(f.start, f.end), f.start, f.fix?.replacement]);

  it('CJK terms match inside unspaced text, with exact offsets', () => {
    const guide = g({ preferredTerms: [{ id: 'p', use: '客户', insteadOf: ['用户'] }], bannedTerms: [{ id: 'b', term: '便宜' }] });
    expect(slices('我们的用户很多，价格便宜。', guide, 'preferred-term')).toEqual([['用户', 3, '客户']]);
    expect(slices('我们的用户很多，价格便宜。', guide, 'banned-term')).toEqual([['便宜', 10, undefined]]);
  });
  it('Japanese mixed with Latin', () => {
    const guide = g({ bannedTerms: [{ id: 'b', term: 'セール' }, { id: 'c', term: 'sale' }] });
    expect(slices('今日はセールです sale!', guide, 'banned-term').map((x) => x[0])).toEqual(['セール', 'sale']);
  });
  it('Arabic (RTL): whole words, exact range, fix', () => {
    const text = 'منتج رخيص جدا، رخيصة';
    const guide = g({ preferredTerms: [{ id: 'p', use: 'اقتصادي', insteadOf: ['رخيص'] }] });
    expect(slices(text, guide, 'preferred-term')).toEqual([['رخيص', 5, 'اقتصادي']]);
  });
  it('Hebrew (RTL) with direction marks', () => {
    const text = '\u200Fתודה למשתמשים שלנו\u200F';
    const guide = g({ preferredTerms: [{ id: 'p', use: 'ללקוחות', insteadOf: ['למשתמשים'] }] });
    expect(slices(text, guide, 'preferred-term')).toEqual([['למשתמשים', 6, 'ללקוחות']]);
  });
  it('Arabic with diacritics stays one word', () => {
    const text = 'مَرْحَبًا بِكُمْ';
    expect(slices(text, g({ bannedTerms: [{ id: 'b', term: 'مَرْحَبًا' }] }), 'banned-term')).toEqual([['مَرْحَبًا', 0, undefined]]);
  });
  it('composed and decomposed accents match each other', () => {
    const guide = g({ bannedTerms: [{ id: 'b', term: 'café' }] });
    expect(slices(`Le caf${eAcute} et le café`, guide, 'banned-term')).toEqual([
      [`caf${eAcute}`, 3, undefined],
      ['café', 15, undefined],
    ]);
    const decomposed = g({ bannedTerms: [{ id: 'b', term: `caf${eAcute}` }] });
    expect(slices('café', decomposed, 'banned-term')).toEqual([['café', 0, undefined]]);
  });
  it('a combining mark does not split a word ("users" is not found in "userś")', () => {
    expect(slices('user\u0301s users', g({ bannedTerms: [{ id: 'b', term: 'users' }] }), 'banned-term')).toEqual([['users', 7, undefined]]);
  });
  it('Zalgo text does not break anything', () => {
    const zalgo = 'H\u0335\u0321\u0322e\u0334\u031b\u0327l\u0336\u0328l\u0337o\u0338\u0339'.repeat(50) + ' HUGE';
    const r = check(zalgo, g(), { platform: 'x', kind: 'post' });
    expect(r.findings.map((f) => [f.ruleId, zalgo.slice(f.start, f.end)])).toEqual([
      ['length', expect.any(String)],
      ['shouting', 'HUGE'],
    ]);
  });
  it('an emoji removal takes the whole ZWJ sequence', () => {
    const text = `Hi ${family}`;
    const f = check(text, g({ emoji: { policy: 'none' } }), ctx).findings;
    expect(f.map((x) => [x.start, x.end, x.fix?.replacement])).toEqual([[2, text.length, '']]);
  });
});
