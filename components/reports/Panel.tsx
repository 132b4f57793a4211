/** A titled card for the reports and data settings (the look of the options page's cards, styled in panel.css). */
import type { ComponentChildren } from 'preact';
import './panel.css';

export function Panel({
  id,
  title,
  description,
  actions,
  children,
  class: cls,
}: {
  /** Used for the heading's id (`${id}-title`), which names the section. */
  id: string;
  title: ComponentChildren;
  description?: ComponentChildren;
  actions?: ComponentChildren;
  children?: ComponentChildren;
  class?: string;
}) {
  return (
    <section class={`card bl-panel${cls ? ` ${cls}` : ''}`} aria-labelledby={`${id}-title`} id={id}>
      <header class="bl-panel__head">
        <div class="bl-panel__titles">
          <h2 class="bl-panel__title" id={`${id}-title`} tabIndex={-1}>
            {title}
          </h2>
          {description && <p class="bl-panel__desc">{description}</p>}
        </div>
        {actions && <div class="bl-panel__actions">{actions}</div>}
      </header>
      {children}
    </section>
  );
}
