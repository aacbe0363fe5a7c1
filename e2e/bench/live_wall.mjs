// Live wall benchmark (run by scripts/bench/live_wall.sh against a seeded bintu-local with 50
// live streams): opens /live, waits for the 50 tiles, then for 60 s records Chromium's script
// time (CDP ScriptDuration) and every request, and prints the script time per poll and the
// requests per minute by kind. Timings belong here, not in tests.
import { launch, signIn } from '../support.mjs';

const BASE = process.env.E2E_BASE_URL;
const WINDOW_MS = 60_000;

const browser = await launch();
const context = await browser.newContext();
const page = await context.newPage();
await page.goto(`${BASE}/`);
await signIn(page);
await page.waitForURL(/\/stream$/);
await page.goto(`${BASE}/live?tag=bench-wall`);
await page.waitForFunction(() => document.querySelectorAll('li.live-tile img').length === 50,
  null, { timeout: 60_000 });
const cdp = await context.newCDPSession(page);
await cdp.send('Performance.enable');
const requests = [];
page.on('request', (r) => requests.push(r.url()));
const metric = async (name) =>
  (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === name).value;
const s0 = await metric('ScriptDuration');
const t0 = Date.now();
await page.waitForTimeout(WINDOW_MS);
const s1 = await metric('ScriptDuration');
const minutes = (Date.now() - t0) / 60_000;
const polls = requests.filter((u) => /\/stream\?.*state=live/.test(u)).length;
const jpg = requests.filter((u) => /\.jpg(\?|$)/.test(u)).length;
const gif = requests.filter((u) => /\.gif(\?|$)/.test(u)).length;
const other = requests.length - polls - jpg - gif;
const perPoll = ((s1 - s0) * 1000) / Math.max(polls, 1);
console.log(`live wall, 50 live streams, pictures ${process.env.BENCH_SCENARIO}:`);
console.log(`  script time per poll ${perPoll.toFixed(1)} ms (ScriptDuration ${((s1 - s0) * 1000).toFixed(0)} ms over ${polls} polls in ${(minutes * 60).toFixed(0)} s)`);
console.log(`  requests per minute: ${(requests.length / minutes).toFixed(1)} total = list ${(polls / minutes).toFixed(1)}, thumbnails ${(jpg / minutes).toFixed(1)}, motion clips ${(gif / minutes).toFixed(1)}, other ${(other / minutes).toFixed(1)}`);
await browser.close();
