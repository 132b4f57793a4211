/** Every adapter. Order matters only for Mastodon, which matches by the page's markup on any host: it goes last. */
import type { Adapter } from './types';
import { adapter as x } from './x';
import { adapter as linkedin } from './linkedin';
import { adapter as facebook } from './facebook';
import { adapter as instagram } from './instagram';
import { adapter as threads } from './threads';
import { adapter as tiktok } from './tiktok';
import { adapter as youtube } from './youtube';
import { adapter as bluesky } from './bluesky';
import { adapter as reddit } from './reddit';
import { adapter as mastodon } from './mastodon';

export const ADAPTERS: Adapter[] = [x, linkedin, facebook, instagram, threads, tiktok, youtube, bluesky, reddit, mastodon];
