// First visit on a slow mobile network (run by scripts/bench/first_visit.sh): Chromium's
// network emulation at Lighthouse's "Slow 4G" (150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up)
// through CDP, a new browser context per run (cold cache), RUNS runs, medians printed.
// - console, signed out, `/`: first contentful paint; sign-in usable (the app's form is
//   mounted: the static shell is gone and the API key field takes input); bytes transferred;
//   layout shift (CLS) up to then;
// - console, signed in (credential in session storage), `/stream/<id>`: first contentful
//   paint, the overview's processing table rendered;
// - replay pages, a share-link viewer (`/replay/player?streamname=…`): first contentful
//   paint, the replayer mounted, bytes transferred until the network is idle.
// Timings belong here, not in tests.
import { launch } from '../support.mjs';

const BASE = process.env.E2E_BASE_URL;
const KEY = process.env.E2E_API_KEY;
const STREAM = process.env.BENCH_STREAM_ID;
const STREAMNAME = process.env.BENCH_STREAMNAME;
const RUNS = Number(process.env.RUNS || 7);
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const browser = await launch();

/// A cold page on Slow 4G that counts the bytes it receives and the layout shifts.
async function coldPage(init) {
  const context = await browser.newContext();
  if (init) await context.addInitScript(init.fn, init.arg);
  await context.addInitScript(() => {
    window.__cls = 0;
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  const bytes = { total: 0 };
  cdp.on('Network.loadingFinished', (e) => { bytes.total += e.encodedDataLength; });
  return { context, page, bytes };
}

const fcp = (page) => page.waitForFunction(() =>
  performance.getEntriesByName('first-contentful-paint')[0]?.startTime, null, { polling: 50 })
  .then((h) => h.jsonValue());
const when = (page, fn) => page.waitForFunction(fn, null, { polling: 'raf', timeout: 30000 })
  .then((h) => h.jsonValue());

// The credential as the console stores it, taken from one real sign-in.
async function storedCredential() {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${BASE}/signin`);
  await page.getByLabel('API key', { exact: true }).first().check();
  await page.locator('#secret').fill(KEY);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/stream$/);
  const v = await page.evaluate(() => sessionStorage.getItem('nano-console.credentials'));
  await context.close();
  return v;
}

const rows = { fcp: [], usable: [], bytes: [], cls: [], oFcp: [], table: [], rFcp: [], rMount: [], rBytes: [] };
const credential = await storedCredential();
for (let i = 0; i < RUNS; i++) {
  {
    const { context, page, bytes } = await coldPage();
    await page.goto(`${BASE}/`, { waitUntil: 'commit' });
    rows.usable.push(await when(page, () => !document.getElementById('shell')
      && document.querySelector('#secret') && !document.querySelector('#secret').disabled && performance.now()));
    rows.fcp.push(await fcp(page));
    await page.waitForLoadState('networkidle');
    rows.bytes.push(bytes.total);
    rows.cls.push(await page.evaluate(() => window.__cls));
    await context.close();
  }
  {
    const { context, page } = await coldPage({
      fn: (c) => { if (!sessionStorage.getItem('nano-console.credentials')) sessionStorage.setItem('nano-console.credentials', c); },
      arg: credential,
    });
    await page.goto(`${BASE}/stream/${STREAM}`, { waitUntil: 'commit' });
    rows.table.push(await when(page, () => document.querySelector('.processing-table tbody tr') && performance.now()));
    rows.oFcp.push(await fcp(page));
    await context.close();
  }
  {
    const { context, page, bytes } = await coldPage();
    await page.goto(`${BASE}/replay/player?streamname=${STREAMNAME}`, { waitUntil: 'commit' });
    rows.rMount.push(await when(page, () => !document.getElementById('shell')
      && document.querySelector('main.replayer') && performance.now()));
    rows.rFcp.push(await fcp(page));
    await page.waitForLoadState('networkidle');
    rows.rBytes.push(bytes.total);
    await context.close();
  }
}
await browser.close();

const ms = (xs) => `median ${median(xs).toFixed(0)} ms (runs ${xs.map((x) => x.toFixed(0)).join(' ')})`;
console.log(`Slow 4G (150 ms RTT, 1.6 Mbit/s), cold cache, ${RUNS} runs each`);
console.log(`console /: first contentful paint ${ms(rows.fcp)} (goal <= 500)`);
console.log(`console /: sign-in usable ${ms(rows.usable)} (goal <= 2000)`);
console.log(`console /: bytes received ${median(rows.bytes)} B, layout shift (CLS) median ${median(rows.cls).toFixed(4)}`);
console.log(`console /stream/<id> signed in: first contentful paint ${ms(rows.oFcp)}`);
console.log(`console /stream/<id> signed in: processing table rendered ${ms(rows.table)}`);
console.log(`replay /replay/player: first contentful paint ${ms(rows.rFcp)}`);
console.log(`replay /replay/player: replayer mounted ${ms(rows.rMount)}`);
console.log(`replay /replay/player: bytes received ${median(rows.rBytes)} B`);
