/**
 * Text analysis shared by the rules: one pass of tokens, then URLs, mentions, hashtags, words and sentences.
 *
 * Every regular expression here is a single pass with no nested or overlapping quantifiers, so the whole analysis
 * is linear in the length of the text whatever it contains.
 */
import { work } from './work';

/** Scripts written without spaces between words: each letter is its own token, so terms match inside a run. */
const UNSPACED = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Thai}\p{scx=Lao}\p{scx=Khmer}\p{scx=Myanmar}]/u;
const NON_ASCII = /[^\x00-\x7F]/;
const APOSTROPHES = /[\u2019\u02BC\uFF07]/g;

/*
 * Tokens, defined as this regular expression would cut them (tests check the hand-written scanner against it):
 *   (\s+) | ((?=[\p{L}\p{N}])[UNSPACED]\p{M}*) | ([\p{L}\p{N}_](?:(?![UNSPACED])[\p{L}\p{N}\p{M}_\u200C\u200D])*) | ([^]\p{M}*)
 * i.e. whitespace (dropped) | one letter of an unspaced script + marks | a word: letters, digits, marks, "_",
 * joiners | any other single code point + marks ("#", "+", "(", an emoji code point, half of a lone surrogate).
 * The scanner classifies each code point once (ASCII from a table, others cached), which is ~3× faster than
 * the regular expression and lets it collect the letter-case flags the rules need on the way.
 */
const C_SPACE = 1;
const C_WORD = 2;
const C_UNSP = 3;
const C_MARK = 4;
const C_JOIN = 5;
const C_OTHER = 6;
const CLASS = 15;
/** Token flags: what kinds of characters a word token contains. */
export const F_LATIN = 16;
export const F_LETTER = 32;
export const F_LOWER = 64;
export const F_UPPER = 128;
export const F_DIGIT = 256;
const F_UNSP_MARK = 512;
/** Grapheme properties (for eachGrapheme): Grapheme_Extend or emoji modifier, Extended_Pictographic,
 * Regional_Indicator, Prepend. */
const F_GEXT = 1024;
const F_PICT = 2048;
const F_RI = 4096;
const F_PREPEND = 8192;
/** Grapheme_Cluster_Break=Control: nothing attaches to it (format characters such as U+00AD, U+200B, U+FEFF…). */
const F_CONTROL = 16384;
const TOKEN_FLAGS = F_LATIN | F_LETTER | F_LOWER | F_UPPER | F_DIGIT;

const ASCII_INFO = new Uint16Array(128).map((_, c) => {
  if ((c >= 9 && c <= 13) || c === 32) return C_SPACE;
  if (c >= 48 && c <= 57) return C_WORD | F_DIGIT;
  if (c >= 65 && c <= 90) return C_WORD | F_LATIN | F_LETTER | F_UPPER;
  if (c >= 97 && c <= 122) return C_WORD | F_LATIN | F_LETTER | F_LOWER;
  if (c === 95) return C_WORD;
  return C_OTHER;
});
const SPACE_RE = /^\s$/u;
const MARK_RE = /^\p{M}$/u;
const WORD_RE = /^[\p{L}\p{N}_]$/u;
const LATIN_RE = /^\p{Script=Latin}$/u;
const LETTER_RE = /^\p{L}$/u;
const LOWER_RE = /^\p{Ll}$/u;
const UPPER_RE = /^\p{Lu}$/u;
const DIGIT_RE = /^\p{N}$/u;
const GEXT_RE = /^\p{Grapheme_Extend}$/u;
const PICT_RE = /^\p{Extended_Pictographic}$/u;
const CONTROL_RE = /^[\p{Cc}\p{Zl}\p{Zp}\p{Cf}]$/u;
const UNASSIGNED_IGNORABLE_RE = /^(?=\p{Cn})\p{Default_Ignorable_Code_Point}$/u;
/** Grapheme_Cluster_Break=Prepend (Unicode 15.1), outside the two ranges tested in info(). */
const PREPEND = new Set([0x6dd, 0x70f, 0x890, 0x891, 0x8e2, 0xd4e, 0x110bd, 0x110cd, 0x111c2, 0x111c3, 0x1193f, 0x11941, 0x11a3a, 0x11d46, 0x11f02]);
const infoCache = new Map<number, number>();

function info(cp: number): number {
  if (cp < 128) return ASCII_INFO[cp]!;
  const hit = infoCache.get(cp);
  if (hit !== undefined) return hit;
  const ch = String.fromCodePoint(cp);
  let v: number;
  if (SPACE_RE.test(ch)) v = C_SPACE;
  else if (MARK_RE.test(ch)) v = C_MARK | (UNSPACED.test(ch) ? F_UNSP_MARK : 0);
  else if (cp === 0x200c || cp === 0x200d) v = C_JOIN;
  else if (WORD_RE.test(ch)) {
    v = UNSPACED.test(ch) ? C_UNSP : C_WORD;
    if (LETTER_RE.test(ch)) v |= F_LETTER;
    if (LATIN_RE.test(ch)) v |= F_LATIN;
    if (LOWER_RE.test(ch)) v |= F_LOWER;
    if (UPPER_RE.test(ch)) v |= F_UPPER;
    if (DIGIT_RE.test(ch)) v |= F_DIGIT;
  } else v = C_OTHER;
  if (GEXT_RE.test(ch) || (cp >= 0x1f3fb && cp <= 0x1f3ff)) v |= F_GEXT;
  if (PICT_RE.test(ch)) v |= F_PICT;
  if (cp >= 0x1f1e6 && cp <= 0x1f1ff) v |= F_RI;
  if (PREPEND.has(cp) || (cp >= 0x600 && cp <= 0x605) || (cp >= 0x11a84 && cp <= 0x11a89)) v |= F_PREPEND;
  else if (!(v & F_GEXT) && cp !== 0x200d && (CONTROL_RE.test(ch) || UNASSIGNED_IGNORABLE_RE.test(ch))) v |= F_CONTROL;
  if (infoCache.size >= 8192) infoCache.clear();
  infoCache.set(cp, v);
  return v;
}

export interface Token {
  /** UTF-16 start and end offsets. */
  s: number;
  e: number;
  /** Comparison key: NFC, lower case, curly apostrophes straightened, emoji variation selector dropped. */
  k: string;
  /** A word (letters/digits) rather than a single symbol. */
  w: boolean;
  /** One letter of an unspaced script (CJK, Thai…). */
  u: boolean;
  /** Whitespace between the previous token and this one (true for the first token). */
  sp: boolean;
  /** That whitespace contains a line break. */
  nl: boolean;
  /** Inside a URL or an @mention: tone rules and substitutions leave it alone. */
  skip: boolean;
  /** Part of a hashtag (the "#" and its words). */
  tag: boolean;
  /** The first word of its sentence. */
  first: boolean;
  /** F_* flags of the characters in a word token. */
  f: number;
  /** Upper-case letters in a word token. */
  caps: number;
}

const keyCache = new Map<string, string>();

export function keyOf(raw: string): string {
  if (!NON_ASCII.test(raw)) return raw.toLowerCase();
  let k = keyCache.get(raw);
  if (k !== undefined) return k;
  k = raw.normalize('NFC').toLowerCase().replace(APOSTROPHES, "'");
  if (k.includes('\uFE0F') && k.length > 1) k = k.replace(/\uFE0F/g, '');
  if (k === '\uFF03') k = '#';
  if (raw.length <= 32) {
    if (keyCache.size >= 4096) keyCache.clear();
    keyCache.set(raw, k);
  }
  return k;
}

/** Tokens of a text or of a user's term. Terms and text go through the same function, so they always agree. */
export function lex(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let sp = true;
  let nl = false;
  let i = 0;
  while (i < n) {
    work.n++;
    let cp = text.codePointAt(i)!;
    let inf = info(cp);
    const cls = inf & CLASS;
    if (cls === C_SPACE) {
      sp = true;
      if (cp === 10 || cp === 13 || cp === 0x2028 || cp === 0x2029) nl = true;
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    const s = i;
    i += cp > 0xffff ? 2 : 1;
    let f = inf & TOKEN_FLAGS;
    let caps = inf & F_UPPER ? 1 : 0;
    if (cls === C_WORD) {
      while (i < n) {
        cp = text.codePointAt(i)!;
        inf = info(cp);
        const c = inf & CLASS;
        if (c === C_WORD || c === C_JOIN || (c === C_MARK && !(inf & F_UNSP_MARK))) {
          f |= inf & TOKEN_FLAGS;
          if (inf & F_UPPER) caps++;
          i += cp > 0xffff ? 2 : 1;
        } else break;
      }
    } else {
      while (i < n) {
        cp = text.codePointAt(i)!;
        if ((info(cp) & CLASS) !== C_MARK) break;
        i += cp > 0xffff ? 2 : 1;
      }
    }
    const isWord = cls === C_WORD || cls === C_UNSP;
    tokens.push({
      s,
      e: i,
      k: keyOf(text.slice(s, i)),
      w: isWord,
      u: cls === C_UNSP,
      sp,
      nl,
      skip: false,
      tag: false,
      first: false,
      f: isWord ? f : 0,
      caps: isWord ? caps : 0,
    });
    sp = false;
    nl = false;
  }
  return tokens;
}

// ---------------------------------------------------------------- URLs

export interface Span {
  s: number;
  e: number;
}

const SCHEME = /^(?:https?:\/\/|www\.)[^\s/]/i;
const LABEL = /^[\p{L}\p{N}][\p{L}\p{N}-]*$/u;
const LEADING = new Set(['(', '[', '{', '"', "'", '\u201C', '\u2018', '<', '\u00AB']);
const TRAILING = new Set(['.', ',', '!', '?', ';', ':', ')', ']', '}', '"', "'", '\u201D', '\u2019', '>', '\u2026', '\u00BB']);
/** Generic top-level domains linked without a scheme. Two-letter country domains need a path ("bit.ly/x"), as on X. */
const GENERIC_TLDS = new Set(
  'com org net edu gov mil int info biz app dev shop store blog news online site xyz tech social page link live media agency studio design cloud club coffee email digital world global'.split(
    ' ',
  ),
);

function isUrl(core: string): boolean {
  if (SCHEME.test(core)) return true;
  if (!core.includes('.')) return false;
  const cut = core.search(/[/?#]/);
  const host = cut < 0 ? core : core.slice(0, cut);
  if (host.includes('@')) return false;
  const labels = host.split('.');
  if (labels.length < 2) return false;
  const tld = labels[labels.length - 1]!.toLowerCase();
  const ok = GENERIC_TLDS.has(tld) || (/^[a-z]{2}$/.test(tld) && cut >= 0 && core[cut] === '/');
  if (!ok) return false;
  for (const l of labels) if (!LABEL.test(l)) return false;
  return true;
}

/** URLs as link-shortening platforms see them: http(s)://…, www.…, or a bare domain; trailing punctuation excluded. */
export function findUrls(text: string): Span[] {
  const out: Span[] = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const chunk = m[0];
    if (!chunk.includes('.') && !chunk.includes(':')) continue;
    let a = 0;
    let b = chunk.length;
    while (a < b && LEADING.has(chunk[a]!)) a++;
    while (b > a && TRAILING.has(chunk[b - 1]!)) b--;
    work.n += b - a;
    if (b - a < 4) continue;
    if (isUrl(chunk.slice(a, b))) out.push({ s: m.index + a, e: m.index + b });
  }
  return out;
}

// ---------------------------------------------------------------- graphemes and emoji

type Seg = { segment(s: string): Iterable<{ segment: string; index: number }> };
let segmenter: Seg | null | undefined;
function getSegmenter(): Seg | null {
  if (segmenter === undefined) {
    const S = (Intl as unknown as { Segmenter?: new (l?: string, o?: object) => Seg }).Segmenter;
    segmenter = typeof S === 'function' ? new S(undefined, { granularity: 'grapheme' }) : null;
  }
  return segmenter;
}

/**
 * Graphemes without paying Intl.Segmenter for every character: it costs ~6 µs per call and ~0.7 µs per
 * grapheme, and V8's slows down quadratically on long strings (32,000 characters: ~0.4 s in one call).
 * So the common clusters are read directly with the UAX #29 rules they need — a base plus Grapheme_Extend
 * marks, CR LF, controls, emoji ZWJ sequences with modifiers and tags, flag pairs — and only where the next
 * boundary is certain (safeBreakBefore). Anything else (Hangul jamo, Indic conjuncts, spacing marks, Prepend…)
 * goes to Intl.Segmenter, in stretches that end at a certain boundary and are at most MAX_REGION code units
 * long. A stretch with no certain boundary for MAX_REGION units is cut there anyway: linear time matters more
 * than one grapheme in a pathological text. Tests compare the result with Intl.Segmenter on arbitrary text.
 */
const MAX_REGION = 512;

/** A character that always starts a new grapheme unless the previous one prevents it (letters, ASCII, CJK). */
function isPlainStart(c: number): boolean {
  return (
    c <= 0x7e ||
    (c >= 0x7f && c <= 0x9f) ||
    (c >= 0xa0 && c <= 0x2ff && c !== 0xad) ||
    (c >= 0x391 && c <= 0x3c9) ||
    (c >= 0x400 && c <= 0x482) ||
    (c >= 0x48a && c <= 0x52f) ||
    (c >= 0x5d0 && c <= 0x5ea) ||
    (c >= 0x621 && c <= 0x64a) ||
    (c >= 0x2010 && c <= 0x2027) ||
    (c >= 0x2030 && c <= 0x205e) ||
    (c >= 0x3001 && c <= 0x3029) ||
    (c >= 0x3041 && c <= 0x3096) ||
    (c >= 0x30a1 && c <= 0x30fa) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xff01 && c <= 0xff5e)
  );
}

/** The previous code unit may glue itself to what follows: CR, ZWJ, half a pair, Hangul jamo, Prepend. */
function mayJoinNext(text: string, p: number): boolean {
  const c = text.charCodeAt(p - 1);
  if (c === 0x0d || c === 0x200d || (c >= 0xd800 && c <= 0xdbff)) return true;
  if ((c >= 0x1100 && c <= 0x11ff) || (c >= 0xa960 && c <= 0xa97f) || (c >= 0xd7b0 && c <= 0xd7ff)) return true;
  if (c >= 0xdc00 && c <= 0xdfff) return p >= 2 && (info(text.codePointAt(p - 2) ?? 0) & F_PREPEND) !== 0;
  return c >= 0x600 && c <= 0xd4e && (info(c) & F_PREPEND) !== 0;
}

/** Is there certainly a grapheme boundary before text[p] (0 < p < text.length)? */
function safeBreakBefore(text: string, p: number): boolean {
  if (mayJoinNext(text, p)) return false;
  const c = text.charCodeAt(p);
  if (isPlainStart(c)) return c !== 0x0a || text.charCodeAt(p - 1) !== 0x0d;
  // a control, or an emoji unless a ZWJ precedes it (checked above), starts a new grapheme
  const inf = info(text.codePointAt(p) ?? 0);
  return (inf & F_CONTROL) !== 0 || (inf & (F_PICT | F_GEXT)) === F_PICT;
}

/** End of the grapheme starting at i (a known boundary) when it can be read directly, else -1. */
function fastGrapheme(text: string, i: number, to: number): number {
  const c = text.charCodeAt(i);
  if (c === 0x0d) return i + 1 < to && text.charCodeAt(i + 1) === 0x0a ? i + 2 : i + 1;
  if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return i + 1; // controls stand alone
  let cp = text.codePointAt(i)!;
  const inf = info(cp);
  if (inf & F_CONTROL) return i + (cp > 0xffff ? 2 : 1);
  if (inf & F_PREPEND) return -1;
  if (cp >= 0x1100 && cp <= 0x11ff) return -1; // Hangul jamo
  let j = i + (cp > 0xffff ? 2 : 1);
  if (inf & F_RI && j + 1 < to && info(text.codePointAt(j)!) & F_RI) j += 2; // a flag: two indicators
  const pict = (inf & F_PICT) !== 0;
  for (;;) {
    while (j < to) {
      cp = text.codePointAt(j)!;
      if (!(info(cp) & F_GEXT)) break;
      j += cp > 0xffff ? 2 : 1;
    }
    if (j < to && text.charCodeAt(j) === 0x200d) {
      j++;
      if (pict && j < to) {
        cp = text.codePointAt(j)!;
        if (info(cp) & F_PICT) {
          j += cp > 0xffff ? 2 : 1;
          continue;
        }
      }
    }
    break;
  }
  if (j >= to) return j;
  return safeBreakBefore(text, j) ? j : -1;
}

/** Calls fn(start, end, grapheme) for each grapheme of text[from, to), in order. */
export function eachGrapheme(text: string, from: number, to: number, fn: (s: number, e: number, g: string) => void): void {
  let i = from;
  while (i < to) {
    work.n++;
    const j = fastGrapheme(text, i, to);
    if (j > 0) {
      fn(i, j, j === i + 1 ? text[i]! : text.slice(i, j));
      i = j;
      continue;
    }
    // a stretch that needs the full rules: up to the next certain boundary
    let end = i + 1;
    const hard = Math.min(to, i + MAX_REGION);
    while (end < hard && !safeBreakBefore(text, end)) {
      work.n++;
      end++;
    }
    if (end < to && end === hard) {
      const d = text.charCodeAt(end);
      const p = text.charCodeAt(end - 1);
      if (d >= 0xdc00 && d <= 0xdfff && p >= 0xd800 && p <= 0xdbff) end++;
    }
    const slice = text.slice(i, end);
    const seg = getSegmenter();
    if (seg) {
      for (const { segment, index } of seg.segment(slice)) {
        work.n++;
        fn(i + index, i + index + segment.length, segment);
      }
    } else {
      for (let k = 0; k < slice.length; ) {
        const cp = slice.codePointAt(k)!;
        const n = cp > 0xffff ? 2 : 1;
        fn(i + k, i + k + n, slice.slice(k, k + n));
        k += n;
      }
    }
    i = end;
  }
}

const EMOJI_PRESENTATION = /\p{Emoji_Presentation}|\u20E3|\p{Regional_Indicator}|\p{Emoji_Modifier}/u;
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;

/**
 * Is this grapheme an emoji as people see one? Emoji-presentation characters, keycaps, flags, skin tones,
 * pictographs with U+FE0F or in ZWJ sequences, and pictographs from U+2600 up (❤ ☀ ✈ render as emoji on phones).
 * Text-style symbols such as © ® ™ ‼ without U+FE0F are not emoji.
 */
export function isEmoji(g: string): boolean {
  const c = g.charCodeAt(0);
  if (c < 0xa9) return g.includes('\u20E3'); // keycap 1️⃣ #️⃣
  if (EMOJI_PRESENTATION.test(g)) return true;
  if (!PICTOGRAPHIC.test(g)) return false;
  if (g.includes('\uFE0F') || g.includes('\u200D')) return true;
  return (g.codePointAt(0) ?? 0) >= 0x2600;
}

// ---------------------------------------------------------------- the analysed document

export interface Word {
  s: number;
  e: number;
  /** Token indices, inclusive. A word joins tokens linked by an apostrophe or hyphen ("don't", "e-mail"). */
  t0: number;
  t1: number;
  /** One letter of an unspaced script. */
  u: boolean;
  /** Contains a Latin letter (readability is only measured on Latin-script words). */
  latin: boolean;
  /** Contains a letter of any script. */
  letter: boolean;
  /** Contains a lower-case letter. */
  lower: boolean;
  /** Contains a digit. */
  digit: boolean;
  /** Number of upper-case letters. */
  caps: number;
}

export interface Sentence {
  s: number;
  e: number;
  /** Token indices, inclusive. */
  t0: number;
  t1: number;
  /** Word indices, inclusive; w1 < w0 when the sentence has no words. */
  w0: number;
  w1: number;
}

export interface Doc {
  text: string;
  tokens: Token[];
  urls: Span[];
  mentions: Span[];
  hashtags: Span[];
  /** Prose words: not in URLs, mentions or hashtags. */
  words: Word[];
  sentences: Sentence[];
}

const CONNECTORS = new Set(["'", '-', '\u2010', '\u2011']);
const TERMINATORS = new Set(['.', '!', '?', '\u2026', '\u3002', '\uFF01', '\uFF1F', '\u203C', '\u2047', '\u2048', '\u2049', '\uFF0E']);
/** Fullwidth terminators end a sentence even when the next character follows without a space. */
const TIGHT_TERMINATORS = new Set(['\u3002', '\uFF01', '\uFF1F']);
const CLOSERS = new Set([')', ']', '"', "'", '\u201D', '\u00BB', '\u300D', '\u300F']);
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'vs', 'eg', 'ie', 'inc', 'ltd', 'jr', 'sr', 'approx']);
const WORDISH = /[\p{L}\p{N}_]/u;

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORDISH.test(ch);
}

export function analyse(text: string): Doc {
  const tokens = lex(text);
  const n = tokens.length;
  const urls = findUrls(text);

  // URLs: mark the tokens they cover (both lists are in text order).
  for (let i = 0, u = 0; i < n && u < urls.length; ) {
    const t = tokens[i]!;
    const span = urls[u]!;
    if (t.e <= span.s) i++;
    else if (t.s >= span.e) u++;
    else {
      t.skip = true;
      i++;
    }
  }

  // @mentions (@brand, @name.bsky.social, @user@mastodon.social) and #hashtags.
  const mentions: Span[] = [];
  const hashtags: Span[] = [];
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    if (t.skip || (t.k !== '@' && t.k !== '\uFF20' && t.k !== '#')) continue;
    const prevChar = t.s > 0 ? text[t.s - 1] : undefined;
    if (isWordChar(prevChar) || prevChar === '&' || prevChar === '/' || prevChar === '#' || prevChar === '@') continue;
    const next = tokens[i + 1];
    if (!next || next.sp || !next.w || next.skip) continue;
    let j = i + 1;
    if (t.k === '#') {
      while (j + 1 < n && !tokens[j + 1]!.sp && tokens[j + 1]!.w) j++;
      let letters = 0;
      for (let x = i + 1; x <= j; x++) letters |= tokens[x]!.f & F_LETTER;
      if (!letters) continue; // "#1" is not a hashtag
      for (let x = i; x <= j; x++) tokens[x]!.tag = true;
      hashtags.push({ s: t.s, e: tokens[j]!.e });
    } else {
      // a handle continues through ".", "-" and a second "@" when a word follows directly
      while (j + 2 < n) {
        const sep = tokens[j + 1]!;
        const after = tokens[j + 2]!;
        if (!sep.sp && !after.sp && after.w && (sep.k === '.' || sep.k === '-' || sep.k === '@')) j += 2;
        else if (!sep.sp && sep.w) j += 1;
        else break;
      }
      for (let x = i; x <= j; x++) tokens[x]!.skip = true;
      mentions.push({ s: t.s, e: tokens[j]!.e });
    }
    i = j;
  }

  // Words: word tokens joined by an apostrophe or a hyphen with no space.
  const words: Word[] = [];
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    if (!t.w || t.skip || t.tag) continue;
    let j = i;
    if (!t.u) {
      while (j + 2 < n) {
        const c = tokens[j + 1]!;
        const nx = tokens[j + 2]!;
        if (!c.sp && !nx.sp && CONNECTORS.has(c.k) && nx.w && !nx.u && !nx.skip && !nx.tag) j += 2;
        else break;
      }
    }
    let f = 0;
    let caps = 0;
    for (let x = i; x <= j; x += 2) {
      f |= tokens[x]!.f;
      caps += tokens[x]!.caps;
    }
    work.n += j - i + 1;
    words.push({
      s: t.s,
      e: tokens[j]!.e,
      t0: i,
      t1: j,
      u: t.u,
      latin: !t.u && (f & F_LATIN) !== 0,
      letter: (f & F_LETTER) !== 0,
      lower: (f & F_LOWER) !== 0,
      digit: (f & F_DIGIT) !== 0,
      caps,
    });
    i = j;
  }

  // Sentences: end at a terminator followed by a space or the end, at a fullwidth terminator, or at a line break.
  const sentences: Sentence[] = [];
  let start = 0; // token index where the current sentence begins
  const close = (endTok: number) => {
    if (endTok < start) return;
    sentences.push({ s: tokens[start]!.s, e: tokens[endTok]!.e, t0: start, t1: endTok, w0: -1, w1: -2 });
    start = endTok + 1;
  };
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    if (t.nl && i > start) close(i - 1);
    if (t.skip) continue;
    const next = tokens[i + 1];
    const ends = TERMINATORS.has(t.k) || (CLOSERS.has(t.k) && i > 0 && !t.sp && TERMINATORS.has(tokens[i - 1]!.k));
    if (!ends) continue;
    if (TIGHT_TERMINATORS.has(t.k) && !(next && !next.sp && TERMINATORS.has(next.k))) {
      close(i);
      continue;
    }
    if (next && !next.sp) continue;
    if (t.k === '.' && i > 0 && !t.sp) {
      const prev = tokens[i - 1]!;
      const abbrev = prev.w && (ABBREVIATIONS.has(prev.k) || (prev.k.length === 1 && prev.k >= 'a' && prev.k <= 'z'));
      if (abbrev) continue; // "Dr. Smith", "e.g. this", "J. K. Rowling"
    }
    close(i);
  }
  if (start < n) close(n - 1);

  // Attach words to sentences and mark each sentence's first word.
  for (let si = 0, wi = 0; si < sentences.length; si++) {
    const sen = sentences[si]!;
    while (wi < words.length && words[wi]!.s < sen.s) wi++;
    const w0 = wi;
    while (wi < words.length && words[wi]!.e <= sen.e) wi++;
    sen.w0 = w0;
    sen.w1 = wi - 1;
    // The first word token of the sentence, if it is prose (a sentence opening with @anna or #tbt has none).
    let ft = sen.t0;
    while (ft <= sen.t1 && !tokens[ft]!.w) ft++;
    if (ft <= sen.t1 && wi > w0 && words[w0]!.t0 === ft) tokens[ft]!.first = true;
  }

  return { text, tokens, urls, mentions, hashtags, words, sentences };
}

/** Characters treated as "a space" when removing a word cleanly. */
export function isHSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\u00A0' || ch === '\u3000' || ch === '\u202F';
}

export { isWordChar };
