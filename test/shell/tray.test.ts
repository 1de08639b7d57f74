import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startTray, type TrayController } from '../../electron/shell/tray';
import { trayIconBitmap } from '../../electron/shell/tray-icon';
import { elapsed, type TrayAction } from '../../electron/shell/tray-view';
import { clickMenuItem, fake, FakeTray, manualScheduler, menuLabels } from '../support/fake-electron';
import { openTestBackend, type TestBackend } from '../support/temp-backend';

vi.mock('electron', async () => (await import('../support/fake-electron')).fake.electron);

const MINUTE = 60_000;
const T0 = Date.parse('2026-11-16T14:00:00Z');
let app: TestBackend;
let tray: TrayController;
let actions: TrayAction[];
let scheduler: ReturnType<typeof manualScheduler>;

function open(platform: NodeJS.Platform = 'linux') {
  actions = [];
  scheduler = manualScheduler();
  tray = startTray({ backend: app.backend, now: () => app.now(), platform, scheduler, onAction: (action) => actions.push(action), shortcut: () => 'CommandOrControl+Shift+Space' });
  return FakeTray.created.at(-1)!;
}

const labels = (icon: FakeTray) => menuLabels(icon.menu!.template);

beforeEach(async () => {
  fake.reset();
  app = openTestBackend(undefined, T0);
  await app.call('settings:update', { timeZone: 'UTC' });
});
afterEach(() => {
  tray.destroy();
  app.close();
});

describe('the tray follows the timer', () => {
  it('shows no timer, then the running task and its time after timer:start, then none again after timer:stop', async () => {
    const vpn = await app.call('tasks:create', { title: 'Reset VPN for sales', categoryId: 1 });
    const backup = await app.call('tasks:create', { title: 'Backup check', categoryId: 5 });
    await app.call('timeEntries:create', { worker: 'me', categoryId: 5, taskId: backup.id, startAt: T0 - 60 * MINUTE, endAt: T0 - 30 * MINUTE });
    const icon = open();
    await tray.settled();
    expect(labels(icon)).toStrictEqual([
      'No timer running (disabled)',
      'Start timer on',
      '  Backup check',
      '---',
      'Quick add…',
      'Open Offload',
      '---',
      'Quit Offload',
    ]);
    expect(icon.tooltip).toBe('Offload — no timer running');

    // A window starts the timer: the backend's changed event alone brings the tray up to date.
    await app.call('timer:start', { taskId: vpn.id });
    await tray.settled();
    expect(labels(icon)).toStrictEqual([
      'Reset VPN for sales — 0:00 (disabled)',
      'Stop timer',
      'Switch timer to',
      '  Backup check',
      '---',
      'Quick add…',
      'Open Offload',
      '---',
      'Quit Offload',
    ]);
    expect(icon.tooltip).toBe('Offload — Reset VPN for sales, 0:00');

    app.setNow(T0 + 42 * MINUTE);
    await app.call('timer:stop');
    await tray.settled();
    expect(labels(icon)[0]).toBe('No timer running (disabled)');
    expect(labels(icon)).toContain('  Reset VPN for sales');
  });

  it('counts the minutes while the timer runs, redrawing when the shown minute changes', async () => {
    const task = await app.call('tasks:create', { title: 'Patch the file server', categoryId: 2 });
    await app.call('timer:start', { taskId: task.id });
    const icon = open();
    await tray.settled();
    app.setNow(T0 + 65 * MINUTE + 10_000);
    scheduler.advance(MINUTE);
    expect(labels(icon)[0]).toBe('Patch the file server — 1:05 (disabled)');
    expect(icon.tooltip).toBe('Offload — Patch the file server, 1:05');
  });

  it('shows the elapsed time beside the icon on macOS, with a template image', async () => {
    const task = await app.call('tasks:create', { title: 'Call the ISP', categoryId: 4 });
    await app.call('timer:start', { taskId: task.id });
    app.setNow(T0 + 7 * MINUTE);
    const icon = open('darwin');
    await tray.settled();
    expect(icon.title).toBe('0:07');
    expect(icon.image.template).toBe(true);
    await app.call('timer:stop');
    await tray.settled();
    expect(icon.title).toBe('');
  });

  it('names a timer on a category alone by the category', async () => {
    await app.call('timer:start', { categoryId: 4 });
    const icon = open();
    await tray.settled();
    expect(labels(icon)[0]).toBe('Network — 0:00 (disabled)');
  });

  it('hands each menu choice to the shell: stop, start on a recent task, quick add, open, quit', async () => {
    const backup = await app.call('tasks:create', { title: 'Backup check', categoryId: 5 });
    await app.call('timeEntries:create', { worker: 'me', categoryId: 5, taskId: backup.id, startAt: T0 - 60 * MINUTE, endAt: T0 - 30 * MINUTE });
    await app.call('timer:start', { categoryId: 4 });
    const icon = open();
    await tray.settled();
    for (const label of ['Stop timer', 'Backup check', 'Quick add…', 'Open Offload', 'Quit Offload']) clickMenuItem(icon.menu!.template, label);
    expect(actions).toStrictEqual([{ type: 'stop' }, { type: 'start', taskId: backup.id }, { type: 'quickAdd' }, { type: 'open' }, { type: 'quit' }]);
  });

  it('shows the quick-add shortcut beside Quick add, as a hint that registers nothing', async () => {
    const icon = open();
    await tray.settled();
    const item = icon.menu!.template.find((entry) => entry.label === 'Quick add…');
    expect(item).toMatchObject({ accelerator: 'CommandOrControl+Shift+Space', registerAccelerator: false });
  });

  it('opens the window on a left click on Windows', async () => {
    const icon = open('win32');
    await tray.settled();
    icon.emit('click');
    expect(actions).toStrictEqual([{ type: 'open' }]);
  });

  it('stays right when its own first read sets off an event (her day turning at that call)', async () => {
    // Settings changed behind the backend's back: the next call finds a new today and emits changed.
    app.settings.update({ timeZone: 'Pacific/Kiritimati' });
    const icon = open();
    const task = await app.call('tasks:create', { title: 'Reset VPN', categoryId: 1 });
    await app.call('timer:start', { taskId: task.id });
    await tray.settled();
    expect(labels(icon)[0]).toBe('Reset VPN — 0:00 (disabled)');
  });

  it('says it is unavailable where no tray icon can be made', () => {
    FakeTray.failNext = true;
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    open();
    expect(tray.available).toBe(false);
  });
});

describe('the tray icon and its clock', () => {
  it('is drawn as premultiplied BGRA pixels, opaque at the mark and clear in the corners of the template', () => {
    const template = trayIconBitmap(16, 'template');
    expect(template.length).toBe(16 * 16 * 4);
    // Top-left corner: nothing. Left of centre (the filled half): solid black.
    expect([...template.subarray(0, 4)]).toStrictEqual([0, 0, 0, 0]);
    const leftOfCentre = (8 * 16 + 5) * 4;
    expect([...template.subarray(leftOfCentre, leftOfCentre + 4)]).toStrictEqual([0, 0, 0, 255]);
    // The colour icon is the blue square (BGRA 0xeb, 0x63, 0x25) where the mark is not.
    const colour = trayIconBitmap(32, 'colour');
    const blue = (4 * 32 + 16) * 4;
    expect([...colour.subarray(blue, blue + 4)]).toStrictEqual([0xeb, 0x63, 0x25, 255]);
  });

  it('shows elapsed time as h:mm, never negative', () => {
    expect(elapsed(0)).toBe('0:00');
    expect(elapsed(59_999)).toBe('0:00');
    expect(elapsed(61 * MINUTE)).toBe('1:01');
    expect(elapsed(-5 * MINUTE)).toBe('0:00');
  });
});
