// Console rendering benchmark (run by scripts/bench/console.sh against a seeded bintu-local):
// 1. navigation → Live Processing table rendered, overview of a group with 100 recordings;
// 2. script time of the stream list rendering 250 streams (in-app navigation, CDP metrics).
// Prints medians of several runs; timings belong here, not in tests.
import { launch, signIn } from '../support.mjs';

const BASE = process.env.E2E_BASE_URL;
const GROUP = process.env.BENCH_GROUP_ID;
const RUNS = 7;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const browser = await launch();
const context = await browser.newContext();
const page = await context.newPage();
await page.goto(`${BASE}/organisation`);
await page.waitForURL(/\/signin/);
// What a first visit actually transfers (bintu-local serves the precompressed build).
const wire = await page.evaluate(() => performance.getEntriesByType('resource')
  .filter((e) => /\.(wasm|js|css)$/.test(e.name) && !e.name.includes('/vendor/'))
  .reduce((s, e) => ({ encoded: s.encoded + e.encodedBodySize, decoded: s.decoded + e.decodedBodySize }),
    { encoded: 0, decoded: 0 }));
await signIn(page);
await page.waitForURL(/\/organisation$/);

// 1. Full navigation (wasm boot, org + stream fetch, render) to the table, then expanding
// the 100 recordings.
const toTable = [];
const toRecordings = [];
for (let i = 0; i < RUNS; i++) {
  await page.goto(`${BASE}/stream/${GROUP}`);
  const t = await page.waitForFunction(() =>
    document.querySelectorAll('.processing-table tbody .cell-links').length === 4 && performance.now(),
  null, { polling: 'raf' });
  toTable.push(await t.jsonValue());
  const links = await page.locator('tbody[data-kind=rec] .cell-links').textContent();
  if (links.trim() !== '100') throw new Error(`expected 100 recordings, table says ${links}`);
  const t0 = await page.evaluate(() => performance.now());
  await page.locator('tbody[data-kind=rec] .row-toggle').click();
  const t1 = await page.waitForFunction(() =>
    document.querySelectorAll('.recording-row').length === 100 && performance.now(), null, { polling: 'raf' });
  toRecordings.push((await t1.jsonValue()) - t0);
}

// 2. In-app navigation to a 250-row list; script time from Chromium's own counters.
const cdp = await context.newCDPSession(page);
await cdp.send('Performance.enable');
const script = [];
const wall = [];
for (let i = 0; i < RUNS; i++) {
  await page.goto(`${BASE}/organisation`);
  await page.getByTestId('org-page-name').waitFor();
  const before = await cdp.send('Performance.getMetrics');
  const w0 = await page.evaluate(() => performance.now());
  await page.evaluate(() => {
    history.pushState(null, '', '/stream?tag=bench-list&per_page=250');
    dispatchEvent(new PopStateEvent('popstate'));
  });
  const w1 = await page.waitForFunction(() =>
    document.querySelectorAll('.stream-table tbody tr').length === 250 && performance.now(), null, { polling: 'raf' });
  wall.push((await w1.jsonValue()) - w0);
  const after = await cdp.send('Performance.getMetrics');
  const get = (m) => m.metrics.find((x) => x.name === 'ScriptDuration').value;
  script.push((get(after) - get(before)) * 1000);
}
await browser.close();

const f = (x) => x.toFixed(1);
console.log(`first visit in Chromium, wasm + JS + CSS over the wire: ${wire.encoded} B (decoded ${wire.decoded} B)`);
console.log(`overview (group, 100 recordings): navigation → table rendered, median ${f(median(toTable))} ms (goal <= 300), runs ${toTable.map(f).join(' ')}`);
console.log(`overview: expand 100 recordings, median ${f(median(toRecordings))} ms`);
console.log(`stream list, 250 streams: script time median ${f(median(script))} ms (goal <= 100), wall to rendered median ${f(median(wall))} ms`);
