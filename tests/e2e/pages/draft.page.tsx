/**
 * Draft.js 0.11 + React 18 (createRoot), as on X: mounts a Draft editor into every [data-editor-mount="draft"]
 * with the contenteditable's data-testid/aria-label from the mount's data attributes, and a Post button that is
 * disabled until the editor *state* has text. window.__editors[i].text() reads the editor's own state.
 */
import { createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Editor, EditorState } from 'draft-js';

declare global {
  interface Window {
    __editors: { kind: string; text(): string; el(): HTMLElement | null }[];
    __editorErrors: string[];
  }
}
window.__editors ??= [];
window.__editorErrors ??= [];

function DraftComposer({ mount, index }: { mount: HTMLElement; index: number }) {
  const [state, setState] = useState(() => EditorState.createEmpty());
  const api = window.__editors[index];
  (api as { state?: EditorState }).state = state;
  const has = state.getCurrentContent().hasText();
  // createElement rather than JSX: the page builder's JSX mode depends on NODE_ENV, createElement does not.
  return h(
    'div',
    { className: 'composer-row' },
    h(
      'div',
      { className: 'composer-editor' },
      h(Editor, {
        editorState: state,
        onChange: (s: EditorState) => {
          (api as { state?: EditorState }).state = s;
          setState(s);
        },
        webDriverTestID: mount.dataset.editorTestid,
        ariaLabel: mount.dataset.label,
        placeholder: mount.dataset.placeholder ?? 'Post your reply',
      }),
    ),
    h(
      'button',
      { type: 'button', className: 'post-button', 'data-testid': mount.dataset.button, disabled: !has },
      mount.dataset.buttonLabel ?? 'Reply',
    ),
  );
}

document.querySelectorAll<HTMLElement>('[data-editor-mount="draft"]').forEach((mount) => {
  const index = window.__editors.length;
  const api = {
    kind: 'draft',
    state: undefined as EditorState | undefined,
    text() {
      return this.state ? this.state.getCurrentContent().getPlainText() : '';
    },
    el: () => mount.querySelector<HTMLElement>('[contenteditable="true"]'),
  };
  window.__editors.push(api);
  window.addEventListener('error', (e) => window.__editorErrors.push(String(e.message)));
  createRoot(mount).render(h(DraftComposer, { mount, index }));
});
