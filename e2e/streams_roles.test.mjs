// The Edit modal's keyboard behaviour (Esc asks "Discard changes?" when edited, Cancel,
// Confirm applies at once on a stream that is not live) and the read-only role's disabled
// controls with their reason, against bintu-local. In the documented shapes GET /organisation
// reports no role and no packages: the console offers the action and shows the API's refusal.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { BASE, KEY, BIN, DATA_DIR, DOCUMENTED, launch, watchedPage, assertClean, signIn, assertAccessible } from './support.mjs';

let browser;
let streamId;
async function createStream() {
  const r = await fetch(`${BASE}/stream`, {
    method: 'POST',
    headers: { 'X-BINTU-APIKEY': KEY, 'Content-Type': 'application/json' },
    body: JSON.stringify({ tags: ['e2e-roles'], processing: [[{ id: 'thumbs', interval: 30 }]] }),
  });
  assert.equal(r.status, 200);
  return (await r.json()).id;
}
before(async () => {
  browser = await launch();
  streamId = await createStream();
});
after(async () => { await browser?.close(); });

/// The demo organisation's token of `role`, as `bintu-local key list` prints it.
function demoToken(role) {
  const out = execFileSync(BIN, ['--data-dir', DATA_DIR, 'key', 'list'], { encoding: 'utf8' });
  const demo = out.split(/\n(?=\S)/).find((b) => b.startsWith('Demo Organisation'));
  return demo.match(new RegExp(`${role}\\s+token \\(X-BINTU-TOKEN\\): (\\S+)`))[1];
}

async function openOverview(page, key, kind, id = streamId) {
  await page.goto(`${BASE}/stream/${id}`);
  await page.waitForURL(/\/signin\?next=/);
  await signIn(page, key, kind ? { kind } : undefined);
  await page.waitForURL(new RegExp(`/stream/${id}$`));
  await page.locator('.processing-table').waitFor();
}

test('Edit modal: Esc with edits asks first, Cancel closes, Confirm saves', async () => {
  const { page, log, context } = await watchedPage(browser);
  await openOverview(page, KEY);
  await page.getByRole('button', { name: 'Edit Options' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  assert.equal(await page.evaluate(() => !!document.activeElement.closest('dialog')), true, 'focus moves into the modal');
  assert.equal(await dialog.getByRole('button', { name: 'Confirm Changes' }).isDisabled(), true, 'nothing changed yet');
  await dialog.locator('#pc-0-thumbs-interval').fill('4000');
  await dialog.locator('#pc-0-thumbs-interval-error')
    .filter({ hasText: 'Enter a whole number between 10 and 3600 seconds' }).waitFor();
  assert.equal(await dialog.getByRole('button', { name: 'Confirm Changes' }).isDisabled(), true);
  await assertAccessible(page, 'edit modal with a validation error');
  await dialog.locator('#pc-0-thumbs-interval').fill('40');
  // Esc with edits: the user is asked; saying no keeps the modal and the edit.
  let asked = '';
  page.once('dialog', (d) => { asked = d.message(); d.dismiss(); });
  await page.keyboard.press('Escape');
  assert.equal(asked, 'Discard changes?');
  assert.equal(await dialog.isVisible(), true);
  assert.equal(await dialog.locator('#pc-0-thumbs-interval').inputValue(), '40');
  page.once('dialog', (d) => d.accept());
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement.id), 'edit-options', 'focus returns to Edit Options');
  assert.equal((await page.locator('tbody[data-kind=thumbs] .cell-interval').textContent()).trim(), '30');
  // Confirm on a stream that is not live: applied at once, no pending banner.
  await page.getByRole('button', { name: 'Edit Options' }).click();
  await dialog.locator('#pc-0-thumbs-interval').fill('45');
  await dialog.getByLabel('Recording for Passthrough').check();
  await dialog.getByRole('button', { name: 'Confirm Changes' }).click();
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement.id), 'edit-options', 'focus returns after saving');
  await page.locator('tbody[data-kind=thumbs] .cell-interval').filter({ hasText: '45' }).waitFor();
  assert.equal((await page.locator('tbody[data-kind=rec] .cell-duration').textContent()).trim(), 'ENTIRE STREAM');
  assert.equal(await page.getByTestId('pending-banner').count(), 0);
  // Switching everything off shows the empty pattern, whose button opens the modal again.
  await page.getByRole('button', { name: 'Edit Options' }).click();
  await dialog.getByLabel('Thumbnail for Passthrough').uncheck();
  await dialog.getByLabel('Recording for Passthrough').uncheck();
  await dialog.getByRole('button', { name: 'Confirm Changes' }).click();
  await page.getByTestId('no-processing').waitFor();
  await page.getByRole('button', { name: 'Enable processing' }).click();
  await dialog.getByRole('heading', { name: 'Edit Live Processing' }).waitFor();
  assertClean(log);
  await context.close();
});

test('lock, unlock and delete ask first and update the page', async () => {
  const id = await createStream();
  const { page, log, context } = await watchedPage(browser);
  await openOverview(page, KEY, undefined, id);
  // Saying no to the question changes nothing.
  page.once('dialog', (d) => d.dismiss());
  await page.getByRole('button', { name: 'Lock Stream' }).click();
  assert.equal(await page.locator('.state-badge--locked').count(), 0);
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: 'Lock Stream' }).click();
  await page.locator('.state-badge--locked').waitFor();
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: 'Unlock Stream' }).click();
  await page.locator('.state-badge--locked').waitFor({ state: 'detached' });
  let asked = '';
  page.once('dialog', (d) => { asked = d.message(); d.accept(); });
  await page.getByRole('button', { name: 'Delete Stream' }).click();
  await page.waitForURL(/\/stream$/);
  assert.match(asked, /Delete this stream\?/);
  await page.locator('.stream-table').waitFor();
  assert.equal(await page.getByRole('link', { name: id }).count(), 0);
  assertClean(log);
  await context.close();
});

test(`read-only role: ${DOCUMENTED ? 'a refused delete shows the API message' : 'edit, delete and create are disabled with the reason'}`, async () => {
  const token = demoToken('nanoReadOnly');
  const { page, log, context } = await watchedPage(browser);
  await openOverview(page, token, 'Bintu token');
  if (DOCUMENTED) {
    page.once('dialog', (d) => d.accept());
    await page.getByRole('button', { name: 'Delete Stream' }).click();
    await page.getByRole('alert').filter({ hasText: 'Access denied' }).waitFor();
    assert.match(page.url(), new RegExp(`/stream/${streamId}$`));
    await page.locator('.processing-table').waitFor();
    assertClean(log, [KEY, token]);
    await context.close();
    return;
  }
  const edit = page.getByRole('button', { name: 'Edit Options' });
  assert.equal(await edit.isDisabled(), true);
  assert.equal(await edit.getAttribute('title'), 'Your role (nanoReadOnly) cannot change processing settings');
  assert.match(await page.locator('#edit-reason').textContent(), /cannot change processing settings/);
  assert.equal(await page.getByRole('button', { name: 'Delete Stream' }).isDisabled(), true);
  await assertAccessible(page, 'read-only overview');
  await page.getByRole('link', { name: 'Create stream' }).click();
  await page.getByText('Your role (nanoReadOnly) cannot create streams.').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Create new Stream' }).isDisabled(), true);
  assertClean(log, [KEY, token]);
  await context.close();
});

test(`without the Live Processing package, ${DOCUMENTED ? 'create shows the API refusal' : 'create and overview show "Upgrade needed" instead of controls'}`, async () => {
  const out = execFileSync(BIN, ['--data-dir', DATA_DIR, 'org', 'create', 'No Processing Org', '--no-processing'],
    { encoding: 'utf8' });
  const key = out.match(/API key \(X-BINTU-APIKEY\): (\S+)/)[1];
  const { page, log, context } = await watchedPage(browser);
  await page.goto(`${BASE}/stream/create`);
  await page.waitForURL(/\/signin\?next=/);
  await signIn(page, key);
  await page.waitForURL(/\/stream\/create$/);
  if (DOCUMENTED) {
    // Unknown is not off: the cards are offered, the API's refusal is shown, the form kept.
    await page.getByLabel('Thumbnail for Passthrough').check();
    await page.getByRole('button', { name: 'Create new Stream' }).click();
    await page.getByRole('alert').filter({ hasText: 'Organisation is not enabled' }).waitFor();
    assert.match(page.url(), /\/stream\/create$/);
    assert.equal(await page.getByLabel('Thumbnail for Passthrough').isChecked(), true);
    assertClean(log, [KEY, key]);
    await context.close();
    return;
  }
  await page.getByTestId('upgrade-needed').filter({ hasText: 'Live Processing is not enabled' }).waitFor();
  assert.equal(await page.locator('.option-card').count(), 0);
  await assertAccessible(page, 'create without the package');
  await page.getByRole('button', { name: 'Create new Stream' }).click();
  await page.waitForURL(/\/stream\/new\//);
  await page.getByRole('link', { name: 'See Stream Overview' }).click();
  await page.getByTestId('upgrade-needed').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Edit Options' }).count(), 0);
  assertClean(log, [KEY, key]);
  await context.close();
});

test('a failed create keeps everything as typed and shows the API message', async () => {
  const { page, log, context } = await watchedPage(browser);
  await page.goto(`${BASE}/stream/create`);
  await page.waitForURL(/\/signin\?next=/);
  await signIn(page);
  await page.waitForURL(/\/stream\/create$/);
  // The API refuses this one create (as a full Bintu would on a quota), everything else is real.
  await page.route(`${BASE}/stream`, (route) => route.request().method() === 'POST'
    ? route.fulfill({ status: 403, contentType: 'application/json; charset=utf-8',
      body: JSON.stringify({ error: { code: 2001, message: 'Stream quota reached', userinfo: {} } }) })
    : route.continue());
  await page.locator('#tag-input').fill('kept-tag');
  await page.locator('#tag-input').press('Enter');
  await page.getByLabel('Thumbnail for Passthrough').check();
  await page.locator('#pc-0-thumbs-interval').fill('45');
  await page.getByRole('button', { name: 'Create new Stream' }).click();
  await page.getByRole('alert').filter({ hasText: 'Stream quota reached' }).waitFor();
  assert.match(page.url(), /\/stream\/create$/);
  assert.equal(await page.locator('#pc-0-thumbs-interval').inputValue(), '45');
  assert.match(await page.locator('.tag-input__chips').textContent(), /kept-tag/);
  assert.equal(await page.getByRole('button', { name: 'Create new Stream' }).isDisabled(), false, 'the user can retry');
  await assertAccessible(page, 'create after a failure');
  assertClean(log);
  await context.close();
});
