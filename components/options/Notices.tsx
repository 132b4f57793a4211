import { Button } from '@/components/ui/Button';
import { Icon } from '@/components/ui/Icon';
import type { RestoreNotice } from './editor/Editor';

const when = (at: number) =>
  new Date(at).toLocaleString(undefined, { weekday: 'short', hour: '2-digit', minute: '2-digit', day: 'numeric', month: 'short' });

/** Tells the user that edits left unfinished last time came back (or asks, when the strategy changed since). */
export function RestoreBanner({
  notice,
  invalid,
  onRestore,
  onDiscard,
  onDismiss,
}: {
  notice: RestoreNotice;
  invalid: boolean;
  onRestore(): void;
  onDiscard(): void;
  onDismiss(): void;
}) {
  if (notice.kind === 'stale')
    return (
      <div class="alert alert--warning notice" role="alert">
        <Icon name="info" />
        <div class="alert__body">
          <p class="alert__title">You left unsaved changes on {when(notice.at)}</p>
          <p>The strategy has changed since then (an import or another window). Restore your changes on top of it, or discard them.</p>
          <div class="row">
            <Button size="sm" variant="primary" onClick={onRestore}>
              Restore my changes
            </Button>
            <Button size="sm" onClick={onDiscard}>
              Discard them
            </Button>
          </div>
        </div>
      </div>
    );
  return (
    <div class="alert alert--info notice" role="status">
      <Icon name="info" />
      <div class="alert__body">
        <p class="alert__title">We restored changes you hadn’t finished</p>
        <p>
          {invalid
            ? 'Some of them are not valid yet, so they are not saved: fix the fields marked in red.'
            : 'They are saved now.'}
        </p>
        <div class="row">
          {invalid && (
            <Button size="sm" onClick={onDiscard}>
              Discard unfinished changes
            </Button>
          )}
          <Button size="sm" variant="ghost" onClick={onDismiss}>
            OK
          </Button>
        </div>
      </div>
    </div>
  );
}

/** First run: the demo strategy is loaded; say so, and offer a clean slate. */
export function WelcomeBanner({ onStartEmpty, onDismiss }: { onStartEmpty(): void; onDismiss(): void }) {
  return (
    <section class="welcome" aria-labelledby="welcome-title">
      <div class="welcome__text">
        <h2 id="welcome-title" class="welcome__title">
          <Icon name="sparkle" /> Welcome to Brandline
        </h2>
        <p>
          We loaded a demo strategy for Fernhill Outdoor, an invented outdoor co-op, so you can see Brandline at work.
          Explore it, or start from empty.
        </p>
      </div>
      <div class="welcome__actions">
        <Button variant="primary" onClick={onStartEmpty}>
          Start from empty
        </Button>
        <Button variant="ghost" iconOnly icon="x" aria-label="Dismiss welcome message" title="Dismiss" onClick={onDismiss} />
      </div>
    </section>
  );
}
