import type { Envelope } from '../../shared/api/errors';
import { expect, test } from './fixtures';

test('the API refuses a caller without the session cookie', async ({ app, playwright }) => {
  const outsider = await playwright.request.newContext();
  const response = await outsider.post(`${app.origin}/api/tasks:list`, {
    headers: { Origin: app.origin, 'Content-Type': 'application/json' },
    data: {},
  });
  expect(response.status()).toBe(401);
  expect(((await response.json()) as Envelope<never>)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  await outsider.dispose();
});

test('the API refuses a call from another origin even with the cookie', async ({ offload: page, app }) => {
  const response = await page.request.post(`${app.origin}/api/tasks:list`, {
    headers: { Origin: 'http://evil.example', 'Content-Type': 'application/json' },
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

test('pages carry a strict Content-Security-Policy and the app runs under it', async ({ page, app }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) violations.push(message.text());
  });
  const response = await page.goto(app.url);
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('unsafe-eval');
  await expect(page.getByRole('navigation', { name: 'Screens' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: /Settings/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  expect(violations).toEqual([]);
});

test('a malformed call gets a specific validation error and changes nothing', async ({ offload: page, app }) => {
  const response = await page.request.post(`${app.origin}/api/tasks:create`, {
    headers: { Origin: app.origin, 'Content-Type': 'application/json' },
    data: { title: '', estimateMinutes: -5, sneaky: true },
  });
  const body = (await response.json()) as Envelope<unknown>;
  if (body.ok) throw new Error('the malformed call was accepted');
  expect(body.error.code).toBe('VALIDATION');
  const fields = (body.error.issues ?? []).map((issue) => issue.field);
  expect(fields).toEqual(expect.arrayContaining(['title', 'estimateMinutes']));
  const list = await page.request.post(`${app.origin}/api/tasks:list`, {
    headers: { Origin: app.origin, 'Content-Type': 'application/json' },
    data: {},
  });
  expect(((await list.json()) as Envelope<{ total: number }>)).toMatchObject({ ok: true, value: { total: 0 } });
});
