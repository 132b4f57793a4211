/** Bare form controls. Wrap them in <Field> for the label, hint and error message. */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ControlProps } from './Field';
import { Icon } from './Icon';

type Common = Partial<ControlProps> & { disabled?: boolean; placeholder?: string; class?: string };

export function TextInput({
  value,
  onValue,
  prefix,
  type = 'text',
  ...rest
}: Common & {
  value: string;
  onValue(v: string): void;
  prefix?: ComponentChildren;
  type?: 'text' | 'date' | 'time' | 'url';
  maxLength?: number;
  autoFocus?: boolean;
  spellcheck?: boolean;
}) {
  const input = (
    <input
      {...rest}
      type={type as 'text'}
      class={`input${rest.class ? ` ${rest.class}` : ''}`}
      value={value}
      onInput={(e) => onValue(e.currentTarget.value)}
    />
  );
  if (!prefix) return input;
  return (
    <div class="affix affix--pre">
      <span class="affix__pre" aria-hidden="true">
        {prefix}
      </span>
      {input}
    </div>
  );
}

export function TextArea({
  value,
  onValue,
  rows = 3,
  inputRef,
  ...rest
}: Common & {
  value: string;
  onValue(v: string): void;
  rows?: number;
  maxLength?: number;
  inputRef?: { current: HTMLTextAreaElement | null };
}) {
  return (
    <textarea
      {...rest}
      ref={inputRef}
      rows={rows}
      class="textarea"
      value={value}
      onInput={(e) => onValue(e.currentTarget.value)}
    />
  );
}

const numText = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) ? String(v) : '');
const parseNum = (t: string): number | undefined => {
  const s = t.trim().replace(',', '.');
  if (s === '') return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : Number.NaN;
};
const same = (a: number | null | undefined, b: number | null | undefined) =>
  a === b || (typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b));

/**
 * A number typed as text, so half-typed values ("1.", "") stay on screen. Emits NaN for text that is not a number
 * (the schema then explains it), and `undefined` when emptied if the field is optional, else NaN.
 */
export function NumberInput({
  value,
  onValue,
  optional,
  suffix,
  ...rest
}: Common & {
  value: number | null | undefined;
  onValue(v: number | undefined): void;
  optional?: boolean;
  suffix?: ComponentChildren;
}) {
  const [text, setText] = useState(numText(value));
  useEffect(() => {
    const parsed = parseNum(text);
    if (!same(parsed, value) && !(parsed === undefined && (value === null || value === undefined)))
      setText(numText(value));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  const input = (
    <input
      {...rest}
      type="text"
      inputMode="decimal"
      autoComplete="off"
      class={`input input--num${rest.class ? ` ${rest.class}` : ''}`}
      value={text}
      onInput={(e) => {
        const t = e.currentTarget.value;
        setText(t);
        const n = parseNum(t);
        onValue(n === undefined && !optional ? Number.NaN : n);
      }}
    />
  );
  if (!suffix) return input;
  return (
    <div class="affix affix--post">
      {input}
      <span class="affix__post" aria-hidden="true">
        {suffix}
      </span>
    </div>
  );
}

export interface Option<T extends string> {
  value: T;
  label: string;
}

export function Select<T extends string>({
  value,
  onValue,
  options,
  ...rest
}: Common & { value: T; onValue(v: T): void; options: readonly Option<T>[] }) {
  return (
    <select {...rest} class="select" value={value} onChange={(e) => onValue(e.currentTarget.value as T)}>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

const HEX = /^#[0-9a-fA-F]{6}$/;
/** A hex text field (validated by the schema) with a native colour picker beside it. */
export function ColorInput({ value, onValue, ...rest }: Common & { value: string; onValue(v: string): void }) {
  return (
    <div class="color-input">
      <input
        type="color"
        class="color-input__swatch"
        aria-label="Pick a colour"
        tabIndex={-1}
        value={HEX.test(value) ? value.toLowerCase() : '#000000'}
        onInput={(e) => onValue(e.currentTarget.value)}
      />
      <input
        {...rest}
        type="text"
        class="input"
        spellcheck={false}
        autoComplete="off"
        maxLength={7}
        value={value}
        onInput={(e) => onValue(e.currentTarget.value)}
      />
    </div>
  );
}

/**
 * A list of short phrases edited as chips: type and press Enter (or a comma, for keywords) to add;
 * Backspace in the empty box removes the last. Text left in the box is added when it loses focus.
 */
export function TagListInput({
  value,
  onValue,
  variant = 'tags',
  itemNoun = 'item',
  ...rest
}: Common & {
  value: string[];
  onValue(v: string[]): void;
  /** 'sentences' shows one phrase per line and does not split on commas. */
  variant?: 'tags' | 'sentences';
  itemNoun?: string;
}) {
  const [text, setText] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const add = (raw: string) => {
    const parts = (variant === 'tags' ? raw.split(',') : [raw]).map((p) => p.trim()).filter(Boolean);
    const next = [...value];
    for (const p of parts) if (!next.some((v) => v.toLowerCase() === p.toLowerCase())) next.push(p);
    if (next.length !== value.length) onValue(next);
    setText('');
  };
  return (
    <div
      class={`tags tags--${variant}`}
      data-invalid={rest['aria-invalid'] ? 'true' : undefined}
      onClick={(e) => {
        if (e.target === e.currentTarget) inputRef.current?.focus();
      }}
    >
      {value.map((v, i) => (
        <span class="tag" key={`${i}:${v}`}>
          <span class="tag__text">{v}</span>
          <button
            type="button"
            class="tag__remove"
            aria-label={`Remove ${itemNoun} “${v}”`}
            onClick={() => onValue(value.filter((_, j) => j !== i))}
          >
            <Icon name="x" />
          </button>
        </span>
      ))}
      <input
        {...rest}
        ref={inputRef}
        class="tags__input"
        type="text"
        value={text}
        placeholder={value.length ? `Add ${itemNoun}…` : rest.placeholder}
        onInput={(e) => {
          const t = e.currentTarget.value;
          if (variant === 'tags' && t.includes(',')) add(t);
          else setText(t);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            add(text);
          } else if (e.key === 'Backspace' && text === '' && value.length) {
            onValue(value.slice(0, -1));
          }
        }}
        onBlur={() => text.trim() && add(text)}
      />
    </div>
  );
}

export function Toggle({
  checked,
  onValue,
  label,
  ...rest
}: {
  checked: boolean;
  onValue(v: boolean): void;
  label: ComponentChildren;
  id?: string;
  disabled?: boolean;
  'aria-describedby'?: string;
}) {
  return (
    <label class="toggle">
      <input {...rest} type="checkbox" role="switch" checked={checked} onChange={(e) => onValue(e.currentTarget.checked)} />
      <span>{label}</span>
    </label>
  );
}
