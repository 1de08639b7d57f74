import { describe, expect, it } from 'vitest';
import type { SourcedEvent } from '../../shared/api/events';
import { clockStartingAt } from '../../electron/backend/clock';
import { createEventHub } from '../../electron/backend/events';
import { JobCancelled, createJobs } from '../../electron/backend/jobs';

describe('the app clock', () => {
  it('is the real clock when no start is given', () => {
    const real = () => 42;
    expect(clockStartingAt(undefined, real)).toBe(real);
    expect(clockStartingAt('', real)).toBe(real);
  });

  it('starts at the given instant and runs at real speed from there', () => {
    let real = 1_000_000;
    const clock = clockStartingAt('2026-11-16T15:00:00Z', () => real);
    expect(clock()).toBe(Date.parse('2026-11-16T15:00:00Z'));
    real += 90_000;
    expect(clock()).toBe(Date.parse('2026-11-16T15:01:30Z'));
  });

  it('refuses an instant without its zone, or one that is not a date, with a message saying what to write', () => {
    expect(() => clockStartingAt('2026-11-16 15:00')).toThrow(/such as 2026-11-16T15:00:00Z/);
    expect(() => clockStartingAt('tomorrow')).toThrow(/not “tomorrow”/);
    expect(() => clockStartingAt('2026-02-30T15:00:00Z')).not.toThrow();
  });
});

describe('long jobs', () => {
  function setUp() {
    const events: SourcedEvent[] = [];
    const hub = createEventHub();
    hub.subscribe((event) => events.push(event));
    let now = 0;
    const jobs = createJobs(hub, () => now);
    return { events, jobs, advance: (ms: number) => (now += ms) };
  }

  it('report progress at most every 100 ms, always the last step, then how they ended', async () => {
    const { events, jobs, advance } = setUp();
    const job = jobs.start('import', 'Importing toggl.csv', ({ progress }) => {
      for (let done = 1; done <= 5; done += 1) {
        advance(40);
        progress(done, 5);
      }
      return Promise.resolve('Imported 5 entries.');
    });
    await jobs.idle();
    expect(events.map((event) => (event.type === 'progress' ? event.done : event.type))).toStrictEqual([0, 3, 5, 'jobFinished']);
    expect(events.at(-1)).toStrictEqual({ type: 'jobFinished', job, kind: 'import', label: 'Importing toggl.csv', outcome: 'done', message: 'Imported 5 entries.' });
  });

  it('stop when cancelled, and say so rather than failing', async () => {
    const { events, jobs } = setUp();
    let release: () => void = () => {};
    const started = new Promise<void>((resolve) => (release = resolve));
    const job = jobs.start('backup', 'Backing up', async ({ signal }) => {
      await started;
      if (signal.aborted) throw new JobCancelled();
      return 'never';
    });
    expect(jobs.running().map((entry) => entry.job)).toStrictEqual([job]);
    expect(jobs.cancel(job)).toBe(true);
    release();
    await jobs.idle();
    expect(events.at(-1)).toMatchObject({ type: 'jobFinished', outcome: 'cancelled', message: 'Cancelled; nothing was changed.' });
    expect(jobs.cancel(job)).toBe(false);
    expect(jobs.running()).toStrictEqual([]);
  });

  it('say what they did when a cancel came too late to stop them', async () => {
    const { events, jobs } = setUp();
    const job = jobs.start('import', 'Importing toggl.csv', () => {
      jobs.cancel(job);
      return Promise.resolve('Imported 5 entries.');
    });
    await jobs.idle();
    expect(events.at(-1)).toMatchObject({ type: 'jobFinished', outcome: 'done', message: 'Imported 5 entries.' });
  });

  it('are no longer running when their end is announced, so a cancel then says there is nothing to stop', async () => {
    const hub = createEventHub();
    const jobs = createJobs(hub, () => 0);
    const cancelAtEnd: boolean[] = [];
    hub.subscribe((event) => {
      if (event.type === 'jobFinished') cancelAtEnd.push(jobs.cancel(event.job));
    });
    jobs.start('export', 'Exporting', () => Promise.resolve('Done.'));
    await jobs.idle();
    expect(cancelAtEnd).toStrictEqual([false]);
  });

  it('report a failure with its message, not a stack', async () => {
    const { events, jobs } = setUp();
    const original = console.error;
    console.error = () => {};
    try {
      jobs.start('import', 'Importing', () => Promise.reject(new Error('Row 12: the end time is before the start time')));
      await jobs.idle();
    } finally {
      console.error = original;
    }
    expect(events.at(-1)).toMatchObject({ outcome: 'failed', message: 'Row 12: the end time is before the start time' });
  });
});
