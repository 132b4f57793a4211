/**
 * Building and applying fixes.
 */
import type { Finding } from './types';
import { isHSpace, isWordChar } from './text';

/**
 * Applies a finding's fix: replaces text.slice(start, end) with the replacement.
 * Returns the text unchanged when the finding has no fix or its range does not fit the text (a stale finding).
 */
export function applyFix(text: string, finding: Finding): string {
  const { fix, start, end } = finding;
  if (!fix) return text;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > text.length) return text;
  return text.slice(0, start) + fix.replacement + text.slice(end);
}

const LETTERS = /\p{L}/gu;

/**
 * Gives the replacement the casing of the text it replaces: users→customers, Users→Customers, USERS→CUSTOMERS.
 * A replacement with capitals of its own ("iPhone", "LinkedIn") is kept as written.
 */
export function matchCase(source: string, replacement: string): string {
  if (replacement !== replacement.toLowerCase()) return replacement;
  const letters = source.match(LETTERS)?.join('') ?? '';
  if (letters.length === 0) return replacement;
  const upper = letters.toUpperCase();
  const cased = upper !== letters.toLowerCase();
  if (cased && letters.length >= 2 && letters === upper) return replacement.toUpperCase();
  const first = letters[0]!;
  if (first !== first.toLowerCase()) return capitalise(replacement);
  return replacement;
}

export function capitalise(s: string): string {
  const cp = s.codePointAt(0);
  if (cp === undefined) return s;
  const ch = String.fromCodePoint(cp);
  return ch.toUpperCase() + s.slice(ch.length);
}

export interface Edit {
  start: number;
  end: number;
  replacement: string;
}

const AFTER_OK = new Set(['.', '!', '?', ')', ']', '\u2026', '\n', '\r']);

/**
 * The edit that deletes text[start, end) without leaving a double space or a stray capital, or null when there
 * is no clean way to do it. The edit's range includes the one space (or ", " pair) it removes, so a finding
 * that offers it covers that space too.
 *
 * - sentence start: "Just do it" → "Do it" (with `capitalize`), "Basically, we…" → "We…"
 * - between spaces: "is very good" → "is good"
 * - between commas: "It's, basically, fine" → "It's fine"
 * - before the end or closing punctuation: "love it really." → "love it."
 */
export function removal(text: string, start: number, end: number, sentenceStart: boolean, capitalize: boolean): Edit | null {
  const before = text[start - 1];
  const after = text[end];
  if (sentenceStart) {
    let j = end;
    if (text[j] === ',' || text[j] === ':') j++;
    if (isHSpace(text[j])) {
      let k = j;
      while (k < text.length && isHSpace(text[k])) k++;
      if (k < text.length && isWordChar(text[k])) {
        if (!capitalize) return { start, end: k, replacement: '' };
        const cp = text.codePointAt(k)!;
        const ch = String.fromCodePoint(cp);
        return { start, end: k + ch.length, replacement: ch.toUpperCase() };
      }
    }
  }
  if (text.slice(start - 2, start) === ', ' && after === ',') return { start: start - 2, end: end + 1, replacement: '' };
  if (isHSpace(before) && isHSpace(after)) return { start, end: end + 1, replacement: '' };
  if (isHSpace(before) && (after === undefined || AFTER_OK.has(after))) return { start: start - 1, end, replacement: '' };
  if ((start === 0 || before === '\n' || before === '\r') && isHSpace(after)) return { start, end: end + 1, replacement: '' };
  return null;
}
