/**
 * `npx tsx bench/console-load.ts [--runs 7]` (after `npm run build`): the web console's size and
 * first load, as docs/console.md states them. Prints the gzip size of what /account loads (its
 * index.html and the scripts and styles it references), then starts the built server (as
 * `npm start` runs it: dist/server/main.mjs, a fresh SQLite database, cookie mode on) and opens
 * /account in headless Chromium with an empty cache each run: the time until the sign-in page's
 * heading has the focus (the app is usable), median and worst of the runs.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { root, start } from './processes.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' } } });
const runs = Math.max(1, Number(values.runs));

const dist = join(root, 'dist/console');
const html = readFileSync(join(dist, 'account/index.html'));
const assets = [...html.toString().matchAll(/(?:src|href)="\/console\/assets\/([^"]+)"/g)].map((m) => m[1]!);
let raw = html.length;
let gzip = gzipSync(html).length;
for (const name of assets) {
  const body = readFileSync(join(dist, 'assets', name));
  raw += body.length;
  gzip += gzipSync(body, { level: 9 }).length;
  console.log(`${name}: ${(body.length / 1024).toFixed(1)} KB, gzip ${(gzipSync(body, { level: 9 }).length / 1024).toFixed(1)} KB`);
}
console.log(`/account loads ${assets.length + 1} files: ${(raw / 1024).toFixed(1)} KB, ${(gzip / 1024).toFixed(1)} KB gzipped`);

const dataDir = mkdtempSync(join(tmpdir(), 'gatehouse-console-load-'));
const server = await start(
  join(root, 'dist/server/main.mjs'),
  {
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'info',
    DATABASE_URL: `file:${join(dataDir, 'db.sqlite')}`,
    MAIL_DIR: join(dataDir, 'mail'),
    AUTH_COOKIES: 'true',
    AUTH_COOKIE_SECURE: 'false',
    CONSOLE: 'on',
  },
  /"url":"(http:\/\/[^"]+)\/graphql"/,
);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const times: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/account`);
    // Polled on every animation frame: the time since navigation start when the heading got the focus.
    const ms = await (
      await page.waitForFunction(() => (document.activeElement?.tagName === 'H1' ? performance.now() : 0), undefined, { polling: 'raf' })
    ).jsonValue();
    await context.close();
    if (i > 0) times.push(ms); // the first run warms the server's file reads
  }
  times.sort((a, b) => a - b);
  console.log(
    `first load to a usable sign-in page (${runs} cold-cache runs): median ${times[Math.floor(times.length / 2)]!.toFixed(0)} ms, worst ${times.at(-1)!.toFixed(0)} ms`,
  );
} finally {
  await browser.close();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
