import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackendEvent, SourcedEvent } from '../../shared/api/events';
import { startBrowserServer, type BrowserServer } from '../../electron/browser-mode/server';
import { openTestBackend, tempDir, type TestBackend } from '../support/temp-backend';

let app: TestBackend;
beforeEach(() => {
  app = openTestBackend();
});
afterEach(() => app.close());

function record(): SourcedEvent[] {
  const events: SourcedEvent[] = [];
  app.backend.subscribe((event) => events.push(event));
  return events;
}

describe('the backend’s changed events', () => {
  it('announce the aggregates a write declares, after it committed, with the caller’s source', async () => {
    const events = record();
    const envelope = await app.backend.dispatch('delegations:create', { categoryId: 3, startDay: '2026-11-01' }, { source: 'ipc:7' });
    expect(envelope.ok).toBe(true);
    expect(events).toStrictEqual([{ type: 'changed', aggregates: ['delegations', 'tasks'], source: 'ipc:7' }]);
  });

  it('tell the workload figures when marking a task unplanned re-files its logged time', async () => {
    const task = await app.call('tasks:create', { title: 'Printer jam', categoryId: 1 });
    app.setNow(app.now() + 3_600_000);
    await app.call('timeEntries:create', { worker: 'me', categoryId: 1, taskId: task.id, startAt: app.now() - 1_800_000, endAt: app.now() - 600_000 });
    const before = await app.call('workload:weeks', { from: '2026-11-16', to: '2026-11-16' });
    const events = record();
    await app.call('tasks:update', { id: task.id, unplanned: true });
    const after = await app.call('workload:weeks', { from: '2026-11-16', to: '2026-11-16' });
    // The call announces the aggregate workload:weeks reads, so a window showing it refreshes.
    expect(events).toStrictEqual([{ type: 'changed', aggregates: ['tasks', 'timeEntries'], source: null }]);
    expect([before[0]?.unplannedHours, after[0]?.unplannedHours]).toStrictEqual([0, 20 / 60]);
  });

  it('say nothing for a read, or for a write that failed and changed nothing', async () => {
    const events = record();
    await app.backend.dispatch('tasks:list', {});
    await app.backend.dispatch('tasks:create', { title: '' });
    await app.backend.dispatch('tasks:update', { id: 999, title: 'Nope' });
    expect(events).toStrictEqual([]);
  });

  it('tell every window when her day changes and undated tasks or occurrences may have moved', async () => {
    await app.call('tasks:list', {});
    const events = record();
    app.setNow(Date.parse('2026-11-17T14:00:00Z'));
    await app.call('tasks:list', {});
    expect(events).toStrictEqual([{ type: 'changed', aggregates: ['tasks', 'recurring'], source: null }]);
  });
});

describe('the browser-mode event stream', () => {
  let server: BrowserServer;
  let session: string;

  beforeEach(async () => {
    const rendererDir = tempDir('offload-renderer-');
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Offload</title>');
    server = await startBrowserServer({ backend: app.backend, rendererDir, token: 'a'.repeat(43) });
    const signIn = await fetch(`${server.origin}/api/session`, { method: 'POST', headers: { Origin: server.origin, 'X-Offload-Sign-In': 'a'.repeat(43) } });
    session = ((await signIn.json()) as { value: { session: string } }).value.session;
  });
  afterEach(() => server.close());

  const headers = (client?: string) => ({
    Origin: server.origin,
    'X-Offload-Session': session,
    'Content-Type': 'application/json',
    ...(client ? { 'X-Offload-Client': client } : {}),
  });

  /** Opens the stream as the page does and collects the events it carries. */
  async function openStream(client: string) {
    const controller = new AbortController();
    const response = await fetch(`${server.origin}/api/events`, { method: 'POST', headers: headers(client), body: '{}', signal: controller.signal });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const received: BackendEvent[] = [];
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    const pump = (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          buffer += decoder.decode(value, { stream: true });
          for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (block.startsWith('data: ')) received.push(JSON.parse(block.slice(6)) as BackendEvent);
          }
        }
      } catch {
        // aborted
      }
    })();
    const waitFor = async (count: number) => {
      for (let tries = 0; received.length < count && tries < 100; tries += 1) await new Promise((resolve) => setTimeout(resolve, 10));
      return received;
    };
    return { waitFor, close: async () => { controller.abort(); await pump; } };
  }

  it('tells a second page about a write the first made, and the first that it was its own', async () => {
    const first = await openStream('page-one-0001');
    const second = await openStream('page-two-0002');
    const call = await fetch(`${server.origin}/api/tasks:create`, { method: 'POST', headers: headers('page-one-0001'), body: JSON.stringify({ title: 'Patch the print server' }) });
    expect(((await call.json()) as { ok: boolean }).ok).toBe(true);
    expect(await first.waitFor(1)).toStrictEqual([{ type: 'changed', aggregates: ['tasks'], self: true }]);
    expect(await second.waitFor(1)).toStrictEqual([{ type: 'changed', aggregates: ['tasks'], self: false }]);
    await first.close();
    await second.close();
  });

  it('tells an open page about a write made through the API directly', async () => {
    const page = await openStream('page-one-0001');
    await fetch(`${server.origin}/api/categories:create`, { method: 'POST', headers: headers(), body: JSON.stringify({ name: 'Phones', color: '#123456' }) });
    expect(await page.waitFor(1)).toStrictEqual([{ type: 'changed', aggregates: ['categories'], self: false }]);
    await page.close();
  });

  it('is refused without the session, like every call', async () => {
    const response = await fetch(`${server.origin}/api/events`, {
      method: 'POST',
      headers: { Origin: server.origin, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(401);
  });
});
