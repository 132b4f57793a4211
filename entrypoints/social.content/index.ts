import { PLATFORM_MATCHES } from '@/lib/platforms/hosts';
import { ADAPTERS } from '@/lib/platforms';
import { startBrandline } from '@/lib/page/start';

/** One content script for every platform: it picks the adapter and starts the features. */
export default defineContentScript({
  matches: PLATFORM_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    const controller = new AbortController();
    ctx.onInvalidated(() => controller.abort());
    const onNav: (() => void)[] = [];
    ctx.addEventListener(window, 'wxt:locationchange', () => onNav.forEach((fn) => fn()));
    void startBrandline({ adapters: ADAPTERS, signal: controller.signal, onNavigate: (fn) => onNav.push(fn) });
  },
});
