import { Icon } from '@/components/ui/Icon';
import type { SaveState } from './editor/Editor';

/** A quiet line telling whether the last change is stored. */
export function SaveStatus({ state }: { state: SaveState }) {
  let content;
  switch (state.kind) {
    case 'saved':
      content = (
        <>
          <Icon name="check" /> Saved
        </>
      );
      break;
    case 'saving':
      content = (
        <>
          <Icon name="clock" /> Saving…
        </>
      );
      break;
    case 'invalid':
      content = (
        <>
          <Icon name="alert" />
          {state.count === 1 ? '1 field needs attention' : `${state.count} fields need attention`} — not saved yet
        </>
      );
      break;
    case 'error':
      content = (
        <>
          <Icon name="alert" /> Couldn’t save: {state.message}
        </>
      );
      break;
  }
  return (
    <p class={`save-status save-status--${state.kind}`} role="status" aria-live="polite" data-testid="save-status">
      {content}
    </p>
  );
}
