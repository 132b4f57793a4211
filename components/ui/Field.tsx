import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { Icon } from './Icon';

/** What a Field hands its control so the label, hint and error are tied to it. */
export interface ControlProps {
  id: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

/** Validation messages come from the zod schemas in lower case ("must be a colour like #1a7f5a"). */
export const sentence = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);

export function Field({
  label,
  hint,
  error,
  children,
  class: cls,
}: {
  label: ComponentChildren;
  hint?: ComponentChildren;
  error?: string;
  class?: string;
  children: (control: ControlProps) => ComponentChildren;
}) {
  const id = useId();
  const errorId = error ? `${id}-error` : undefined;
  const hintId = hint ? `${id}-hint` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field${error ? ' field--invalid' : ''}${cls ? ` ${cls}` : ''}`}>
      <label class="field__label" for={id}>
        {label}
      </label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {error && (
        <p class="field__error" id={errorId}>
          <Icon name="alert" />
          {sentence(error)}
        </p>
      )}
      {hint && (
        <p class="field__hint" id={hintId}>
          {hint}
        </p>
      )}
    </div>
  );
}
