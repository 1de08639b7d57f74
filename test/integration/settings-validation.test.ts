import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestBackend, type TestBackend } from '../support/temp-backend';

let app: TestBackend;
beforeEach(() => {
  app = openTestBackend();
});
afterEach(() => app.close());

describe('every setting is validated at its field and nothing is saved when one is wrong', () => {
  it.each([
    [{ workdayStart: '17:00', workdayEnd: '08:00' }, 'workdayEnd', 'The working day must end after it starts'],
    [{ hoursPerDay: 25 }, 'hoursPerDay', 'A day has 24 hours'],
    [{ managerAnnualSalary: -1 }, 'managerAnnualSalary', 'A salary cannot be negative'],
    [{ timeZone: 'Mars/Olympus_Mons' }, 'timeZone', 'Unknown time zone: choose one from the list, such as America/Chicago'],
    [{ oversightShare: 1.5 }, 'oversightShare', 'The oversight share is at most 100 %'],
    [{ baselineWeeks: 0 }, 'baselineWeeks', 'The baseline needs at least 1 week'],
    [{ workingDays: [1, 1] }, 'workingDays', 'A working day is listed twice'],
    [{ weekStartsOn: 7 }, 'weekStartsOn', 'A day of the week is 0 (Sunday) to 6 (Saturday)'],
    [{ currency: 'dollars' }, 'currency', 'Use a three-letter currency code such as USD'],
    [{ interruptReserve: 'yes' }, 'interruptReserve', 'On or off'],
  ])('%j is refused at %s', async (patch, field, message) => {
    const before = await app.call('settings:get');
    const failure = await app.failure('settings:update', patch);
    expect(failure.code).toBe('VALIDATION');
    expect(failure.issues).toContainEqual({ field, message });
    expect(failure.message).toBe(message);
    expect(await app.call('settings:get')).toStrictEqual(before);
  });

  it('a window that ends before the saved start is refused when only the end changes', async () => {
    await app.call('settings:update', { workdayStart: '09:00', workdayEnd: '18:00' });
    const failure = await app.failure('settings:update', { workdayEnd: '08:30' });
    expect(failure.issues).toContainEqual({ field: 'workdayEnd', message: 'The working day must end after it starts' });
    expect((await app.call('settings:get')).workdayEnd).toBe('18:00');
  });

  it('keeps every other setting when one is changed, and saves them in the settings file', async () => {
    await app.call('settings:update', { hoursPerDay: 7.5, interruptReserve: false, currency: 'EUR' });
    const reopened = app.reopen();
    try {
      expect(await reopened.call('settings:get')).toMatchObject({ hoursPerDay: 7.5, interruptReserve: false, currency: 'EUR', workdayStart: '08:00' });
    } finally {
      app = reopened;
    }
  });
});
