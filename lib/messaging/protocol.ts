/**
 * The message protocol between the content script, the extension pages and the background.
 * One zod schema per message; the background validates every payload and checks the sender.
 * There is no generic "fetch this" or "run this" message, by design.
 */
import { z } from 'zod';
import {
  CountsSchema,
  PlatformSchema,
  PostKeySchema,
  PostSchema,
  SettingsSchema,
  StrategySchema,
  type Settings,
  type Strategy,
} from '../strategy/schema';

/** A post as the content script saw it (the background adds own/firstSeen/lastSeen). */
export const SeenPostSchema = PostSchema.omit({ own: true, firstSeen: true, lastSeen: true, lastCounts: true });
export type SeenPost = z.infer<typeof SeenPostSchema>;

export const HealthSchema = z.object({
  platform: PlatformSchema,
  variant: z.string().max(40),
  url: z.string().max(2000),
  /** Does this page normally show posts (a feed, a profile, a post)? */
  expectsPosts: z.boolean(),
  posts: z.number().int().min(0),
  composers: z.number().int().min(0),
  /** True once the page has been quiet long enough to judge. */
  settled: z.boolean(),
});
export type Health = z.infer<typeof HealthSchema>;

/**
 * Most tags a page is sent at once (getPlatformTags). A brand tags a few posts a day, so this is years of tagging; past
 * it, pages ask for the tags of the posts they read.
 */
export const PLATFORM_TAGS_MAX = 20_000;

/** Content script → background. */
export const ContentRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('getContext') }),
  z.object({
    type: z.literal('postsSeen'),
    items: z.array(z.object({ post: SeenPostSchema, counts: CountsSchema })).max(500),
  }),
  z.object({ type: z.literal('getTags'), keys: z.array(PostKeySchema).max(5000) }),
  /** Every tag of one platform at once, when there are at most PLATFORM_TAGS_MAX (a page then never asks per post). */
  z.object({ type: z.literal('getPlatformTags'), platform: PlatformSchema }),
  z.object({
    type: z.literal('setTag'),
    post: SeenPostSchema,
    pillarId: z.string().min(1).max(64).nullable(),
    source: z.enum(['manual', 'suggestion']).default('manual'),
  }),
  z.object({ type: z.literal('health'), health: HealthSchema }),
]);
/** Extension pages (options, popup) → background. */
export const PageRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('strategyUpdated') }),
  z.object({ type: z.literal('settingsUpdated') }),
  /** Collected posts/tags were deleted, restored or imported: open tabs re-read their tags. */
  z.object({ type: z.literal('collectedDataChanged') }),
]);
export const RequestSchema = z.union([ContentRequestSchema, PageRequestSchema]);
export type ContentRequest = z.input<typeof ContentRequestSchema>;
export type PageRequest = z.input<typeof PageRequestSchema>;
export type Request = ContentRequest | PageRequest;

export interface Context {
  strategy: Strategy;
  settings: Settings;
}
export interface ResponseMap {
  getContext: Context;
  postsSeen: { stored: number };
  getTags: Record<string, string>;
  /** complete: false when the platform has more tags than PLATFORM_TAGS_MAX (then `tags` is empty: ask per post). */
  getPlatformTags: { complete: boolean; tags: Record<string, string> };
  setTag: { ok: true };
  health: { ok: true };
  strategyUpdated: { ok: true };
  settingsUpdated: { ok: true };
  collectedDataChanged: { ok: true };
}
export type Response<T extends Request['type']> = ResponseMap[T];
/** What the background answers when a request is refused. */
export interface ErrorReply {
  error: string;
}

/** Background → content scripts. */
export const BroadcastSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('contextChanged'), strategy: StrategySchema, settings: SettingsSchema }),
  z.object({ type: z.literal('tagChanged'), key: PostKeySchema, pillarId: z.string().nullable() }),
  z.object({ type: z.literal('tagsReset') }),
]);
export type Broadcast = z.infer<typeof BroadcastSchema>;

/** Popup → the content script of the active tab. */
export const TabRequestSchema = z.discriminatedUnion('type', [z.object({ type: z.literal('getHealth') })]);
export type TabRequest = z.infer<typeof TabRequestSchema>;
