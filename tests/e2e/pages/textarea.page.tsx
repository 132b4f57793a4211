/**
 * A React 18 controlled <textarea> (useState), as Instagram, Mastodon and YouTube Studio use: mounts into every
 * [data-editor-mount="textarea"]; attributes (class, aria-label, name…) from data-attrs (JSON). The React state is
 * what window.__editors[i].text() returns (and what data-state on the mount shows). A Post button is enabled
 * only when the state has text, as on Instagram.
 */
import { createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';

declare global {
  interface Window {
    __editors: { kind: string; text(): string; el(): HTMLElement | null }[];
    __editorErrors: string[];
  }
}
window.__editors ??= [];
window.__editorErrors ??= [];

function Controlled({ mount, api }: { mount: HTMLElement; api: { value: string } }) {
  const [value, setValue] = useState('');
  api.value = value;
  mount.dataset.state = value;
  const attrs = JSON.parse(mount.dataset.attrs ?? '{}') as Record<string, string>;
  const { class: className, ...rest } = attrs;
  // createElement rather than JSX: the page builder's JSX mode depends on NODE_ENV, createElement does not.
  return h(
    'div',
    { className: 'composer-row' },
    h('textarea', {
      ...rest,
      className,
      value,
      rows: 2,
      onChange: (e: { target: HTMLTextAreaElement }) => setValue(e.target.value),
    }),
    h('button', { type: 'button', className: 'post-button', disabled: !value.trim() }, mount.dataset.buttonLabel ?? 'Post'),
  );
}

document.querySelectorAll<HTMLElement>('[data-editor-mount="textarea"]').forEach((mount) => {
  const api = { value: '' };
  window.__editors.push({ kind: 'textarea', text: () => api.value, el: () => mount.querySelector('textarea') });
  createRoot(mount).render(h(Controlled, { mount, api }));
});
