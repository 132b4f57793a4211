import type { ButtonHTMLAttributes, ComponentChildren } from 'preact';
import { Icon, type IconName } from './Icon';

type Variant = 'primary' | 'secondary' | 'ghost' | 'danger' | 'danger-solid';

export type ButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'icon'> & {
  variant?: Variant;
  size?: 'sm' | 'md';
  icon?: IconName;
  /** Icon-only button: the label is required and becomes the accessible name. */
  iconOnly?: boolean;
  children?: ComponentChildren;
};

export function Button({ variant = 'secondary', size = 'md', icon, iconOnly, children, class: cls, type, ...rest }: ButtonProps) {
  const classes = ['btn', `btn--${variant}`, size === 'sm' && 'btn--sm', iconOnly && 'btn--icon', cls]
    .filter(Boolean)
    .join(' ');
  return (
    <button type={type ?? 'button'} class={classes} {...rest}>
      {icon && <Icon name={icon} />}
      {iconOnly ? null : children}
    </button>
  );
}
