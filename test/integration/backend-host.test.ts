import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import type { DesktopStatus } from '../../shared/api/desktop-views';
import type { SourcedEvent } from '../../shared/api/events';
import { startBackendWorker, type BackendHostOptions, type HostedBackend } from '../../electron/backend/backend-host';
import { CLEAN_CLOSE_FILE, RUN_MARKER_FILE } from '../../electron/backend/run-marker';
import { tempDir } from '../support/temp-backend';

const START = Date.parse('2026-11-16T14:00:00Z');
const opened: HostedBackend[] = [];
const dirs: string[] = [];

/** The real backend in the real worker bundle (global-setup.ts builds it as scripts/build.mjs does). */
async function host(options: Partial<BackendHostOptions> = {}, dataDir = tempDir('offload-host-')): Promise<{ backend: HostedBackend; dataDir: string }> {
  dirs.push(dataDir);
  const backend = await startBackendWorker({
    workerFile: inject('backendWorkerFile'),
    dataDir,
    mode: 'browser',
    version: '0.0.0-test',
    now: () => START,
    automaticBackups: false,
    dataWorkerFile: inject('dataWorkerFile'),
    ...options,
  });
  opened.push(backend);
  return { backend, dataDir };
}

const probe = (options: Partial<BackendHostOptions> = {}) => host({ workerFile: inject('backendWorkerProbeFile'), ...options });

afterEach(async () => {
  for (const backend of opened.splice(0)) await backend.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the backend in its worker thread', () => {
  it('answers a call through the worker with the handler’s result', async () => {
    const { backend } = await host();
    const created = await backend.dispatch('tasks:create', { title: 'Renew the firewall licence' });
    expect(created).toMatchObject({ ok: true, value: { title: 'Renew the firewall licence', status: 'open' } });
    expect(await backend.dispatch('tasks:list', {})).toMatchObject({ ok: true, value: { total: 1 } });
  });

  it('returns a failed call’s error envelope as the dispatcher made it', async () => {
    const { backend } = await host();
    expect(await backend.dispatch('tasks:get', { id: 4242 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const invalid = await backend.dispatch('tasks:create', { title: '' });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ field: 'title' }] } });
    expect(await backend.dispatch('no:such', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CALL' } });
  });

  it('reads the host’s clock: her day is the host’s, not the machine’s', async () => {
    const { backend } = await host({ now: () => Date.parse('2001-01-01T12:00:00Z') });
    await backend.dispatch('settings:update', { timeZone: 'UTC' });
    expect(await backend.dispatch('today:summary', undefined)).toMatchObject({ ok: true, value: { today: '2001-01-01' } });
  });

  it('forwards every event to the host’s subscribers with the caller’s source, so a window’s own change is marked self', async () => {
    const { backend } = await host();
    const events: SourcedEvent[] = [];
    backend.subscribe((event) => events.push(event));
    await backend.dispatch('tasks:create', { title: 'Call Bob' }, { source: 'ipc:7' });
    await backend.dispatch('categories:create', { name: 'Printers', color: '#336699', kind: 'operational' });
    // The event of a write is sent before its reply, so it is here by the time the call returns.
    expect(events).toStrictEqual([
      { type: 'changed', aggregates: ['tasks'], source: 'ipc:7' },
      { type: 'changed', aggregates: expect.arrayContaining(['categories']), source: null },
    ]);
  });

  it('mirrors her settings on the host, updated before any subscriber hears the change', async () => {
    const { backend } = await host();
    expect(backend.settings.get().closeToTray).toBe(false);
    const seen: boolean[] = [];
    backend.subscribe((event) => {
      if (event.type === 'changed' && event.aggregates.includes('settings')) seen.push(backend.settings.get().closeToTray);
    });
    expect(await backend.dispatch('settings:update', { closeToTray: true })).toMatchObject({ ok: true });
    expect(seen).toStrictEqual([true]);
    expect(backend.settings.get().closeToTray).toBe(true);
    expect(backend.settings.file).toBe(path.join(dirs[0]!, 'config.json'));
  });

  it('writes shell state through the worker’s one settings store into config.json, and reads it back on the next start', async () => {
    const { backend, dataDir } = await host();
    const bounds = { x: 10, y: 20, width: 900, height: 700, maximized: false };
    backend.settings.setShellState('window', bounds);
    expect(backend.settings.getShellState('window')).toStrictEqual(bounds);
    await backend.dispatch('settings:update', { theme: 'dark' });
    await backend.close();
    const file = JSON.parse(fs.readFileSync(path.join(dataDir, 'config.json'), 'utf8')) as { shell: unknown; settings: { theme: string } };
    expect(file.shell).toStrictEqual({ window: bounds });
    expect(file.settings.theme).toBe('dark');
    const { backend: again } = await host({}, dataDir);
    expect(again.settings.getShellState('window')).toStrictEqual(bounds);
    expect(again.settings.get().theme).toBe('dark');
  });

  it('closes by folding the WAL in and leaving the clean-close record; a call after that gets a clear error', async () => {
    const { backend, dataDir } = await host();
    await backend.dispatch('tasks:create', { title: 'Swap the UPS battery' });
    expect(fs.existsSync(path.join(dataDir, RUN_MARKER_FILE))).toBe(true);
    await backend.close();
    expect(fs.existsSync(path.join(dataDir, 'offload.db-wal'))).toBe(false);
    expect(fs.existsSync(path.join(dataDir, CLEAN_CLOSE_FILE))).toBe(true);
    expect(fs.existsSync(path.join(dataDir, RUN_MARKER_FILE))).toBe(false);
    const after = await backend.dispatch('tasks:list', {});
    expect(after).toMatchObject({ ok: false, error: { code: 'DB_UNAVAILABLE', message: expect.stringContaining('closed') } });
    // Closing twice is one close.
    await backend.close();
  });

  it('asks the host for desktop:status on each call, so the answer is the shell’s current one', async () => {
    let accelerator = 'CommandOrControl+Shift+Space';
    const status = (): DesktopStatus => ({
      platform: 'linux',
      shortcut: { accelerator, state: 'registered', message: 'ok' },
      tray: { available: true, message: '' },
      loginItem: { supported: true, enabled: false, message: '' },
      updates: { state: 'idle', version: null, message: '', checkedAt: null },
      notifications: { supported: true },
      links: { registered: false, message: '' },
    });
    const { backend } = await host({ desktopStatus: status, mode: 'electron' });
    expect(await backend.dispatch('desktop:status', undefined)).toMatchObject({ ok: true, value: { shortcut: { accelerator: 'CommandOrControl+Shift+Space' } } });
    accelerator = 'Alt+Space';
    expect(await backend.dispatch('desktop:status', undefined)).toMatchObject({ ok: true, value: { shortcut: { accelerator: 'Alt+Space' } } });
  });

  it('hands report:pdf to the host’s printer and returns its answer', async () => {
    const printToPdf = vi.fn(() => Promise.resolve({ saved: true as const, path: '/home/her/Offload report.pdf' }));
    const { backend } = await host({ printToPdf, mode: 'electron' });
    const envelope = await backend.dispatch('report:pdf', { fromMonth: '2026-10', toMonth: '2026-10', paper: 'a4' });
    expect(envelope).toMatchObject({ ok: true, value: { kind: 'saved', path: '/home/her/Offload report.pdf' } });
    expect(printToPdf).toHaveBeenCalledWith({ fileName: expect.stringContaining('2026'), paper: 'a4' });
  });

  it('refuses to start from a worker file that is not there, saying which', async () => {
    const missing = path.join(tempDir('offload-host-'), 'backend-worker.mjs');
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    await expect(host({ workerFile: missing })).rejects.toThrow(`Offload’s backend could not start (Cannot find module '${missing}'`);
    errors.mockRestore();
  });
});

describe('the host while its worker is busy or gone', () => {
  it('keeps its own event loop running while the worker is inside a synchronous call', async () => {
    const { backend } = await probe();
    await backend.dispatch('tasks:create', { title: 'Patch the switches' });
    // Slot 0: the host lets go; slot 1: the worker says it is inside the call.
    const flag = new SharedArrayBuffer(8);
    const view = new Int32Array(flag);
    let hostTicksWhileHeld = 0;
    const released = new Promise<void>((resolve) => {
      const ticker = setInterval(() => {
        if (Atomics.load(view, 1) !== 1) return;
        // The worker is blocked in its handler, and this thread's timers still fire.
        hostTicksWhileHeld += 1;
        if (hostTicksWhileHeld < 3) return;
        clearInterval(ticker);
        Atomics.store(view, 0, 1);
        Atomics.notify(view, 0);
        resolve();
      }, 1);
    });
    const reply = backend.dispatch('probe:hold', { flag, then: { name: 'tasks:list', input: {} } });
    await released;
    // Had the host been blocked by the call, no tick could have run and the call could never end.
    expect(hostTicksWhileHeld).toBe(3);
    expect(await reply).toMatchObject({ ok: true, value: { total: 1 } });
  });

  it('answers a call waiting on a worker that dies, and every later one, with a clear error, and says so once', async () => {
    const onStopped = vi.fn();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { backend } = await probe({ onStopped });
    const dying = await backend.dispatch('probe:exit', { code: 7 });
    expect(dying).toMatchObject({ ok: false, error: { code: 'DB_UNAVAILABLE', message: expect.stringContaining('exit code 7') } });
    expect(await backend.dispatch('tasks:list', {})).toStrictEqual(dying);
    expect(onStopped).toHaveBeenCalledOnce();
    expect(onStopped).toHaveBeenCalledWith(expect.stringContaining('restart Offload'));
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('stopped unexpectedly'));
    errors.mockRestore();
    // Closing a dead backend does not wait for it.
    await backend.close();
  });

  it('stops a worker that does not confirm its close within the bound, and still resolves', async () => {
    // A stand-in worker that opens, then never answers: what a checkpoint stuck on a dead disk looks like.
    const dir = tempDir('offload-host-');
    dirs.push(dir);
    const stuck = path.join(dir, 'stuck-worker.mjs');
    fs.writeFileSync(
      stuck,
      "import { parentPort } from 'node:worker_threads';\n" +
        "parentPort.postMessage({ type: 'ready', settings: { file: 'config.json', settings: {}, notices: [], shellState: {} } });\n" +
        'parentPort.on(\'message\', () => {});\n',
    );
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const backend = await startBackendWorker({ workerFile: stuck, dataDir: dir, mode: 'browser', version: '0.0.0-test', closeTimeoutMs: 50 });
    await backend.close();
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('did not confirm closing within 50 ms'));
    errors.mockRestore();
    expect(await backend.dispatch('tasks:list', {})).toMatchObject({ ok: false, error: { code: 'DB_UNAVAILABLE' } });
  });

  it('rejects the start with the backend’s reason when the backend cannot be opened', async () => {
    // A data folder that is a file: the backend cannot make it private, and says so at start.
    const dir = tempDir('offload-host-');
    dirs.push(dir);
    const notAFolder = path.join(dir, 'plain-file');
    fs.writeFileSync(notAFolder, 'not a folder');
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    await expect(host({}, notAFolder)).rejects.toThrow(/^Offload’s backend could not start: /);
    errors.mockRestore();
  });
});
