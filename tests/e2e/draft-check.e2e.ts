/**
 * draft-check and saved replies in the real editors: each platform's page is served at its real address with the
 * real editor library (draft-js + React 18, Lexical, Quill, TipTap, a React-controlled textarea, a plain
 * contenteditable) mounted in the platform's markup. Every assertion about text reads the *editor's own state*
 * (window.__editors[i].text(): Draft's getPlainText(), Lexical's $getRoot().getTextContent(), quill.getText(),
 * TipTap's getText(), the React state of the textarea), never just the DOM.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launch, pageErrors, serve, type Session } from './browser';
import { PAGES_OUT } from './pages/build';

const DRAFT = 'Our customers get cheap gear!!!';
const FIXED = 'Our members get cheap gear!!!';
const HOSTILE = '&lt;img src=x onerror="window.__pwned=1"&gt;';

type Script = 'draft' | 'lexical' | 'quill' | 'tiptap' | 'textarea' | 'plain';

interface Case {
  name: string;
  url: string;
  script: Script;
  body: string;
  /** The editable element, in the page's DOM. */
  editor: string;
  /** A send button that must be enabled once the editor state has text. */
  postButton?: string;
  bodyAttrs?: string;
}

const CSS = `
  * { box-sizing: border-box; }
  body { margin: 0; font: 15px/1.4 -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: #0f1419; background: #fff; }
  .col { width: 600px; margin: 0 auto; min-height: 2200px; border-left: 1px solid #eff3f4; border-right: 1px solid #eff3f4; }
  .post { padding: 12px 16px; border-bottom: 1px solid #eff3f4; }
  .who { font-weight: 700; } .who a { color: inherit; text-decoration: none; } .handle { color: #536471; font-weight: 400; }
  .composer-row, .box { display: flex; gap: 12px; align-items: flex-end; padding: 12px 16px; border-bottom: 1px solid #eff3f4; }
  .composer-editor, .box > div:first-child { flex: 1; min-height: 24px; font-size: 20px; }
  [contenteditable="true"], textarea { outline: none; min-height: 24px; width: 100%; font: inherit; border: 0; resize: none; }
  .post-button { background: #0f1419; color: #fff; border: 0; border-radius: 999px; padding: 8px 16px; font-weight: 700; }
  .post-button:disabled { opacity: .5; }
  .public-DraftEditorPlaceholder-root { position: absolute; color: #536471; pointer-events: none; }
  .DraftEditor-root { position: relative; }
  p { margin: 0; }
`;

function html(c: Case): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${c.name}</title><style>${CSS}</style></head>
<body ${c.bodyAttrs ?? ''}>${c.body}<script>window.global = window;</script><script src="/__brandline_test/${c.script}.js"></script></body></html>`;
}

const X_POST = `
  <div data-testid="cellInnerDiv"><article data-testid="tweet" role="article" tabindex="-1" class="post">
    <div data-testid="User-Name" class="who"><a href="/janedoe" role="link"><span>Jane ${HOSTILE} Doe</span></a>
      <a href="/janedoe" role="link" class="handle"><span>@janedoe</span></a></div>
    <div data-testid="tweetText" lang="en"><span>Loving the new rain shell from @fernhilloutdoor ${HOSTILE}</span></div>
    <a href="/janedoe/status/1790000000000000001"><time datetime="2025-03-01T10:00:00.000Z">10:00 AM · Mar 1, 2025</time></a>
    <div role="group" aria-label="3 replies, 1 repost, 12 likes"></div>
  </article></div>`;

const CASES: Case[] = [
  {
    name: 'X (Draft.js + React 18)',
    url: 'https://x.com/janedoe/status/1790000000000000001',
    script: 'draft',
    body: `<div id="react-root"><main role="main"><div class="col"><div aria-label="Timeline: Conversation">${X_POST}
      <div data-testid="cellInnerDiv"><div data-editor-mount="draft" data-editor-testid="tweetTextarea_0" data-label="Post text"
        data-button="tweetButtonInline" data-placeholder="Post your reply"></div></div></div></div></main></div>`,
    editor: '[data-testid="tweetTextarea_0"]',
    postButton: '[data-testid="tweetButtonInline"]',
  },
  {
    name: 'Facebook (Lexical)',
    url: 'https://www.facebook.com/sam.rivera/posts/pfbid02abcDEFghi',
    script: 'lexical',
    body: `<div role="main" class="col"><div role="article" class="post" aria-posinset="1">
      <div data-ad-rendering-role="profile_name" class="who"><h3><a href="https://www.facebook.com/sam.rivera">Sam Rivera</a></h3></div>
      <div data-ad-rendering-role="story_message"><div data-ad-comet-preview="message">Any tips for a first overnight hike? ${HOSTILE}</div></div>
      <a href="https://www.facebook.com/sam.rivera/posts/pfbid02abcDEFghi">2h</a>
      <form class="box"><div data-editor-mount="lexical" data-attrs='{"role":"textbox","aria-label":"Write a comment…","aria-placeholder":"Write a comment…"}'></div></form>
    </div></div>`,
    editor: '[data-lexical-editor="true"]',
  },
  {
    name: 'Threads (Lexical)',
    url: 'https://www.threads.com/@sam.rivera/post/C9xYz12AbCd',
    script: 'lexical',
    body: `<div class="col"><div data-pressable-container="true" class="post"><a href="/@sam.rivera" class="who">sam.rivera</a>
      <a href="/@sam.rivera/post/C9xYz12AbCd"><time datetime="2025-03-01T10:00:00.000Z">1d</time></a><span dir="auto">Trail mix recipes?</span></div>
      <div role="dialog"><div class="box"><div data-editor-mount="lexical" data-attrs='{"role":"textbox","aria-label":"Empty text field. Type to compose a new post.","aria-placeholder":"Reply to sam.rivera..."}'></div></div></div></div>`,
    editor: '[data-lexical-editor="true"]',
  },
  {
    name: 'LinkedIn v1 (Quill)',
    url: 'https://www.linkedin.com/feed/',
    script: 'quill',
    body: `<div class="col"><div data-urn="urn:li:activity:7200000000000000001" class="feed-shared-update-v2 post">
      <span class="update-components-actor__name"><span aria-hidden="true">Priya Shah</span></span>
      <div class="feed-shared-update-v2__description">What is your favourite repair tip?</div>
      <div class="comments-comment-box"><div class="comments-comment-texteditor box"><div data-editor-mount="quill" data-attrs='{"aria-label":"Text editor for creating content","role":"textbox"}'></div></div></div>
    </div></div>`,
    editor: '.ql-editor',
  },
  {
    name: 'LinkedIn v2 (TipTap/ProseMirror)',
    url: 'https://www.linkedin.com/feed/update/urn:li:activity:7200000000000000002/',
    script: 'tiptap',
    bodyAttrs: 'data-rehydrated="true"',
    body: `<div id="root"><div class="col"><div data-view-name="feed-detail-page" class="post">
      <a data-view-name="feed-actor-image" href="https://www.linkedin.com/in/priya-shah/">Priya Shah</a>
      <div data-view-name="feed-commentary"><span data-testid="expandable-text-box">Repair beats replace.</span></div>
      <div data-view-name="comment-box" aria-label="Text editor for creating comment" class="box"><div data-editor-mount="tiptap" data-attrs='{"role":"textbox","aria-label":"Add a comment…"}'></div></div>
    </div></div></div>`,
    editor: '.ProseMirror',
  },
  {
    name: 'Bluesky (TipTap/ProseMirror)',
    url: 'https://bsky.app/profile/sam.bsky.social/post/3kabcdefghi2x',
    script: 'tiptap',
    body: `<div class="col"><div data-testid="postThreadItem-by-sam.bsky.social" class="post"><a href="/profile/sam.bsky.social" class="who">Sam</a>
      <a href="/profile/sam.bsky.social/post/3kabcdefghi2x">1h</a><div>Best budget tent?</div></div>
      <div role="dialog"><div aria-label="Expand or collapse the full post you are replying to"><div dir="auto">Sam</div></div>
      <div class="box"><div data-editor-mount="tiptap" data-attrs='{"role":"textbox","aria-label":"Rich-Text Editor"}'></div></div></div></div>`,
    editor: '.ProseMirror',
  },
  {
    name: 'Instagram (React-controlled textarea)',
    url: 'https://www.instagram.com/p/C9xYz12AbCd/',
    script: 'textarea',
    body: `<main class="col"><article class="post"><header><a href="/sam.rivera/" class="who">sam.rivera</a></header>
      <a href="/p/C9xYz12AbCd/"><time datetime="2025-03-01T10:00:00.000Z">1d</time></a><span dir="auto">New boots day!</span>
      <section><form class="box"><div data-editor-mount="textarea" data-button-label="Post" data-attrs='{"aria-label":"Add a comment…","placeholder":"Add a comment…"}'></div></form></section>
    </article></main>`,
    editor: 'textarea',
    postButton: 'form .post-button',
  },
  {
    name: 'TikTok (Draft.js in the comment box)',
    url: 'https://www.tiktok.com/@sam.rivera/video/7300000000000000001',
    script: 'draft',
    body: `<div class="col"><div class="post"><a href="/@sam.rivera" data-e2e="browse-username" class="who">sam.rivera</a></div>
      <div data-e2e="comment-input"><div data-editor-mount="draft" data-label="Add comment..." data-placeholder="Add comment..." data-button-label="Post"></div></div></div>`,
    editor: '[data-e2e="comment-input"] [contenteditable="true"]',
  },
  {
    name: 'YouTube (plain contenteditable)',
    url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    script: 'plain',
    body: `<div class="col"><ytd-watch-metadata><div id="owner"><ytd-channel-name><a href="/@fernhill">Fernhill Outdoor</a></ytd-channel-name></div></ytd-watch-metadata>
      <ytd-comments><ytd-comment-simplebox-renderer><ytd-commentbox class="box"><div data-editor-mount="plain"
        data-attrs='{"id":"contenteditable-root","class":"style-scope yt-formatted-string","aria-label":"Add a comment…"}'></div></ytd-commentbox></ytd-comment-simplebox-renderer></ytd-comments></div>`,
    editor: '#contenteditable-root',
  },
  {
    name: 'YouTube Studio (React-controlled textarea)',
    url: 'https://studio.youtube.com/channel/UC1234567890abcdefghijk/comments/inbox',
    script: 'textarea',
    body: `<div class="col"><ytcp-comment-thread><ytcp-comment class="post"><a id="name" href="/channel/UCsam">Sam Rivera</a><div id="content-text">Great video</div>
      <ytcp-commentbox><tp-yt-iron-autogrow-textarea><div data-editor-mount="textarea" data-attrs='{"aria-label":"Reply"}'></div></tp-yt-iron-autogrow-textarea></ytcp-commentbox>
      </ytcp-comment></ytcp-comment-thread></div>`,
    editor: 'ytcp-commentbox textarea',
  },
  {
    name: 'Reddit (shreddit contenteditable)',
    url: 'https://www.reddit.com/r/CampingGear/comments/1abcde/best_budget_tent/',
    script: 'plain',
    body: `<div class="col"><shreddit-post id="t3_1abcde" author="sam_rivera" permalink="/r/CampingGear/comments/1abcde/best_budget_tent/" post-title="Best budget tent?"></shreddit-post>
      <shreddit-composer class="box"><div data-editor-mount="plain" data-attrs='{"role":"textbox","aria-label":"Add a comment"}'></div></shreddit-composer></div>`,
    editor: 'shreddit-composer [contenteditable="true"]',
  },
];

/** An editor that puts back every programmatic change (a stand-in for an editor Brandline cannot write into). */
const REFUSING: Case = {
  name: 'Reddit (an editor that refuses programmatic input)',
  url: 'https://www.reddit.com/r/CampingGear/comments/1abcde/best_budget_tent/',
  script: 'plain',
  body: `<div class="col"><shreddit-post id="t3_1abcde" author="sam_rivera" permalink="/r/CampingGear/comments/1abcde/best_budget_tent/" post-title="Best budget tent?"></shreddit-post>
    <shreddit-composer class="box"><div data-editor-mount="stubborn" data-attrs='{"role":"textbox","aria-label":"Add a comment"}'></div></shreddit-composer></div>`,
  editor: 'shreddit-composer [contenteditable="true"]',
};

function scripts(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of ['draft', 'lexical', 'quill', 'tiptap', 'textarea', 'plain'])
    out[`/__brandline_test/${s}.js`] = readFileSync(join(PAGES_OUT, `${s}.js`), 'utf8');
  return out;
}

async function openCase(session: Session, c: Case): Promise<{ page: Page; errors: string[] }> {
  const page = await session.ctx.newPage();
  const errors = pageErrors(page);
  await serve(session.ctx, c.url, html(c), scripts());
  await page.goto(c.url);
  await page.waitForFunction(() => (window as unknown as { __editors?: unknown[] }).__editors?.length === 1);
  await page.locator(c.editor).waitFor();
  // The content script is running once the voice panel's launcher is on the page.
  await page.locator('[data-brandline="voice-panel"]').waitFor({ state: 'attached' });
  return { page, errors };
}

const editorText = (page: Page) =>
  page.evaluate(() => (window as unknown as { __editors: { text(): string }[] }).__editors[0].text());

/** Geometry of the underline for [start, end) and of the same text in the editor, in viewport pixels. */
async function underlineAndWord(page: Page, c: Case, start: number, end: number) {
  return page.evaluate(
    ([sel, start, end]) => {
      const host = document.querySelector('[data-brandline="draft-check"]');
      const mark = host?.shadowRoot?.querySelector<HTMLElement>(`.bl-mark[data-range="${start}:${end}"]`);
      if (!mark) return null;
      const u = mark.getBoundingClientRect();
      const el = document.querySelector(sel as string)!;
      let word: DOMRect;
      if (el instanceof HTMLTextAreaElement) {
        word = el.getBoundingClientRect(); // text inside a textarea has no DOM range: the underline must sit within it
      } else {
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        let n: Node | null;
        let seen = 0;
        const r = document.createRange();
        while ((n = walker.nextNode())) {
          const len = (n as Text).data.length;
          if (seen + len >= (end as number) && seen <= (start as number)) {
            r.setStart(n, (start as number) - seen);
            r.setEnd(n, (end as number) - seen);
            break;
          }
          seen += len;
        }
        word = r.getBoundingClientRect();
      }
      return { u: { left: u.left, right: u.right, top: u.top, bottom: u.bottom, width: u.width }, w: { left: word.left, right: word.right, top: word.top, bottom: word.bottom, width: word.width }, textarea: el instanceof HTMLTextAreaElement };
    },
    [c.editor, start, end] as const,
  );
}

async function expectUnderlineOver(page: Page, c: Case, start: number, end: number) {
  await expect
    .poll(async () => {
      const g = await underlineAndWord(page, c, start, end);
      if (!g || g.u.width <= 0) return 'no underline';
      if (g.textarea) return g.u.left >= g.w.left && g.u.right <= g.w.right && g.u.top >= g.w.top && g.u.bottom <= g.w.bottom ? 'ok' : JSON.stringify(g);
      const ok = Math.abs(g.u.left - g.w.left) <= 1.5 && Math.abs(g.u.right - g.w.right) <= 1.5 && Math.abs(g.u.bottom - g.w.bottom) <= 3;
      return ok ? 'ok' : JSON.stringify(g);
    })
    .toBe('ok');
}

const fixButton = (page: Page, label: string) => page.locator('[data-brandline="draft-check"] button.bl-fix', { hasText: label });

/** Where the caret is, as an offset into the editor's text (single-line drafts). */
const caretOffset = (page: Page, sel: string) =>
  page.evaluate((sel) => {
    const el = document.querySelector(sel)!;
    if (el instanceof HTMLTextAreaElement) return el.selectionStart;
    const s = document.getSelection()!;
    if (!s.rangeCount || !el.contains(s.focusNode)) return -1;
    const r = document.createRange();
    r.setStart(el, 0);
    r.setEnd(s.focusNode!, s.focusOffset);
    return r.toString().length;
  }, sel);

let session: Session;
beforeAll(async () => {
  session = await launch();
});
afterAll(async () => {
  await session?.close();
});

describe.each(CASES)('$name', (c) => {
  it('underlines the draft, fixes it in the editor state with one click, undoes it with Ctrl+Z, inserts a saved reply', async () => {
    const { page, errors } = await openCase(session, c);
    if (c.postButton) expect(await page.locator(c.postButton).isDisabled()).toBe(true);

    await page.click(c.editor);
    await page.keyboard.type(DRAFT);
    await expect.poll(() => editorText(page)).toBe(DRAFT);

    // The findings: underlines over the words, messages and fixes in the card.
    await expectUnderlineOver(page, c, 4, 13); // "customers"
    await expectUnderlineOver(page, c, 18, 23); // "cheap"
    const card = page.locator('[data-brandline="draft-check"] .bl-card');
    await expect.poll(() => card.textContent()).toContain('Say "members", not "customers"');
    expect(await card.textContent()).toContain('"!!!" looks overexcited');
    expect(await page.locator('[data-brandline="draft-check"]').count()).toBe(1);
    if (c.postButton) {
      // The card sits beside the composer and never covers the platform's own send button.
      const a = (await card.boundingBox())!;
      const b = (await page.locator(c.postButton).boundingBox())!;
      const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
      expect(overlap).toBe(false);
    }

    // A pause, as a person takes before clicking: editors group keystrokes typed in a burst into one undo step.
    await page.waitForTimeout(1100);
    await fixButton(page, 'Replace with "members"').click();
    await expect.poll(() => editorText(page)).toBe(FIXED);
    await expect.poll(() => caretOffset(page, c.editor)).toBe('Our members'.length);
    await expect.poll(() => card.textContent()).not.toContain('Say "members"');
    expect(await page.locator('[data-brandline="draft-check"] [role="alert"]').count()).toBe(0);
    if (c.postButton) expect(await page.locator(c.postButton).isEnabled()).toBe(true);
    // The remaining underline moved with the text ("cheap" now starts at 16).
    await expectUnderlineOver(page, c, 16, 21);

    // Ctrl+Z in the editor undoes the fix (the fix went through the editor's own input pipeline).
    await page.keyboard.press('Control+z');
    await expect.poll(() => editorText(page)).toBe(DRAFT);

    // Saved reply: empty the composer, pick the reply in the voice panel, insert it.
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Backspace');
    await expect.poll(() => editorText(page)).toBe('');
    await page.locator('[data-brandline="voice-panel"] .vp-launcher').click();
    await page.locator('[data-brandline="voice-panel"] .vp-reply', { hasText: 'Thanks for the kind words' }).click();
    const preview = (await page.locator('[data-brandline="voice-panel"] .vp-preview').textContent())!;
    expect(preview).toMatch(/^Thank you, .+! That made the whole team smile\. See you on the trail\. — Fernhill Outdoor$/);
    await page.locator('[data-brandline="voice-panel"] .vp-actions .bl-primary').click();
    await expect.poll(() => editorText(page)).toBe(preview);
    await expect.poll(() => page.locator('[data-brandline="voice-panel"] .vp-panel').count()).toBe(0);
    await expect.poll(() => caretOffset(page, c.editor)).toBe(preview.length);
    if (c.postButton) expect(await page.locator(c.postButton).isEnabled()).toBe(true);

    expect(errors).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __editorErrors: string[] }).__editorErrors)).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await page.close();
  });
});

describe('X specifics', () => {
  it('fills the saved reply with the author being answered, as text (hostile names never run)', async () => {
    const { page, errors } = await openCase(session, CASES[0]);
    await page.click(CASES[0].editor);
    await page.locator('[data-brandline="voice-panel"] .vp-launcher').click();
    await page.locator('[data-brandline="voice-panel"] .vp-reply', { hasText: 'Back in stock?' }).click();
    const preview = await page.locator('[data-brandline="voice-panel"] .vp-preview').textContent();
    expect(preview).toBe(
      'Hi Jane <img src=x onerror="window.__pwned=1"> Doe, not yet — we restock on the first Monday of the month. Want us to ping @janedoe when it lands?',
    );
    await page.locator('[data-brandline="voice-panel"] .vp-actions .bl-primary').click();
    await expect.poll(() => editorText(page)).toBe(preview);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.evaluate(() => document.querySelectorAll('img').length)).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps the underlines on the words while the page scrolls and the window resizes', async () => {
    const c = CASES[0];
    const { page, errors } = await openCase(session, c);
    await page.click(c.editor);
    await page.keyboard.type(DRAFT);
    await expectUnderlineOver(page, c, 4, 13);
    await page.mouse.wheel(0, 120);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await expectUnderlineOver(page, c, 4, 13);
    await page.setViewportSize({ width: 900, height: 700 });
    await expectUnderlineOver(page, c, 4, 13);
    await expectUnderlineOver(page, c, 18, 23);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('never touches the editor DOM: only text the user typed is in it, and Brandline nodes live outside', async () => {
    const c = CASES[0];
    const { page } = await openCase(session, c);
    await page.click(c.editor);
    await page.keyboard.type(DRAFT);
    await page.locator('[data-brandline="draft-check"] .bl-card').waitFor();
    const inside = await page.evaluate((sel) => document.querySelector(sel)!.closest('.DraftEditor-root')!.querySelectorAll('[data-brandline]').length, c.editor);
    expect(inside).toBe(0);
    const ours = await page.evaluate(() => [...document.querySelectorAll('[data-brandline]')].map((e) => e.getAttribute('data-brandline')));
    expect(ours.filter((id) => id === 'draft-check')).toHaveLength(1);
    expect(ours.filter((id) => id === 'voice-panel')).toHaveLength(1);
    // The editor's text nodes are exactly what was typed.
    expect(await page.evaluate((sel) => document.querySelector(sel)!.textContent, c.editor)).toBe(DRAFT);
    await page.close();
  });
});

describe('keyboard', () => {
  it('Alt+Shift+B focuses the card, Tab reaches the fixes, Enter applies one, Esc returns to the editor', async () => {
    const c = CASES[0]; // X (Draft.js): a bare focus() would put Draft's caret at the start
    const { page, errors } = await openCase(session, c);
    await page.click(c.editor);
    await page.keyboard.type(DRAFT);
    await page.locator('[data-brandline="draft-check"] .bl-card').waitFor();
    await page.waitForTimeout(400);
    await page.keyboard.press('Alt+Shift+B');
    const focused = () =>
      page.evaluate(() => {
        const a = document.activeElement;
        const inner = a?.shadowRoot?.activeElement;
        return inner ? `${a!.getAttribute('data-brandline')}:${inner.className}:${inner.textContent?.slice(0, 40)}` : a?.getAttribute('role') ?? a?.tagName;
      });
    await expect.poll(focused).toMatch(/^draft-check:bl-card/);
    await page.keyboard.press('Escape');
    // The caret is back where the user left it: typing continues the draft, even a key pressed right after Esc.
    await page.keyboard.type(' Z');
    await expect.poll(() => editorText(page)).toBe(`${DRAFT} Z`);
    expect(await focused()).toBe('textbox');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await expect.poll(() => editorText(page)).toBe(DRAFT);
    await page.keyboard.press('Alt+Shift+B');
    await expect.poll(focused).toMatch(/^draft-check:bl-card/);
    await page.keyboard.press('Tab'); // collapse toggle
    await page.keyboard.press('Tab'); // first fix
    await expect.poll(focused).toBe('draft-check:bl-btn bl-fix:Replace with "members"');
    await page.keyboard.press('Enter');
    await expect.poll(() => editorText(page)).toBe(FIXED);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('an editor that refuses the fix', () => {
  it('says so and offers the fixed text to copy, without touching the draft or retrying', async () => {
    const c = REFUSING;
    const { page, errors } = await openCase(session, c);
    await session.ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(c.url).origin });
    await page.click(c.editor);
    await page.keyboard.type(DRAFT);
    await fixButton(page, 'Replace with "members"').click();
    const alert = page.locator('[data-brandline="draft-check"] [role="alert"]');
    await expect.poll(() => alert.textContent()).toContain("Couldn't apply the fix in this editor — copy it instead");
    expect(await editorText(page)).toBe(DRAFT);
    await alert.locator('button', { hasText: 'Copy fixed text' }).click();
    await expect.poll(() => alert.textContent()).toContain('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(FIXED);
    expect(await editorText(page)).toBe(DRAFT);
    expect(errors).toEqual([]);
    await page.close();
  });
});
