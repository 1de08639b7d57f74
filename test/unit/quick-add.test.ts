import { describe, expect, it } from 'vitest';
import { parseQuickAdd, type QuickAddContext, type QuickAddResult } from '../../shared/domain/quick-add';

// Wednesday 18 November 2026, weeks start on Monday.
const context: QuickAddContext = {
  today: '2026-11-18',
  weekStartsOn: 1,
  categories: [
    { id: 1, name: 'Tech support', archived: false },
    { id: 2, name: 'Server administration', archived: false },
    { id: 3, name: 'Desktop maintenance', archived: false },
    { id: 4, name: 'Network', archived: false },
    { id: 5, name: 'Security & backups', archived: false },
    { id: 6, name: 'Vendors & licensing', archived: false },
    { id: 7, name: 'Research & strategy', archived: false },
    { id: 8, name: 'Meetings', archived: false },
    { id: 9, name: 'Other', archived: false },
    { id: 10, name: 'Phones', archived: true },
  ],
  technicians: [
    { id: 1, name: 'Sam Ortiz', archived: false },
    { id: 2, name: 'Samira Khan', archived: false },
    { id: 3, name: 'Ana Lee', archived: false },
    { id: 4, name: 'Bob Old', archived: true },
  ],
};

const parse = (text: string) => parseQuickAdd(text, context);

/** What a line gives when it holds no options at all. */
const plain = {
  categoryId: null,
  estimateMinutes: null,
  dueDay: null,
  priority: 0,
  owner: null,
  technicianId: null,
  unplanned: false,
  problems: [],
} satisfies Partial<QuickAddResult>;

interface Case {
  rule: string;
  text: string;
  expected: Partial<Omit<QuickAddResult, 'tokens'>>;
}

const cases: Case[] = [
  // The brief's examples.
  {
    rule: 'the brief: category, estimate, date and priority come out of one line',
    text: 'Reset VPN for sales #support ~30m today !',
    expected: { ...plain, title: 'Reset VPN for sales', categoryId: 1, estimateMinutes: 30, dueDay: '2026-11-18', priority: 1 },
  },
  {
    rule: 'the brief: a weekday and @msp hand the task to the MSP',
    text: 'Patch file server #server ~2h fri @msp',
    expected: { ...plain, title: 'Patch file server', categoryId: 2, estimateMinutes: 120, dueDay: '2026-11-20', owner: 'msp' },
  },
  {
    rule: 'the brief: !! is priority 2 and `unplanned` flags an interrupt; "in HR" is not a date',
    text: 'Printer jam in HR #support !! unplanned',
    expected: { ...plain, title: 'Printer jam in HR', categoryId: 1, priority: 2, unplanned: true },
  },

  // Title text.
  { rule: 'a line with no options is all title', text: 'Call the copier vendor', expected: { ...plain, title: 'Call the copier vendor' } },
  {
    rule: 'tabs, repeated and leading/trailing spaces collapse in the title',
    text: '  \tRenew   cert\t\tfor  #net   intranet  ',
    expected: { ...plain, title: 'Renew cert for intranet', categoryId: 4 },
  },
  {
    rule: 'emoji, accents and CJK survive untouched',
    text: '🔥 Réparer l’imprimante 打印机 #support',
    expected: { ...plain, title: '🔥 Réparer l’imprimante 打印机', categoryId: 1 },
  },
  {
    rule: 'sigils inside a word are title text: C#, re!boot, x~30m, email@me.com',
    text: 'Fix C# build re!boot x~30m email@me.com',
    expected: { ...plain, title: 'Fix C# build re!boot x~30m email@me.com' },
  },
  {
    rule: 'date words with punctuation or inside longer words are title text',
    text: "Check today's monitor backups, tomorrow. fri-day",
    expected: { ...plain, title: "Check today's monitor backups, tomorrow. fri-day" },
  },
  {
    rule: 'a bare sigil and a #ticket number are title text without a problem',
    text: 'Follow up ticket #4521 # ~ @',
    expected: { ...plain, title: 'Follow up ticket #4521 # ~ @' },
  },
  {
    rule: '`next` without a weekday and `in` without a count and unit stay in the title',
    text: 'Plan next quarter in 3 steps',
    expected: { ...plain, title: 'Plan next quarter in 3 steps' },
  },
  {
    rule: 'only options and no words leaves an empty title, which is a problem',
    text: '#support ~30m today !',
    expected: { title: '', categoryId: 1, estimateMinutes: 30, dueDay: '2026-11-18', priority: 1, problems: ['Add a title: only options were given'] },
  },
  { rule: 'a blank line asks for a title', text: ' \t ', expected: { ...plain, title: '', problems: ['Add a title'] } },

  // Categories.
  { rule: 'a category matches its full name case-insensitively', text: 'Weekly sync #MEETINGS', expected: { ...plain, title: 'Weekly sync', categoryId: 8 } },
  { rule: 'a category matches a prefix of its name', text: 'Rack switch #net', expected: { ...plain, title: 'Rack switch', categoryId: 4 } },
  { rule: 'a category matches a prefix of a later word in its name', text: 'Test restore #backup', expected: { ...plain, title: 'Test restore', categoryId: 5 } },
  { rule: '- stands for a space in a multi-word category', text: 'New laptop #tech-support', expected: { ...plain, title: 'New laptop', categoryId: 1 } },
  { rule: '_ stands for a space in a multi-word category', text: 'Image PCs #desktop_main', expected: { ...plain, title: 'Image PCs', categoryId: 3 } },
  { rule: 'an & in a category name need not be typed', text: 'Quote #vendors-licensing', expected: { ...plain, title: 'Quote', categoryId: 6 } },
  {
    rule: 'a prefix shared by category names is ambiguous: removed from the title, no category',
    text: 'Something #s',
    expected: { ...plain, title: 'Something', problems: ['“#s” matches Server administration, Security & backups: type more'] },
  },
  {
    rule: 'a name that starts with the prefix beats one where only a later word does',
    text: 'Standup #m',
    expected: { ...plain, title: 'Standup', categoryId: 8 },
  },
  {
    rule: 'an unknown category stays in the title and is pointed out',
    text: 'Order toner #printing',
    expected: { ...plain, title: 'Order toner #printing', problems: ['“#printing” is not a category'] },
  },
  {
    rule: 'an archived category is not matched',
    text: 'Port numbers #phones',
    expected: { ...plain, title: 'Port numbers #phones', problems: ['“#phones” is not a category'] },
  },
  {
    rule: 'two different categories: the first wins',
    text: 'Firewall rule #network #security',
    expected: { ...plain, title: 'Firewall rule', categoryId: 4, problems: ['Two categories given (#network, #security); using the first'] },
  },
  { rule: 'the same category twice is no conflict', text: 'Firewall #net #network', expected: { ...plain, title: 'Firewall', categoryId: 4 } },

  // Estimates.
  { rule: 'estimate in minutes', text: 'Task ~45m', expected: { ...plain, title: 'Task', estimateMinutes: 45 } },
  { rule: 'estimate in decimal hours', text: 'Task ~1.5h', expected: { ...plain, title: 'Task', estimateMinutes: 90 } },
  { rule: 'estimate in hours and minutes', text: 'Task ~1h15m', expected: { ...plain, title: 'Task', estimateMinutes: 75 } },
  { rule: 'a bare number estimate is minutes', text: 'Task ~90', expected: { ...plain, title: 'Task', estimateMinutes: 90 } },
  { rule: 'an estimate of exactly a week is allowed', text: 'Migration ~168h', expected: { ...plain, title: 'Migration', estimateMinutes: 10080 } },
  {
    rule: 'a zero estimate is a problem and stays in the title',
    text: 'Task ~0m',
    expected: { ...plain, title: 'Task ~0m', problems: ['“~0m” is not an estimate'] },
  },
  {
    rule: 'an estimate over a week is a problem and stays in the title',
    text: 'Task ~500h',
    expected: { ...plain, title: 'Task ~500h', problems: ['“~500h” is over a week'] },
  },
  {
    rule: 'an estimate that is not a duration is a problem and stays in the title',
    text: 'Task ~abc',
    expected: { ...plain, title: 'Task ~abc', problems: ['“~abc” is not an estimate'] },
  },
  {
    rule: 'two different estimates: the first wins',
    text: 'Task ~30m ~2h',
    expected: { ...plain, title: 'Task', estimateMinutes: 30, problems: ['Two estimates given (~30m, ~2h); using the first'] },
  },

  // Dates.
  { rule: '`today` is today', text: 'Task today', expected: { ...plain, title: 'Task', dueDay: '2026-11-18' } },
  { rule: '`tod` is today, case-insensitively', text: 'Task TOD', expected: { ...plain, title: 'Task', dueDay: '2026-11-18' } },
  { rule: '`tomorrow` is the next day', text: 'Task tomorrow', expected: { ...plain, title: 'Task', dueDay: '2026-11-19' } },
  { rule: '`tmr` is the next day', text: 'Task tmr', expected: { ...plain, title: 'Task', dueDay: '2026-11-19' } },
  { rule: 'a name such as Tom is not read as tomorrow', text: 'Call Tom', expected: { ...plain, title: 'Call Tom' } },
  { rule: '`mon` on a Wednesday is the coming Monday', text: 'Task mon', expected: { ...plain, title: 'Task', dueDay: '2026-11-23' } },
  { rule: 'a full weekday name works like its abbreviation', text: 'Task Thursday', expected: { ...plain, title: 'Task', dueDay: '2026-11-19' } },
  { rule: '`wed` on a Wednesday is today (on or after today)', text: 'Task wed', expected: { ...plain, title: 'Task', dueDay: '2026-11-18' } },
  { rule: '`sun` is the Sunday ending this Monday-week', text: 'Task sun', expected: { ...plain, title: 'Task', dueDay: '2026-11-22' } },
  { rule: '`next mon` on a Wednesday is the Monday starting next week', text: 'Task next mon', expected: { ...plain, title: 'Task', dueDay: '2026-11-23' } },
  { rule: '`next wednesday` is next week, not today', text: 'Task next wednesday', expected: { ...plain, title: 'Task', dueDay: '2026-11-25' } },
  { rule: '`next sun` is the Sunday of next week', text: 'Task Next Sun', expected: { ...plain, title: 'Task', dueDay: '2026-11-29' } },
  { rule: '`in 3 days` counts calendar days', text: 'Task in 3 days', expected: { ...plain, title: 'Task', dueDay: '2026-11-21' } },
  { rule: '`in 1 day` is tomorrow', text: 'Task in 1 day', expected: { ...plain, title: 'Task', dueDay: '2026-11-19' } },
  { rule: '`in 2 weeks` counts 14 days, across a month end', text: 'Task in 2 weeks', expected: { ...plain, title: 'Task', dueDay: '2026-12-02' } },
  { rule: 'an ISO day is taken as is', text: 'Renew licence 2026-12-01', expected: { ...plain, title: 'Renew licence', dueDay: '2026-12-01' } },
  {
    rule: 'an ISO-shaped day that does not exist is a problem and stays in the title',
    text: 'Renew licence 2026-02-30',
    expected: { ...plain, title: 'Renew licence 2026-02-30', problems: ['“2026-02-30” is not a real date'] },
  },
  {
    rule: 'two different dates: the first wins',
    text: 'Task today fri',
    expected: { ...plain, title: 'Task', dueDay: '2026-11-18', problems: ['Two dates given (today, fri); using the first'] },
  },
  {
    rule: 'two date words meaning the same day are no conflict',
    text: 'Task today wed',
    expected: { ...plain, title: 'Task', dueDay: '2026-11-18' },
  },

  // Priority.
  { rule: '`!!!` is priority 3', text: 'Outage !!!', expected: { ...plain, title: 'Outage', priority: 3 } },
  { rule: 'four or more `!` is still priority 3, without a problem', text: 'Outage !!!!', expected: { ...plain, title: 'Outage', priority: 3 } },
  { rule: 'several priority words: the highest wins, without a problem', text: '! Outage !!! !!', expected: { ...plain, title: 'Outage', priority: 3 } },
  { rule: '`!` glued to a word is title text', text: 'Outage! now', expected: { ...plain, title: 'Outage! now' } },

  // Owner.
  { rule: '`@me` keeps the task', text: 'Budget @me', expected: { ...plain, title: 'Budget', owner: 'me' } },
  { rule: '`@MSP` hands it off, case-insensitively', text: 'Budget @MSP', expected: { ...plain, title: 'Budget', owner: 'msp' } },
  {
    rule: 'a technician first-name prefix assigns the MSP and that technician',
    text: 'Swap disk @ana',
    expected: { ...plain, title: 'Swap disk', owner: 'msp', technicianId: 3 },
  },
  {
    rule: 'a technician full name with - for the space',
    text: 'Swap disk @sam-ortiz',
    expected: { ...plain, title: 'Swap disk', owner: 'msp', technicianId: 1 },
  },
  {
    rule: 'a technician full-name prefix with _ for the space',
    text: 'Swap disk @samira_k',
    expected: { ...plain, title: 'Swap disk', owner: 'msp', technicianId: 2 },
  },
  {
    rule: 'a prefix shared by technicians is ambiguous: removed from the title, no owner',
    text: 'Swap disk @sam',
    expected: { ...plain, title: 'Swap disk', problems: ['“@sam” matches Sam Ortiz, Samira Khan: type more'] },
  },
  {
    rule: 'an unknown technician stays in the title and is pointed out',
    text: 'Swap disk @zed',
    expected: { ...plain, title: 'Swap disk @zed', problems: ['“@zed” is not a technician'] },
  },
  {
    rule: 'an archived technician is not matched',
    text: 'Swap disk @bob',
    expected: { ...plain, title: 'Swap disk @bob', problems: ['“@bob” is not a technician'] },
  },
  {
    rule: '@me then @msp conflict: the first wins',
    text: 'Budget @me @msp',
    expected: { ...plain, title: 'Budget', owner: 'me', problems: ['Two owners given (@me, @msp); using the first'] },
  },
  {
    rule: '@me then a technician conflict: the first wins and no technician is set',
    text: 'Budget @me @ana',
    expected: { ...plain, title: 'Budget', owner: 'me', problems: ['Two owners given (@me, @ana); using the first'] },
  },
  {
    rule: '@msp and a technician agree: the technician is set',
    text: 'Swap disk @msp @ana',
    expected: { ...plain, title: 'Swap disk', owner: 'msp', technicianId: 3 },
  },
  {
    rule: 'two different technicians: the first wins',
    text: 'Swap disk @ana @samira',
    expected: { ...plain, title: 'Swap disk', owner: 'msp', technicianId: 3, problems: ['Two technicians given (@ana, @samira); using the first'] },
  },

  // Unplanned.
  { rule: '`unplanned` is case-insensitive', text: 'UNPLANNED Reboot DC', expected: { ...plain, title: 'Reboot DC', unplanned: true } },
  { rule: '`unplanned` glued to punctuation is title text', text: 'Reboot (unplanned)', expected: { ...plain, title: 'Reboot (unplanned)' } },
];

describe('parseQuickAdd (today is Wednesday 2026-11-18, weeks start Monday)', () => {
  it('has a broad table of cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it.each(cases)('$rule: $text', ({ text, expected }) => {
    const result = parse(text);
    expect(result).toMatchObject(expected);
    expect(result.problems).toEqual(expected.problems ?? []);
  });

  it('reports every token with its kind and exact position in the original text', () => {
    const text = 'Reset VPN  #support ~30m next  mon ! @zed';
    const { tokens } = parse(text);
    expect(tokens).toEqual([
      { text: '#support', start: 11, end: 19, kind: 'category' },
      { text: '~30m', start: 20, end: 24, kind: 'estimate' },
      { text: 'next  mon', start: 25, end: 34, kind: 'date' },
      { text: '!', start: 35, end: 36, kind: 'priority' },
      { text: '@zed', start: 37, end: 41, kind: 'unknown', message: '“@zed” is not a technician' },
    ]);
    for (const token of tokens) expect(text.slice(token.start, token.end)).toBe(token.text);
  });

  it('positions are String indices, so they stay right after emoji', () => {
    const text = '🔥🔥 Fix #net';
    const [token] = parse(text).tokens;
    expect(token).toMatchObject({ kind: 'category', start: 9, end: 13 });
    expect(text.slice(token!.start, token!.end)).toBe('#net');
  });

  it('conflicting and ambiguous tokens are consumed but carry their message; unknown ones stay in the title', () => {
    const result = parse('Fix #net #other #s ~abc');
    expect(result.title).toBe('Fix ~abc');
    expect(result.tokens.map((token) => [token.text, token.kind, token.message !== undefined])).toEqual([
      ['#net', 'category', false],
      ['#other', 'category', true],
      ['#s', 'category', true],
      ['~abc', 'unknown', true],
    ]);
    expect(result.problems).toHaveLength(3);
  });

  it('an ambiguous category does not block a later, clear one', () => {
    expect(parse('Fix #s #net')).toMatchObject({ title: 'Fix', categoryId: 4, problems: ['“#s” matches Server administration, Security & backups: type more'] });
  });

  it('`next <day>` depends on where the week starts', () => {
    // With Sunday weeks, next week starts on Sunday 22 Nov, so `next sun` is that Sunday.
    expect(parseQuickAdd('Task next sun', { ...context, weekStartsOn: 0 }).dueDay).toBe('2026-11-22');
    expect(parseQuickAdd('Task next mon', { ...context, weekStartsOn: 0 }).dueDay).toBe('2026-11-23');
    // With Saturday weeks, the current week is Sat 14 – Fri 20, so `next fri` is 27 Nov.
    expect(parseQuickAdd('Task next fri', { ...context, weekStartsOn: 6 }).dueDay).toBe('2026-11-27');
  });

  it('a weekday typed on that weekday means today, and the day before means six days on', () => {
    const friday = { ...context, today: '2026-11-20' };
    expect(parseQuickAdd('Task fri', friday).dueDay).toBe('2026-11-20');
    expect(parseQuickAdd('Task thu', friday).dueDay).toBe('2026-11-26');
  });

  it('relative dates cross year ends', () => {
    expect(parseQuickAdd('Task tomorrow', { ...context, today: '2026-12-31' }).dueDay).toBe('2027-01-01');
    expect(parseQuickAdd('Task in 1 week', { ...context, today: '2026-12-28' }).dueDay).toBe('2027-01-04');
  });
});
