import { describe, expect, it } from 'vitest';
import { StrategySchema, emptyStrategy, ChannelSchema, PillarSchema, VoiceGuideSchema } from '../../lib/strategy/schema';
import { DEFAULT_VOICE_GUIDE } from '../../lib/strategy/constants';

describe('strategy schema', () => {
  it('fills every default for an empty strategy', () => {
    const s = emptyStrategy();
    expect(s.pillars).toEqual([]);
    expect(s.voice.emoji).toEqual({ policy: 'sparingly', max: 2 });
    expect(s.voice.readingGrade).toBe(8);
  });
  it('keeps the zod-free voice defaults equal to the schema defaults', () => {
    expect(VoiceGuideSchema.parse({})).toEqual(DEFAULT_VOICE_GUIDE);
  });
  it('strips a leading @ from handles', () => {
    expect(ChannelSchema.parse({ id: 'c1', platform: 'x', handle: '@brand' }).handle).toBe('brand');
  });
  it('names the field and reason of a bad pillar', () => {
    const r = PillarSchema.safeParse({ id: 'p', name: '', color: 'red', targetShare: 120 });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(paths).toContain('name: give the pillar a name');
    expect(paths).toContain('color: must be a colour like #1a7f5a');
    expect(paths).toContain('targetShare: must be 0–100');
  });
  it('rejects an unknown platform', () => {
    expect(StrategySchema.safeParse({ channels: [{ id: 'c', platform: 'myspace', handle: 'b' }] }).success).toBe(false);
  });
});
