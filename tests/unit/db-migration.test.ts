import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { BrandlineDB, SCHEMA_V1 } from '../../lib/db';
import { loadSettings, loadStrategy, recordSeen, applyRetention, deleteCollectedData } from '../../lib/db/repo';
import type { Counts } from '../../lib/strategy/schema';

describe('database versions', () => {
  it('upgrades a version-1 database and keeps the strategy', async () => {
    const name = 'migrate-v1';
    // Open at version 1 exactly as Brandline 0.0.x did, and seed it with an old-shaped record.
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_V1);
    await old.open();
    await old.table('strategy').put({
      id: 'main',
      brand: { name: 'Old Brand' },
      pillars: [{ id: 'p1', name: 'Tips', color: '#112233', targetShare: 60 }],
      // no voice, channels, calendar…: fields that did not exist yet
    });
    old.close();

    const db = new BrandlineDB(name);
    await db.open();
    expect(db.verno).toBe(2);
    const s = await loadStrategy(db);
    expect(s.brand.name).toBe('Old Brand');
    expect(s.pillars).toEqual([{ id: 'p1', name: 'Tips', color: '#112233', targetShare: 60, description: '', keywords: [] }]);
    expect(s.voice.hashtags.max).toBe(3);
    expect(s.calendar).toEqual([]);
    const raw = await db.strategy.get('main');
    expect(typeof raw?.updatedAt).toBe('number');
    expect((await loadSettings(db)).captureScope).toBe('ownAndTagged');
    expect(await db.settings.count()).toBe(1);
    db.close();
  });

  it('keeps an unparseable v1 record instead of dropping it', async () => {
    const name = 'migrate-v1-bad';
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_V1);
    await old.table('strategy').put({ id: 'main', pillars: 'not a list' });
    old.close();
    const db = new BrandlineDB(name);
    await db.open();
    expect((await db.strategy.get('main') as unknown as { pillars: string }).pillars).toBe('not a list');
    // readers fall back to an empty strategy rather than crashing
    expect((await loadStrategy(db)).pillars).toEqual([]);
    db.close();
  });
});

describe('snapshots', () => {
  it('compares with the latest snapshot for posts stored before lastCounts existed', async () => {
    const db = new BrandlineDB('snaps-old');
    await db.posts.put({ ...seen('9', {}).post, firstSeen: 1, lastSeen: 1 });
    await db.snapshots.add({ key: 'x:9', at: 1, counts: { likes: 4 } });
    expect(await recordSeen([seen('9', { likes: 4 })], 2, db)).toBe(0);
    expect(await recordSeen([seen('9', { likes: 5 })], 3, db)).toBe(1);
  });
  const seen = (id: string, counts: Counts) => ({
    post: { key: `x:${id}`, platform: 'x' as const, postId: id, permalink: '', authorHandle: 'a', authorName: 'A', text: '', publishedAt: null as number | null, kind: 'post' as const, own: true },
    counts,
  });
  it('never blanks what an earlier sighting of a post read (its author’s name, its text, its time)', async () => {
    const db = new BrandlineDB('snaps-merge');
    const full = seen('5', { likes: 1 });
    full.post = { ...full.post, text: 'Spring beans are in', publishedAt: 1000 };
    await recordSeen([full], 1, db);
    const light = seen('5', { likes: 2 });
    light.post = { ...light.post, authorName: '', text: '', publishedAt: null };
    await recordSeen([light], 2, db);
    expect(await db.posts.get('x:5')).toMatchObject({ authorName: 'A', text: 'Spring beans are in', publishedAt: 1000, lastSeen: 2, lastCounts: { likes: 2 } });
    // A real change still goes in.
    const renamed = seen('5', { likes: 2 });
    renamed.post = { ...renamed.post, authorName: 'A. Renamed' };
    await recordSeen([renamed], 3, db);
    expect((await db.posts.get('x:5'))?.authorName).toBe('A. Renamed');
  });

  it('stores a snapshot only when the counts changed, and applies retention', async () => {
    const db = new BrandlineDB('snaps');
    expect(await recordSeen([seen('1', { likes: 1 })], 1, db)).toBe(1);
    expect(await recordSeen([seen('1', { likes: 1 })], 2, db)).toBe(0);
    expect(await recordSeen([seen('1', { likes: 1, views: 10 })], 3, db)).toBe(1);
    expect(await recordSeen([seen('1', {})], 4, db)).toBe(0);
    // within one batch, too
    expect(await recordSeen([seen('2', { likes: 1 }), seen('2', { likes: 1 })], 5, db)).toBe(1);
    expect((await db.posts.get('x:1'))?.lastCounts).toEqual({ likes: 1, views: 10 });
    expect((await db.posts.get('x:1'))?.firstSeen).toBe(1);
    const day = 86_400_000;
    expect(await applyRetention(1, 3 + day, db)).toBe(1);
    expect(await db.snapshots.count()).toBe(2);
    await db.tags.put({ key: 'x:1', pillarId: 'p', taggedAt: 1, source: 'manual' });
    await deleteCollectedData(db);
    expect(await db.snapshots.count()).toBe(0);
    expect(await db.tags.count()).toBe(0);
  });
});
