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

import type { VoiceGuide } from './schema';
/**
 * The voice guide's defaults without zod, for the content script. tests/unit/schema.test.ts checks it equals
 * VoiceGuideSchema.parse({}).
 */
export const DEFAULT_VOICE_GUIDE: VoiceGuide = {
  summary: '',
  traits: [],
  preferredTerms: [],
  bannedTerms: [],
  disclosures: [],
  callToAction: { required: 'never', phrases: [] },
  emoji: { policy: 'sparingly', max: 2 },
  hashtags: { max: 3 },
  exclamations: { max: 1 },
  readingGrade: 8,
  formality: 'neutral',
  inclusiveLanguage: true,
  platformOverrides: [],
};
