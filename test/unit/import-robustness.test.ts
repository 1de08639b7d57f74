import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTasks } from '../../shared/import/tasks';
import { parseTimeEntries } from '../../shared/import/time-entries';

const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

/** Cells that are sometimes right and often not: what hand-edited files contain. */
const messyCell = (good: fc.Arbitrary<string>) =>
  fc.oneof(good, fc.constant(''), fc.string({ maxLength: 8 }), fc.constantFrom('24:00', '12:00 AM', '31/02/2024', '13/13/2024', ' 09:00 ', '2:05pm'));

describe('any input gets an answer, never an exception', () => {
  it('arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: 'binary' }), (text) => {
        expect(['failed', 'parsed', 'needs-day-month-order']).toContain(parseTimeEntries(text, { timeZone: 'Europe/London' }).status);
        expect(['failed', 'parsed', 'needs-day-month-order']).toContain(parseTasks(text).status);
      }),
    );
  });

  it('every data row of a messy Toggl file is imported, refused or skipped, and never two of these', () => {
    const day = fc.integer({ min: 1, max: 28 }).map((value) => `2024-10-${String(value).padStart(2, '0')}`);
    const clock = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    const row = fc.tuple(fc.constantFrom('Gail', 'Sam', ''), fc.string({ maxLength: 10 }), messyCell(day), messyCell(clock), messyCell(day), messyCell(clock));
    fc.assert(
      fc.property(fc.array(row, { maxLength: 25 }), (rows) => {
        const lines = rows.filter((cells) => cells.some((cell) => cell.trim() !== '')).map((cells) => cells.map(quote).join(','));
        const text = `User,Description,Start date,Start time,End date,End time\n${lines.join('\n')}\n`;
        const result = parseTimeEntries(text, { timeZone: 'America/New_York', dayMonthOrder: 'DMY' });
        expect(result.status).toBe('parsed');
        if (result.status !== 'parsed') return;
        const imported = result.rows.map((entry) => entry.row);
        const refused = [...new Set(result.errors.map((issue) => issue.row))];
        const skipped = result.skipped.map((issue) => issue.row);
        const all = [...imported, ...refused, ...skipped].sort((a, b) => a - b);
        expect(new Set(all).size).toBe(all.length);
        expect(all.length).toBe(result.totalRows);
        for (const entry of result.rows) {
          expect(entry.endAt).toBeGreaterThan(entry.startAt);
          expect(entry.endAt - entry.startAt).toBeLessThanOrEqual(86_400_000);
        }
      }),
    );
  });
});
