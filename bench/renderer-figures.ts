/**
 * The renderer's figures, measured in Debian's Chromium (Playwright) against the built browser
 * mode on the benchmark's data: for each screen, a cold load (HTTP cache off) from navigation to its
 * content and the long tasks on the way; the initial JavaScript; and, after scrolling through
 * thousands of tasks, the JS heap and the task rows in the DOM.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { NOW, TIME_ZONE } from './dataset';
import { amountLine, amountsLine, type Line } from './report';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** What "content" is on each screen: its data drawn, not just its frame. */
const SCREENS = [
  { id: 'today', label: 'Today', content: '.figures' },
  { id: 'tasks', label: 'Tasks', content: 'ul[aria-label="Tasks"] > li' },
  { id: 'week', label: 'Week plan', content: '.week-grid' },
  { id: 'msp', label: 'MSP', content: 'table tbody tr' },
  { id: 'insights', label: 'Insights', content: '#reclaimed-title' },
] as const;

/**
 * Runs before any page script: notes when the awaited content first appears and every long task,
 * with the browser's own clock (the page's clock is left real so performance.now is too).
 */
const PROBE = `(() => {
  const probe = { contentAt: null, longTasks: [] };
  window.__offloadBench = probe;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probe.longTasks.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask', buffered: true });
  const check = () => {
    const selector = sessionStorage.getItem('offload-bench-content');
    if (probe.contentAt === null && selector && document.querySelector(selector)) probe.contentAt = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
})();`;

interface Probe {
  contentAt: number | null;
  longTasks: [number, number][];
}

async function startServer(dataDir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/server/cli.mjs'), '--data-dir', dataDir, '--port', '0', '--clock', new Date(NOW).toISOString()], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TZ: TIME_ZONE },
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser mode did not start:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`browser mode exited with ${code}:\n${output}`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function coldLoad(context: BrowserContext, origin: string, screen: (typeof SCREENS)[number]): Promise<{ contentMs: number; longTaskMs: number; page: Page }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await page.goto(`${origin}/blank-for-bench`).catch(() => undefined);
  await page.evaluate((selector) => (globalThis as unknown as { sessionStorage: { setItem(key: string, value: string): void } }).sessionStorage.setItem('offload-bench-content', selector), screen.content);
  await page.goto(`${origin}/#/${screen.id}`);
  await page.waitForFunction(() => (globalThis as unknown as { __offloadBench?: Probe }).__offloadBench?.contentAt != null, undefined, { timeout: 60_000 });
  const probe = await page.evaluate(() => (globalThis as unknown as { __offloadBench: Probe }).__offloadBench);
  const contentMs = probe.contentAt!;
  const longTaskMs = probe.longTasks.filter(([start]) => start < contentMs).reduce((total, [, duration]) => total + duration, 0);
  await cdp.detach();
  return { contentMs, longTaskMs, page };
}

export async function rendererFigures(dataDir: string, runs: number): Promise<Line[]> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(path.join(ROOT, 'dist/server/cli.mjs')) || !fs.existsSync(executablePath)) {
    return [amountLine(`renderer figures skipped: no build or no Chromium at ${executablePath}`, 0, '', null)];
  }
  const server = await startServer(dataDir);
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-precise-memory-info'],
  });
  const lines: Line[] = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US', timezoneId: TIME_ZONE });
    await context.addInitScript(PROBE);
    const signIn = await context.newPage();
    await signIn.goto(server.url);
    const origin = new URL(server.url).origin;
    // Each measured load is a new tab, and a tab keeps its session secret in sessionStorage (see
    // renderer/api/session.ts): every tab starts with it, as a reloaded tab would.
    await signIn.waitForFunction(() => (globalThis as unknown as { sessionStorage: Storage }).sessionStorage.getItem('offload.session') !== null);
    const secret = await signIn.evaluate(() => (globalThis as unknown as { sessionStorage: Storage }).sessionStorage.getItem('offload.session'));
    await context.addInitScript((value) => {
      const storage = (globalThis as unknown as { sessionStorage: Storage }).sessionStorage;
      if (storage.getItem('offload.session') === null) storage.setItem('offload.session', value);
    }, secret!);
    await signIn.close();

    for (const screen of SCREENS) {
      const content: number[] = [];
      const longTasks: number[] = [];
      for (let run = 0; run < runs + 2; run += 1) {
        const { contentMs, longTaskMs, page } = await coldLoad(context, origin, screen);
        await page.close();
        if (run < 2) continue;
        content.push(contentMs);
        longTasks.push(longTaskMs);
      }
      lines.push(amountsLine(`${screen.label}: navigation → content, cold load`, content, { on: 'p50', atMost: 800 }));
      lines.push(amountsLine(`${screen.label}: long tasks before content (total)`, longTasks, null));
    }

    // The JavaScript a cold load of Today fetches before its content, as sent and as gzip would send it.
    const { page: today, contentMs } = await coldLoad(context, origin, SCREENS[0]);
    const scripts = await today.evaluate((before) =>
      performance
        .getEntriesByType('resource')
        .filter((entry) => entry.name.endsWith('.js') && entry.startTime < before)
        .map((entry) => ({ url: entry.name, sent: (entry as unknown as { encodedBodySize: number }).encodedBodySize })),
    contentMs);
    // Today's two lists of up to 100 tasks each: the rows drawn against the rows she has.
    const todayRows = await today.locator('ul[aria-label="Planned for today"] > li, ul[aria-label="Overdue"] > li').count();
    const todayTasks = await today.evaluate(() =>
      Array.from((globalThis as unknown as { document: { querySelectorAll(selector: string): ArrayLike<{ getAttribute(name: string): string | null }> } }).document
        .querySelectorAll('ul[aria-label="Planned for today"], ul[aria-label="Overdue"]'))
        .map((list) => Number((list as unknown as { querySelector(selector: string): { getAttribute(name: string): string | null } | null }).querySelector('li')?.getAttribute('aria-setsize') ?? 0))
        .reduce((sum, size) => sum + size, 0));
    await today.close();
    lines.push(amountLine('Today: task rows in the DOM', todayRows, '', null, todayTasks > 0 ? `of ${todayTasks} in its two lists` : 'lists not virtualised'));
    let gzipped = 0;
    let sent = 0;
    for (const script of scripts) {
      const file = path.join(ROOT, 'dist/renderer', new URL(script.url).pathname);
      gzipped += zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
      sent += script.sent;
    }
    lines.push(amountLine('initial JavaScript before Today’s content, gzipped', gzipped / 1024, 'KB', 250, `${scripts.length} files`));
    lines.push(amountLine('initial JavaScript before Today’s content, bytes on the wire', sent / 1024, 'KB', null, 'what browser mode sent'));

    // Scroll through 5,000 tasks (50 pages of 100) and see what the page holds.
    const tasks = await context.newPage();
    await tasks.goto(`${origin}/#/tasks`);
    await tasks.getByRole('group', { name: 'Show' }).getByRole('button', { name: 'All' }).click();
    // The task list's scrolling box: the one that holds the list named Tasks.
    const list = tasks.locator('.task-scroller').filter({ has: tasks.locator('ul[aria-label="Tasks"]') });
    await list.waitFor();
    // Counts stop at 1,000: a longer list's rows say aria-setsize -1 (unknown), as ARIA asks.
    await tasks.waitForFunction(() => {
      const size = Number((globalThis as unknown as { document: { querySelector(selector: string): { getAttribute(name: string): string | null } | null } }).document
        .querySelector('ul[aria-label="Tasks"] > li')?.getAttribute('aria-setsize'));
      return size === -1 || size > 1_000;
    });
    const scrollStarted = performance.now();
    while (performance.now() - scrollStarted < 180_000) {
      const loaded = await tasks.locator('ul[aria-label="Tasks"] > li').last().getAttribute('aria-posinset');
      if (Number(loaded) >= 5_000) break;
      await list.evaluate((node: { scrollTo(x: number, y: number): void; scrollHeight: number }) => node.scrollTo(0, node.scrollHeight));
      await tasks.waitForTimeout(50);
    }
    const scrolledMs = performance.now() - scrollStarted;
    const cdp = await context.newCDPSession(tasks);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const heap = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0;
    const nodes = metrics.find((metric) => metric.name === 'Nodes')?.value ?? 0;
    const rows = await tasks.locator('ul[aria-label="Tasks"] > li').count();
    const position = await tasks.locator('ul[aria-label="Tasks"] > li').last().getAttribute('aria-posinset');
    lines.push(amountLine('scrolling to the 5,000th task (50 pages loaded in turn)', scrolledMs, 'ms', null, `reached row ${position}`));
    lines.push(amountLine('JS heap after scrolling 5,000 tasks (after GC)', heap / 1024 / 1024, 'MB', null, `at row ${position}`));
    lines.push(amountLine('task rows in the DOM after scrolling 5,000 tasks', rows, '', 60, `${Math.round(nodes).toLocaleString('en-US')} DOM nodes in all`));
    await tasks.close();
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
  }
  return lines;
}
