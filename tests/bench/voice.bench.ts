/**
 * The draft checker against a guide with 500 preferred and 500 banned terms.
 * Timings are recorded for BENCHMARKS.md, never asserted; the assertions check that the work is real.
 */
import { describe, expect, it } from 'vitest';
import { measure, record } from './harness';
import { check } from '../../lib/voice';
import { VoiceGuideSchema, type VoiceGuide } from '../../lib/strategy/schema';

/** Deterministic data: mulberry32. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'ro', 'mi', 'tes', 'lun', 'var', 'dos', 'pel', 'qui', 'nor', 'ba', 'sel'];

function guideWith500Terms(seed = 1): VoiceGuide {
  const random = rng(seed);
  const word = () => Array.from({ length: 2 + Math.floor(random() * 2) }, () => SYLLABLES[Math.floor(random() * SYLLABLES.length)]).join('');
  const phrase = () => (random() < 0.3 ? `${word()} ${word()}` : word());
  return VoiceGuideSchema.parse({
    formality: 'casual',
    preferredTerms: Array.from({ length: 500 }, (_, i) => ({ id: `p${i}`, use: word(), insteadOf: [phrase(), phrase()] })),
    bannedTerms: Array.from({ length: 500 }, (_, i) => ({ id: `b${i}`, term: phrase(), exceptions: random() < 0.2 ? [`${phrase()} ${phrase()}`] : [] })),
    disclosures: [{ id: 'ad', text: '#ad', triggerKeywords: ['sponsored'] }],
    callToAction: { required: 'posts', phrases: ['shop now', 'link in bio'] },
  });
}

const PROSE = (
  'our new espresso blend is here and we think you will love it very much the beans come from small farms ' +
  'in order to keep things fair we pay above market price guys this is HUGE news for everyone who cares about ' +
  'coffee sponsored by our friends at the roastery shop now and tell us what you think'
).split(' ');

/** Social-post text of exactly `length` characters: prose, term hits, emoji, hashtags, a link, sentences. */
function post(length: number, seed = 7): string {
  const random = rng(seed);
  const parts: string[] = [];
  let n = 0;
  let sentence = 0;
  while (n < length) {
    const r = random();
    let w: string;
    if (r < 0.05) w = SYLLABLES[Math.floor(random() * SYLLABLES.length)]! + SYLLABLES[Math.floor(random() * SYLLABLES.length)]!;
    else if (r < 0.07) w = '😀';
    else if (r < 0.08) w = `#tag${Math.floor(random() * 9)}`;
    else if (r < 0.085) w = 'https://example.com/p/1';
    else w = PROSE[Math.floor(random() * PROSE.length)]!;
    if (++sentence % 14 === 0) w += random() < 0.2 ? '!!' : '.';
    parts.push(w);
    n += w.length + 1;
  }
  return parts.join(' ').slice(0, length);
}

describe('voice checker', () => {
  const guide = guideWith500Terms();

  it('a 280-character X reply', () => {
    const text = post(280);
    const r = check(text, guide, { platform: 'x', kind: 'reply' });
    expect(r.findings.length).toBeGreaterThan(3);
    const stats = measure(() => check(text, guide, { platform: 'x', kind: 'reply' }), { iterations: 1000, warmup: 100 });
    record('voice', { name: 'check: 280-char X reply, 500+500 terms', stats, target: 'p50 < 1 ms' });
  });

  it('a 3,000-character LinkedIn post, and 30,000 characters for scaling', () => {
    const short = post(3000);
    const long = post(30000);
    const ctx = { platform: 'linkedin', kind: 'post' } as const;
    expect(check(short, guide, ctx).findings.length).toBeGreaterThan(20);
    expect(check(long, guide, ctx).findings.length).toBeGreaterThan(200);
    const s3 = measure(() => check(short, guide, ctx), { iterations: 300, warmup: 30 });
    const s30 = measure(() => check(long, guide, ctx), { iterations: 40, warmup: 5 });
    record('voice', { name: 'check: 3,000-char LinkedIn post, 500+500 terms', stats: s3, target: 'p50 < 5 ms' });
    record('voice', { name: 'check: 30,000-char text, 500+500 terms', stats: s30 });
    const ratio = s30.p50 / 30000 / (s3.p50 / 3000);
    record('voice', {
      name: 'scaling: p50 per char, 30,000 vs 3,000 chars (same run)',
      value: `${ratio.toFixed(2)}× (${((s3.p50 / 3000) * 1000).toFixed(2)} vs ${((s30.p50 / 30000) * 1000).toFixed(2)} µs/char)`,
      target: '≈ 1× (linear)',
    });
  });

  it('compiling a 500+500-term guide (first check with a new guide object)', () => {
    const text = post(280);
    let seed = 100;
    const guides = Array.from({ length: 60 }, () => guideWith500Terms(seed++));
    let i = 0;
    const stats = measure(() => check(text, guides[i++ % guides.length]!, { platform: 'x', kind: 'post' }), { iterations: 50, warmup: 10 });
    record('voice', { name: 'compile guide (500+500 terms) + first 280-char check', stats });
    expect(stats.n).toBe(50);
  });
});
