import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/domain/settings';
import {
  EMPTY_REMINDER_LOG,
  dueReminders,
  isWorkingTime,
  rateLimit,
  readReminderLog,
  type Reminder,
  type ReminderFacts,
} from '../../shared/domain/reminders';

/**
 * Her zone is America/Chicago (UTC−6 in November): her window 08:00–17:00 is 14:00–23:00 UTC.
 * Monday 2026-11-16, 10:00 in Chicago = 16:00 UTC.
 */
const ZONE = 'America/Chicago';
const MINUTE = 60_000;
const MONDAY_10 = Date.parse('2026-11-16T16:00:00Z');
const MONDAY_08 = Date.parse('2026-11-16T14:00:00Z');

function facts(overrides: Partial<ReminderFacts> = {}, settings: Partial<ReminderFacts['settings']> = {}): ReminderFacts {
  return {
    now: MONDAY_10,
    timeZone: ZONE,
    settings: { ...DEFAULT_SETTINGS, ...settings },
    timeOff: [],
    timerRunning: true,
    lastTrackedAt: MONDAY_10 - 5 * MINUTE,
    dueTasks: [],
    mspTasks: [],
    contract: null,
    week: null,
    ...overrides,
  };
}

const kinds = (reminders: Reminder[]) => reminders.map((reminder) => reminder.kind);

describe('the working window', () => {
  it('is her working days from workdayStart to workdayEnd in her zone, without time off', () => {
    const settings = DEFAULT_SETTINGS;
    expect(isWorkingTime(MONDAY_08, ZONE, settings, [])).toBe(true);
    expect(isWorkingTime(MONDAY_08 - 1, ZONE, settings, [])).toBe(false);
    // 17:00 ends the window: 23:00 UTC.
    expect(isWorkingTime(Date.parse('2026-11-16T22:59:59Z'), ZONE, settings, [])).toBe(true);
    expect(isWorkingTime(Date.parse('2026-11-16T23:00:00Z'), ZONE, settings, [])).toBe(false);
    // Saturday 10:00 and a day off.
    expect(isWorkingTime(Date.parse('2026-11-21T16:00:00Z'), ZONE, settings, [])).toBe(false);
    expect(isWorkingTime(MONDAY_10, ZONE, settings, [{ startDay: '2026-11-16', endDay: '2026-11-20' }])).toBe(false);
  });
});

describe('nothing tracked for a while', () => {
  it('fires when no timer runs and nothing was logged for the threshold during working hours', () => {
    const reminders = dueReminders(facts({ timerRunning: false, lastTrackedAt: MONDAY_10 - 60 * MINUTE }));
    expect(reminders).toStrictEqual([
      {
        kind: 'untracked',
        keys: [`untracked:${MONDAY_10 - 60 * MINUTE}`],
        title: 'Nothing tracked for a while',
        body: 'No time logged for 1h. Start the timer, or log what you did.',
        screen: 'today',
      },
    ]);
  });

  it('does not fire a minute short of the threshold, nor while the timer runs', () => {
    expect(dueReminders(facts({ timerRunning: false, lastTrackedAt: MONDAY_10 - 59 * MINUTE }))).toStrictEqual([]);
    expect(dueReminders(facts({ timerRunning: true, lastTrackedAt: MONDAY_10 - 180 * MINUTE }))).toStrictEqual([]);
  });

  it('counts from the start of her working window when nothing was logged today', () => {
    expect(kinds(dueReminders(facts({ now: MONDAY_08 + 59 * MINUTE, timerRunning: false, lastTrackedAt: null })))).toStrictEqual([]);
    const due = dueReminders(facts({ now: MONDAY_08 + 60 * MINUTE, timerRunning: false, lastTrackedAt: null }));
    expect(due[0]?.keys).toStrictEqual([`untracked:${MONDAY_08}`]);
  });

  it('follows her threshold setting', () => {
    const setting = { untrackedReminderMinutes: 30 };
    expect(kinds(dueReminders(facts({ timerRunning: false, lastTrackedAt: MONDAY_10 - 30 * MINUTE }, setting)))).toStrictEqual(['untracked']);
  });

  it('is about working hours only, even when she lets reminders through outside them', () => {
    const evening = Date.parse('2026-11-17T01:00:00Z'); // Monday 19:00 in Chicago
    expect(dueReminders(facts({ now: evening, timerRunning: false, lastTrackedAt: null }, { quietOutsideWorkingHours: false }))).toStrictEqual([]);
  });

  it('is silent on a day off', () => {
    expect(dueReminders(facts({ timerRunning: false, lastTrackedAt: null, timeOff: [{ startDay: '2026-11-16', endDay: '2026-11-16' }] }))).toStrictEqual([]);
  });
});

describe('a task due soon', () => {
  const tasks = [
    { id: 1, title: 'Renew the firewall licence', dueDay: '2026-11-16' },
    { id: 2, title: 'Replace the UPS battery', dueDay: '2026-11-17' },
    { id: 3, title: 'Overdue thing', dueDay: '2026-11-13' },
    { id: 4, title: 'Next week', dueDay: '2026-11-23' },
    { id: 5, title: 'No date', dueDay: null },
  ];

  it('names her open tasks due today and tomorrow in one notification, once per task per day', () => {
    const [reminder] = dueReminders(facts({ dueTasks: tasks }));
    expect(reminder).toStrictEqual({
      kind: 'dueSoon',
      keys: ['due:1:2026-11-16', 'due:2:2026-11-16'],
      title: '2 tasks due soon',
      body: 'Today: “Renew the firewall licence”. Tomorrow: “Replace the UPS battery”.',
      screen: 'today',
    });
  });

  it('says which day when there is one', () => {
    expect(dueReminders(facts({ dueTasks: [tasks[1]!] }))[0]?.title).toBe('Due tomorrow: Replace the UPS battery');
  });

  it('leaves out tasks already mentioned today, and says nothing when all were', () => {
    const log = { keys: { 'due:1:2026-11-16': MONDAY_08 }, sent: [] };
    expect(dueReminders(facts({ dueTasks: tasks }), log)[0]?.keys).toStrictEqual(['due:2:2026-11-16']);
    expect(dueReminders(facts({ dueTasks: [tasks[0]!] }), log)).toStrictEqual([]);
  });

  it('is off when she turns it off', () => {
    expect(dueReminders(facts({ dueTasks: tasks }, { notifyDueSoon: false }))).toStrictEqual([]);
  });
});

describe('an MSP task past its response target', () => {
  const opened = MONDAY_10 - 121 * MINUTE;
  const msp = [
    { id: 7, title: 'Printer on 2nd floor jams', status: 'open', createdAt: opened, categoryId: 1, targetMinutes: 120 },
    { id: 8, title: 'New laptop for Dana', status: 'open', createdAt: opened, categoryId: 3, targetMinutes: 240 },
    { id: 9, title: 'Picked up already', status: 'in_progress', createdAt: opened, categoryId: 1, targetMinutes: 60 },
    { id: 10, title: 'No target', status: 'open', createdAt: opened, categoryId: 2, targetMinutes: null },
  ];

  it('fires for open MSP tasks older than their target, once per task', () => {
    const [reminder] = dueReminders(facts({ mspTasks: msp }));
    expect(reminder).toMatchObject({ kind: 'mspOverdue', keys: ['msp:7'], title: 'An MSP task is past its response target', screen: 'msp' });
    expect(reminder?.body).toBe('“Printer on 2nd floor jams” is still open. Follow up with the MSP.');
    expect(dueReminders(facts({ mspTasks: msp }), { keys: { 'msp:7': MONDAY_08 }, sent: [] })).toStrictEqual([]);
  });

  it('does not fire at exactly the target', () => {
    expect(dueReminders(facts({ mspTasks: [{ ...msp[0]!, createdAt: MONDAY_10 - 120 * MINUTE }] }))).toStrictEqual([]);
  });
});

describe('the contract at 80 % of its included hours', () => {
  it('fires once a month from 80 %', () => {
    const contract = { month: '2026-11', usedHours: 32, includedHours: 40, usedShare: 0.8 };
    expect(dueReminders(facts({ contract }))).toStrictEqual([
      {
        kind: 'contractUsage',
        keys: ['contract:2026-11'],
        title: 'The MSP contract is at 80 % of its included hours',
        body: '32h of the 40h included this month are used.',
        screen: 'msp',
      },
    ]);
    expect(dueReminders(facts({ contract }), { keys: { 'contract:2026-11': MONDAY_08 }, sent: [] })).toStrictEqual([]);
  });

  it('does not fire below 80 % or without included hours', () => {
    expect(dueReminders(facts({ contract: { month: '2026-11', usedHours: 31.9, includedHours: 40, usedShare: 0.7975 } }))).toStrictEqual([]);
    expect(dueReminders(facts({ contract: { month: '2026-11', usedHours: 5, includedHours: 0, usedShare: null } }))).toStrictEqual([]);
  });
});

describe('the week overloaded', () => {
  const week = {
    weekStart: '2026-11-16',
    days: [
      { day: '2026-11-13', overloaded: true, overHours: 3 },
      { day: '2026-11-16', overloaded: false, overHours: 0 },
      { day: '2026-11-17', overloaded: true, overHours: 2.5 },
      { day: '2026-11-19', overloaded: true, overHours: 1 },
    ],
  };

  it('names the days from today on that are booked past capacity', () => {
    expect(dueReminders(facts({ week }))).toStrictEqual([
      {
        kind: 'weekOverloaded',
        keys: ['overloaded:2026-11-17', 'overloaded:2026-11-19'],
        title: 'This week is booked past your capacity',
        body: 'Tue 2h 30m over and Thu 1h over. Move some work or hand it to the MSP.',
        screen: 'week',
      },
    ]);
  });

  it('fires again only for a day that becomes overloaded later', () => {
    const log = { keys: { 'overloaded:2026-11-17': MONDAY_08, 'overloaded:2026-11-19': MONDAY_08 }, sent: [] };
    expect(dueReminders(facts({ week }), log)).toStrictEqual([]);
    const later = { ...week, days: [...week.days, { day: '2026-11-20', overloaded: true, overHours: 0.5 }] };
    expect(dueReminders(facts({ week: later }), log)[0]).toMatchObject({ keys: ['overloaded:2026-11-20'], title: 'Fri is booked past your capacity' });
  });
});

describe('quiet hours', () => {
  const everything = {
    timerRunning: false,
    lastTrackedAt: null,
    dueTasks: [{ id: 1, title: 'Renew', dueDay: '2026-11-16' }],
    contract: { month: '2026-11', usedHours: 39, includedHours: 40, usedShare: 0.975 },
  };

  it('sends nothing outside her working window by default: evenings, weekends, time off', () => {
    const evening = Date.parse('2026-11-17T01:00:00Z'); // Monday 19:00 in Chicago
    const saturday = Date.parse('2026-11-21T16:00:00Z');
    expect(dueReminders(facts({ ...everything, now: evening }))).toStrictEqual([]);
    expect(dueReminders(facts({ ...everything, now: saturday }))).toStrictEqual([]);
    expect(dueReminders(facts({ ...everything, timeOff: [{ startDay: '2026-11-16', endDay: '2026-11-16' }] }))).toStrictEqual([]);
  });

  it('lets them through outside it when she asks, except the untracked reminder', () => {
    const evening = Date.parse('2026-11-17T01:00:00Z');
    expect(kinds(dueReminders(facts({ ...everything, now: evening }, { quietOutsideWorkingHours: false })))).toStrictEqual(['dueSoon', 'contractUsage']);
  });

  it('orders what is due by urgency: MSP, due soon, week, contract, untracked', () => {
    const all = dueReminders(
      facts({
        ...everything,
        mspTasks: [{ id: 7, title: 'Printer', status: 'open', createdAt: MONDAY_10 - 300 * MINUTE, categoryId: 1, targetMinutes: 60 }],
        week: { weekStart: '2026-11-16', days: [{ day: '2026-11-18', overloaded: true, overHours: 1 }] },
      }),
    );
    expect(kinds(all)).toStrictEqual(['mspOverdue', 'dueSoon', 'weekOverloaded', 'contractUsage', 'untracked']);
  });
});

describe('rate limiting', () => {
  const reminder = (kind: Reminder['kind'], key: string): Reminder => ({ kind, keys: [key], title: key, body: '', screen: 'today' });

  it('sends at most three notifications in any hour, the most pressing first', () => {
    const five = [reminder('mspOverdue', 'a'), reminder('dueSoon', 'b'), reminder('weekOverloaded', 'c'), reminder('contractUsage', 'd'), reminder('untracked', 'e')];
    const first = rateLimit(five, EMPTY_REMINDER_LOG, MONDAY_10);
    expect(first.send.map((item) => item.keys[0])).toStrictEqual(['a', 'b', 'c']);
    // 59 minutes later the hour is still full; at 60 minutes the rest may go.
    expect(rateLimit(five, first.log, MONDAY_10 + 59 * MINUTE).send).toStrictEqual([]);
    expect(rateLimit(five, first.log, MONDAY_10 + 60 * MINUTE).send.map((item) => item.keys[0])).toStrictEqual(['d', 'e']);
  });

  it('never sends a key twice', () => {
    const { log } = rateLimit([reminder('dueSoon', 'due:1:2026-11-16')], EMPTY_REMINDER_LOG, MONDAY_10);
    expect(rateLimit([reminder('dueSoon', 'due:1:2026-11-16')], log, MONDAY_10 + 5 * 60 * MINUTE).send).toStrictEqual([]);
  });

  it('waits 30 minutes between two notifications of one kind', () => {
    const { log } = rateLimit([reminder('mspOverdue', 'msp:1')], EMPTY_REMINDER_LOG, MONDAY_10);
    expect(rateLimit([reminder('mspOverdue', 'msp:2')], log, MONDAY_10 + 29 * MINUTE).send).toStrictEqual([]);
    expect(rateLimit([reminder('mspOverdue', 'msp:2')], log, MONDAY_10 + 30 * MINUTE).send).toHaveLength(1);
  });

  it('forgets keys after 45 days and ignores entries from the future (a clock set back)', () => {
    const log = { keys: { old: MONDAY_10 - 46 * 24 * 60 * MINUTE, ahead: MONDAY_10 + 60 * MINUTE }, sent: [{ kind: 'dueSoon' as const, at: MONDAY_10 + MINUTE }] };
    const next = rateLimit([reminder('dueSoon', 'old')], log, MONDAY_10);
    expect(next.send).toHaveLength(1);
    expect(Object.keys(next.log.keys)).toStrictEqual(['old']);
  });

  it('reads back a stored log, and starts afresh from a malformed one', () => {
    expect(readReminderLog({ keys: { a: 1, b: 'x' }, sent: [{ kind: 'dueSoon', at: 2 }, { kind: 'nope', at: 3 }, null] })).toStrictEqual({
      keys: { a: 1 },
      sent: [{ kind: 'dueSoon', at: 2 }],
    });
    expect(readReminderLog('garbage')).toStrictEqual(EMPTY_REMINDER_LOG);
  });
});
