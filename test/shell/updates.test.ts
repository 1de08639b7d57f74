import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { CHECK_EVERY_MS, FIRST_CHECK_MS, startUpdates, type UpdateQuestion, type Updater, type UpdateStatus } from '../../electron/shell/updates';
import { manualScheduler } from '../support/fake-electron';

/** electron-updater's autoUpdater, mocked: an emitter whose calls are recorded. */
class MockUpdater extends EventEmitter implements Updater {
  autoDownload = true;
  autoInstallOnAppQuit = false;
  readonly checkForUpdates = vi.fn(() => Promise.resolve(null));
  readonly downloadUpdate = vi.fn(() => Promise.resolve([]));
  readonly quitAndInstall = vi.fn();
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function setUp(options: { isPackaged?: boolean; answers?: number[] } = {}) {
  const updater = new MockUpdater();
  const loadUpdater = vi.fn(() => Promise.resolve(updater));
  const scheduler = manualScheduler();
  const questions: UpdateQuestion[] = [];
  const answers = [...(options.answers ?? [])];
  const statuses: UpdateStatus[] = [];
  const onInstall = vi.fn();
  const updates = startUpdates({
    loadUpdater,
    isPackaged: options.isPackaged ?? true,
    currentVersion: '0.1.0',
    now: () => Date.parse('2026-11-16T14:00:00Z'),
    scheduler,
    onStatus: (status) => statuses.push(status),
    onInstall,
    ask: (question) => {
      questions.push(question);
      return Promise.resolve(answers.shift() ?? 1);
    },
  });
  return { updater, loadUpdater, scheduler, questions, statuses, updates, onInstall };
}

describe('update checks', () => {
  it('are off in a development build: the updater is never even loaded', async () => {
    const { updates, loadUpdater, scheduler } = setUp({ isPackaged: false });
    updates.apply(true);
    scheduler.advance(CHECK_EVERY_MS * 2);
    await updates.checkNow();
    expect(loadUpdater).not.toHaveBeenCalled();
    expect(updates.status()).toMatchObject({ state: 'development', message: 'Updates are checked in the installed app only, not in a development build.' });
  });

  it('are off when her setting turns them off', async () => {
    const { updates, loadUpdater, scheduler } = setUp();
    updates.apply(false);
    scheduler.advance(CHECK_EVERY_MS * 2);
    await updates.checkNow();
    expect(loadUpdater).not.toHaveBeenCalled();
    expect(updates.status().state).toBe('disabled');
  });

  it('check shortly after start and every six hours, never downloading on their own', async () => {
    const { updates, updater, scheduler } = setUp();
    updates.apply(true);
    scheduler.advance(FIRST_CHECK_MS);
    await flush();
    expect(updater.checkForUpdates).toHaveBeenCalledOnce();
    expect(updater.autoDownload).toBe(false);
    expect(updater.autoInstallOnAppQuit).toBe(true);
    scheduler.advance(CHECK_EVERY_MS);
    await flush();
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(2);
  });

  it('stop when she turns them off', async () => {
    const { updates, updater, scheduler } = setUp();
    updates.apply(true);
    updates.apply(false);
    scheduler.advance(CHECK_EVERY_MS * 3);
    await flush();
    expect(updater.checkForUpdates).not.toHaveBeenCalled();
    expect(scheduler.pending()).toBe(0);
  });

  it('offer a new version, download it only on yes, then offer to restart and install', async () => {
    const { updates, updater, questions, onInstall } = setUp({ answers: [0, 0] });
    updates.apply(true);
    await updates.checkNow();
    updater.emit('update-available', { version: '0.2.0' });
    await flush();
    expect(questions[0]).toStrictEqual({
      message: 'Offload 0.2.0 is available',
      detail: 'You have 0.1.0. Download it now? Offload keeps working while it downloads, and asks before it restarts.',
      buttons: ['Download', 'Not now'],
    });
    expect(updater.downloadUpdate).toHaveBeenCalledOnce();
    updater.emit('download-progress', { percent: 42.7 });
    expect(updates.status().message).toBe('Downloading Offload 0.2.0… 42 %');
    updater.emit('update-downloaded', { version: '0.2.0' });
    await flush();
    expect(questions[1]?.buttons).toStrictEqual(['Restart now', 'When I quit']);
    expect(onInstall).toHaveBeenCalledOnce();
    expect(updater.quitAndInstall).toHaveBeenCalledOnce();
  });

  it('do not download on “Not now”, and do not ask again about that version in this session', async () => {
    const { updates, updater, questions } = setUp({ answers: [1] });
    updates.apply(true);
    await updates.checkNow();
    updater.emit('update-available', { version: '0.2.0' });
    await flush();
    updater.emit('update-available', { version: '0.2.0' });
    await flush();
    expect(questions).toHaveLength(1);
    expect(updater.downloadUpdate).not.toHaveBeenCalled();
    expect(updates.status()).toMatchObject({ state: 'available', version: '0.2.0' });
  });

  it('install on quit when she picks “When I quit”', async () => {
    const { updates, updater } = setUp({ answers: [0, 1] });
    updates.apply(true);
    await updates.checkNow();
    updater.emit('update-available', { version: '0.2.0' });
    await flush();
    updater.emit('update-downloaded', { version: '0.2.0' });
    await flush();
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
    expect(updates.status()).toMatchObject({ state: 'downloaded', message: 'Offload 0.2.0 is ready: it installs when you quit, or restart now.' });
  });

  it('report a failed check in Settings without asking anything', async () => {
    const { updates, updater, questions, statuses } = setUp();
    updater.checkForUpdates.mockRejectedValueOnce(new Error('net::ERR_NAME_NOT_RESOLVED'));
    updates.apply(true);
    await updates.checkNow();
    expect(updates.status()).toMatchObject({ state: 'error', message: 'Offload could not check for updates: net::ERR_NAME_NOT_RESOLVED' });
    updater.emit('update-not-available');
    expect(updates.status()).toMatchObject({ state: 'up-to-date', message: 'Offload 0.1.0 is the latest version.' });
    expect(questions).toStrictEqual([]);
    expect(statuses.length).toBeGreaterThanOrEqual(3);
  });
});
