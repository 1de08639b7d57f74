import type { BrowserWindow, WebFrameMain } from 'electron';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { startDesktop, type DesktopOptions, type DesktopShell } from '../../electron/shell/desktop';
import { trustedFrameCheck } from '../../electron/shell/ipc';
import { isAppUrl } from '../../electron/shell/protocol';
import { createMainWindow } from '../../electron/shell/window';
import { quickAddTextProblem } from '../../shared/domain/quick-add-link';
import { clickMenuItem, fake, FakeBrowserWindow, FakeNotification, FakeTray, manualScheduler } from '../support/fake-electron';
import { openTestBackend, type TestBackend } from '../support/temp-backend';

vi.mock('electron', async () => (await import('../support/fake-electron')).fake.electron);

const T0 = Date.parse('2026-11-16T16:00:00Z'); // Monday 10:00 in Chicago
const PRELOAD = '/opt/Offload/resources/app.asar/dist/electron/preload.cjs';
let app: TestBackend;
let shell: DesktopShell;
const calls: string[] = [];

/** Starts the shell over a fresh real backend; `prepare` sets up the fakes first (a taken key, no tray). */
function start(overrides: Partial<DesktopOptions> = {}, prepare: () => void = () => undefined) {
  fake.reset();
  prepare();
  calls.length = 0;
  app = openTestBackend(undefined, T0, { mode: 'electron', desktopStatus: () => shell.status() });
  // Her zone, so no day here depends on the machine's.
  app.settings.update({ timeZone: 'America/Chicago' });
  // The shell's own calls, recorded on their way into the real dispatcher.
  const backend: Pick<Backend, 'dispatch' | 'subscribe'> = {
    dispatch: (name, input, caller) => {
      calls.push(String(name));
      return app.backend.dispatch(name, input, caller);
    },
    subscribe: (listener) => app.backend.subscribe(listener),
  };
  shell = startDesktop({
    backend,
    settings: app.settings,
    now: () => app.now(),
    preloadPath: PRELOAD,
    isPackaged: false,
    platform: 'linux',
    argv: ['/opt/Offload/offload'],
    env: {},
    version: '0.1.0',
    executable: '/opt/Offload/offload',
    createMainWindow: () => createMainWindow({ preloadPath: PRELOAD, settings: app.settings }),
    loadUpdater: () => Promise.reject(new Error('a development build never loads the updater')),
    scheduler: manualScheduler(),
    ...overrides,
  });
  return shell;
}

afterEach(async () => {
  await shell.tray.settled();
  shell.dispose();
  app.close();
});

const windows = () => FakeBrowserWindow.created;
const quickAddWindows = () => windows().filter((window) => window.url.includes('#/quick-add-window'));
const mainWindow = () => windows().find((window) => !window.url.includes('#/quick-add-window'))!;

describe('the windows', () => {
  it('opens the main window at app://offload and a tray icon', () => {
    start();
    expect(windows().map((window) => window.url)).toStrictEqual(['app://offload/index.html']);
    expect(FakeTray.created).toHaveLength(1);
  });

  it('opens the quick-add window on the shortcut, with exactly the main window’s webPreferences', () => {
    start();
    fake.electron.globalShortcut.press('CommandOrControl+Shift+Space');
    const [quickAdd] = quickAddWindows();
    expect(quickAdd?.url).toBe('app://offload/index.html#/quick-add-window');
    expect(quickAdd?.options.webPreferences).toStrictEqual(mainWindow().options.webPreferences);
    expect(quickAdd?.options).toMatchObject({ alwaysOnTop: true, resizable: false, show: false });
  });

  it('brings the open quick-add window forward instead of opening a second one', () => {
    start();
    fake.electron.globalShortcut.press('CommandOrControl+Shift+Space');
    fake.electron.globalShortcut.press('CommandOrControl+Shift+Space');
    expect(quickAddWindows()).toHaveLength(1);
    expect(quickAddWindows()[0]?.visible).toBe(true);
  });

  it('accepts calls from exactly the top frames of its own windows, the quick-add window only while it is open', () => {
    start();
    fake.electron.globalShortcut.press('CommandOrControl+Shift+Space');
    const check = trustedFrameCheck(() => shell.windows());
    const frameOf = (window: FakeBrowserWindow) => window.webContents.mainFrame as unknown as WebFrameMain;
    const [quickAdd] = quickAddWindows();
    expect(check(frameOf(mainWindow()))).toBe(true);
    expect(check(frameOf(quickAdd!))).toBe(true);
    expect(check({ url: 'app://offload/index.html', parent: null } as unknown as WebFrameMain)).toBe(false);
    quickAdd!.close();
    expect(check(frameOf(quickAdd!))).toBe(false);
    expect(shell.windows()).toStrictEqual([mainWindow() as unknown as BrowserWindow]);
  });

  it('hides the window to the tray on close when she chose that, and closes it otherwise', async () => {
    start();
    await app.call('settings:update', { closeToTray: true });
    await shell.tray.settled();
    mainWindow().close();
    expect(mainWindow().isDestroyed()).toBe(false);
    expect(mainWindow().isVisible()).toBe(false);
    expect(shell.quitWhenAllClosed()).toBe(false);
    clickMenuItem(FakeTray.created[0]!.menu!.template, 'Open Offload');
    expect(mainWindow().isVisible()).toBe(true);

    await app.call('settings:update', { closeToTray: false });
    mainWindow().close();
    expect(mainWindow().isDestroyed()).toBe(true);
    expect(shell.quitWhenAllClosed()).toBe(true);
  });

  it('closes for real when quitting, even when closing to the tray', async () => {
    start();
    await app.call('settings:update', { closeToTray: true });
    fake.electron.app.emit('before-quit');
    mainWindow().close();
    expect(mainWindow().isDestroyed()).toBe(true);
  });

  it('starts in the tray alone at login, and keeps running when the quick-add window closes', () => {
    start({ argv: ['/opt/Offload/offload', '--hidden'] });
    expect(windows()).toHaveLength(0);
    fake.electron.globalShortcut.press('CommandOrControl+Shift+Space');
    quickAddWindows()[0]!.close();
    expect(shell.quitWhenAllClosed()).toBe(false);
  });

  it('opens the window at login after all where there is no tray to come back from', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const desktop = start({ argv: ['/opt/Offload/offload', '--hidden'] }, () => (FakeTray.failNext = true));
    expect(windows()).toHaveLength(1);
    expect(desktop.quitWhenAllClosed()).toBe(true);
  });
});

describe('the shortcut, from Settings', () => {
  it('registers a new shortcut as soon as settings:update returns, and reports it in desktop:status', async () => {
    start();
    await app.call('settings:update', { quickAddShortcut: 'CommandOrControl+Alt+N' });
    expect((await app.call('desktop:status'))?.shortcut).toStrictEqual({
      accelerator: 'CommandOrControl+Alt+N',
      state: 'registered',
      message: 'Press Ctrl+Alt+N anywhere to quick-add a task.',
    });
    expect([...fake.electron.globalShortcut.registered.keys()]).toStrictEqual(['CommandOrControl+Alt+N']);
  });

  it('reports a shortcut another app holds as refused, with the reason, for Settings to show', async () => {
    start();
    fake.electron.globalShortcut.taken.add('Alt+Space');
    await app.call('settings:update', { quickAddShortcut: 'Alt+Space' });
    const status = await app.call('desktop:status');
    expect(status?.shortcut.state).toBe('taken');
    expect(status?.shortcut.message).toBe('Alt+Space is already taken by the system or another app. Choose another shortcut.');
  });

  it('refuses a malformed shortcut at the field, before anything is registered', async () => {
    start();
    const error = await app.failure('settings:update', { quickAddShortcut: 'Shift+K' });
    expect(error.issues).toStrictEqual([{ field: 'quickAddShortcut', message: 'Hold Ctrl, Alt or ⌘ in the shortcut too, so it does not take over typing in other apps' }]);
    expect([...fake.electron.globalShortcut.registered.keys()]).toStrictEqual(['CommandOrControl+Shift+Space']);
  });

  it('turns the shortcut off', async () => {
    start();
    await app.call('settings:update', { quickAddShortcut: null });
    expect(fake.electron.globalShortcut.registered.size).toBe(0);
    expect((await app.call('desktop:status'))?.shortcut.state).toBe('off');
  });
});

describe('offload:// links and a second launch', () => {
  const argv = (...rest: string[]) => ['/opt/Offload/offload', '--enable-features=WaylandWindowDecorations', ...rest];

  it('forwards a second launch’s link to the quick-add window, with its line filled in and nothing created', async () => {
    start();
    shell.onSecondInstance(argv('offload://quick-add?text=Call%20Bob%20%23support%20~15m&interrupt=1'));
    expect(quickAddWindows().map((window) => window.url)).toStrictEqual([
      'app://offload/index.html#/quick-add-window?text=Call+Bob+%23support+%7E15m&interrupt=1',
    ]);
    expect((await app.call('tasks:list', {})).total).toBe(0);
    expect(calls).not.toContain('tasks:create');
  });

  it('opens the link a first launch was started with', () => {
    start({ argv: argv('offload://quick-add/?text=Renew%20licence') });
    expect(quickAddWindows()[0]?.url).toBe('app://offload/index.html#/quick-add-window?text=Renew+licence');
  });

  it('fills the open quick-add window with a second link instead of opening another', () => {
    start();
    shell.onSecondInstance(argv('offload://quick-add?text=First'));
    shell.onSecondInstance(argv('offload://quick-add?text=Second'));
    expect(quickAddWindows()).toHaveLength(1);
    expect(quickAddWindows()[0]?.url).toBe('app://offload/index.html#/quick-add-window?text=Second');
  });

  it('brings the main window forward on a second launch without a link', () => {
    start();
    mainWindow().hide();
    shell.onSecondInstance(argv());
    expect(mainWindow().isVisible()).toBe(true);
    expect(quickAddWindows()).toHaveLength(0);
  });

  it.each([
    ['offload://delete?all=1', 'Offload knows only offload://quick-add links.'],
    ['offload://quick-add?text=a&title=b', 'The link has a “title” part Offload does not know.'],
    ['offload://quick-add?text=%00rm', 'The text holds control characters.'],
    ['offload://quick-add?text=a&text=b', 'The link names a part twice.'],
  ])('refuses the malformed link %s with a message, opening nothing', (link, reason) => {
    start();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    shell.onSecondInstance(argv(link));
    expect(quickAddWindows()).toHaveLength(0);
    expect(fake.electron.dialog.shown.at(-1)?.message).toBe(`Offload could not use that link. ${reason}`);
  });

  it('never lets an arbitrary link reach tasks:create, and opens only app://offload with a usable line', async () => {
    start();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const link = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.string({ unit: 'binary', maxLength: 300 }).map((text) => `offload://quick-add?text=${encodeURIComponent(text)}`),
      fc.string({ maxLength: 300 }).map((text) => `offload://quick-add?${text}`),
      fc.string({ maxLength: 100 }).map((text) => `offload:${text}`),
    );
    fc.assert(
      fc.property(link, (raw) => {
        shell.onSecondInstance(argv(raw));
        for (const window of quickAddWindows()) {
          expect(isAppUrl(window.url)).toBe(true);
          const route = new URL(window.url).hash;
          expect(route.startsWith('#/quick-add-window')).toBe(true);
          const text = new URLSearchParams(route.slice(route.indexOf('?') + 1)).get('text') ?? '';
          expect(quickAddTextProblem(text)).toBeNull();
        }
      }),
      { numRuns: 300 },
    );
    expect(calls).not.toContain('tasks:create');
    expect((await app.call('tasks:list', {})).total).toBe(0);
  });
});

describe('the tray’s choices go through the backend', () => {
  it('stops the running timer from the tray, in the SQLite file', async () => {
    start();
    const task = await app.call('tasks:create', { title: 'Reset VPN', categoryId: 1 });
    await app.call('timer:start', { taskId: task.id });
    await shell.tray.settled();
    app.setNow(T0 + 20 * 60_000);
    clickMenuItem(FakeTray.created[0]!.menu!.template, 'Stop timer');
    await vi.waitFor(async () => expect(await app.call('timer:current')).toBeNull());
    const [entry] = await app.call('timeEntries:list', { from: '2026-11-16', to: '2026-11-16' });
    expect(entry?.endAt).toBe(T0 + 20 * 60_000);
    expect(calls).toContain('timer:stop');
  });

  it('starts the timer on a recent task from the tray', async () => {
    start();
    const task = await app.call('tasks:create', { title: 'Backup check', categoryId: 5 });
    await app.call('timeEntries:create', { worker: 'me', categoryId: 5, taskId: task.id, startAt: T0 - 3_600_000, endAt: T0 - 1_800_000 });
    await shell.tray.settled();
    clickMenuItem(FakeTray.created[0]!.menu!.template, 'Backup check');
    await vi.waitFor(async () => expect((await app.call('timer:current'))?.taskId).toBe(task.id));
  });

  it('quits from the tray', async () => {
    start();
    await shell.tray.settled();
    clickMenuItem(FakeTray.created[0]!.menu!.template, 'Quit Offload');
    expect(fake.electron.app.quit).toHaveBeenCalledOnce();
  });
});

describe('notifications', () => {
  it('shows a reminder as a system notification whose click opens its screen', async () => {
    start();
    await app.call('settings:update', { timeZone: 'America/Chicago' });
    await app.call('responseTargets:set', { categoryId: 1, targetMinutes: 60 });
    await app.call('tasks:create', { title: 'Printer on 2nd floor jams', categoryId: 1, owner: 'msp' });
    app.setNow(T0 + 61 * 60_000);
    await shell.reminders.check();
    const [notification] = FakeNotification.shown;
    expect(notification?.options).toStrictEqual({
      title: 'An MSP task is past its response target',
      body: '“Printer on 2nd floor jams” is still open. Follow up with the MSP.',
    });
    notification!.emit('click');
    expect(mainWindow().loadURL).toHaveBeenLastCalledWith('app://offload/index.html#/msp');
  });
});

describe('status for Settings', () => {
  it('says what a development build cannot do: updates, start at login, link registration', async () => {
    start();
    const status = await app.call('desktop:status');
    expect(status).toMatchObject({
      platform: 'linux',
      tray: { available: true },
      loginItem: { supported: false, message: 'Start at login works in the installed app, not in a development build.' },
      updates: { state: 'development' },
      notifications: { supported: true },
      links: { registered: false },
    });
    expect(fake.electron.app.setAsDefaultProtocolClient).not.toHaveBeenCalled();
  });

  it('registers the offload:// scheme and the login item in an installed app', async () => {
    start({ isPackaged: true, platform: 'darwin', loadUpdater: () => new Promise(() => undefined) });
    expect(fake.electron.app.setAsDefaultProtocolClient).toHaveBeenCalledExactlyOnceWith('offload');
    await app.call('settings:update', { startAtLogin: true });
    expect(fake.electron.app.setLoginItemSettings).toHaveBeenLastCalledWith({ openAtLogin: true, openAsHidden: true });
    expect((await app.call('desktop:status'))?.loginItem).toStrictEqual({ supported: true, enabled: true, message: 'Offload starts in the tray when you log in.' });
  });

  it('answers null in browser mode', async () => {
    const browser = openTestBackend();
    expect(await browser.call('desktop:status')).toBeNull();
    browser.close();
    start();
  });
});
