import type { ComponentChildren } from 'preact';

export function EmptyState({
  title,
  children,
  action,
}: {
  title: string;
  children?: ComponentChildren;
  action?: ComponentChildren;
}) {
  return (
    <div class="empty">
      <p class="empty__title">{title}</p>
      {children && <p class="empty__body">{children}</p>}
      {action && <div class="empty__action">{action}</div>}
    </div>
  );
}
