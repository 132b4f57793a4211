/**
 * Quill 2, as LinkedIn's v1 comment box: mounts into every [data-editor-mount="quill"] (which sits inside
 * .comments-comment-texteditor). window.__editors[i].text() is quill.getText() without Quill's final "\n".
 */
import Quill from 'quill';

declare global {
  interface Window {
    __editors: { kind: string; text(): string; el(): HTMLElement | null }[];
    __editorErrors: string[];
  }
}
window.__editors ??= [];
window.__editorErrors ??= [];

document.querySelectorAll<HTMLElement>('[data-editor-mount="quill"]').forEach((mount) => {
  const quill = new Quill(mount, { placeholder: mount.dataset.placeholder ?? 'Add a comment…', modules: { toolbar: false } });
  const root = quill.root as HTMLElement;
  const attrs = JSON.parse(mount.dataset.attrs ?? '{}') as Record<string, string>;
  for (const [k, v] of Object.entries(attrs)) root.setAttribute(k, v);
  window.__editors.push({
    kind: 'quill',
    text: () => quill.getText().replace(/\n$/, ''),
    el: () => root,
  });
});
