/**
 * Starts the in-page features for one page and keeps them in step with the settings:
 * each feature runs under its own AbortController, so switching it off in the options removes
 * everything it added, and switching it on starts it again, without a reload.
 */
import type { Feature, FeatureContext } from './types';

export function runFeatures(
  features: Feature[],
  base: Omit<FeatureContext, 'signal'>,
  pageSignal: AbortSignal,
): void {
  const running = new Map<Feature, AbortController>();
  const sync = () => {
    const on = base.context.get().settings.features;
    for (const f of features) {
      const enabled = on[f.setting];
      const ctl = running.get(f);
      if (enabled && !ctl) {
        const c = new AbortController();
        pageSignal.addEventListener('abort', () => c.abort(), { once: true });
        running.set(f, c);
        Promise.resolve()
          .then(() => f.init({ ...base, signal: c.signal }))
          .catch((e) => console.warn(`[Brandline] ${f.id} could not start:`, e));
      } else if (!enabled && ctl) {
        ctl.abort();
        running.delete(f);
        base.doc.querySelectorAll(`[data-brandline="${f.id}"]`).forEach((el) => el.remove());
      }
    }
  };
  base.context.subscribe(sync, pageSignal);
  sync();
}
