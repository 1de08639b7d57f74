import { describe, expect, it } from 'vitest';
import { resolveEntryTimes } from '../../shared/domain/entry-times';
import { instantAt } from '../../shared/domain/zoned-time';

const ZONE = 'America/Chicago';
const at = (day: string, clock: string) => instantAt(day, clock, ZONE);

describe('reading an entry form’s day, times and duration', () => {
  it('reads a start and an end on the same day', () => {
    expect(resolveEntryTimes({ day: '2026-11-16', start: '09:00', end: '10:30' }, ZONE)).toStrictEqual({
      ok: true, startAt: at('2026-11-16', '09:00'), endAt: at('2026-11-16', '10:30'), endDay: '2026-11-16', endsNextDay: false, minutes: 90,
    });
  });

  it('an end earlier than the start is the next day: 23:00–01:00 is two hours into tomorrow', () => {
    expect(resolveEntryTimes({ day: '2026-12-01', start: '23:00', end: '01:00' }, ZONE)).toStrictEqual({
      ok: true, startAt: at('2026-12-01', '23:00'), endAt: at('2026-12-02', '01:00'), endDay: '2026-12-02', endsNextDay: true, minutes: 120,
    });
  });

  it('an end at midnight ends the same day', () => {
    expect(resolveEntryTimes({ day: '2026-12-01', start: '22:00', end: '00:00' }, ZONE)).toMatchObject({ ok: true, endDay: '2026-12-01', endsNextDay: false, minutes: 120 });
  });

  it('counts real elapsed time across the night the clocks fall back', () => {
    expect(resolveEntryTimes({ day: '2026-10-31', start: '23:00', end: '01:30' }, ZONE)).toMatchObject({ ok: true, minutes: 150 });
    expect(resolveEntryTimes({ day: '2026-10-31', start: '23:30', end: '02:30' }, ZONE)).toMatchObject({ ok: true, minutes: 240, endsNextDay: true });
  });

  it('a duration alone gives the end, past midnight too', () => {
    expect(resolveEntryTimes({ day: '2026-12-01', start: '22:30', end: '', duration: '3h' }, ZONE)).toMatchObject({
      ok: true, endAt: at('2026-12-02', '01:30'), endDay: '2026-12-02', endsNextDay: true, minutes: 180,
    });
  });

  it('an end and a duration that agree are accepted', () => {
    expect(resolveEntryTimes({ day: '2026-12-01', start: '10:00', end: '11:30', duration: '1h 30m' }, ZONE)).toMatchObject({ ok: true, minutes: 90 });
  });

  it('an end and a duration that disagree are refused at the duration, never silently recomputed', () => {
    expect(resolveEntryTimes({ day: '2026-12-01', start: '10:00', end: '11:00', duration: '3h' }, ZONE)).toStrictEqual({
      ok: false,
      errors: { duration: 'From start to end is 1h, not 3h: change the end or the duration, or clear one of them' },
    });
  });

  it('says at each field what is missing or unreadable', () => {
    expect(resolveEntryTimes({ day: '2026-02-30', start: '', end: '' }, ZONE)).toStrictEqual({
      ok: false, errors: { day: 'Choose the day the work was done', startAt: 'Enter a start time', endAt: 'Enter an end time' },
    });
    expect(resolveEntryTimes({ day: '2026-12-01', start: '9', end: '', duration: '' }, ZONE)).toStrictEqual({
      ok: false, errors: { startAt: 'Enter the start as a time such as 09:30', endAt: 'Enter an end time, or a duration' },
    });
    expect(resolveEntryTimes({ day: '2026-12-01', start: '09:00', end: '', duration: 'a while' }, ZONE)).toStrictEqual({
      ok: false, errors: { duration: 'Type a duration such as 1h 30m, 90m or 1:30' },
    });
    expect(resolveEntryTimes({ day: '2026-12-01', start: '09:00', end: '', duration: '25h' }, ZONE)).toStrictEqual({
      ok: false, errors: { duration: 'An entry longer than 24 hours is not plausible; split it' },
    });
  });

  it('an end equal to the start is refused: it ends when it starts', () => {
    expect(resolveEntryTimes({ day: '2026-12-01', start: '14:00', end: '14:00' }, ZONE)).toStrictEqual({ ok: false, errors: { endAt: 'The entry must end after it starts' } });
  });
});
