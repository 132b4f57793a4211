import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { PLATFORM_MATCHES } from './lib/platforms/hosts';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Brandline',
    description: "Your brand's social media strategy — voice, pillars, replies — inside the platforms' own pages.",
    permissions: ['storage', 'tabs', 'scripting'],
    host_permissions: PLATFORM_MATCHES,
    // Mastodon instances are asked for one by one at run time (MV2 keeps optional hosts in optional_permissions).
    ...(manifestVersion === 3
      ? { optional_host_permissions: ['https://*/*'] }
      : { optional_permissions: ['https://*/*'] }),
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
