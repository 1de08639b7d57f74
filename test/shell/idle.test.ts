import type { PowerMonitor } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IdleChoice } from '../../shared/api/desktop-views';
import { idleNote } from '../../electron/handlers/desktop-handlers';
import { IDLE_POLL_MS, idlePrompt, startIdleWatch, type IdleQuestion, type IdleWatch } from '../../electron/shell/idle';
import { NOT_AWAY, nextIdleState } from '../../electron/shell/idle-watch';
import { fake, manualScheduler } from '../support/fake-electron';
import { openTestBackend, type TestBackend } from '../support/temp-backend';

const MINUTE = 60_000;
const T0 = Date.parse('2026-11-16T14:00:00Z');
const THRESHOLD = 10 * MINUTE;

describe('noticing that she was away', () => {
  it('idle time past the threshold means away since then; the first poll under it means back', () => {
    let step = nextIdleState(NOT_AWAY, { type: 'idleTime', at: T0 + 15 * MINUTE, idleSeconds: 600 }, THRESHOLD);
    expect(step).toStrictEqual({ state: { awaySince: T0 + 5 * MINUTE, locked: false }, returned: null });
    step = nextIdleState(step.state, { type: 'idleTime', at: T0 + 40 * MINUTE, idleSeconds: 1800 }, THRESHOLD);
    expect(step.state.awaySince).toBe(T0 + 5 * MINUTE);
    step = nextIdleState(step.state, { type: 'idleTime', at: T0 + 50 * MINUTE, idleSeconds: 30 }, THRESHOLD);
    expect(step).toStrictEqual({ state: NOT_AWAY, returned: { idleFrom: T0 + 5 * MINUTE, returnedAt: T0 + 49.5 * MINUTE } });
  });

  it('idle time under the threshold is not being away', () => {
    expect(nextIdleState(NOT_AWAY, { type: 'idleTime', at: T0, idleSeconds: 599 }, THRESHOLD)).toStrictEqual({ state: NOT_AWAY, returned: null });
  });

  it('a locked screen is away from the lock until the unlock, whatever the polls say meanwhile', () => {
    let step = nextIdleState(NOT_AWAY, { type: 'away', at: T0 }, THRESHOLD);
    step = nextIdleState(step.state, { type: 'idleTime', at: T0 + 20 * MINUTE, idleSeconds: 1 }, THRESHOLD);
    expect(step.returned).toBeNull();
    step = nextIdleState(step.state, { type: 'back', at: T0 + 30 * MINUTE }, THRESHOLD);
    expect(step.returned).toStrictEqual({ idleFrom: T0, returnedAt: T0 + 30 * MINUTE });
  });

  it('a short lock is not idle time', () => {
    const locked = nextIdleState(NOT_AWAY, { type: 'away', at: T0 }, THRESHOLD);
    expect(nextIdleState(locked.state, { type: 'back', at: T0 + 9 * MINUTE }, THRESHOLD).returned).toBeNull();
  });

  it('a lock after noticing idle time keeps the earlier start', () => {
    const idle = nextIdleState(NOT_AWAY, { type: 'idleTime', at: T0 + 12 * MINUTE, idleSeconds: 720 }, THRESHOLD);
    const locked = nextIdleState(idle.state, { type: 'away', at: T0 + 13 * MINUTE }, THRESHOLD);
    expect(nextIdleState(locked.state, { type: 'back', at: T0 + 60 * MINUTE }, THRESHOLD).returned).toStrictEqual({ idleFrom: T0, returnedAt: T0 + 60 * MINUTE });
  });

  it('asks in her zone’s clock, with keep first (Escape keeps)', () => {
    const words = idlePrompt({ label: 'Patch the file server', idleFrom: T0 + 20 * MINUTE, returnedAt: T0 + 65 * MINUTE, timeZone: 'America/Chicago' });
    expect(words).toStrictEqual({
      message: 'You were away for 45m',
      detail:
        'The timer on “Patch the file server” kept running from 08:20 to 09:05.\n\n' +
        'Keep: count that time on it.\nDiscard: stop the timer at 08:20.\nSplit: log 08:20–09:05 as its own entry, to say what it was, and carry on.',
      buttons: ['Keep the time', 'Discard it', 'Split it off'],
    });
  });
});

describe('her answer, applied to the SQLite file through the backend', () => {
  let app: TestBackend;
  let watch: IdleWatch;
  let questions: IdleQuestion[];
  let answer: IdleChoice;
  let scheduler: ReturnType<typeof manualScheduler>;
  const powerMonitor = fake.electron.powerMonitor;
  const asPowerMonitor = powerMonitor as unknown as PowerMonitor;

  beforeEach(async () => {
    fake.reset();
    app = openTestBackend(undefined, T0);
    await app.call('settings:update', { timeZone: 'UTC' });
    questions = [];
    scheduler = manualScheduler();
    watch = startIdleWatch({
      backend: app.backend,
      now: () => app.now(),
      powerMonitor: asPowerMonitor,
      scheduler,
      settings: () => app.settings.get(),
      report: vi.fn(),
      ask: (question) => {
        questions.push(question);
        return Promise.resolve(answer);
      },
    });
  });
  afterEach(() => {
    watch.stop();
    app.close();
  });

  /** The timer on a task from 10:00 (T0); idle from 10:20 (polled at 10:30); back at 11:05. */
  async function awayWhileTimed() {
    const task = await app.call('tasks:create', { title: 'Patch the file server', categoryId: 2 });
    await app.call('timer:start', { taskId: task.id });
    app.setNow(T0 + 30 * MINUTE);
    powerMonitor.idleSeconds = 600;
    scheduler.advance(IDLE_POLL_MS);
    app.setNow(T0 + 65 * MINUTE);
    powerMonitor.idleSeconds = 0;
    scheduler.advance(IDLE_POLL_MS);
    await watch.settled();
    return task;
  }

  const spans = async () =>
    (await app.call('timeEntries:list', { from: '2026-11-16', to: '2026-11-16' }))
      .map((entry) => [(entry.startAt - T0) / MINUTE, entry.endAt === null ? null : (entry.endAt - T0) / MINUTE, entry.taskId === null ? entry.note : 'task'])
      .sort((a, b) => Number(a[0]) - Number(b[0]));

  it('asks once she is back, about the time from 10:20 to 11:05', async () => {
    answer = 'keep';
    await awayWhileTimed();
    expect(questions).toStrictEqual([{ label: 'Patch the file server', idleFrom: T0 + 20 * MINUTE, returnedAt: T0 + 65 * MINUTE, timeZone: 'UTC' }]);
  });

  it('keep: the one entry runs on from 10:00', async () => {
    answer = 'keep';
    await awayWhileTimed();
    expect(await spans()).toStrictEqual([[0, null, 'task']]);
  });

  it('discard: the entry ends at 10:20 and no timer runs', async () => {
    answer = 'discard';
    await awayWhileTimed();
    expect(await spans()).toStrictEqual([[0, 20, 'task']]);
    expect(await app.call('timer:current')).toBeNull();
  });

  it('split: 10:00–10:20 on the task, 10:20–11:05 on its own, and the timer on from 11:05', async () => {
    answer = 'split';
    await awayWhileTimed();
    expect(await spans()).toStrictEqual([
      [0, 20, 'task'],
      [20, 65, idleNote('Patch the file server')],
      [65, null, 'task'],
    ]);
  });

  it('asks about a locked screen from the lock to the unlock', async () => {
    answer = 'discard';
    const task = await app.call('tasks:create', { title: 'Rack the switch', categoryId: 4 });
    await app.call('timer:start', { taskId: task.id });
    app.setNow(T0 + 15 * MINUTE);
    powerMonitor.emit('lock-screen');
    app.setNow(T0 + 75 * MINUTE);
    powerMonitor.emit('unlock-screen');
    await watch.settled();
    expect(questions[0]).toMatchObject({ idleFrom: T0 + 15 * MINUTE, returnedAt: T0 + 75 * MINUTE });
    expect(await spans()).toStrictEqual([[0, 15, 'task']]);
  });

  it('asks nothing when no timer ran', async () => {
    answer = 'discard';
    app.setNow(T0 + 30 * MINUTE);
    powerMonitor.emit('suspend');
    app.setNow(T0 + 90 * MINUTE);
    powerMonitor.emit('resume');
    await watch.settled();
    expect(questions).toStrictEqual([]);
  });

  it('asks nothing, and leaves the entry alone, when idle detection is off', async () => {
    answer = 'discard';
    await app.call('settings:update', { idleDetection: false });
    await awayWhileTimed();
    expect(questions).toStrictEqual([]);
    expect(await spans()).toStrictEqual([[0, null, 'task']]);
  });

  it('follows her threshold: 10 minutes idle is not away at a 45-minute threshold', async () => {
    answer = 'discard';
    await app.call('settings:update', { idleThresholdMinutes: 45 });
    await awayWhileTimed();
    expect(questions).toStrictEqual([]);
  });
});
