import { test as base, expect, type Page } from '@playwright/test';
import { makeDataDir, startBrowserMode, type RunningApp } from '../support/browser-mode';
import { E2E_NOW } from '../support/e2e-clock';

interface Fixtures {
  app: RunningApp;
  /** A page signed in to a fresh Offload on an empty data folder. */
  offload: Page;
}

export const test = base.extend<Fixtures>({
  // Playwright requires the fixture's first argument to be a destructuring pattern.
  // eslint-disable-next-line no-empty-pattern
  app: async ({}, use) => {
    const app = await startBrowserMode(makeDataDir());
    await use(app);
    await app.stop();
  },
  // The page's clock starts where the server's does; both run at real speed from there.
  page: async ({ page }, use) => {
    await page.clock.install({ time: new Date(E2E_NOW) });
    await use(page);
  },
  offload: async ({ page, app }, use) => {
    await signIn(page, app.url);
    await use(page);
  },
});

export { expect };

/**
 * Opens Offload at its link and waits until the page has traded the link's token for a session and
 * shows the app: only then may a test call the API as the page (`api`, `callHeaders`).
 */
export async function signIn(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('navigation', { name: 'Screens' })).toBeVisible();
}

/** The session secret a signed-in page holds (renderer/api/session.ts keeps it in sessionStorage). */
export async function sessionOf(page: Page): Promise<string> {
  const session = await page.evaluate(() => window.sessionStorage.getItem('offload.session'));
  if (!session) throw new Error('the page is not signed in');
  return session;
}

/** The headers of a call made as the signed-in page makes it: its origin and its session secret. */
export async function callHeaders(page: Page, origin: string): Promise<Record<string, string>> {
  return { Origin: origin, 'Content-Type': 'application/json', 'X-Offload-Session': await sessionOf(page) };
}

/** Calls the API as the signed-in page does (same origin, same session), for seeding data. */
export async function api<T = unknown>(page: Page, origin: string, name: string, input?: unknown): Promise<T> {
  const response = await page.request.post(`${origin}/api/${name}`, { headers: await callHeaders(page, origin), data: input ?? {} });
  const body = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${name} failed: ${body.error?.message}`);
  return body.value as T;
}

export async function openScreen(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: label }).click();
  await expect(page.getByRole('heading', { level: 1, name: label })).toBeVisible();
}
