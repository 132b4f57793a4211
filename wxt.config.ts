import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

/** Hosts Brandline runs on. Mastodon instances are asked for at run time (optional_host_permissions). */
export const PLATFORM_MATCHES = [
  '*://x.com/*',
  '*://twitter.com/*',
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

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Brandline',
    description: "Your brand's social media strategy — voice, pillars, replies — inside the platforms' own pages.",
    permissions: ['storage', 'tabs'],
    host_permissions: PLATFORM_MATCHES,
    optional_host_permissions: ['https://*/*'],
    action: { default_title: 'Brandline' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'brandline@brandline.invalid',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  zip: { excludeSources: ['**/*.png', 'tests/**', '.ci/**', '*.log'] },
});
