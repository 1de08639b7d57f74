import { describe, expect, it } from 'vitest';
import { herRows, isMuchSmaller, retainedBackups, type BackupReason, type BackupStatus, type RetentionCandidate, type RetentionContext } from '../../shared/domain/backups';
import { addDays } from '../../shared/domain/day';
import { instantAt } from '../../shared/domain/zoned-time';

const ZONE = 'America/Chicago';
/** Monday 16 November 2026, 14:00 in Chicago. */
const NOW = instantAt('2026-11-16', '14:00', ZONE);
const context: RetentionContext = { now: NOW, timeZone: ZONE, weekStartsOn: 1, lastGoodId: null };

function backup(id: string, day: string, clock: string, reason: BackupReason = 'scheduled', status: BackupStatus = 'good'): RetentionCandidate {
  return { id, takenAt: instantAt(day, clock, ZONE), reason, status };
}

const kept = (candidates: RetentionCandidate[], overrides: Partial<RetentionContext> = {}) =>
  [...retainedBackups(candidates, { ...context, ...overrides }).keys()].sort();

describe('the backup retention rule', () => {
  it('keeps the newest backup of each hour today', () => {
    const candidates = [
      backup('09:05', '2026-11-16', '09:05', 'start'),
      backup('09:40', '2026-11-16', '09:40', 'manual'),
      backup('13:10', '2026-11-16', '13:10'),
      backup('13:55', '2026-11-16', '13:55'),
    ];
    const rule = retainedBackups(candidates, context);
    // 09:05 is the older of the two 09:xx backups; 13:10 the older of the two 13:xx ones.
    expect([...rule.keys()].sort()).toEqual(['09:40', '13:55']);
    // 13:55 is also today's newest, so it is the daily, weekly and monthly backup as well.
    expect(rule.get('13:55')).toEqual(['hourly', 'daily', 'weekly', 'monthly']);
    expect(rule.get('09:40')).toEqual(['hourly']);
  });

  it('keeps 7 daily, 4 weekly and 12 monthly backups, counting only days, weeks and months that have one', () => {
    const candidates: RetentionCandidate[] = [];
    // One backup at noon every day from Sunday 1 November to Sunday 15 November.
    for (let day = '2026-11-01'; day <= '2026-11-15'; day = addDays(day, 1)) candidates.push(backup(day, day, '12:00'));
    candidates.push(backup('today 09:00', '2026-11-16', '09:00'));
    candidates.push(backup('2026-10-20', '2026-10-20', '12:00'), backup('2026-10-05', '2026-10-05', '12:00'));
    // The 15th of each month from September 2025 to September 2026: thirteen months.
    for (let month = 0; month < 13; month += 1) {
      const date = new Date(Date.UTC(2025, 8 + month, 15)).toISOString().slice(0, 10);
      candidates.push(backup(date, date, '12:00'));
    }

    expect(kept(candidates)).toEqual(
      [
        // Daily: today and the six days before it that have a backup (15th … 10th).
        'today 09:00', '2026-11-15', '2026-11-14', '2026-11-13', '2026-11-12', '2026-11-11', '2026-11-10',
        // Weekly (weeks start on Monday): this week is today's; 9–15 Nov is the 15th's (already daily);
        // 2–8 Nov is the 8th's; 26 Oct–1 Nov is the 1st's.
        '2026-11-08', '2026-11-01',
        // Monthly: November is today's, October the 20th's, then the 15th of September 2026 back to
        // December 2025 — twelve months. November, October and September 2025 go.
        '2026-10-20', '2026-09-15', '2026-08-15', '2026-07-15', '2026-06-15', '2026-05-15', '2026-04-15',
        '2026-03-15', '2026-02-15', '2026-01-15', '2025-12-15',
      ].sort(),
    );
  });

  it('puts a backup on her day, in her zone: 23:30 on Sunday in Chicago is Sunday, although it is Monday in UTC', () => {
    const lateSunday = backup('late Sunday', '2026-11-15', '23:30');
    expect(new Date(lateSunday.takenAt).toISOString()).toBe('2026-11-16T05:30:00.000Z');
    const earlierSunday = backup('earlier Sunday', '2026-11-15', '20:00');
    const monday = backup('Monday', '2026-11-16', '08:00');
    // Sunday's newest is the 23:30 one; the 20:00 one is in no bucket of its own.
    expect(kept([earlierSunday, lateSunday, monday])).toEqual(['Monday', 'late Sunday']);
  });

  it('always keeps the last good backup, however old', () => {
    const candidates = [backup('old good', '2024-03-01', '12:00'), ...Array.from({ length: 13 }, (_, month) => {
      const date = new Date(Date.UTC(2025, 10 + month, 1)).toISOString().slice(0, 10);
      return backup(date, date, '12:00', 'scheduled', 'suspect');
    })];
    expect(kept(candidates, { lastGoodId: 'old good' })).toContain('old good');
    expect(retainedBackups(candidates, { ...context, lastGoodId: 'old good' }).get('old good')).toEqual(['last-good', 'daily', 'weekly', 'monthly']);
  });

  it('never lets a run of much smaller (suspect) backups push a good one out', () => {
    const good = ['2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13', '2026-11-14', '2026-11-15', '2026-11-16'].map((day) => backup(`good ${day}`, day, '08:00'));
    const suspect = ['2026-11-14', '2026-11-15', '2026-11-16'].flatMap((day) => [backup(`small ${day} a`, day, '10:00', 'scheduled', 'suspect'), backup(`small ${day} b`, day, '12:00', 'scheduled', 'suspect')]);
    const result = kept([...good, ...suspect], { lastGoodId: 'good 2026-11-16' });
    // Every good daily backup stays, exactly as without the small ones.
    for (const day of good) expect(result).toContain(day.id);
    // The small ones are kept by the same rule among themselves: the newest of each day, and today's by hour.
    expect(result.filter((id) => id.startsWith('small')).sort()).toEqual(['small 2026-11-14 b', 'small 2026-11-15 b', 'small 2026-11-16 a', 'small 2026-11-16 b']);
  });

  it('keeps the copies taken before an update or a restore for 30 days', () => {
    const candidates = [
      backup('today', '2026-11-16', '13:00'),
      // Three backups on one day: only the newest is that day's backup.
      backup('before restore, 29 days ago', '2026-10-18', '09:00', 'before-restore'),
      backup('before update, 31 days ago', '2026-10-16', '09:00', 'before-migration'),
      backup('same day, later', '2026-10-16', '18:00'),
      backup('29 days ago, later', '2026-10-18', '18:00'),
    ];
    expect(kept(candidates)).toEqual(['29 days ago, later', 'before restore, 29 days ago', 'same day, later', 'today'].sort());
  });

  it('keeps an unverified backup until it has been checked, and one dated after now', () => {
    const candidates = [
      backup('today', '2026-11-16', '13:00'),
      backup('found without a list entry', '2026-11-16', '13:30', 'scheduled', 'unverified'),
      backup('from the future', '2026-11-17', '09:00'),
    ];
    const rule = retainedBackups(candidates, context);
    expect(rule.get('found without a list entry')).toEqual(['unverified']);
    expect(rule.get('from the future')).toEqual(['future']);
    expect(rule.get('today')).toEqual(['hourly', 'daily', 'weekly', 'monthly']);
  });
});

describe('a much smaller backup', () => {
  it('is one with less than half the rows of the last good backup', () => {
    expect(isMuchSmaller(499, 1000)).toBe(true);
    expect(isMuchSmaller(500, 1000)).toBe(false);
    expect(isMuchSmaller(3, null)).toBe(false);
  });

  it('counts her rows, not the rollups the app derives from them', () => {
    expect(herRows({ tasks: 10, time_entries: 30, daily_rollup: 400, hour_month_rollup: 900, derived_state: 2, categories: 9 })).toBe(49);
  });
});
