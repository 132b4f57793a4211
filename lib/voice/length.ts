/**
 * Platform limits and length counting "as the platform counts it".
 *
 * - X: twitter-text v3 weighting. Code points in U+0000–U+10FF, U+2000–U+200D, U+2010–U+201F, U+2032–U+2037
 *   weigh 1, every other code point 2 (CJK, most symbols); an emoji grapheme (ZWJ family, flag, keycap, skin tone)
 *   weighs 2 in total; every URL weighs 23. Text is NFC-normalised first (per grapheme here, so offsets stay
 *   those of the original text). Limit 280.
 * - Bluesky: graphemes (300).
 * - Mastodon: code points, every URL 23, and "@user@instance" counts as "@user" (500 by default; per instance,
 *   set it with a platform override).
 * - Everyone else: code points ("characters").
 */
import type { Platform, VoiceGuide } from '../strategy/schema';
import { eachGrapheme, findUrls, isEmoji, type Span } from './text';
import { work } from './work';

export type LengthUnit = 'weighted' | 'graphemes' | 'characters';

export interface PlatformRules {
  post: number;
  reply: number;
  unit: LengthUnit;
  /** Each URL counts as this many, whatever its length. */
  urlLength?: number;
  /** The platform's own cap on hashtags per post. */
  hashtagCap?: number;
  /** Where the feed cuts a post with "…see more" (characters), for posts only. */
  seeMore?: number;
}

export const PLATFORM_RULES: Record<Platform, PlatformRules> = {
  x: { post: 280, reply: 280, unit: 'weighted', urlLength: 23 },
  bluesky: { post: 300, reply: 300, unit: 'graphemes', hashtagCap: 8 },
  threads: { post: 500, reply: 500, unit: 'characters', hashtagCap: 1 },
  mastodon: { post: 500, reply: 500, unit: 'characters', urlLength: 23 },
  linkedin: { post: 3000, reply: 1250, unit: 'characters', seeMore: 210 },
  instagram: { post: 2200, reply: 2200, unit: 'characters', hashtagCap: 5, seeMore: 125 },
  facebook: { post: 63206, reply: 63206, unit: 'characters' },
  tiktok: { post: 2200, reply: 2200, unit: 'characters' },
  youtube: { post: 10000, reply: 10000, unit: 'characters' },
  // Reddit: 10,000 per comment; a text post's body takes 40,000 (the title, 300, is a separate field).
  reddit: { post: 40000, reply: 10000, unit: 'characters' },
};

const FALLBACK: PlatformRules = { post: 10000, reply: 10000, unit: 'characters' };

export function platformRules(platform: Platform): PlatformRules {
  return PLATFORM_RULES[platform] ?? FALLBACK;
}

function override(platform: Platform, guide: VoiceGuide | undefined) {
  const list = guide?.platformOverrides;
  return Array.isArray(list) ? list.find((o) => o.platform === platform) : undefined;
}

/** The length limit for a post or reply on a platform; the guide's platform override wins. */
export function platformLimit(platform: Platform, kind: 'post' | 'reply', guide?: VoiceGuide): number {
  const o = override(platform, guide);
  if (o?.maxLength !== undefined) return o.maxLength;
  const r = platformRules(platform);
  return kind === 'post' ? r.post : r.reply;
}

/** The platform's hashtag cap (null: none); the guide's platform override wins. */
export function platformHashtagCap(platform: Platform, guide?: VoiceGuide): number | null {
  const o = override(platform, guide);
  if (o?.maxHashtags !== undefined) return o.maxHashtags;
  return platformRules(platform).hashtagCap ?? null;
}

/** X's weight of one grapheme (see the file comment). */
function xWeight(g: string): number {
  if (g.length === 1) return xCodePointWeight(g.charCodeAt(0));
  if (isEmoji(g)) return 2;
  const nfc = g.normalize('NFC');
  let w = 0;
  for (let i = 0; i < nfc.length; i++) {
    const cp = nfc.codePointAt(i)!;
    if (cp > 0xffff) i++;
    w += xCodePointWeight(cp);
  }
  return w;
}

function xCodePointWeight(cp: number): number {
  if (
    cp <= 0x10ff ||
    (cp >= 0x2000 && cp <= 0x200d) ||
    (cp >= 0x2010 && cp <= 0x201f) ||
    (cp >= 0x2032 && cp <= 0x2037)
  )
    return 1;
  return 2;
}

/** Mastodon counts "@user@instance.social" as "@user": the "@instance…" part is free. */
function mastodonFreeSpans(text: string): Span[] {
  const out: Span[] = [];
  const re = /(?<![\/\w])@[a-z0-9_]+(@[a-z0-9][a-z0-9.\-]*)/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    let domain = m[1]!;
    while (domain.endsWith('.') || domain.endsWith('-')) domain = domain.slice(0, -1);
    const s = m.index + m[0].length - m[1]!.length;
    out.push({ s, e: s + domain.length });
  }
  return out;
}

export interface Measured {
  length: number;
  /** Offset of the first character that does not fit within `limit`; -1 when everything fits. */
  overflowAt: number;
}

/**
 * Length of text as the platform counts it, and where it overflows `limit`.
 * `urls` may be passed when already known (same result as findUrls(text)).
 */
export function measureLength(text: string, platform: Platform, limit = Infinity, urls?: Span[]): Measured {
  const rules = platformRules(platform);
  let total = 0;
  let overflowAt = -1;
  const add = (start: number, w: number) => {
    if (overflowAt < 0 && total + w > limit) overflowAt = start;
    total += w;
  };

  // Spans with a fixed weight (URLs, Mastodon's free instance part), in text order, not overlapping.
  let special: { s: number; e: number; w: number }[] = [];
  if (rules.urlLength !== undefined) {
    for (const u of urls ?? findUrls(text)) special.push({ s: u.s, e: u.e, w: rules.urlLength });
    if (platform === 'mastodon') {
      for (const f of mastodonFreeSpans(text)) special.push({ s: f.s, e: f.e, w: 0 });
      special.sort((a, b) => a.s - b.s);
    }
  }

  const plain = (from: number, to: number) => {
    if (from >= to) return;
    if (rules.unit === 'weighted') {
      eachGrapheme(text, from, to, (s, _e, g) => add(s, xWeight(g)));
    } else if (rules.unit === 'graphemes') {
      eachGrapheme(text, from, to, (s) => add(s, 1));
    } else {
      for (let i = from; i < to; i++) {
        work.n++;
        const c = text.charCodeAt(i);
        // a low surrogate right after a high one belongs to the same code point
        if (c >= 0xdc00 && c <= 0xdfff && i > from) {
          const p = text.charCodeAt(i - 1);
          if (p >= 0xd800 && p <= 0xdbff) continue;
        }
        add(i, 1);
      }
    }
  };

  let pos = 0;
  special = special.filter((sp) => {
    if (sp.s < pos) return false;
    pos = sp.e;
    return true;
  });
  pos = 0;
  for (const sp of special) {
    plain(pos, sp.s);
    add(sp.s, sp.w);
    pos = sp.e;
  }
  plain(pos, text.length);
  return { length: total, overflowAt };
}

/** Length of text as the platform counts it (X: weighted, Bluesky: graphemes, Mastodon: URLs 23, others: characters). */
export function weightedLength(text: string, platform: Platform): number {
  return measureLength(text, platform).length;
}
