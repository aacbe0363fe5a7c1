// Shared e2e helpers: launch Debian's Chromium (never a downloaded browser), watch for page
// errors and for the API key leaking into URLs or console output, sign in through the page.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

// axe-core (npm, pinned): the WCAG rules, contrast included, run inside the page.
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const AXE_SOURCE = readFileSync(AXE, 'utf8');

export const BASE = process.env.E2E_BASE_URL;
export const KEY = process.env.E2E_API_KEY;
export const BIN = process.env.E2E_BIN;
export const DATA_DIR = process.env.E2E_DATA_DIR;
export const RTMP_PORT = process.env.E2E_RTMP_PORT;
/// The server's response shapes (`serve --api-shape`, scripts/e2e.sh runs each): `full` (this
/// project's contract), `documented` (only what the public docs show, GET /organisation 404)
/// or `documented-org` (GET /organisation answers name and hash only). Assertions differ only
/// where the documented shapes legitimately tell the console less.
export const SHAPE = process.env.E2E_API_SHAPE || 'full';
export const DOCUMENTED = SHAPE !== 'full';
/// Whether GET /organisation reports the organisation's name.
export const ORG_NAME = SHAPE !== 'documented';

export async function launch() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--no-first-run', '--autoplay-policy=no-user-gesture-required'],
  });
}

/// A page that records console lines, page errors and every URL it requested. `options` are
/// Playwright context options (e.g. `{ reducedMotion: 'reduce' }`).
export async function watchedPage(browser, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const log = { console: [], errors: [], urls: [] };
  page.on('console', (m) => log.console.push(m.text()));
  page.on('pageerror', (e) => log.errors.push(String(e)));
  page.on('request', (r) => log.urls.push(r.url()));
  return { context, page, log };
}

/// Fails if the page threw, the page's CSP blocked something, or a secret shows up in a URL
/// or a console line.
export function assertClean(log, secrets = [KEY]) {
  // A wasm panic surfaces as 'RuntimeError: unreachable'; its message is a console line
  // (console_error_panic_hook), so the failure names it.
  const panics = log.console.filter((c) => c.includes('panicked at'));
  assert.deepEqual(log.errors, [], `page errors${panics.length ? `; ${panics.join('; ')}` : ''}`);
  // Chromium reports what the Content-Security-Policy blocked as console errors.
  assert.deepEqual(log.console.filter((c) => c.includes('Content Security Policy')), [], 'CSP violations');
  for (const s of secrets) {
    for (const u of log.urls) assert.ok(!u.includes(s), `secret in URL ${u}`);
    for (const c of log.console) assert.ok(!c.includes(s), `secret in console: ${c}`);
  }
}

export async function signIn(page, key = KEY, { kind = 'API key' } = {}) {
  if (!page.url().includes('/signin')) await page.goto(`${BASE}/signin`);
  await page.getByLabel(kind, { exact: true }).first().check();
  await page.locator('#secret').fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function shot(page, name) {
  const suffix = SHAPE === 'full' ? '' : `-${SHAPE}`;
  await page.screenshot({ path: `e2e/out/${name}${suffix}.png`, fullPage: true });
}

/// Fails with a readable list if axe-core finds WCAG 2.x A/AA violations in the page as it is
/// now (contrast, names of controls, ARIA use, landmarks…). `what` names the screen.
export async function assertAccessible(page, what) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) {
    // Run through the DevTools protocol, not as a <script> tag: the pages' CSP (bintu-local
    // page_headers.rs) allows no inline script but the app's own bootstrap.
    await page.evaluate(AXE_SOURCE);
  }
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3)
      .map((n) => n.target.join(' ')).join(' | ')}${v.nodes.length > 3 ? ` and ${v.nodes.length - 3} more` : ''}`);
  });
  assert.deepEqual(violations, [], `${what}: accessibility violations`);
}
