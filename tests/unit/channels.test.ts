/**
 * Whose post is it: an author handle against the strategy's channels (the page decides per post what to capture).
 */
import { describe, expect, it } from 'vitest';
import { isOwnHandle } from '@/lib/strategy/channels';
import type { Channel } from '@/lib/strategy/schema';

const ch = (platform: Channel['platform'], handle: string) => ({ platform, handle }) as Channel;
const channels = [ch('x', '@FernhillOutdoor'), ch('mastodon', 'fernhill@mastodon.social'), ch('bluesky', ' fernhill.bsky.social ')];

describe('isOwnHandle', () => {
  it.each([
    ['x', 'fernhilloutdoor', true, 'case and the @ do not matter'],
    ['x', '@FERNHILLOUTDOOR', true, 'an @ on the author side too'],
    ['x', 'fernhill', false, 'a prefix is another account'],
    ['linkedin', 'fernhilloutdoor', false, 'same handle, platform without that channel'],
    ['bluesky', 'Fernhill.bsky.social', true, 'spaces around the channel handle'],
    ['mastodon', 'fernhill', true, 'Mastodon: the instance page shows the bare name'],
    ['mastodon', 'fernhill@mastodon.social', true, 'Mastodon: full address'],
    ['mastodon', 'fernhill@other.example', false, 'Mastodon: the same name on another instance'],
    ['x', '', false, 'no author'],
  ] as const)('%s %s → %s (%s)', (platform, handle, expected, _why) => {
    expect(isOwnHandle(platform, handle, channels)).toBe(expected);
  });

  it('a new channel list is read afresh (the strategy changed)', () => {
    expect(isOwnHandle('x', 'newbrand', channels)).toBe(false);
    expect(isOwnHandle('x', 'newbrand', [...channels, ch('x', 'NewBrand')])).toBe(true);
    expect(isOwnHandle('x', 'newbrand', [])).toBe(false);
  });
});
