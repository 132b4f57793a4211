/**
 * One bundled page per platform (the adapters' fixtures), served at its real address: used by the
 * browser tests and by `npm run demo`. `posts` is how many posts/comments the adapter recognises there
 * (the unit tests assert the exact facts).
 */
import { fixture } from './browser';
import { skinned } from './skin';

export interface PlatformPage {
  platform: string;
  url: string;
  file: string;
  posts: number;
}

export const PLATFORM_PAGES: PlatformPage[] = [
  { platform: 'x', url: 'https://x.com/home', file: 'home-timeline.html', posts: 5 },
  { platform: 'linkedin', url: 'https://www.linkedin.com/feed/', file: 'feed-v1.html', posts: 4 },
  { platform: 'linkedin', url: 'https://www.linkedin.com/feed/?v=2', file: 'feed-v2.html', posts: 4 },
  { platform: 'facebook', url: 'https://www.facebook.com/', file: 'feed.html', posts: 7 },
  { platform: 'instagram', url: 'https://www.instagram.com/', file: 'feed.html', posts: 2 },
  { platform: 'threads', url: 'https://www.threads.com/', file: 'feed.html', posts: 3 },
  { platform: 'tiktok', url: 'https://www.tiktok.com/foryou', file: 'foryou-feed.html', posts: 2 },
  { platform: 'youtube', url: 'https://www.youtube.com/watch?v=abc', file: 'watch-comments.html', posts: 3 },
  { platform: 'youtube', url: 'https://studio.youtube.com/channel/UC1/comments', file: 'studio-comments.html', posts: 2 },
  { platform: 'bluesky', url: 'https://bsky.app/', file: 'home-feed.html', posts: 3 },
  { platform: 'reddit', url: 'https://www.reddit.com/r/CampingGear/comments/1abc23/x/', file: 'shreddit-post-page.html', posts: 4 },
  { platform: 'reddit', url: 'https://old.reddit.com/r/CampingGear/', file: 'old-reddit-listing.html', posts: 3 },
];

/**
 * The page's HTML as a browser should get it. Bluesky's feed items are links that contain links, which HTML
 * parsing cannot express (React builds them with DOM calls): the fixture writes them as
 * <div data-fixture-tag="a">, and a small script rebuilds them before Brandline runs, as the live app does.
 */
export function pageHtml(p: PlatformPage): string {
  let html = skinned(fixture(p.platform, p.file));
  if (html.includes('data-fixture-tag')) {
    const rebuild = `<script>for (const div of document.querySelectorAll('[data-fixture-tag="a"]')) {
      const a = document.createElement('a');
      for (const { name, value } of Array.from(div.attributes)) if (name !== 'data-fixture-tag') a.setAttribute(name, value);
      while (div.firstChild) a.appendChild(div.firstChild);
      div.replaceWith(a);
    }</script>`;
    html = html.includes('</body>') ? html.replace('</body>', `${rebuild}</body>`) : html + rebuild;
  }
  return html;
}
