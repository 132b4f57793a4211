/**
 * Helpers other code uses: applyFix, detectPillar, fillTemplate, matchCase.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyFix, detectPillar, fillTemplate, matchCase, type Finding } from '../../lib/voice';
import { detectPillarScanned, isPlainText } from '../../lib/voice/check';
import { lex } from '../../lib/voice/text';
import type { Pillar } from '../../lib/strategy/schema';

const finding = (start: number, end: number, replacement?: string): Finding => ({
  ruleId: 'x',
  severity: 'info',
  message: '',
  start,
  end,
  ...(replacement === undefined ? {} : { fix: { replacement, label: '' } }),
});

describe('applyFix', () => {
  it.each([
    ['replaces the range', 'Our users', finding(4, 9, 'customers'), 'Our customers'],
    ['an empty range inserts', 'Hello', finding(5, 5, ' #ad'), 'Hello #ad'],
    ['an empty replacement deletes', 'is very good', finding(3, 8, ''), 'is good'],
    ['no fix: unchanged', 'Hello', finding(0, 5), 'Hello'],
    ['a range past the end (stale finding): unchanged', 'Hi', finding(1, 9, 'x'), 'Hi'],
    ['a reversed range: unchanged', 'Hello', finding(3, 1, 'x'), 'Hello'],
    ['a negative start: unchanged', 'Hello', finding(-1, 1, 'x'), 'Hello'],
    ['surrogate pairs are replaced whole', 'a😀b', finding(1, 3, ''), 'ab'],
  ])('%s', (_name, text, f, expected) => {
    expect(applyFix(text, f)).toBe(expected);
  });
});

describe('matchCase', () => {
  it.each([
    ['users', 'customers', 'customers'],
    ['Users', 'customers', 'Customers'],
    ['USERS', 'customers', 'CUSTOMERS'],
    ['uSERS', 'customers', 'customers'],
    ['In order to', 'to', 'To'],
    ['linkedin', 'LinkedIn', 'LinkedIn'],
    ['LINKEDIN', 'LinkedIn', 'LinkedIn'],
    ['Éclair', 'über', 'Über'],
    ['+', 'plus', 'plus'],
  ])('%s → %s gives %s', (source, replacement, expected) => {
    expect(matchCase(source, replacement)).toBe(expected);
  });
});

const pillar = (id: string, keywords: string[]): Pillar => ({ id, name: id, color: '#000000', description: '', keywords, targetShare: 10 });
const pillars = [
  pillar('coffee', ['espresso', 'latte', 'cold brew']),
  pillar('community', ['meetup', 'local', 'volunteer']),
  pillar('tips', ['how to', 'tip', 'guide']),
];

describe('detectPillar', () => {
  it.each([
    ['the pillar with the most keyword hits', 'A local meetup with espresso for our volunteer crew', 'community'],
    ['multi-word keywords, any case and spacing', 'COLD\nBREW season', 'coffee'],
    ['whole words only', 'Espressos and locals and tipping', null],
    ['a tie goes to the pillar listed first', 'espresso at the meetup', 'coffee'],
    ['each occurrence counts', 'tip: a tip, one more tip, at the local espresso bar, local', 'tips'],
    ['no keywords: null', 'Hello world', null],
    ['empty text: null', '', null],
  ])('%s', (_name, text, expected) => {
    expect(detectPillar(text, pillars)).toBe(expected);
  });
  it('no pillars: null', () => {
    expect(detectPillar('espresso', [])).toBeNull();
  });
  it('keywords are data, not patterns', () => {
    const ps = [pillar('regex', ['.*', 'a+']), pillar('plain', ['coffee'])];
    expect(detectPillar('coffee aaa', ps)).toBe('plain');
    expect(detectPillar('coffee .* a+ x', ps)).toBe('regex');
  });
  it.each([
    ['a curly apostrophe is an apostrophe', 'We’re open, we’re open', ['we\'re'], 'x'],
    ['emoji and curly quotes around a keyword', '“Espresso”🔥☕️ time', ['espresso'], 'x'],
    ['an emoji does not join words', 'espresso🔥latte', ['latte'], 'x'],
    ['a joiner inside a word makes another word', 'espresso\u200dbar', ['espresso'], null],
    ['an accent makes another word', 'cafe\u0301 and café', ['cafe'], null],
    ['an accented keyword', 'le café', ['café'], 'x'],
    ['no-break spaces are spaces', 'cold\u00a0brew', ['cold brew'], 'x'],
    ['an emoji keyword', 'Fresh ☕ daily', ['☕'], 'x'],
  ])('%s', (_name, text, keywords, expected) => {
    const ps = [pillar('x', keywords)];
    expect(detectPillar(text, ps)).toBe(expected);
    expect(detectPillarScanned(text, ps)).toBe(expected);
  });

  // detectPillar takes a shortcut on "plain" text (ASCII, whitespace, emoji, general punctuation): regular expressions
  // instead of the token scan. The two must always agree.
  it('the plain-text shortcut finds what the token scan finds', () => {
    const unit = fc.constantFrom(
      ...'aAbBeEsSkK019_ \t\n-+.#\'’‘“—…•‼'.split(''),
      '\u00a0', '🔥', '☕', '\ufe0f', '\u200d', '👍', '🏻', // plain
      'é', '\u0301', 'K', 'ſ', '＃', 'ʼ', '中', '\u200b', '²', // not plain
    );
    const text = fc.string({ unit, maxLength: 40 });
    const keyword = fc.oneof(fc.string({ unit, minLength: 1, maxLength: 6 }), fc.constantFrom('ab', 'a b', "a'b", 'e-s', 'k', '#k', '🔥', 'ab🔥', '\ufe0f', '\u200d', '☕\ufe0f', '👍🏻'));
    const pillarSet = fc.array(fc.array(keyword, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 });
    let plain = 0;
    let runs = 0;
    fc.assert(
      fc.property(text, pillarSet, (t, sets) => {
        const ps = sets.map((kw, i) => pillar(`p${i}`, kw));
        runs++;
        if (isPlainText(t)) plain++;
        expect(detectPillar(t, ps)).toBe(detectPillarScanned(t, ps));
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 3000) },
    );
    // Both paths were exercised.
    expect(plain).toBeGreaterThan(runs / 10);
    expect(plain).toBeLessThan(runs);
  });

  it('every non-ASCII character plain text may hold is a space or a symbol of its own that never compares as ASCII', () => {
    const wrong: string[] = [];
    for (let cp = 0x80; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      if (cp === 0xfe0f || cp === 0x200d || !isPlainText(ch)) continue; // those two only between pictographs
      const toks = lex(ch);
      if (toks.length === 0) continue; // whitespace
      const [t] = toks;
      const ascii = /^[\x00-\x7f]*$/.test(t!.k);
      if (toks.length !== 1 || t!.w || (ascii && !(cp === 0x2019 && t!.k === "'"))) wrong.push(cp.toString(16));
      // And it never joins a neighbouring ASCII word.
      if (lex(`a${ch}a`).filter((x) => x.w).length !== 2) wrong.push(`join ${cp.toString(16)}`);
    }
    expect(wrong).toEqual([]);
    expect(isPlainText('☕\ufe0f\u200d🔥')).toBe(true);
    expect(isPlainText('a\ufe0f')).toBe(false);
    expect(isPlainText('a\u200d🔥')).toBe(false);
    expect(isPlainText('🔥\u200da')).toBe(false);
  });

  it('telling plain text never backtracks over the text', () => {
    // Characters two alternatives could take, then one that fails: a backtracking test would never finish.
    expect(isPlainText(`${'‼'.repeat(20_000)}é`)).toBe(false);
    expect(isPlainText(`${'🔥\ufe0f\u200d'.repeat(5_000)}🔥`)).toBe(true);
  });
});

describe('fillTemplate', () => {
  it.each([
    ['all three', 'Hi {name}, thanks @{handle}! — {brand}', { name: 'Anna', handle: 'anna_b', brand: 'Northwind' }, 'Hi Anna, thanks @anna_b! — Northwind'],
    ['{handle} gets its @', 'Thanks {handle}', { handle: 'anna' }, 'Thanks @anna'],
    ['never @@', 'Thanks @{handle}', { handle: '@anna' }, 'Thanks @anna'],
    ['missing name → "there"', 'Hi {name}!', {}, 'Hi there!'],
    ['blank name → "there"', 'Hi {name}!', { name: '  ' }, 'Hi there!'],
    ['missing handle → the name, without the @', 'Thanks @{handle}!', { name: 'Anna' }, 'Thanks Anna!'],
    ['missing handle and name → "there"', 'Thanks @{handle}!', {}, 'Thanks there!'],
    ['missing brand → "our team"', 'Love, {brand}', {}, 'Love, our team'],
    ['unknown variables are left as they are', 'Order {order} for {name}', { name: 'Bo' }, 'Order {order} for Bo'],
    ['case and inner spaces', 'Hi { Name } from {BRAND}', { name: 'Bo', brand: 'NW' }, 'Hi Bo from NW'],
    ['repeated', '{name} {name}', { name: 'Bo' }, 'Bo Bo'],
    ['values are not templates themselves', 'Hi {name}', { name: '{brand} $& $1' }, 'Hi {brand} $& $1'],
    ['unclosed braces are text', 'Hi {name', { name: 'Bo' }, 'Hi {name'],
  ])('%s', (_name, body, vars, expected) => {
    expect(fillTemplate(body, vars)).toBe(expected);
  });
});
