/**
 * The data model. These zod schemas are the single source of Brandline's types:
 * the database, the message protocol, the import/export format and the UI all use them.
 */
import { z } from 'zod';
import { PLATFORMS, COUNT_KEYS } from './constants';

export { PLATFORMS, PLATFORM_LABELS, COUNT_KEYS, postKey } from './constants';

export const PlatformSchema = z.enum(PLATFORMS);
export type Platform = z.infer<typeof PlatformSchema>;

const Id = z.string().min(1).max(64);
/** A list of short words/phrases, trimmed, blanks dropped. */
const Phrases = z.array(z.string().trim().min(1, 'must not be empty').max(200)).max(2000).default([]);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD)');

export const ChannelSchema = z.object({
  id: Id,
  platform: PlatformSchema,
  /** The brand's handle on that platform, without a leading @ (e.g. "northwindcoffee"). */
  handle: z
    .string()
    .trim()
    .min(1, 'enter the handle')
    .max(100)
    .transform((h) => h.replace(/^@/, '')),
  /** Mastodon: the instance host the handle lives on (e.g. "mastodon.social"). */
  instanceHost: z.string().trim().max(253).optional(),
  /** How quickly the brand promises to answer comments and mentions here. */
  responseTargetMinutes: z.number().int().min(1, 'at least 1 minute').max(60 * 24 * 14).default(60),
});
export type Channel = z.infer<typeof ChannelSchema>;

export const GoalSchema = z.object({
  id: Id,
  objective: z.string().trim().min(1, 'say what the goal is').max(300),
  metric: z.string().trim().min(1, 'name the KPI that measures it').max(100),
  target: z.number().finite().min(0, 'must be 0 or more'),
  unit: z.string().trim().max(30).default(''),
  deadline: IsoDate,
  platform: PlatformSchema.or(z.literal('all')).default('all'),
});
export type Goal = z.infer<typeof GoalSchema>;

export const PersonaSchema = z.object({
  id: Id,
  name: z.string().trim().min(1, 'give the persona a name').max(100),
  description: z.string().trim().max(2000).default(''),
  interests: Phrases,
  painPoints: Phrases,
});
export type Persona = z.infer<typeof PersonaSchema>;

export const PillarSchema = z.object({
  id: Id,
  name: z.string().trim().min(1, 'give the pillar a name').max(40, 'keep it under 40 characters'),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1a7f5a'),
  description: z.string().trim().max(1000).default(''),
  keywords: Phrases,
  /** Target share of the brand's own posts, in percent. */
  targetShare: z.number().min(0, 'must be 0–100').max(100, 'must be 0–100'),
});
export type Pillar = z.infer<typeof PillarSchema>;

export const ToneTraitSchema = z.object({
  id: Id,
  name: z.string().trim().min(1, 'name the trait').max(60),
  description: z.string().trim().max(1000).default(''),
  do: Phrases,
  dont: Phrases,
});
export type ToneTrait = z.infer<typeof ToneTraitSchema>;

/** "Say *use*, not *insteadOf*". */
export const PreferredTermSchema = z.object({
  id: Id,
  use: z.string().trim().min(1, 'enter the word to use').max(100),
  insteadOf: z.array(z.string().trim().min(1).max(100)).min(1, 'list at least one word to replace').max(50),
  note: z.string().trim().max(300).default(''),
});
export type PreferredTerm = z.infer<typeof PreferredTermSchema>;

export const BannedTermSchema = z.object({
  id: Id,
  term: z.string().trim().min(1, 'enter the term').max(100),
  reason: z.string().trim().max(300).default(''),
  /** Phrases containing the term that are fine (e.g. "kill switch" when "kill" is banned). */
  exceptions: Phrases,
});
export type BannedTerm = z.infer<typeof BannedTermSchema>;

export const DisclosureSchema = z.object({
  id: Id,
  /** What must appear, e.g. "#ad". */
  text: z.string().trim().min(1, 'enter the disclosure text').max(60),
  /** Other spellings that also satisfy it, e.g. "#sponsored". */
  alternatives: Phrases,
  /** Required when the draft belongs to one of these pillars (by its keywords or the chosen pillar)… */
  pillarIds: z.array(Id).default([]),
  /** …or mentions one of these words. Both empty: required on every post. */
  triggerKeywords: Phrases,
});
export type Disclosure = z.infer<typeof DisclosureSchema>;

export const EmojiPolicySchema = z.enum(['none', 'sparingly', 'freely']);
export const FormalitySchema = z.enum(['casual', 'neutral', 'formal']);

export const PlatformOverrideSchema = z.object({
  platform: PlatformSchema,
  maxLength: z.number().int().min(1).max(100000).optional(),
  maxHashtags: z.number().int().min(0).max(100).optional(),
});
export type PlatformOverride = z.infer<typeof PlatformOverrideSchema>;

export const VoiceGuideSchema = z.object({
  /** One or two sentences a community manager can keep in mind. */
  summary: z.string().trim().max(500).default(''),
  traits: z.array(ToneTraitSchema).max(20).default([]),
  preferredTerms: z.array(PreferredTermSchema).max(2000).default([]),
  bannedTerms: z.array(BannedTermSchema).max(2000).default([]),
  disclosures: z.array(DisclosureSchema).max(50).default([]),
  callToAction: z
    .object({
      required: z.enum(['never', 'posts', 'always']).default('never'),
      phrases: Phrases,
    })
    .default({ required: 'never', phrases: [] }),
  emoji: z
    .object({ policy: EmojiPolicySchema.default('sparingly'), max: z.number().int().min(0).max(50).default(2) })
    .default({ policy: 'sparingly', max: 2 }),
  hashtags: z.object({ max: z.number().int().min(0).max(100).default(3) }).default({ max: 3 }),
  exclamations: z.object({ max: z.number().int().min(0).max(20).default(1) }).default({ max: 1 }),
  /** Target reading grade (Flesch–Kincaid); null = not checked. */
  readingGrade: z.number().min(1).max(20).nullable().default(8),
  formality: FormalitySchema.default('neutral'),
  inclusiveLanguage: z.boolean().default(true),
  platformOverrides: z.array(PlatformOverrideSchema).max(PLATFORMS.length).default([]),
});
export type VoiceGuide = z.infer<typeof VoiceGuideSchema>;

export const SavedReplySchema = z.object({
  id: Id,
  title: z.string().trim().min(1, 'give the reply a title').max(100),
  /** May contain {name} {handle} {brand}. */
  body: z.string().trim().min(1, 'write the reply').max(5000),
  tags: Phrases,
});
export type SavedReply = z.infer<typeof SavedReplySchema>;

export const CALENDAR_STATUSES = ['idea', 'draft', 'scheduled', 'published'] as const;
export const CalendarEntrySchema = z.object({
  id: Id,
  date: IsoDate,
  time: z
    .string()
    .regex(/^\d{2}:\d{2}$/, 'must be a time (HH:MM)')
    .optional(),
  platform: PlatformSchema,
  pillarId: Id.nullable().default(null),
  text: z.string().max(10000).default(''),
  status: z.enum(CALENDAR_STATUSES).default('idea'),
});
export type CalendarEntry = z.infer<typeof CalendarEntrySchema>;

export const StrategySchema = z.object({
  brand: z
    .object({
      name: z.string().trim().max(100).default(''),
      description: z.string().trim().max(2000).default(''),
    })
    .default({ name: '', description: '' }),
  channels: z.array(ChannelSchema).max(100).default([]),
  goals: z.array(GoalSchema).max(100).default([]),
  personas: z.array(PersonaSchema).max(50).default([]),
  pillars: z.array(PillarSchema).max(20).default([]),
  voice: VoiceGuideSchema.default(() => VoiceGuideSchema.parse({})),
  savedReplies: z.array(SavedReplySchema).max(500).default([]),
  calendar: z.array(CalendarEntrySchema).max(5000).default([]),
});
export type Strategy = z.infer<typeof StrategySchema>;

export const emptyStrategy = (): Strategy => StrategySchema.parse({});

export const CAPTURE_SCOPES = ['own', 'ownAndTagged', 'all'] as const;
export const SettingsSchema = z.object({
  /** Which posts' engagement counts are stored as they scroll by. */
  captureScope: z.enum(CAPTURE_SCOPES).default('ownAndTagged'),
  /** Snapshots older than this are deleted. */
  retentionDays: z.number().int().min(1).max(3650).default(365),
  /** Mastodon instances the user granted access to (hosts). */
  mastodonHosts: z.array(z.string().trim().min(1).max(253)).max(50).default([]),
  features: z
    .object({
      pillarTags: z.boolean().default(true),
      capture: z.boolean().default(true),
      draftCheck: z.boolean().default(true),
      voicePanel: z.boolean().default(true),
    })
    .default({ pillarTags: true, capture: true, draftCheck: true, voicePanel: true }),
});
export type Settings = z.infer<typeof SettingsSchema>;
export const defaultSettings = (): Settings => SettingsSchema.parse({});

// ---- Facts collected on the platforms' pages ----

export const CountKeySchema = z.enum(COUNT_KEYS);
export type CountKey = z.infer<typeof CountKeySchema>;
/** Engagement counts visible on a post. A missing key: the page does not show it. */
export const CountsSchema = z.partialRecord(CountKeySchema, z.number().int().min(0).max(1e13));
export type Counts = z.infer<typeof CountsSchema>;

/** "platform:postId", the postId as it appears in the permalink. */
export const PostKeySchema = z.string().min(3).max(300).regex(/^[a-z]+:.+$/);

export const PostSchema = z.object({
  key: PostKeySchema,
  platform: PlatformSchema,
  postId: z.string().min(1).max(280),
  permalink: z.string().max(2000).default(''),
  authorHandle: z.string().max(200).default(''),
  authorName: z.string().max(300).default(''),
  text: z.string().max(2000).default(''),
  /** When it was published, epoch ms, if the page shows it. */
  publishedAt: z.number().int().nullable().default(null),
  kind: z.enum(['post', 'comment']).default('post'),
  own: z.boolean().default(false),
  firstSeen: z.number().int(),
  lastSeen: z.number().int(),
  /** The counts of its latest snapshot, so a new batch is compared without a query per post. */
  lastCounts: CountsSchema.optional(),
});
export type Post = z.infer<typeof PostSchema>;

export const TagSchema = z.object({
  key: PostKeySchema,
  pillarId: Id,
  taggedAt: z.number().int(),
  source: z.enum(['manual', 'suggestion']).default('manual'),
});
export type Tag = z.infer<typeof TagSchema>;

export const SnapshotSchema = z.object({
  id: z.number().int().optional(),
  key: PostKeySchema,
  at: z.number().int(),
  counts: CountsSchema,
});
export type Snapshot = z.infer<typeof SnapshotSchema>;
