/** Constants shared by every part of Brandline. No zod here: the content script imports this file. */
export const PLATFORMS = [
  'x',
  'linkedin',
  'facebook',
  'instagram',
  'threads',
  'tiktok',
  'youtube',
  'bluesky',
  'mastodon',
  'reddit',
] as const;
export type Platform = (typeof PLATFORMS)[number];

export const PLATFORM_LABELS: Record<Platform, string> = {
  x: 'X',
  linkedin: 'LinkedIn',
  facebook: 'Facebook',
  instagram: 'Instagram',
  threads: 'Threads',
  tiktok: 'TikTok',
  youtube: 'YouTube',
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
  reddit: 'Reddit',
};

export const COUNT_KEYS = ['likes', 'replies', 'reposts', 'quotes', 'views', 'bookmarks'] as const;
export type CountKey = (typeof COUNT_KEYS)[number];

/** "platform:postId", the postId as it appears in the permalink. */
export const postKey = (platform: Platform, postId: string) => `${platform}:${postId}`;
