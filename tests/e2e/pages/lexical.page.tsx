/**
 * Lexical 0.52 (plain text + history), as on Facebook and Threads: mounts an editor into every
 * [data-editor-mount="lexical"]; the contenteditable gets role/aria attributes from data-attrs (JSON).
 * window.__editors[i].text() reads the editor state ($getRoot().getTextContent()).
 */
import { $createParagraphNode, $getRoot, createEditor } from 'lexical';
import { registerPlainText } from '@lexical/plain-text';
import { createEmptyHistoryState, registerHistory } from '@lexical/history';

declare global {
  interface Window {
    __editors: { kind: string; text(): string; el(): HTMLElement | null }[];
    __editorErrors: string[];
  }
}
window.__editors ??= [];
window.__editorErrors ??= [];

document.querySelectorAll<HTMLElement>('[data-editor-mount="lexical"]').forEach((mount) => {
  const el = document.createElement('div');
  const attrs = JSON.parse(mount.dataset.attrs ?? '{}') as Record<string, string>;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.contentEditable = 'true';
  el.setAttribute('spellcheck', 'true');
  mount.append(el);
  const editor = createEditor({
    namespace: mount.dataset.namespace ?? 'composer',
    theme: { paragraph: 'lx-p' },
    onError: (e) => {
      window.__editorErrors.push(String(e));
      throw e;
    },
  });
  editor.setRootElement(el);
  registerPlainText(editor);
  registerHistory(editor, createEmptyHistoryState(), 300);
  editor.update(() => {
    const root = $getRoot();
    if (root.isEmpty()) root.append($createParagraphNode());
  });
  window.__editors.push({
    kind: 'lexical',
    text: () => editor.getEditorState().read(() => $getRoot().getTextContent()),
    el: () => el,
  });
});
