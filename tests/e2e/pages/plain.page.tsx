/**
 * Plain contenteditables, as YouTube's comment box (#contenteditable-root) and an editor that refuses every
 * programmatic edit (data-editor-mount="stubborn": unless a real key is down it cancels paste and puts back
 * whatever an input changed),
 * standing in for an editor Brandline cannot write into.
 * window.__editors[i].text() reads the DOM (plain editors have no other state): innerText without a trailing "\n".
 */
declare global {
  interface Window {
    __editors: { kind: string; text(): string; el(): HTMLElement | null }[];
    __editorErrors: string[];
  }
}
window.__editors ??= [];
window.__editorErrors ??= [];

document.querySelectorAll<HTMLElement>('[data-editor-mount="plain"], [data-editor-mount="stubborn"]').forEach((mount) => {
  const el = document.createElement('div');
  const attrs = JSON.parse(mount.dataset.attrs ?? '{}') as Record<string, string>;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.setAttribute('contenteditable', 'true');
  mount.append(el);
  if (mount.dataset.editorMount === 'stubborn') {
    let keyDown = false;
    el.addEventListener('keydown', () => (keyDown = true));
    el.addEventListener('keyup', () => (keyDown = false));
    // Like a framework that owns its DOM: anything not typed is put back (execCommand fires no beforeinput).
    let good = el.innerHTML;
    el.addEventListener('beforeinput', (e) => {
      if (!keyDown) e.preventDefault();
    });
    el.addEventListener('input', () => {
      if (keyDown) good = el.innerHTML;
      else el.innerHTML = good;
    });
    el.addEventListener('paste', (e) => e.preventDefault());
  }
  window.__editors.push({
    kind: mount.dataset.editorMount!,
    text: () => el.innerText.replace(/\n$/, ''),
    el: () => el,
  });
});
