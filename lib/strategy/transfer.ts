/**
 * The import/export file: one versioned JSON document holding the strategy, the settings and
 * (optionally) everything collected. Older versions are migrated on import.
 */
import { z } from 'zod';
import {
  StrategySchema,
  SettingsSchema,
  PostSchema,
  TagSchema,
  SnapshotSchema,
  type Strategy,
  type Settings,
  type Post,
  type Tag,
  type Snapshot,
} from './schema';

export const EXPORT_FORMAT = 'brandline';
export const EXPORT_VERSION = 2;

export const ExportFileSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: z.string(),
  strategy: StrategySchema,
  settings: SettingsSchema.optional(),
  data: z
    .object({
      posts: z.array(PostSchema).max(1_000_000),
      tags: z.array(TagSchema).max(1_000_000),
      snapshots: z.array(SnapshotSchema.omit({ id: true })).max(5_000_000),
    })
    .optional(),
});
export type ExportFile = z.infer<typeof ExportFileSchema>;

/**
 * Version 1 files (Brandline 0.0.x) held the strategy only, with pillar targets as fractions (0.35),
 * banned terms as plain strings and preferred terms as {from, to} pairs.
 */
const V1FileSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(1),
  strategy: z.looseObject({
    pillars: z.array(z.looseObject({ target: z.number().min(0).max(1).optional() })).optional(),
    voice: z
      .looseObject({
        bannedWords: z.array(z.string()).optional(),
        preferred: z.array(z.object({ from: z.string(), to: z.string() })).optional(),
      })
      .optional(),
  }),
});

function migrateV1(file: z.infer<typeof V1FileSchema>): unknown {
  const { pillars = [], voice = {}, ...rest } = file.strategy;
  const { bannedWords = [], preferred = [], ...voiceRest } = voice as {
    bannedWords?: string[];
    preferred?: { from: string; to: string }[];
  };
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date().toISOString(),
    strategy: {
      ...rest,
      pillars: pillars.map(({ target, ...p }) => ({ ...p, targetShare: Math.round((target ?? 0) * 1000) / 10 })),
      voice: {
        ...voiceRest,
        bannedTerms: bannedWords.map((term, i) => ({ id: `bt-v1-${i}`, term })),
        preferredTerms: preferred.map((p, i) => ({ id: `pt-v1-${i}`, use: p.to, insteadOf: [p.from] })),
      },
    },
  };
}

export type ImportResult = { ok: true; file: ExportFile; migratedFrom: number | null } | { ok: false; errors: string[] };

/** "strategy.pillars[2].color" */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `${out ? '.' : ''}${String(p)}`;
  return out || '(file)';
}

function issues(error: z.ZodError, max = 8): string[] {
  const list = error.issues.slice(0, max).map((i) => `${formatPath(i.path)}: ${i.message}`);
  if (error.issues.length > max) list.push(`…and ${error.issues.length - max} more problems`);
  return list;
}

/** Parse the text of an import file. Never throws. */
export function parseImport(text: string): ImportResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`This is not a JSON file (${(e as Error).message}).`] };
  }
  if (typeof json !== 'object' || json === null || (json as { format?: unknown }).format !== EXPORT_FORMAT) {
    return { ok: false, errors: ['This is not a Brandline export: the "format" field must be "brandline".'] };
  }
  const version = (json as { version?: unknown }).version;
  let migratedFrom: number | null = null;
  if (version === 1) {
    const v1 = V1FileSchema.safeParse(json);
    if (!v1.success) return { ok: false, errors: issues(v1.error) };
    json = migrateV1(v1.data);
    migratedFrom = 1;
  } else if (typeof version === 'number' && version > EXPORT_VERSION) {
    return {
      ok: false,
      errors: [`version: this file is from a newer Brandline (format ${version}); update Brandline to import it.`],
    };
  }
  const parsed = ExportFileSchema.safeParse(json);
  if (!parsed.success) return { ok: false, errors: issues(parsed.error) };
  // References inside the file must hold together.
  const pillarIds = new Set(parsed.data.strategy.pillars.map((p) => p.id));
  const refErrors: string[] = [];
  parsed.data.strategy.calendar.forEach((c, i) => {
    if (c.pillarId && !pillarIds.has(c.pillarId))
      refErrors.push(`strategy.calendar[${i}].pillarId: no pillar has the id "${c.pillarId}"`);
  });
  parsed.data.strategy.voice.disclosures.forEach((d, i) => {
    d.pillarIds.forEach((id, j) => {
      if (!pillarIds.has(id))
        refErrors.push(`strategy.voice.disclosures[${i}].pillarIds[${j}]: no pillar has the id "${id}"`);
    });
  });
  if (refErrors.length) return { ok: false, errors: refErrors.slice(0, 8) };
  return { ok: true, file: parsed.data, migratedFrom };
}

export function buildExport(
  strategy: Strategy,
  settings?: Settings,
  data?: { posts: Post[]; tags: Tag[]; snapshots: Snapshot[] },
): ExportFile {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date().toISOString(),
    strategy,
    ...(settings ? { settings } : {}),
    ...(data ? { data: { ...data, snapshots: data.snapshots.map(({ id: _id, ...s }) => s) } } : {}),
  };
}
