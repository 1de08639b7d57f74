import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Envelope } from '../../shared/api/errors';
import { callHeaders, expect, openScreen, sessionOf, test } from './fixtures';

const SCREENSHOTS = path.resolve(import.meta.dirname, '../../test-results/screenshots');

/** Another web server on 127.0.0.1, as any local dev server is: it records what the browser sends it, and can toss cookies. */
async function anotherLocalServer() {
  const seen: http.IncomingHttpHeaders[] = [];
  const server = http.createServer((request, response) => {
    seen.push(request.headers);
    const toss = request.url === '/toss';
    response.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      ...(toss ? { 'Set-Cookie': ['offload_session=x; Path=/api', 'offload_session=y; Path=/'] } : {}),
    });
    response.end('<!doctype html><title>Another app</title><p>Another app</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, seen, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

test('the API refuses a caller without the session', async ({ app, playwright }) => {
  const outsider = await playwright.request.newContext();
  const response = await outsider.post(`${app.origin}/api/tasks:list`, {
    headers: { Origin: app.origin, 'Content-Type': 'application/json' },
    data: {},
  });
  expect(response.status()).toBe(401);
  expect(((await response.json()) as Envelope<never>)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  await outsider.dispose();
});

test('the API refuses a call from another origin even with the session', async ({ offload: page, app }) => {
  const response = await page.request.post(`${app.origin}/api/tasks:list`, {
    headers: { ...(await callHeaders(page, app.origin)), Origin: 'http://evil.example' },
    data: {},
  });
  expect(response.status()).toBe(403);
});

test('the server refuses requests addressed to another host name (DNS rebinding)', async ({ app, playwright }) => {
  const outsider = await playwright.request.newContext();
  const response = await outsider.get(`${app.origin}/`, { headers: { Host: 'attacker.example' } });
  expect(response.status()).toBe(421);
  await outsider.dispose();
});

test('a wrong token in the sign-in link is refused', async ({ page, app }) => {
  const response = await page.goto(`${app.origin}/?token=not-the-token`);
  expect(response?.status()).toBe(403);
});

test('after signing in, another server on 127.0.0.1 receives neither the sign-in token nor the session', async ({ offload: page, app, context }) => {
  const token = new URL(app.url).searchParams.get('token')!;
  const session = await sessionOf(page);
  expect(page.url()).toBe(`${app.origin}/`);
  expect(await context.cookies()).toStrictEqual([]);
  const other = await anotherLocalServer();
  await page.goto(`${other.origin}/`);
  await page.goto(`${other.origin}/api/tasks:list`);
  const sent = JSON.stringify(other.seen);
  // The two pages, and whatever else the browser asks for there (a favicon).
  expect(other.seen.length).toBeGreaterThanOrEqual(2);
  expect(sent).not.toContain(token);
  expect(sent).not.toContain(session);
  expect(other.seen.filter((headers) => headers.cookie !== undefined)).toStrictEqual([]);
  await other.close();
});

test('cookies tossed by another 127.0.0.1 port do not lock her out', async ({ offload: page, app }) => {
  const other = await anotherLocalServer();
  await page.goto(`${other.origin}/toss`);
  await page.goto(`${app.origin}/`);
  await expect(page.getByRole('navigation', { name: 'Screens' })).toBeVisible();
  await openScreen(page, 'Tasks');
  await page.keyboard.press('n');
  const dialog = page.getByRole('dialog', { name: 'Quick add' });
  await dialog.getByLabel('Task in one line').fill('Check the switch logs');
  await dialog.getByRole('button', { name: 'Add task' }).click();
  await expect(page.getByRole('list', { name: 'Tasks' })).toContainText('Check the switch logs');
  await other.close();
});

test('a reload keeps her signed in, and a new tab takes the session from an open one', async ({ offload: page, app }) => {
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Screens' })).toBeVisible();
  const second = await page.context().newPage();
  await second.goto(`${app.origin}/`);
  await expect(second.getByRole('navigation', { name: 'Screens' })).toBeVisible();
});

test('a tab at the bare address with no signed-in tab to ask says how to sign in', async ({ browser, app }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${app.origin}/`);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Offload' })).toBeVisible();
  await expect(page.getByText('This page is not signed in to the running Offload. Open the link printed when Offload started.')).toBeVisible();
  expect(await new AxeBuilder({ page }).analyze().then((results) => results.violations)).toStrictEqual([]);
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await page.screenshot({ path: path.join(SCREENSHOTS, `sign-in-${theme}.png`) });
  }
  await context.close();
});

test('the sign-in link at localhost is moved to 127.0.0.1, where the app works', async ({ page, app }) => {
  await page.goto(app.url.replace('127.0.0.1', 'localhost'));
  await expect(page.getByRole('navigation', { name: 'Screens' })).toBeVisible();
  expect(page.url()).toBe(`${app.origin}/`);
});

test('a body over the limit gets a 413 the page can read, not a reset connection', async ({ offload: page, app }) => {
  const headers = await callHeaders(page, app.origin);
  const answer = await page.evaluate(async (headers) => {
    const response = await fetch('./api/tasks:create', { method: 'POST', headers, body: JSON.stringify({ title: 'x', notes: 'n'.repeat(50 * 1024 * 1024) }) });
    return { status: response.status, body: (await response.json()) as unknown };
  }, headers);
  expect(answer).toStrictEqual({
    status: 413,
    body: { ok: false, error: { code: 'VALIDATION', message: 'The request is 50 MB; Offload accepts at most 8 MB in one call.' } },
  });
});

test('pages carry a strict Content-Security-Policy, in the header and in the page, and the app runs under it', async ({ page, app }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) violations.push(message.text());
  });
  const response = await page.goto(app.url);
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('unsafe-eval');
  expect(csp).not.toContain('blob:');
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta).toContain("script-src 'self'");
  expect(meta).not.toContain('frame-ancestors');
  await expect(page.getByRole('navigation', { name: 'Screens' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: /Settings/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  expect(violations).toEqual([]);
});

test('a malformed call gets a specific validation error and changes nothing', async ({ offload: page, app }) => {
  const headers = await callHeaders(page, app.origin);
  const response = await page.request.post(`${app.origin}/api/tasks:create`, { headers, data: { title: '', estimateMinutes: -5, sneaky: true } });
  const body = (await response.json()) as Envelope<unknown>;
  if (body.ok) throw new Error('the malformed call was accepted');
  expect(body.error.code).toBe('VALIDATION');
  const fields = (body.error.issues ?? []).map((issue) => issue.field);
  expect(fields).toEqual(expect.arrayContaining(['title', 'estimateMinutes']));
  const list = await page.request.post(`${app.origin}/api/tasks:list`, { headers, data: {} });
  expect(((await list.json()) as Envelope<{ total: number }>)).toMatchObject({ ok: true, value: { total: 0 } });
});
