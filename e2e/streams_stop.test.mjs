// Stop Stream on a live stream, as a user would click it, in every API shape (the documented
// shapes answer the stop with an empty 200: the console must take that as success and
// refetch): the question first, then the badge leaves LIVE, the publisher is cut off, and the
// session's recording is listed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { BASE, KEY, BIN, DATA_DIR, RTMP_PORT, launch, watchedPage, assertClean, signIn } from './support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('Stop Stream asks first, ends the live ingest and the page shows it ended', { timeout: 180_000 }, async () => {
  const r = await fetch(`${BASE}/stream`, {
    method: 'POST',
    headers: { 'X-BINTU-APIKEY': KEY, 'Content-Type': 'application/json' },
    body: JSON.stringify({ tags: ['e2e-stop'], processing: [[{ id: 'rec' }]] }),
  });
  assert.equal(r.status, 200);
  const s = await r.json();
  const streamname = s.ingest.rtmp.streamname;
  // Long enough that only the Stop can end it within the test's time.
  const child = spawn(BIN, ['--data-dir', DATA_DIR, 'publish', streamname, '--seconds', '150',
    '--size', '640x360', '--url', `rtmp://127.0.0.1:${RTMP_PORT}/live`], { stdio: 'ignore' });
  const exited = new Promise((resolve) => child.on('exit', () => resolve(true)));
  try {
    const { page, log, context } = await watchedPage(browser);
    await page.goto(`${BASE}/stream/${s.id}`);
    await page.waitForURL(/\/signin\?next=/);
    await signIn(page);
    await page.waitForURL(new RegExp(`/stream/${s.id}$`));
    await page.locator('.state-badge--live').waitFor({ timeout: 60_000 });
    // Saying no changes nothing.
    page.once('dialog', (d) => d.dismiss());
    await page.getByRole('button', { name: 'Stop Stream' }).click();
    await page.waitForTimeout(500);
    assert.equal(await page.locator('.state-badge--live').count(), 1, 'still live after No');
    let asked = '';
    page.once('dialog', (d) => { asked = d.message(); d.accept(); });
    await page.getByRole('button', { name: 'Stop Stream' }).click();
    assert.match(asked, /Stop the live ingest now\?/);
    await page.locator('.state-badge--live').waitFor({ state: 'detached', timeout: 30_000 });
    assert.equal(await page.getByRole('alert').count(), 0, 'no error shown for the stop');
    const cut = await Promise.race([exited, new Promise((res) => setTimeout(() => res(false), 30_000))]);
    assert.equal(cut, true, 'the publisher was disconnected');
    assertClean(log);
    await context.close();
  } finally {
    child.kill('SIGINT');
  }
});
