/**
 * The draft checker: check(text, guide, context) → findings, a voice score and stats.
 *
 * Rule kinds follow Vale's: existence (banned terms, hedges), substitution (preferred terms, formal and
 * non-inclusive wording), occurrence (length, hashtags, emoji, exclamations), capitalization (shouting),
 * metric/readability (reading grade, long sentences) and conditional (disclosures, call to action).
 *
 * Pure: no DOM, no browser API. Linear in the text: one tokenization, one scan per phrase matcher (each walk
 * bounded by the longest phrase), a few single-pass regular expressions, and a sort of the findings.
 * The guide's terms are compiled into one trie, cached per guide object (see compile for what in-place edits
 * it notices); everything else in the guide is read afresh on every check.
 */
import type { Pillar, Platform, VoiceGuide } from '../strategy/schema';
// Not from schema.ts: the content script must not pull zod in.
import { DEFAULT_VOICE_GUIDE, PLATFORM_LABELS } from '../strategy/constants';
import { capitalise, matchCase, removal } from './fixes';
import { platformHashtagCap, platformLimit, platformRules, measureLength } from './length';
import { ACRONYMS, DEFAULT_CTA, FORMAL, HEDGES, INCLUSIVE, type BuiltinEntry } from './lists';
import { leftmostLongest, PhraseMatcher, type Match } from './matcher';
import { fleschKincaid, roundGrade, syllables } from './readability';
import { analyse, eachGrapheme, isEmoji, lex, type Doc, type Span, type Token } from './text';
import type { CheckContext, CheckResult, Finding, Severity } from './types';

/** Every rule id the checker can report. */
export const RULE_IDS = [
  'banned-term',
  'preferred-term',
  'disclosure',
  'call-to-action',
  'length',
  'hashtag-limit',
  'hashtags',
  'see-more',
  'shouting',
  'repeated-punctuation',
  'exclamations',
  'emoji',
  'hedge',
  'formal',
  'inclusive',
  'reading-grade',
  'long-sentence',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/**
 * Voice score: start at 100 and subtract 20 per error, 8 per warning and 2 per info finding; never below 0.
 * So one banned term or a post that is too long costs a fifth of the score, a stylistic warning a little,
 * and a hint almost nothing; five errors (or thirteen warnings) reach 0.
 */
export const SCORE_PENALTY: Record<Severity, number> = { error: 20, warning: 8, info: 2 };

export function scoreFindings(findings: readonly Finding[]): number {
  let score = 100;
  for (const f of findings) score -= SCORE_PENALTY[f.severity] ?? 0;
  return Math.max(0, score);
}

// ---------------------------------------------------------------- compiled guide (cached per guide object)

type TermPayload =
  | { kind: 'banned'; i: number }
  | { kind: 'exception'; i: number }
  | { kind: 'preferred'; i: number; use: string; sameAsUse: string }
  | { kind: 'trigger'; i: number }
  | { kind: 'disclosed'; i: number }
  | { kind: 'cta' };

interface Compiled {
  /** The term lists it was built from and their lengths: a list replaced or grown in place forces a rebuild. */
  sig: unknown[];
  terms: PhraseMatcher<TermPayload>;
  /** All-caps words the guide itself prescribes (preferred terms): never shouting. */
  capsWords: Set<string>;
}

const compiledGuides = new WeakMap<object, Compiled>();

const list = <T,>(x: T[] | undefined | null): T[] => (Array.isArray(x) ? x : []);
const str = (x: unknown): string => (typeof x === 'string' ? x : '');

/** Fills anything missing from a guide that did not come through VoiceGuideSchema (e.g. a partial object). */
function normalizeGuide(g: Partial<VoiceGuide> | null | undefined): VoiceGuide {
  const d = DEFAULT_VOICE_GUIDE;
  const x = (g ?? {}) as Partial<VoiceGuide>;
  return {
    ...d,
    ...x,
    traits: list(x.traits),
    preferredTerms: list(x.preferredTerms),
    bannedTerms: list(x.bannedTerms),
    disclosures: list(x.disclosures),
    platformOverrides: list(x.platformOverrides),
    callToAction: { ...d.callToAction, ...x.callToAction, phrases: list(x.callToAction?.phrases) },
    emoji: { ...d.emoji, ...x.emoji },
    hashtags: { ...d.hashtags, ...x.hashtags },
    exclamations: { ...d.exclamations, ...x.exclamations },
    readingGrade: x.readingGrade === undefined ? d.readingGrade : x.readingGrade,
  };
}

/** The key a phrase's tokens make, to tell when a matched "insteadOf" is really the preferred word itself. */
function phraseKey(tokens: Token[], t0 = 0, t1 = tokens.length - 1): string {
  let k = '';
  for (let i = t0; i <= t1; i++) k += (i > t0 && tokens[i]!.sp ? ' ' : '') + tokens[i]!.k;
  return k;
}

function signature(g: VoiceGuide): unknown[] {
  const cta = g.callToAction.phrases;
  return [g.bannedTerms, g.bannedTerms.length, g.preferredTerms, g.preferredTerms.length, g.disclosures, g.disclosures.length, cta, cta.length];
}

/**
 * The guide's terms as one matcher, cached per guide object. Replacing or growing a term list in place is
 * noticed (the lists and their lengths are compared on every check); editing one term object in place is not,
 * so editors should produce a new list (or a new guide) when a term changes.
 */
function compile(guide: VoiceGuide, g: VoiceGuide): Compiled {
  const key = (guide && typeof guide === 'object' ? guide : {}) as object;
  const sig = signature(g);
  const hit = compiledGuides.get(key);
  if (hit && hit.sig.every((x, i) => x === sig[i])) return hit;
  const terms = new PhraseMatcher<TermPayload>();
  const capsWords = new Set<string>();
  g.bannedTerms.forEach((b, i) => {
    if (!b || !terms.add(str(b.term), { kind: 'banned', i })) return;
    for (const ex of list(b.exceptions)) terms.add(str(ex), { kind: 'exception', i });
  });
  g.preferredTerms.forEach((p, i) => {
    const use = str(p?.use).trim();
    if (!use) return;
    const sameAsUse = phraseKey(lex(use));
    for (const w of use.split(/\s+/)) if (w.length >= 2 && w === w.toUpperCase() && w !== w.toLowerCase()) capsWords.add(w);
    for (const from of list(p.insteadOf)) terms.add(str(from), { kind: 'preferred', i, use, sameAsUse });
  });
  g.disclosures.forEach((d, i) => {
    if (!d) return;
    terms.add(str(d.text), { kind: 'disclosed', i });
    for (const a of list(d.alternatives)) terms.add(str(a), { kind: 'disclosed', i });
    for (const t of list(d.triggerKeywords)) terms.add(str(t), { kind: 'trigger', i });
  });
  for (const p of list(g.callToAction.phrases)) terms.add(str(p), { kind: 'cta' });
  const c: Compiled = { sig, terms, capsWords };
  compiledGuides.set(key, c);
  return c;
}

// ---------------------------------------------------------------- built-in lists (compiled once)

type Category = 'hedge' | 'formal' | 'inclusive' | 'cta';
interface BuiltinPayload {
  cat: Category;
  entry: BuiltinEntry;
  notAfter: Set<string> | null;
}
let builtins: PhraseMatcher<BuiltinPayload> | undefined;
function getBuiltins(): PhraseMatcher<BuiltinPayload> {
  if (builtins) return builtins;
  const m = new PhraseMatcher<BuiltinPayload>();
  const add = (cat: Category, entries: readonly BuiltinEntry[]) => {
    for (const entry of entries) m.add(entry.phrase, { cat, entry, notAfter: entry.notAfter ? new Set(entry.notAfter) : null });
  };
  add('hedge', HEDGES);
  add('formal', FORMAL);
  add('inclusive', INCLUSIVE);
  add('cta', DEFAULT_CTA.map((phrase) => ({ phrase, replacement: null })));
  return (builtins = m);
}

// ---------------------------------------------------------------- pillars

const pillarMatchers = new WeakMap<object, PhraseMatcher<number>>();

function pillarMatcher(pillars: Pillar[]): PhraseMatcher<number> {
  let m = pillarMatchers.get(pillars);
  if (!m) {
    m = new PhraseMatcher<number>();
    pillars.forEach((p, i) => {
      for (const k of list(p?.keywords)) m!.add(str(k), i);
    });
    pillarMatchers.set(pillars, m);
  }
  return m;
}

function detectPillarIn(tokens: Token[], pillars: Pillar[] | undefined): string | null {
  if (!Array.isArray(pillars) || pillars.length === 0) return null;
  const byPillar = new Map<number, Match<number>[]>();
  for (const m of pillarMatcher(pillars).scan(tokens)) {
    let a = byPillar.get(m.payload);
    if (!a) byPillar.set(m.payload, (a = []));
    a.push(m);
  }
  return mostFound(pillars, (i) => {
    const ms = byPillar.get(i);
    return ms ? leftmostLongest(ms).length : 0;
  });
}

/** The id of the pillar with the most keyword occurrences (the first listed on a tie), or null when none has any. */
function mostFound(pillars: Pillar[], count: (i: number) => number): string | null {
  let best = -1;
  let bestCount = 0;
  for (let i = 0; i < pillars.length; i++) {
    const n = count(i);
    if (n > bestCount) {
      best = i;
      bestCount = n;
    }
  }
  return best >= 0 ? (pillars[best]!.id ?? null) : null;
}

/**
 * The pillar whose keywords occur most often in the text (whole words, case-insensitive, each occurrence counted
 * once, the longest keyword winning where two overlap). Ties go to the pillar listed first; no match → null.
 */
export function detectPillar(text: string, pillars: Pillar[]): string | null {
  const t = typeof text === 'string' ? text : '';
  if (!Array.isArray(pillars) || pillars.length === 0) return null;
  const fast = isPlainText(t) ? plainMatchers(pillars) : null;
  return fast ? detectPillarPlain(t, pillars, fast) : detectPillarIn(lex(t), pillars);
}

/** The token scan, whatever the text (for tests: detectPillar takes a shortcut on plain text). */
export function detectPillarScanned(text: string, pillars: Pillar[]): string | null {
  return detectPillarIn(lex(typeof text === 'string' ? text : ''), pillars);
}

// A post's suggestion is worked out as the page mounts it, in a feed that mounts one every few scrolled pixels: on
// plain text, one native regular expression per pillar finds what the token scan finds, at a fraction of its cost
// (BENCHMARKS.md, feed-virtual).
//
// "Plain" text is ASCII plus characters that are never part of a word and whose comparison key is not ASCII:
// whitespace, pictographs (emoji, with their variation selector and joiners), and general punctuation (dashes,
// curly quotes, ellipsis, bullets), of which only U+2019 has an ASCII key (it compares as "'"). lex then makes every
// word a run of [A-Za-z0-9_] compared in lower case, and every other character a token of its own, so a keyword of
// ASCII tokens matches exactly where its regular expression does; a keyword with any other token can never match.
// (A few pictographs are letters, such as ℹ: those are words.)
const NOT_PLAIN = /[^\x00-\x7f\s\u2010-\u2027\u2030-\u205e\u{1f3fb}-\u{1f3ff}\p{Extended_Pictographic}\ufe0f\u200d]|[^\x00-\x7f](?<=[\p{L}\p{N}])/u;
/** A variation selector not right after a pictograph, a joiner not between two. */
const LOOSE_JOIN = /(?<!\p{Extended_Pictographic})\ufe0f|(?<!\p{Extended_Pictographic}\ufe0f?)\u200d|\u200d(?!\p{Extended_Pictographic})/u;
/** Is the text "plain" (above)? Linear: searches for one character, never backtracks over the text. */
export function isPlainText(text: string): boolean {
  return !NOT_PLAIN.test(text) && !((text.includes('\ufe0f') || text.includes('\u200d')) && LOOSE_JOIN.test(text));
}
const plainCache = new WeakMap<object, (RegExp | null)[]>();

/** Per pillar, one global regular expression over its keywords (longest first), or null when none can match. */
function plainMatchers(pillars: Pillar[]): (RegExp | null)[] {
  let res = plainCache.get(pillars);
  if (res) return res;
  res = pillars.map((p) => {
    const alts: { src: string; n: number }[] = [];
    for (const k of list(p?.keywords)) {
      const src = plainPattern(lex(str(k)));
      if (src) alts.push(src);
    }
    // At a given start, the keyword with more tokens ends later: trying those first finds the longest match there.
    alts.sort((a, b) => b.n - a.n);
    return alts.length ? new RegExp(alts.map((a) => a.src).join('|'), 'gi') : null;
  });
  plainCache.set(pillars, res);
  return res;
}

const hex4 = (unit: number) => `\\u${unit.toString(16).padStart(4, '0')}`;

/** A keyword's tokens as a regular expression over plain text, or null when it can never match plain text. */
function plainPattern(toks: Token[]): { src: string; n: number } | null {
  if (!toks.length) return null;
  // Tokens compare by key alone: a key of [a-z0-9_] is always a word of plain text, which the lookarounds keep whole.
  const isWord = (t: Token) => /^[a-z0-9_]+$/.test(t.k);
  let src = isWord(toks[0]!) ? '(?<![A-Za-z0-9_])' : '';
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (i > 0 && t.sp) src += '\\s+';
    if (isWord(t)) src += t.k; // any case: the i flag
    else if (t.k === "'") src += "['\\u2019]";
    else if ([...t.k].length === 1 && t.k !== '\ufe0f' && !NOT_PLAIN.test(t.k)) {
      // One character (in plain text a variation selector is never a token of its own): a pictograph's token may
      // carry its variation selector, which its key leaves out.
      for (let j = 0; j < t.k.length; j++) src += hex4(t.k.charCodeAt(j));
      if (t.k.charCodeAt(0) > 0x7f) src += '\\ufe0f?';
    } else return null;
  }
  if (isWord(toks[toks.length - 1]!)) src += '(?![A-Za-z0-9_])';
  return { src, n: toks.length };
}

function detectPillarPlain(text: string, pillars: Pillar[], res: (RegExp | null)[]): string | null {
  return mostFound(pillars, (i) => {
    const re = res[i];
    return re ? (text.match(re)?.length ?? 0) : 0;
  });
}

// ---------------------------------------------------------------- helpers

const q = (s: string) => `"${s}"`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Walks sorted spans alongside increasing positions. */
class SpanCursor {
  private i = 0;
  constructor(private readonly spans: Span[]) {}
  covers(s: number, e: number): boolean {
    while (this.i < this.spans.length && this.spans[this.i]!.e <= s) this.i++;
    const sp = this.spans[this.i];
    return sp !== undefined && sp.s < e && sp.e > s;
  }
}

function platformName(platform: Platform): string {
  return PLATFORM_LABELS[platform] ?? String(platform);
}

/** Offset of the code point with index `n` (the first one past n characters), or text.length. */
function codePointOffset(text: string, n: number): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    if (count === n) return i;
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    count++;
  }
  return text.length;
}

const EXCLAIM = /[!\uFF01\u203C\u2048\u2049]/;
const QUESTION = /[?\uFF1F\u2047\u2048\u2049]/;
const DOUBLED = /[\u203C\u2047\u2048\u2049]/;

// ---------------------------------------------------------------- the checker

export function check(text: string, guide: VoiceGuide, context: CheckContext): CheckResult {
  text = typeof text === 'string' ? text : '';
  const ctx: CheckContext = context && typeof context === 'object' ? context : { platform: 'x', kind: 'post' };
  const platform = ctx.platform;
  const kind = ctx.kind === 'reply' ? 'reply' : 'post';
  const g = normalizeGuide(guide);
  const { terms, capsWords } = compile(guide, g);
  const doc = analyse(text);
  const { tokens } = doc;
  const findings: Finding[] = [];
  const slice = (t0: number, t1: number) => text.slice(tokens[t0]!.s, tokens[t1]!.e);
  const blank = text.trim().length === 0;

  // ---- platform length (occurrence)
  const limit = platformLimit(platform, kind, g);
  const measured = measureLength(text, platform, limit, doc.urls);
  if (measured.overflowAt >= 0) {
    const rules = platformRules(platform);
    const over = measured.length - limit;
    const where = `${platformName(platform)} ${kind === 'post' ? 'posts' : 'replies'}`;
    const how =
      rules.unit === 'weighted'
        ? ` (X counts links as 23 and emoji or CJK characters as 2)`
        : rules.urlLength !== undefined
          ? ` (links count as 23)`
          : '';
    findings.push({
      ruleId: 'length',
      severity: 'error',
      message: `Too long: ${measured.length} of ${limit} characters allowed on ${where}${how}. Cut at least ${over}; the highlighted part does not fit.`,
      start: measured.overflowAt,
      end: text.length,
    });
  }

  // ---- hashtags (occurrence)
  const platformCap = platformHashtagCap(platform, g);
  const guideMax = g.hashtags.max;
  doc.hashtags.forEach((h, k) => {
    const tag = text.slice(h.s, h.e);
    let ruleId: RuleId;
    let severity: Severity;
    let message: string;
    if (platformCap !== null && k >= platformCap) {
      ruleId = 'hashtag-limit';
      severity = 'error';
      message = `${platformName(platform)} allows ${plural(platformCap, 'hashtag')} per post and this is number ${k + 1}. Remove ${tag}.`;
    } else if (k >= guideMax) {
      ruleId = 'hashtags';
      severity = 'warning';
      message =
        guideMax === 0
          ? `The voice guide asks for no hashtags. Remove ${tag}.`
          : `The voice guide allows ${plural(guideMax, 'hashtag')} per post and this is number ${k + 1}. Keep your strongest ${guideMax} and remove the rest.`;
    } else return;
    const edit = removal(text, h.s, h.e, false, false) ?? { start: h.s, end: h.e, replacement: '' };
    findings.push({ ruleId, severity, message, start: edit.start, end: edit.end, fix: { replacement: edit.replacement, label: `Remove ${tag}` } });
  });

  // ---- "see more" cut (posts on LinkedIn, Instagram)
  const cut = platformRules(platform).seeMore;
  if (cut !== undefined && kind === 'post' && doc.sentences.length > 0) {
    const cutAt = codePointOffset(text, cut);
    const hookEnd = doc.sentences[0]!.e;
    if (cutAt < text.length && hookEnd > cutAt && text.slice(cutAt).trim().length > 0) {
      findings.push({
        ruleId: 'see-more',
        severity: 'info',
        message: `${platformName(platform)} shows about the first ${cut} characters, then "…see more". Your opening sentence runs past that point: finish the hook before it so people tap to read on.`,
        start: cutAt,
        end: hookEnd,
      });
    }
  }

  // ---- guide terms: banned (existence), preferred (substitution), disclosures and CTA (conditional)
  const termMatches = terms.scan(tokens);
  const banned: Match<TermPayload & { kind: 'banned' }>[] = [];
  const preferred: Match<TermPayload & { kind: 'preferred' }>[] = [];
  const exceptions = new Map<number, { list: Match<TermPayload>[]; p: number; maxEnd: number }>();
  const triggered = new Map<number, string>();
  const disclosed = new Set<number>();
  let ctaFound = false;
  for (const m of termMatches) {
    const p = m.payload;
    switch (p.kind) {
      case 'banned':
        banned.push(m as Match<typeof p>);
        break;
      case 'preferred':
        if (tokens[m.t0]!.skip || tokens[m.t1]!.skip) break; // leave links and @handles alone
        // The preferred word itself: fine, unless the guide asks for its exact capitals ("LinkedIn", not "linkedin").
        if (phraseKey(tokens, m.t0, m.t1) === p.sameAsUse && (p.use === p.use.toLowerCase() || slice(m.t0, m.t1) === p.use)) break;
        preferred.push(m as Match<typeof p>);
        break;
      case 'exception': {
        let st = exceptions.get(p.i);
        if (!st) exceptions.set(p.i, (st = { list: [], p: 0, maxEnd: -1 }));
        st.list.push(m);
        break;
      }
      case 'trigger':
        if (!triggered.has(p.i)) triggered.set(p.i, slice(m.t0, m.t1));
        break;
      case 'disclosed':
        disclosed.add(p.i);
        break;
      case 'cta':
        ctaFound = true;
        break;
    }
  }

  // A banned match inside an occurrence of one of its exceptions is fine. Both lists are in text order, so one
  // pointer per term suffices: keep the furthest end among exceptions starting at or before the match.
  const allowedBanned = banned.filter((m) => {
    const st = exceptions.get(m.payload.i);
    if (!st) return true;
    while (st.p < st.list.length && st.list[st.p]!.t0 <= m.t0) st.maxEnd = Math.max(st.maxEnd, st.list[st.p++]!.t1);
    return st.maxEnd < m.t1;
  });
  for (const m of leftmostLongest(allowedBanned)) {
    const b = g.bannedTerms[m.payload.i]!;
    const found = slice(m.t0, m.t1);
    const reason = str(b.reason).trim();
    findings.push({
      ruleId: 'banned-term',
      severity: 'error',
      message: `Avoid ${q(found)}${reason ? ` (${reason.replace(/[.\s]+$/, '')})` : ''}: it is on the brand's banned list. Say it another way.`,
      start: tokens[m.t0]!.s,
      end: tokens[m.t1]!.e,
    });
  }
  for (const m of leftmostLongest(preferred)) {
    const found = slice(m.t0, m.t1);
    const rep = matchCase(found, m.payload.use);
    const note = str(g.preferredTerms[m.payload.i]?.note).trim();
    findings.push({
      ruleId: 'preferred-term',
      severity: 'warning',
      message: `Say ${q(rep)}, not ${q(found)}.${note ? ` ${note}` : ''}`,
      start: tokens[m.t0]!.s,
      end: tokens[m.t1]!.e,
      fix: { replacement: rep, label: `Replace with ${q(rep)}` },
    });
  }

  if (!blank) {
    // Disclosures: required by pillar (chosen or detected), by a trigger word, or (both lists empty) on every post.
    let detected: string | null | undefined;
    g.disclosures.forEach((d, i) => {
      if (!d || disclosed.has(i)) return;
      const dText = str(d.text).trim();
      if (!dText) return;
      const pillarIds = list(d.pillarIds);
      const triggers = list(d.triggerKeywords);
      let why: string | null = null;
      if (pillarIds.length > 0) {
        let pid: string | null = null;
        if (ctx.pillarId && pillarIds.includes(ctx.pillarId)) pid = ctx.pillarId;
        else {
          if (detected === undefined) detected = detectPillarIn(tokens, ctx.pillars);
          if (detected && pillarIds.includes(detected)) pid = detected;
        }
        if (pid !== null) {
          const name = list(ctx.pillars).find((p) => p?.id === pid)?.name;
          why = `it belongs to the ${q(name ?? pid)} pillar`;
        }
      }
      if (why === null && triggered.has(i)) why = `it mentions ${q(triggered.get(i)!)}`;
      if (why === null && pillarIds.length === 0 && triggers.length === 0 && kind === 'post') why = 'the guide asks for it on every post';
      if (why === null) return;
      const replacement = (text.length === 0 || /\s$/.test(text) ? '' : ' ') + dText;
      findings.push({
        ruleId: 'disclosure',
        severity: 'error',
        message: `This ${kind} needs the disclosure ${q(dText)} because ${why}. Add it before posting.`,
        start: text.length,
        end: text.length,
        fix: { replacement, label: `Add ${q(dText)} at the end` },
      });
    });
  }

  // ---- built-in word lists: hedges, formal phrasing (casual guides), inclusive language
  const enabled: Record<Category, boolean> = {
    hedge: true,
    formal: g.formality === 'casual',
    inclusive: g.inclusiveLanguage !== false,
    cta: true,
  };
  const byCat: Record<Category, Match<BuiltinPayload>[]> = { hedge: [], formal: [], inclusive: [], cta: [] };
  for (const m of getBuiltins().scan(tokens, (t) => t.skip || t.tag)) {
    const p = m.payload;
    if (!enabled[p.cat]) continue;
    if (p.notAfter && m.t0 > 0) {
      const prev = tokens[m.t0 - 1]!;
      if (prev.w && p.notAfter.has(prev.k)) continue;
    }
    byCat[p.cat].push(m);
  }
  for (const cat of ['hedge', 'formal', 'inclusive'] as const) {
    for (const m of leftmostLongest(byCat[cat])) {
      const s = tokens[m.t0]!.s;
      const e = tokens[m.t1]!.e;
      const found = text.slice(s, e);
      const repRaw = m.payload.entry.replacement;
      if (repRaw !== null) {
        const rep = matchCase(found, repRaw);
        const message =
          cat === 'formal'
            ? `${q(found)} sounds stiff for the brand's casual voice. Say ${q(rep)} instead.`
            : `${q(found)} can leave people out or hurt. Try ${q(rep)}.`;
        findings.push({ ruleId: cat, severity: 'warning', message, start: s, end: e, fix: { replacement: rep, label: `Replace with ${q(rep)}` } });
        continue;
      }
      const edit = removal(text, s, e, tokens[m.t0]!.first, true);
      const message =
        cat === 'hedge'
          ? `${q(found)} weakens what you are saying. Leave it out and say it plainly.`
          : `${q(found)} sounds stiff for the brand's casual voice. Leave it out.`;
      const severity: Severity = cat === 'hedge' ? 'info' : 'warning';
      findings.push(
        edit
          ? { ruleId: cat, severity, message, start: edit.start, end: edit.end, fix: { replacement: edit.replacement, label: `Remove ${q(found)}` } }
          : { ruleId: cat, severity, message, start: s, end: e },
      );
    }
  }

  // ---- call to action (conditional)
  const ctaRule = g.callToAction.required;
  if (!blank && (ctaRule === 'always' || (ctaRule === 'posts' && kind === 'post'))) {
    const phrases = list(g.callToAction.phrases);
    const present = phrases.length > 0 ? ctaFound : byCat.cta.length > 0 || doc.urls.length > 0;
    if (!present) {
      const examples = (phrases.length > 0 ? phrases : ['Learn more', 'Tell us what you think']).slice(0, 2).map(q);
      findings.push({
        ruleId: 'call-to-action',
        severity: kind === 'post' ? 'warning' : 'info',
        message: `No call to action yet. Tell people what to do next, e.g. ${examples.join(' or ')}.`,
        start: text.length,
        end: text.length,
      });
    }
  }

  // ---- shouting (capitalization)
  const brandWords = new Set(
    str(ctx.brandName)
      .split(/\s+/)
      .filter(Boolean)
      .map((w) => w.toUpperCase()),
  );
  for (const w of doc.words) {
    if (w.u || w.caps < 3 || w.lower || w.digit) continue;
    const word = text.slice(w.s, w.e);
    const upper = word.toUpperCase();
    if (ACRONYMS.has(upper) || brandWords.has(upper) || capsWords.has(word)) continue;
    const lower = word.toLowerCase();
    const rep = tokens[w.t0]!.first ? capitalise(lower) : lower;
    findings.push({
      ruleId: 'shouting',
      severity: 'warning',
      message: `${q(word)} in capitals reads as shouting. Write it in normal case.`,
      start: w.s,
      end: w.e,
      fix: { replacement: rep, label: `Change to ${q(rep)}` },
    });
  }

  // ---- repeated punctuation and the exclamation budget
  const urlCursor = new SpanCursor(doc.urls);
  const exMax = g.exclamations.max;
  let exclamations = 0;
  const runs = /[!?\uFF01\uFF1F\u203C\u2047\u2048\u2049]+/g;
  let r: RegExpExecArray | null;
  while ((r = runs.exec(text)) !== null) {
    const run = r[0];
    const s = r.index;
    const e = s + run.length;
    if (urlCursor.covers(s, e)) continue;
    const hasQ = QUESTION.test(run);
    const hasEx = EXCLAIM.test(run);
    if (run.length >= 2 || DOUBLED.test(run)) {
      const one = hasQ ? (run.includes('?') || !run.includes('\uFF1F') ? '?' : '\uFF1F') : run.includes('!') || !run.includes('\uFF01') ? '!' : '\uFF01';
      findings.push({
        ruleId: 'repeated-punctuation',
        severity: 'warning',
        message: `${q(run)} looks overexcited. One ${q(one)} is enough.`,
        start: s,
        end: e,
        fix: { replacement: one, label: `Use ${q(one)}` },
      });
    }
    if (!hasEx) continue;
    exclamations++;
    if (exclamations <= exMax) continue;
    const rep = hasQ ? '?' : run.includes('\uFF01') && !run.includes('!') ? '\u3002' : '.';
    findings.push({
      ruleId: 'exclamations',
      severity: 'warning',
      message:
        exMax === 0
          ? `The voice guide asks for no exclamation marks. ${hasQ ? 'Keep just the question mark.' : 'End the sentence with a full stop.'}`
          : `The voice guide allows ${plural(exMax, 'exclamation mark')} per ${kind} and this is number ${exclamations}. ${hasQ ? 'Keep just the question mark.' : 'End the sentence with a full stop.'}`,
      start: s,
      end: e,
      fix: { replacement: rep, label: `Use ${q(rep)}` },
    });
  }

  // ---- emoji (occurrence)
  const emoji: Span[] = [];
  if (/[^\x00-\x7F]/.test(text)) {
    eachGrapheme(text, 0, text.length, (s, e, gr) => {
      if (isEmoji(gr)) emoji.push({ s, e });
    });
  }
  const policy = g.emoji.policy;
  const emojiMax = g.emoji.max;
  emoji.forEach((em, k) => {
    if (policy === 'freely' || (policy === 'sparingly' && k < emojiMax)) return;
    const shown = text.slice(em.s, em.e);
    const message =
      policy === 'none'
        ? `The voice guide says no emoji. Remove ${shown}.`
        : `The voice guide allows ${plural(emojiMax, 'emoji', 'emoji')} per ${kind} and this is number ${k + 1}. Remove this one or another.`;
    const edit = removal(text, em.s, em.e, false, false) ?? { start: em.s, end: em.e, replacement: '' };
    findings.push({ ruleId: 'emoji', severity: 'warning', message, start: edit.start, end: edit.end, fix: { replacement: edit.replacement, label: `Remove ${shown}` } });
  });

  // ---- readability (metric): Flesch–Kincaid grade and very long sentences
  const syl = new Map<number, number>(); // word index → syllables, Latin words only
  let latinWords = 0;
  let letterWords = 0;
  let sylTotal = 0;
  doc.words.forEach((w, i) => {
    if (!w.letter) return;
    letterWords++;
    if (!w.latin) return;
    latinWords++;
    const n = syllables(text.slice(w.s, w.e));
    syl.set(i, n);
    sylTotal += n;
  });
  let readingGrade: number | null = null;
  if (latinWords >= 20 && latinWords * 2 >= letterWords) {
    let sentenceCount = 0;
    let hardest: { s: number; e: number; grade: number } | null = null;
    for (const sen of doc.sentences) {
      let wc = 0;
      let sc = 0;
      for (let i = sen.w0; i <= sen.w1; i++) {
        const n = syl.get(i);
        if (n !== undefined) {
          wc++;
          sc += n;
        }
      }
      if (wc === 0) continue;
      sentenceCount++;
      const grade = fleschKincaid(wc, 1, sc);
      if (wc >= 3 && (!hardest || grade > hardest.grade)) hardest = { s: sen.s, e: sen.e, grade };
    }
    readingGrade = roundGrade(fleschKincaid(latinWords, sentenceCount, sylTotal));
    const target = g.readingGrade;
    if (target !== null && target !== undefined && readingGrade > target + 2) {
      const range = hardest ?? { s: 0, e: text.length };
      findings.push({
        ruleId: 'reading-grade',
        severity: 'warning',
        message: `This reads at grade ${readingGrade}; the voice guide aims for grade ${target}. Use shorter words and sentences, starting with this one.`,
        start: range.s,
        end: range.e,
      });
    }
  }
  for (const sen of doc.sentences) {
    let wc = 0;
    for (let i = sen.w0; i <= sen.w1; i++) if (doc.words[i]!.letter && !doc.words[i]!.u) wc++;
    if (wc > 35) {
      findings.push({
        ruleId: 'long-sentence',
        severity: 'info',
        message: `This sentence has ${wc} words. Split it into two or three shorter ones (aim for under 25).`,
        start: sen.s,
        end: sen.e,
      });
    }
  }

  findings.sort((a, b) => a.start - b.start || a.end - b.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
  return {
    findings,
    score: scoreFindings(findings),
    stats: {
      length: measured.length,
      limit,
      hashtags: doc.hashtags.length,
      emoji: emoji.length,
      exclamations,
      readingGrade,
    },
  };
}

export type { Doc };
