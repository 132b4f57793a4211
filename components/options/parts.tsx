/** Layout pieces shared by the options sections. */
import type { ComponentChildren } from 'preact';
import { Button } from '@/components/ui/Button';

export function Card({
  title,
  description,
  actions,
  children,
  class: cls,
  titleId,
}: {
  title?: ComponentChildren;
  description?: ComponentChildren;
  actions?: ComponentChildren;
  children?: ComponentChildren;
  class?: string;
  titleId?: string;
}) {
  return (
    <section class={`card panel${cls ? ` ${cls}` : ''}`} aria-labelledby={titleId}>
      {(title || actions) && (
        <header class="panel__head">
          <div class="panel__titles">
            {title && (
              <h2 class="panel__title" id={titleId}>
                {title}
              </h2>
            )}
            {description && <p class="panel__desc">{description}</p>}
          </div>
          {actions && <div class="panel__actions">{actions}</div>}
        </header>
      )}
      {children}
    </section>
  );
}

/** One item of a list (a pillar, a goal…): a header with its name and a delete button, then its fields. */
export function ItemCard({
  heading,
  meta,
  accent,
  onDelete,
  deleteLabel,
  children,
  invalid,
}: {
  heading: ComponentChildren;
  meta?: ComponentChildren;
  accent?: string;
  onDelete(): void;
  deleteLabel: string;
  children: ComponentChildren;
  invalid?: boolean;
}) {
  return (
    <article
      class={`item${invalid ? ' item--invalid' : ''}`}
      style={accent ? { '--item-accent': accent } : undefined}
      data-accent={accent ? '' : undefined}
    >
      <header class="item__head">
        <h3 class="item__title">{heading}</h3>
        {meta && <div class="item__meta">{meta}</div>}
        <Button variant="ghost" size="sm" icon="trash" iconOnly aria-label={deleteLabel} title={deleteLabel} onClick={onDelete} />
      </header>
      <div class="item__body">{children}</div>
    </article>
  );
}

export function AddButton({ children, onClick, disabled }: { children: ComponentChildren; onClick(): void; disabled?: boolean }) {
  return (
    <Button icon="plus" size="sm" onClick={onClick} disabled={disabled}>
      {children}
    </Button>
  );
}

/** Focus the first text field of the item just added (after it renders). */
export function focusNewItem(selector: string) {
  requestAnimationFrame(() => {
    const all = document.querySelectorAll<HTMLElement>(selector);
    all[all.length - 1]?.focus();
  });
}
