/** The few voice rules worth seeing at a glance in the popup. Pure; no DOM. */
import type { Strategy, VoiceGuide } from '@/lib/strategy/schema';

export type RuleKind = 'say' | 'never' | 'style' | 'disclose';
export interface KeyRule {
  kind: RuleKind;
  text: string;
  /** Why, when the guide says (shown on hover: the popup stays short). */
  detail?: string;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function styleRule(v: VoiceGuide): string {
  const emoji =
    v.emoji.policy === 'none' ? 'No emoji' : v.emoji.policy === 'sparingly' ? `Emoji sparingly (max ${v.emoji.max})` : 'Emoji welcome';
  const tags = v.hashtags.max === 0 ? 'no hashtags' : `up to ${plural(v.hashtags.max, 'hashtag')}`;
  return `${emoji} · ${tags}`;
}

/** 3–5 rules: preferred and banned terms first, then the emoji/hashtag policy and a disclosure. */
export function keyRules(s: Strategy, max = 5): KeyRule[] {
  const v = s.voice;
  const say = v.preferredTerms.map<KeyRule>((t) => ({
    kind: 'say',
    text: `Say “${t.use}”, not ${t.insteadOf.map((w) => `“${w}”`).join(', ')}`,
    ...(t.note ? { detail: t.note } : {}),
  }));
  const never = v.bannedTerms.map<KeyRule>((t) => ({
    kind: 'never',
    text: `Never “${t.term}”`,
    ...(t.reason ? { detail: t.reason } : {}),
  }));
  const pillarName = new Map(s.pillars.map((p) => [p.id, p.name]));
  const disclose = v.disclosures.map<KeyRule>((d) => {
    const names = d.pillarIds.map((id) => pillarName.get(id)).filter(Boolean);
    const where = names.length ? ` on ${names.join(', ')} posts` : d.triggerKeywords.length ? ' when required' : ' on every post';
    return { kind: 'disclose', text: `Add “${d.text}”${where}` };
  });
  const ordered: (KeyRule | undefined)[] = [
    say[0],
    never[0],
    { kind: 'style', text: styleRule(v) },
    say[1],
    never[1],
    disclose[0],
    say[2],
    never[2],
  ];
  return ordered.filter((r): r is KeyRule => !!r).slice(0, max);
}

/** Nothing worth showing yet: no brand, pillars, channels or voice. */
export function isEmptyStrategy(s: Strategy): boolean {
  return (
    !s.brand.name.trim() &&
    !s.pillars.length &&
    !s.channels.length &&
    !s.voice.summary.trim() &&
    !s.voice.preferredTerms.length &&
    !s.voice.bannedTerms.length
  );
}
