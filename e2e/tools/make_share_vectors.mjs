// Re-implementation of the official nanocosmos/replay 1.23.0 library functions that build and
// read share links (getShareUrl, decodeShareUrl, getEmbedUrl, getFFMPEGCommandLine), written
// from dashboard-ui.md §3.3 with the browser's own btoa/atob, parseFloat, parseInt, toFixed
// and toISOString. It is the JavaScript side of the compatibility test (tests/share_compat.rs).
//
//   node e2e/tools/make_share_vectors.mjs > tests/fixtures/share_vectors.json   (once; committed)
//   node e2e/tools/make_share_vectors.mjs --decode < codes.txt                  (used by the test)
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';

const BUCKET = 'https://bintu-vod.nanocosmos.de/vod/replay';
const PAGE_ROOT = 'https://replay.nanocosmos.de';
const PAGE_PATH = 'live-replay/replayer';

function resolvedHlsUrl(streamName, session) {
  const abr = streamName.endsWith('-abr');
  const base = abr ? streamName.slice(0, -4) : streamName;
  return `${BUCKET}/${base}${abr ? '-abr' : ''}${session ? '-' + session : ''}.m3u8`;
}

export function getShareUrl(streamName, cueIn, cueOut, session) {
  if (!(cueIn >= 0 && cueOut && cueOut > cueIn)) return '';
  const b64 = btoa(`${streamName}|${cueIn}|${cueOut}|${session || ''}`).split('=')[0];
  return `${PAGE_ROOT}/${PAGE_PATH}?share=${b64}`;
}

export function decodeShareUrl(code) {
  try {
    const [streamName, cueInS, cueOutS, sessionS] = atob(code).split('|');
    if (streamName.length > 128) throw new Error('name too long');
    const cueIn = parseFloat(cueInS);
    let cueOut = parseFloat(cueOutS);
    if (isNaN(cueIn) || isNaN(cueOut)) throw new Error('bad cue');
    if (cueOut < cueIn + 5) cueOut = cueIn + 5;
    const session = parseInt(sessionS, 10) || undefined;
    return { streamName, cueIn, cueOut, session };
  } catch (e) {
    return {};
  }
}

export function getEmbedUrl(streamName, cueIn, cueOut, session) {
  if ((!cueIn && !cueOut) || !session) return '';
  if (!(cueIn >= 0 && cueOut >= 0 && cueOut > cueIn)) return '';
  const from = new Date(parseFloat(cueIn) * 1000 + parseInt(session)).toISOString();
  const to = new Date(parseFloat(cueOut) * 1000 + parseInt(session)).toISOString();
  return `${PAGE_ROOT}/${PAGE_PATH}?streamname=${streamName}&from=${from}&to=${to}&session=${session}`;
}

export function getFFMPEGCommandLine(streamName, cueIn, cueOut, session) {
  if (!(cueIn >= 0 && cueOut && cueOut > cueIn)) return '';
  return `ffmpeg -ss ${cueIn.toFixed(3)} -to ${cueOut.toFixed(3)} -i ${resolvedHlsUrl(streamName, session)} -c copy -y shared.mp4`;
}

// Decoded values as strings (String(x) keeps every bit of a double and handles Infinity).
function decodedJson(code) {
  const d = decodeShareUrl(code);
  if (!('streamName' in d)) return null;
  return { streamName: d.streamName, cueIn: String(d.cueIn), cueOut: String(d.cueOut),
    session: d.session === undefined ? null : String(d.session) };
}

// A small deterministic generator, so the committed fixture can be regenerated identically.
let seed = 20250628;
function rnd() { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; }
function pick(s, n) { let o = ''; for (let i = 0; i < n; i++) o += s[Math.floor(rnd() * s.length)]; return o; }
const AZ = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

// The official getEmbedUrl throws (RangeError) on out-of-range dates: recorded as null.
function attempt(f) { try { return f(); } catch (e) { return null; } }

function makeVectors() {
  const inputs = [
    ['abcde-fghij', 10, 60, 1712345678901],
    ['abcde-fghij-abr', 0, 10, 1712345678901],
    ['abcde-fghij', 12.48, 14.02, 1712345678901],
    ['abcde-fghij', 0.1 + 0.2, 7.000000000000001, 1712345678901],
    ['abcde-fghij', 0, 30, null],
    ['abcde-fghij', 0.0625, 0.1875, 1],
    ['abcde-fghij', 2.5e-7, 1e21, 1712345678901],
    ['abcde-fghij', -1, 10, 1712345678901],
    ['abcde-fghij', 10, 10, 1712345678901],
    ['abcde-fghij', 5, 0, 1712345678901],
    ['n'.repeat(129), 1, 9, 5],
  ];
  for (let i = 0; i < 40; i++) {
    const name = `${pick(AZ, 5)}-${pick(AZ, 5)}${rnd() < 0.3 ? '-abr' : ''}`;
    const cueIn = rnd() < 0.5 ? Math.floor(rnd() * 3600) : rnd() * 3600;
    const cueOut = cueIn + (rnd() < 0.5 ? Math.ceil(rnd() * 60) : rnd() * 60);
    const session = rnd() < 0.1 ? null : 1700000000000 + Math.floor(rnd() * 1e11);
    inputs.push([name, cueIn, cueOut, session]);
  }
  const encode = inputs.map(([name, cueIn, cueOut, session]) => ({
    name, cueIn: String(cueIn), cueOut: String(cueOut), session: session === null ? null : String(session),
    shareUrl: getShareUrl(name, cueIn, cueOut, session ?? undefined),
    embedUrl: attempt(() => getEmbedUrl(name, cueIn, cueOut, session ?? undefined)),
    ffmpeg: getFFMPEGCommandLine(name, cueIn, cueOut, session ?? undefined),
  }));
  const codes = [
    ...encode.map((e) => e.shareUrl.split('share=')[1]).filter(Boolean),
    'YWJjZGUtZmdoaWp8MTB8NjB8MTcxMjM0NTY3ODkwMQ==', ' YWJjZGUt\nZmdoaWp8MTB8NjB8MTcxMjM0NTY3ODkwMQ ',
    'YWJjZGUtZmdoaWp8MTB8NjB8MTcxMjM0NTY3ODkwM', 'YWJjZGUtZmdoaWp8MTB8NjB8MTcxMjM0NTY3OD',
    'YWJjZGUtZmdoaWp8MTB8NjB8MTcxMjM0NTY3', '', 'Y', 'YQ', 'YQ=', 'YQ==', '!!!!', 'YWJj=ZGU',
    btoa('x-y|12.5s|1e2|0'), btoa('x-y| 3|20|17abc|extra'), btoa('x-y|a|20|1'), btoa('x-y|1'),
    btoa('|1|9|1'), btoa('x-y|Infinity|1|1'), btoa('x-y|5.|.5e1|-3'), btoa('x-y|1|2|99999999999999999999'),
    btoa(`${'n'.repeat(128)}|1|9|1`), btoa(`${'n'.repeat(129)}|1|9|1`), btoa('caf\u00e9-x|1|20|3'),
  ];
  const decode = codes.map((code) => ({ code, decoded: decodedJson(code) }));
  return { source: 'e2e/tools/make_share_vectors.mjs (official getShareUrl/decodeShareUrl per dashboard-ui.md §3.3)', encode, decode };
}

const main = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href;
if (main && process.argv.includes('--decode')) {
  // One code a line in, one JSON line out: the Rust test checks codes it made decode here.
  const rl = createInterface({ input: process.stdin });
  for await (const line of rl) console.log(JSON.stringify(decodedJson(line)));
} else if (main) {
  console.log(JSON.stringify(makeVectors(), null, 1));
}
