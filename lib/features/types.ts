import type { Adapter } from '../platforms/types';
import type { PageWatcher } from '../page/watcher';
import type { Store } from '../page/store';
import type { Broadcast, Context } from '../messaging/protocol';
import type { send } from '../messaging/send';
import type { FeatureId } from '../page/shadow';
import type { PageTags } from '../page/tags';
import type { Settings } from '../strategy/schema';

export interface FeatureContext {
  adapter: Adapter;
  doc: Document;
  /** The strategy and settings, kept current by contextChanged broadcasts. */
  context: Store<Context>;
  watcher: PageWatcher;
  /** Aborted when the feature is switched off, the page navigates away or the extension reloads. */
  signal: AbortSignal;
  send: typeof send;
  onBroadcast(fn: (message: Broadcast) => void): void;
  /** The posts' pillar tags as this page knows them, shared by the features. */
  tags: PageTags;
}

export interface Feature {
  id: FeatureId | 'capture';
  /** The settings switch that turns it on and off. */
  setting: keyof Settings['features'];
  init(ctx: FeatureContext): void | Promise<void>;
}
