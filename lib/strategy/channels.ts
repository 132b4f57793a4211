import type { Channel, Platform } from './schema';

const norm = (h: string) => h.trim().replace(/^@/, '').toLowerCase();

/** Is this author one of the brand's own channels on that platform? Mastodon handles may carry @instance. */
export function isOwnHandle(platform: Platform, authorHandle: string, channels: Channel[]): boolean {
  if (!authorHandle) return false;
  const a = norm(authorHandle);
  return channels.some((c) => {
    if (c.platform !== platform) return false;
    const h = norm(c.handle);
    if (a === h) return true;
    // Mastodon: "brand" on the instance page vs "brand@instance" in the channel (or the reverse).
    return platform === 'mastodon' && (a.split('@')[0] === h.split('@')[0]) && (!a.includes('@') || !h.includes('@'));
  });
}
