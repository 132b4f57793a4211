/**
 * The options page edits a *draft* of the strategy that may be invalid while the user types. Saving takes every part
 * of the draft that validates, and keeps the last saved version of the parts that do not — so one half-typed colour
 * never blocks (or loses) the other changes, and nothing invalid reaches the database.
 *
 * A "unit" is the smallest piece validated on its own: the brand, one list item (a pillar, a goal…), or one of the
 * voice guide's settings. Errors are keyed by unit ("pillars:pl-tips", "voice.emoji", "brand") then by field path.
 */
import type { z } from 'zod';
import {
  BannedTermSchema,
  CalendarEntrySchema,
  ChannelSchema,
  DisclosureSchema,
  GoalSchema,
  PersonaSchema,
  PillarSchema,
  PlatformOverrideSchema,
  PreferredTermSchema,
  SavedReplySchema,
  StrategySchema,
  ToneTraitSchema,
  VoiceGuideSchema,
  type BannedTerm,
  type CalendarEntry,
  type Channel,
  type Disclosure,
  type Goal,
  type Persona,
  type Pillar,
  type PlatformOverride,
  type PreferredTerm,
  type SavedReply,
  type Strategy,
  type ToneTrait,
  type VoiceGuide,
} from '@/lib/strategy/schema';

export type SectionId =
  | 'brand'
  | 'goals'
  | 'audiences'
  | 'pillars'
  | 'voice'
  | 'replies'
  | 'calendar'
  | 'reports'
  | 'data';

/** field path ("color", "keywords.2") → message */
export type FieldErrors = Record<string, string>;
/** unit key → its field errors */
export type ErrorMap = Record<string, FieldErrors>;

export interface ListTypes {
  channels: Channel;
  goals: Goal;
  personas: Persona;
  pillars: Pillar;
  savedReplies: SavedReply;
  calendar: CalendarEntry;
  'voice.traits': ToneTrait;
  'voice.preferredTerms': PreferredTerm;
  'voice.bannedTerms': BannedTerm;
  'voice.disclosures': Disclosure;
  'voice.platformOverrides': PlatformOverride;
}
export type ListKey = keyof ListTypes;

export interface ListSpec<T> {
  get(s: Strategy): T[];
  set(s: Strategy, items: T[]): Strategy;
  schema: z.ZodType<T>;
  keyOf(item: T): string;
  section: SectionId;
  /** For messages: "Deleted pillar “Trail Tips”". */
  noun: string;
}

const voiceList = <K extends 'traits' | 'preferredTerms' | 'bannedTerms' | 'disclosures' | 'platformOverrides'>(
  key: K,
): Pick<ListSpec<VoiceGuide[K][number]>, 'get' | 'set'> => ({
  get: (s) => s.voice[key] as VoiceGuide[K][number][],
  set: (s, items) => ({ ...s, voice: { ...s.voice, [key]: items } }),
});
const byId = (i: { id: string }) => i.id;

export const LISTS: { [K in ListKey]: ListSpec<ListTypes[K]> } = {
  channels: { get: (s) => s.channels, set: (s, v) => ({ ...s, channels: v }), schema: ChannelSchema, keyOf: byId, section: 'brand', noun: 'channel' },
  goals: { get: (s) => s.goals, set: (s, v) => ({ ...s, goals: v }), schema: GoalSchema, keyOf: byId, section: 'goals', noun: 'goal' },
  personas: { get: (s) => s.personas, set: (s, v) => ({ ...s, personas: v }), schema: PersonaSchema, keyOf: byId, section: 'audiences', noun: 'persona' },
  pillars: { get: (s) => s.pillars, set: (s, v) => ({ ...s, pillars: v }), schema: PillarSchema, keyOf: byId, section: 'pillars', noun: 'pillar' },
  savedReplies: { get: (s) => s.savedReplies, set: (s, v) => ({ ...s, savedReplies: v }), schema: SavedReplySchema, keyOf: byId, section: 'replies', noun: 'saved reply' },
  calendar: { get: (s) => s.calendar, set: (s, v) => ({ ...s, calendar: v }), schema: CalendarEntrySchema, keyOf: byId, section: 'calendar', noun: 'calendar entry' },
  'voice.traits': { ...voiceList('traits'), schema: ToneTraitSchema, keyOf: byId, section: 'voice', noun: 'tone trait' },
  'voice.preferredTerms': { ...voiceList('preferredTerms'), schema: PreferredTermSchema, keyOf: byId, section: 'voice', noun: 'preferred term' },
  'voice.bannedTerms': { ...voiceList('bannedTerms'), schema: BannedTermSchema, keyOf: byId, section: 'voice', noun: 'banned term' },
  'voice.disclosures': { ...voiceList('disclosures'), schema: DisclosureSchema, keyOf: byId, section: 'voice', noun: 'disclosure' },
  'voice.platformOverrides': {
    ...voiceList('platformOverrides'),
    schema: PlatformOverrideSchema,
    keyOf: (o) => o.platform,
    section: 'voice',
    noun: 'platform limit',
  },
};

export const VOICE_SETTINGS = [
  'summary',
  'callToAction',
  'emoji',
  'hashtags',
  'exclamations',
  'readingGrade',
  'formality',
  'inclusiveLanguage',
] as const satisfies readonly (keyof VoiceGuide)[];
export type VoiceSetting = (typeof VOICE_SETTINGS)[number];

// ---- Messages ----

type Issue = z.core.$ZodIssue;
const isDefaultMessage = (m: string) => /^(Invalid|Too small|Too big)\b/.test(m);

/** The schemas' own messages are written for users; zod's generic ones are rephrased. */
export function friendly(issue: Issue): string {
  if (!isDefaultMessage(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int') return 'must be a whole number';
      if (issue.expected === 'number') return 'enter a number';
      return 'this is required';
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'must not be empty' : `use at least ${issue.minimum} characters`;
      if (issue.origin === 'number') return `must be ${issue.minimum} or more`;
      return `add at least ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `keep it to ${issue.maximum} characters or fewer`;
      if (issue.origin === 'number') return `must be ${issue.maximum} or less`;
      return `at most ${issue.maximum} allowed`;
    case 'invalid_value':
      return 'choose one of the options';
    case 'invalid_format':
      return 'this is not in the expected format';
    default:
      return 'this value is not valid';
  }
}

export function toFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.');
    out[key] ??= friendly(issue);
  }
  return out;
}

/** The message for a field, or for anything inside it ("keywords" finds "keywords.2"). */
export function errorFor(errors: FieldErrors | undefined, field: string): string | undefined {
  if (!errors) return undefined;
  if (errors[field]) return errors[field];
  for (const k in errors) if (k.startsWith(`${field}.`)) return errors[k];
  return undefined;
}

export function unitKey(list: ListKey, key: string) {
  return `${list}:${key}`;
}

export function sectionOfUnit(unit: string): SectionId {
  const list = unit.split(':')[0] as ListKey;
  if (list in LISTS) return LISTS[list].section;
  if (unit.startsWith('voice')) return 'voice';
  return 'brand';
}

// ---- Reconcile ----

const itemCache = new WeakMap<object, z.ZodSafeParseResult<unknown>>();
function parseItem<T>(schema: z.ZodType<T>, item: T): z.ZodSafeParseResult<T> {
  if (typeof item !== 'object' || item === null) return schema.safeParse(item);
  let r = itemCache.get(item) as z.ZodSafeParseResult<T> | undefined;
  if (!r) {
    r = schema.safeParse(item);
    itemCache.set(item, r);
  }
  return r;
}

export interface Reconciled {
  /** The valid strategy to store: the draft's valid parts, the saved version of the rest. */
  next: Strategy;
  errors: ErrorMap;
  /** A problem with the strategy as a whole (e.g. too many items); nothing can be saved until it is fixed. */
  problem: string | null;
}

export function reconcile(draft: Strategy, saved: Strategy): Reconciled {
  const errors: ErrorMap = {};
  let next: Strategy = { ...saved, voice: { ...saved.voice } };

  const brand = StrategySchema.shape.brand.safeParse(draft.brand);
  if (brand.success) next.brand = brand.data;
  else errors.brand = toFieldErrors(brand.error);

  for (const key of Object.keys(LISTS) as ListKey[]) {
    const spec = LISTS[key] as ListSpec<unknown>;
    const previous = new Map(spec.get(saved).map((i) => [spec.keyOf(i), i]));
    const out: unknown[] = [];
    for (const item of spec.get(draft)) {
      const r = parseItem(spec.schema, item);
      if (r.success) out.push(r.data);
      else {
        const k = spec.keyOf(item);
        errors[unitKey(key, k)] = toFieldErrors(r.error);
        if (previous.has(k)) out.push(previous.get(k));
      }
    }
    next = spec.set(next, out);
  }

  for (const key of VOICE_SETTINGS) {
    const r = (VoiceGuideSchema.shape[key] as z.ZodType).safeParse(draft.voice[key]);
    if (r.success) next = { ...next, voice: { ...next.voice, [key]: r.data } };
    else errors[`voice.${key}`] = toFieldErrors(r.error);
  }

  const whole = StrategySchema.safeParse(next);
  if (!whole.success) {
    const i = whole.error.issues[0];
    return { next: saved, errors, problem: `${i.path.map(String).join('.')}: ${friendly(i)}` };
  }
  return { next: whole.data, errors, problem: null };
}

/** A stable text form for comparing strategies. */
export const canon = (s: Strategy) => JSON.stringify(s);
