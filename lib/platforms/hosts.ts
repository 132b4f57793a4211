/** Hosts Brandline runs on (content script matches and host permissions). Mastodon instances are granted at run time. */
export const PLATFORM_MATCHES = [
  '*://x.com/*',
  '*://twitter.com/*',
  '*://mobile.twitter.com/*',
  '*://*.linkedin.com/*',
  '*://*.facebook.com/*',
  '*://*.instagram.com/*',
  '*://*.threads.com/*',
  '*://*.threads.net/*',
  '*://*.tiktok.com/*',
  '*://*.youtube.com/*',
  '*://bsky.app/*',
  '*://*.reddit.com/*',
];

/** The match pattern for a Mastodon instance the user added ("mastodon.social" → "https://mastodon.social/*"). */
export function instancePattern(host: string): string | null {
  const h = host.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/.*$/, '');
  if (!/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(h)) return null;
  return `https://${h}/*`;
}
