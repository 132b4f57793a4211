/**
 * Brandline's database. It lives in the extension's origin only: the background, popup and options page
 * open it; content scripts never do (their IndexedDB would belong to the host site).
 *
 * Versions are kept forever, each with its upgrade, and tested (tests/unit/db-migration.test.ts).
 */
import Dexie, { type EntityTable } from 'dexie';
import {
  StrategySchema,
  SettingsSchema,
  type Strategy,
  type Settings,
  type Post,
  type Tag,
  type Snapshot,
} from '../strategy/schema';

export const DB_NAME = 'brandline';

export interface StrategyRow extends Strategy {
  id: 'main';
  updatedAt: number;
}
export interface SettingsRow extends Settings {
  id: 'main';
}

/** Version 1 (0.0.x): the strategy only. Kept so the upgrade path is tested. */
export const SCHEMA_V1 = { strategy: 'id' } as const;
/** Version 2: settings and the facts collected on the platforms' pages. */
export const SCHEMA_V2 = {
  strategy: 'id',
  settings: 'id',
  posts: 'key, platform, own, lastSeen',
  tags: 'key, pillarId',
  snapshots: '++id, key, at, [key+at]',
} as const;

export class BrandlineDB extends Dexie {
  strategy!: EntityTable<StrategyRow, 'id'>;
  settings!: EntityTable<SettingsRow, 'id'>;
  posts!: EntityTable<Post, 'key'>;
  tags!: EntityTable<Tag, 'key'>;
  snapshots!: EntityTable<Snapshot, 'id'>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores(SCHEMA_V1);
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade(async (tx) => {
        // v1 stored strategies written before some fields existed: fill their defaults so every reader can
        // trust the schema. A record that does not parse at all is kept as it is rather than lost.
        await tx
          .table('strategy')
          .toCollection()
          .modify((row: Record<string, unknown>) => {
            const parsed = StrategySchema.safeParse(row);
            if (parsed.success) Object.assign(row, parsed.data);
            if (typeof row.updatedAt !== 'number') row.updatedAt = Date.now();
          });
        await tx.table('settings').put({ id: 'main', ...SettingsSchema.parse({}) });
      });
  }
}

let instance: BrandlineDB | null = null;
/** The shared database of this extension page or worker. */
export function getDb(): BrandlineDB {
  instance ??= new BrandlineDB();
  return instance;
}
/** Tests only: use a fresh database. */
export function setDb(db: BrandlineDB | null) {
  instance = db;
}
