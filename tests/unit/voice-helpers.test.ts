/**
 * Helpers other code uses: applyFix, detectPillar, fillTemplate, matchCase.
 */
import { describe, expect, it } from 'vitest';
import { applyFix, detectPillar, fillTemplate, matchCase, type Finding } from '../../lib/voice';
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
