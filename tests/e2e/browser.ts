/**
 * The real-browser test bed: Debian's Chromium driven by playwright-core, with the built extension loaded
 * and fixture pages served at the platforms' real addresses through context.route (nothing leaves the machine).
 */
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { mkdtempSync, rmSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');
const DEFAULT_EXTENSION_DIR = EXTENSION_DIR;
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Session {
  ctx: BrowserContext;
  extensionId: string;
  worker: Worker;
  close(): Promise<void>;
  /** Open a Brandline page (options.html, popup.html…) in a tab. */
  openExtensionPage(path: string): Promise<Page>;
}

/** `dir`: another build of the extension (an A/B experiment); the default is the one `npm run build` made. */
export async function launch(opts: { headless?: boolean; extension?: boolean; dir?: string } = {}): Promise<Session> {
  const EXTENSION_DIR = opts.dir ?? DEFAULT_EXTENSION_DIR;
  if (opts.extension !== false && !existsSync(join(EXTENSION_DIR, 'manifest.json')))
    throw new Error(`No built extension in ${EXTENSION_DIR}: run "npm run build" first.`);
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium`);
  const profile = mkdtempSync(join(tmpdir(), 'brandline-e2e-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: opts.headless ?? true,
    viewport: { width: 1280, height: 900 },
    args: [
      ...(opts.extension === false ? [] : [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`]),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  // Nothing may reach the network: every request not routed by a test is refused.
  await ctx.route(/^https?:\/\//, (route) => route.abort('blockedbyclient'));
  let worker: Worker | undefined;
  let extensionId = '';
  if (opts.extension !== false) {
    worker = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker', { timeout: 15_000 }));
    extensionId = new URL(worker.url()).host;
    // First install opens the options page with the demo strategy: wait for the seed, then close that tab.
    await worker.evaluate(async () => {
      for (let i = 0; i < 100; i++) {
        const dbs = await indexedDB.databases();
        if (dbs.some((d) => d.name === 'brandline')) return;
        await new Promise((r) => setTimeout(r, 50));
      }
    });
    // The welcome tab opens right after the seed; wait for it (up to 5 s) so it cannot open later in front of the test's
    // page: a page left in a background tab gets throttled frames, and every wheel turn then waits ~2 s for one.
    const isOptions = (p: Page) => p.url().includes('options.html');
    for (let i = 0; i < 100 && !ctx.pages().some(isOptions); i++) await new Promise((r) => setTimeout(r, 50));
    for (const p of ctx.pages()) if (isOptions(p)) await p.close().catch(() => {});
  }
  return {
    ctx,
    extensionId,
    worker: worker!,
    async close() {
      await ctx.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
    async openExtensionPage(path: string) {
      const page = await ctx.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
  };
}

export function fixture(platform: string, file: string): string {
  return readFileSync(join(ROOT, 'tests/fixtures', platform, file), 'utf8');
}

/**
 * Serve html at url (its path) in this context, plus `extra` files by path. Other paths fall through to
 * earlier routes (several pages can be served on one host), and finally to the catch-all that refuses them.
 */
export async function serve(ctx: BrowserContext, url: string, html: string, extra: Record<string, string> = {}) {
  const u = new URL(url);
  await ctx.route(`${u.origin}/**`, (route) => {
    const p = new URL(route.request().url());
    const body = p.pathname === u.pathname ? html : extra[p.pathname];
    if (body === undefined) return route.fallback();
    const type = p.pathname.endsWith('.js') ? 'text/javascript' : p.pathname.endsWith('.css') ? 'text/css' : 'text/html';
    return route.fulfill({ status: 200, contentType: type, body });
  });
}

/** Collect page errors (uncaught exceptions) so tests can assert the page kept working. */
export function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

/** Read from the extension's database, inside the service worker. */
export async function dbQuery<T>(worker: Worker, table: string, fn: 'toArray' | 'count' = 'toArray'): Promise<T> {
  return worker.evaluate(
    async ([table, fn]) => {
      const req = indexedDB.open('brandline');
      const db: IDBDatabase = await new Promise((res, rej) => {
        req.onsuccess = () => res(req.result);
        req.onerror = () => rej(req.error);
      });
      const store = db.transaction(table, 'readonly').objectStore(table);
      const r = fn === 'count' ? store.count() : store.getAll();
      const out = await new Promise((res, rej) => {
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      db.close();
      return out;
    },
    [table, fn] as const,
  ) as Promise<T>;
}

/** Wait until fn() returns a truthy value (for hooks, where expect.poll is not available). */
export async function until<T>(fn: () => Promise<T> | T, { timeout = 10_000, message = 'condition' } = {}): Promise<T> {
  const end = Date.now() + timeout;
  let last: T;
  do {
    last = await fn();
    if (last) return last;
    await new Promise((r) => setTimeout(r, 100));
  } while (Date.now() < end);
  throw new Error(`Timed out after ${timeout} ms waiting for ${message} (last value: ${String(last)})`);
}
