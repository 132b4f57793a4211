import { describe, expect, it } from 'vitest';
import { parseImport, buildExport } from '../../lib/strategy/transfer';
import { demoStrategy } from '../../lib/strategy/demo';
import { BrandlineDB } from '../../lib/db';
import { applyImport, exportAll, loadStrategy, saveStrategy } from '../../lib/db/repo';
import { emptyStrategy } from '../../lib/strategy/schema';

const demo = demoStrategy(new Date('2026-11-01'));
const fresh = () => structuredClone(buildExport(demo));

describe('import file', () => {
  it('round-trips an export', () => {
    const r = parseImport(JSON.stringify(buildExport(demo)));
    expect(r.ok && r.file.strategy).toEqual(demo);
  });
  it.each([
    ['not json', '{oops', /^This is not a JSON file/],
    ['another format', '{"format":"other"}', /not a Brandline export/],
    ['a newer version', '{"format":"brandline","version":9}', /newer Brandline/],
  ])('refuses %s with a clear message', (_n, text, msg) => {
    const r = parseImport(text);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0]).toMatch(msg);
  });
  it('names the field and the reason', () => {
    const bad = fresh();
    (bad.strategy.pillars[2] as { color: string }).color = 'blue';
    const r = parseImport(JSON.stringify(bad));
    expect(!r.ok && r.errors).toEqual(['strategy.pillars[2].color: must be a colour like #1a7f5a']);
  });
  it('refuses calendar entries that point at missing pillars', () => {
    const bad = fresh();
    bad.strategy.calendar[0].pillarId = 'gone';
    const r = parseImport(JSON.stringify(bad));
    expect(!r.ok && r.errors).toEqual(['strategy.calendar[0].pillarId: no pillar has the id "gone"']);
  });
  it('refuses disclosures that point at missing pillars', () => {
    const bad = fresh();
    bad.strategy.voice.disclosures[0].pillarIds = ['pl-gear', 'gone'];
    const r = parseImport(JSON.stringify(bad));
    expect(!r.ok && r.errors).toEqual(['strategy.voice.disclosures[0].pillarIds[1]: no pillar has the id "gone"']);
  });
  it('migrates a version-1 file', () => {
    const v1 = {
      format: 'brandline',
      version: 1,
      strategy: {
        brand: { name: 'Legacy' },
        pillars: [{ id: 'a', name: 'A', color: '#000000', target: 0.35 }],
        voice: { bannedWords: ['cheap'], preferred: [{ from: 'users', to: 'members' }] },
      },
    };
    const r = parseImport(JSON.stringify(v1));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.migratedFrom).toBe(1);
    expect(r.file.strategy.pillars[0].targetShare).toBe(35);
    expect(r.file.strategy.voice.bannedTerms.map((t) => t.term)).toEqual(['cheap']);
    expect(r.file.strategy.voice.preferredTerms[0]).toMatchObject({ use: 'members', insteadOf: ['users'] });
  });
});

describe('applying an import', () => {
  it('replaces the strategy and merges collected data without duplicating snapshots', async () => {
    const db = new BrandlineDB('import-apply');
    await saveStrategy(emptyStrategy(), db);
    const post = { key: 'x:1', platform: 'x' as const, postId: '1', permalink: '', authorHandle: 'a', authorName: 'A', text: '', publishedAt: null, kind: 'post' as const, own: true, firstSeen: 1, lastSeen: 2 };
    const file = buildExport(demo, undefined, { posts: [post], tags: [], snapshots: [{ key: 'x:1', at: 5, counts: { likes: 3 } }] });
    await applyImport(file, db);
    await applyImport(file, db);
    expect((await loadStrategy(db)).brand.name).toBe('Fernhill Outdoor');
    expect(await db.snapshots.count()).toBe(1);
    const back = await exportAll(true, db);
    expect(back.data?.posts).toEqual([post]);
  });
  it('is atomic: a failure half-way leaves the database as it was', async () => {
    const db = new BrandlineDB('import-atomic');
    await saveStrategy({ ...emptyStrategy(), brand: { name: 'Before', description: '' } }, db);
    const file = buildExport(demo, undefined, { posts: [], tags: [], snapshots: [] });
    // A value IndexedDB cannot store makes the last write fail inside the transaction.
    (file.data!.snapshots as unknown[]).push({ key: 'x:9', at: 1, counts: { likes: () => 1 } });
    await expect(applyImport(file, db)).rejects.toThrow();
    expect((await loadStrategy(db)).brand.name).toBe('Before');
  });
});
