import { describe, expect, it } from 'vitest';
import { parseTimeEntries } from '../../shared/import/time-entries';

const pad = (value: number) => String(value).padStart(2, '0');

/** A Toggl detailed export of `count` entries, about eight a working day, as a decade of use produces. */
function togglExport(count: number): string {
  const lines = ['\uFEFFUser,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount (USD)'];
  const projects = ['Server admin', 'Desktop support', 'Network', 'Meetings', 'Vendors & licensing'];
  let at = Date.UTC(2015, 0, 5, 8, 0, 0);
  const dateAndTime = (ms: number) => {
    const date = new Date(ms);
    return [
      `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`,
      `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`,
    ];
  };
  for (let index = 0; index < count; index++) {
    const length = (15 + (index % 7) * 11) * 60_000 + (index % 60) * 1000;
    const [startDate, startTime] = dateAndTime(at);
    const [endDate, endTime] = dateAndTime(at + length);
    const description = index % 5 === 0 ? `"Patch, reboot and check ""srv-${index % 40}"" ✅"` : `Ticket ${index} follow-up`;
    lines.push(`Gail Moreno,gail@northwind.example,Northwind Traders,${projects[index % 5]},,${description},No,${startDate},${startTime},${endDate},${endTime},00:30:00,"ops, urgent",0.00`);
    at += length + 5 * 60_000;
    if (new Date(at).getUTCHours() >= 18) at += 14 * 3_600_000;
  }
  return `${lines.join('\r\n')}\r\n`;
}

const mapping = {
  categories: { 'project:network': 4, 'client:northwind traders': 1 },
  workers: { 'email:gail@northwind.example': { worker: 'me' as const, technicianId: null } },
};

describe('big files', () => {
  it('parses 100,000 Toggl rows, each once, with no errors (its speed is measured by npm run bench)', () => {
    const result = parseTimeEntries(togglExport(100_000), { timeZone: 'America/New_York', mapping });
    expect(result.status).toBe('parsed');
    if (result.status !== 'parsed') return;
    expect(result.rows).toHaveLength(100_000);
    expect(result.errors).toEqual([]);
    expect(new Set(result.rows.map((entry) => entry.sourceKey)).size).toBe(100_000);
    // A budget for two shared cores (about 1 s alone, over 5 s under load), never a speed check.
  }, 60_000);

  it('reports progress every 10,000 rows and once at the end', () => {
    const calls: [number, number][] = [];
    parseTimeEntries(togglExport(25_000), { timeZone: 'UTC', mapping, onProgress: (done, total) => calls.push([done, total]) });
    expect(calls).toEqual([
      [10_000, 25_000],
      [20_000, 25_000],
      [25_000, 25_000],
    ]);
  }, 30_000);

  it('stops when cancelled, returning nothing to apply', () => {
    let checks = 0;
    const result = parseTimeEntries(togglExport(25_000), { timeZone: 'UTC', mapping, isCancelled: () => ++checks === 2 });
    expect(result).toEqual({ status: 'cancelled', format: 'toggl' });
    expect(checks).toBe(2);
  }, 30_000);
});
