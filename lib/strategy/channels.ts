import type { Channel, Platform } from './schema';

const norm = (h: string) => h.trim().replace(/^@/, '').toLowerCase();

/**
 * The channels' handles, normalised, per platform: worked out once per channel list (the page asks for every post a
 * feed mounts). A strategy is replaced, never edited in place, when the user changes it.
 */
const handlesCache = new WeakMap<Channel[], Map<Platform, string[]>>();
function handlesOf(channels: Channel[], platform: Platform): string[] {
  let byPlatform = handlesCache.get(channels);
  if (!byPlatform) {
    byPlatform = new Map();
    for (const c of channels) {
      const list = byPlatform.get(c.platform) ?? [];
      list.push(norm(c.handle));
      byPlatform.set(c.platform, list);
    }
    handlesCache.set(channels, byPlatform);
  }
  return byPlatform.get(platform) ?? [];
}

/** Is this author one of the brand's own channels on that platform? Mastodon handles may carry @instance. */
export function isOwnHandle(platform: Platform, authorHandle: string, channels: Channel[]): boolean {
  if (!authorHandle) return false;
  const a = norm(authorHandle);
  return handlesOf(channels, platform).some((h) => {
    if (a === h) return true;
    // Mastodon: "brand" on the instance page vs "brand@instance" in the channel (or the reverse).
    return platform === 'mastodon' && a.split('@')[0] === h.split('@')[0] && (!a.includes('@') || !h.includes('@'));
  });
}
