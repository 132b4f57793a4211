import { describe, expect, it } from 'vitest';
import { instancePattern, PLATFORM_MATCHES } from '../../lib/platforms/hosts';

describe('Mastodon instance hosts', () => {
  it.each([
    ['mastodon.social', 'https://mastodon.social/*'],
    ['  Fosstodon.ORG ', 'https://fosstodon.org/*'],
    ['https://hachyderm.io/home', 'https://hachyderm.io/*'],
  ])('%s → %s', (input, pattern) => expect(instancePattern(input)).toBe(pattern));
  it.each(['', 'localhost', '*.social', 'a b.com', 'evil..com', '192.168.1.10', 'http://', '-bad-.com'])('refuses %j', (input) =>
    expect(instancePattern(input)).toBeNull(),
  );
  it('names only the supported platforms in the host permissions', () => {
    expect(PLATFORM_MATCHES.every((m) => /(x|twitter|linkedin|facebook|instagram|threads|tiktok|youtube|bsky|reddit)\.(com|net|app)\/\*$/.test(m))).toBe(true);
  });
});
