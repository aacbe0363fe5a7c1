// Share link to first frame: opens a share link of an ended local session RUNS times and
// measures, in the page's own clock (ms since navigation start), when the first video frame
// of the clip is presented (requestVideoFrameCallback after `playing`). "cold" = a new
// browser context each time (empty cache: wasm, hls.js and media all fetched); "warm" = the
// same context opened again. Prints min / median / max. Env: E2E_BASE_URL, E2E_API_KEY,
// E2E_BIN, E2E_DATA_DIR, E2E_RTMP_PORT (scripts/local-server.sh), RUNS (default 10).
import { spawn } from 'node:child_process';
import { launch, BASE, KEY, BIN, DATA_DIR, RTMP_PORT } from '../support.mjs';
import { getShareUrl } from '../tools/make_share_vectors.mjs';

const RUNS = Number(process.env.RUNS || 10);

async function createStream() {
  const res = await fetch(`${BASE}/stream`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-BINTU-APIKEY': KEY },
    body: JSON.stringify({ processing: [[{ id: 'replay', duration: null }]] }),
  });
  return (await res.json()).ingest.rtmp.streamname;
}

function publish(name, seconds) {
  const child = spawn(BIN, ['--data-dir', DATA_DIR, 'publish', name, '--seconds', String(seconds),
    '--size', '1280x720', '--url', `rtmp://127.0.0.1:${RTMP_PORT}/live`], { stdio: 'ignore' });
  return new Promise((resolve) => child.on('exit', resolve));
}

async function firstFrame(context, url) {
  const page = await context.newPage();
  await page.addInitScript(() => {
    document.addEventListener('playing', (e) => {
      const v = e.target;
      if (window.__firstFrame || !v.requestVideoFrameCallback) return;
      v.requestVideoFrameCallback(() => { window.__firstFrame ??= performance.now(); });
    }, true);
  });
  await page.goto(url);
  await page.waitForFunction(() => window.__firstFrame, null, { timeout: 20000 });
  const ms = await page.evaluate(() => window.__firstFrame);
  await page.close();
  return ms;
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return `min ${s[0].toFixed(0)} ms, median ${s[Math.floor(s.length / 2)].toFixed(0)} ms, max ${s[s.length - 1].toFixed(0)} ms (n=${s.length})`;
};

const name = await createStream();
await publish(name, 20);
const current = await (await fetch(`${BASE}/vod/replay/${name}.m3u8`)).text();
const session = Number(/#EXT-X-NANO-PLAYLIST[:\s]+\s*([^\s]+)/.exec(current)[1].match(/(\d+)\.m3u8/)[1]);
// The official encoder, pointed at this server's replayer route: clip 6 s..14 s.
const url = getShareUrl(name, 6, 14, session).replace('https://replay.nanocosmos.de/live-replay/replayer', `${BASE}/replay/player`);
const browser = await launch();
const cold = [];
const warm = [];
for (let i = 0; i < RUNS; i++) {
  const context = await browser.newContext();
  cold.push(await firstFrame(context, url));
  warm.push(await firstFrame(context, url));
  await context.close();
}
await browser.close();
console.log(`share link: ${url}`);
console.log(`cold (new context): ${stats(cold)}`);
console.log(`warm (cached):      ${stats(warm)}`);
