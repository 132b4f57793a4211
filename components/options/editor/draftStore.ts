/**
 * Unsaved edits survive closing the tab: the draft is written to localStorage (the extension's own origin) on every
 * change and removed once everything in it is valid and stored.
 */
import { emptyStrategy, type Strategy } from '@/lib/strategy/schema';
import { LISTS, type ListKey } from './reconcile';

export const DRAFT_KEY = 'brandline:options-draft';

export interface StoredDraft {
  draft: Strategy;
  /** Hash of the saved strategy the draft was made against: a different one means the strategy changed since. */
  base: string;
  at: number;
}

/** FNV-1a, enough to tell two strategies apart. */
export function hashText(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36) + text.length.toString(36);
}

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function writeDraft(d: StoredDraft) {
  try {
    storage()?.setItem(DRAFT_KEY, JSON.stringify(d));
  } catch {
    // Quota or privacy mode: the edit is still in memory.
  }
}

export function clearDraft() {
  try {
    storage()?.removeItem(DRAFT_KEY);
  } catch {
    /* ignore */
  }
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Give a stored draft the shape the editors rely on (objects where objects go, arrays of items with an id…), so a
 * draft from another version can never crash the page. Values stay as typed: the schemas judge them.
 */
export function coerceDraft(raw: unknown): Strategy | null {
  if (!isObj(raw)) return null;
  const base = emptyStrategy();
  const out = { ...base, ...raw, brand: { ...base.brand, ...(isObj(raw.brand) ? raw.brand : {}) } } as Strategy;
  const voice = isObj(raw.voice) ? raw.voice : {};
  out.voice = { ...base.voice, ...voice } as Strategy['voice'];
  for (const k of ['callToAction', 'emoji', 'hashtags', 'exclamations'] as const) {
    const v = voice[k];
    (out.voice as Record<string, unknown>)[k] = { ...base.voice[k], ...(isObj(v) ? v : {}) };
  }
  if (!Array.isArray(out.voice.callToAction.phrases)) out.voice.callToAction.phrases = [];
  for (const key of Object.keys(LISTS) as ListKey[]) {
    const spec = LISTS[key];
    const items = spec.get(out) as unknown;
    const clean = (Array.isArray(items) ? items : [])
      .filter(isObj)
      .filter((i) => typeof i[key === 'voice.platformOverrides' ? 'platform' : 'id'] === 'string')
      .map((i) => {
        const copy: Record<string, unknown> = { ...i };
        for (const f of ARRAY_FIELDS[key] ?? []) if (!Array.isArray(copy[f])) copy[f] = [];
        return copy;
      });
    Object.assign(out, (spec.set as (s: Strategy, v: unknown[]) => Strategy)(out, clean));
  }
  return out;
}

const ARRAY_FIELDS: Partial<Record<ListKey, string[]>> = {
  personas: ['interests', 'painPoints'],
  pillars: ['keywords'],
  savedReplies: ['tags'],
  'voice.traits': ['do', 'dont'],
  'voice.preferredTerms': ['insteadOf'],
  'voice.bannedTerms': ['exceptions'],
  'voice.disclosures': ['alternatives', 'pillarIds', 'triggerKeywords'],
};

export function readDraft(): StoredDraft | null {
  try {
    const text = storage()?.getItem(DRAFT_KEY);
    if (!text) return null;
    const raw = JSON.parse(text) as Partial<StoredDraft>;
    const draft = coerceDraft(raw.draft);
    if (!draft || typeof raw.base !== 'string') return null;
    return { draft, base: raw.base, at: typeof raw.at === 'number' ? raw.at : Date.now() };
  } catch {
    return null;
  }
}
