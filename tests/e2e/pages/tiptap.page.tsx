/**
 * TipTap 3 (ProseMirror) with StarterKit, as LinkedIn's v2 comment box and Bluesky's composer: mounts into every
 * [data-editor-mount="tiptap"]; editor attributes (role, aria-label, class) from data-attrs (JSON).
 * window.__editors[i].text() is editor.getText() (blocks joined with "\n").
 */
import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';

declare global {
  interface Window {
    __editors: { kind: string; text(): string; el(): HTMLElement | null }[];
    __editorErrors: string[];
  }
}
window.__editors ??= [];
window.__editorErrors ??= [];

document.querySelectorAll<HTMLElement>('[data-editor-mount="tiptap"]').forEach((mount) => {
  const attrs = JSON.parse(mount.dataset.attrs ?? '{}') as Record<string, string>;
  const editor = new Editor({ element: mount, extensions: [StarterKit], editorProps: { attributes: attrs } });
  window.__editors.push({
    kind: 'tiptap',
    text: () => editor.getText({ blockSeparator: '\n' }),
    el: () => editor.view.dom as HTMLElement,
  });
});
