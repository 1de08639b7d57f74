import { describe, expect, it } from 'vitest';
import { compareReports, parseReport, valueOf } from '../../bench/compare-runs';
import { printSection, type Line } from '../../bench/report';

const TIMINGS = 'backend: each screen’s data call through the dispatcher';
const SIZES = 'backend: what each screen receives (largest response)';
const RATIOS = 'backend: against the naive versions, same run, interleaved';

/** A report in the bench's own format, printed by the bench's own printer. */
function report(title: string, sections: Record<string, Line[]>): string {
  const lines = [`# offload bench · ${title}`, '# data: cached'];
  for (const [name, rows] of Object.entries(sections)) printSection(name, rows, (line) => lines.push(line));
  return lines.join('\n');
}

const WORKERS = 'backend: backups and imports in their workers, and what the main thread feels';

/** Each figure as [section, name, the ten-year p50, the hundred-year p50 (null: not in that run), target]. */
const FIGURES: [section: string, figure: string, ten: string, hundred: string | null, target: string][] = [
  [TIMINGS, 'machine reference, before the figures: the same SQLite sort', '50.0 ms', '58.0 ms', '—'],
  [TIMINGS, 'Today (today:summary)', '0.64 ms', '1.20 ms', 'p50 ≤ 20 ms'],
  [TIMINGS, 'Tasks, default view: active (tasks:list)', '1.00 ms', '1.70 ms', 'p50 ≤ 20 ms'],
  [TIMINGS, 'all of her history by month (insights:charts)', '20.0 ms', '200 ms', 'p50 ≤ 30 ms'],
  [TIMINGS, 'purge of deleted tasks (on open)', '0.01 ms', '0.02 ms', '—'],
  [TIMINGS, 'Time off, the last year and ahead (timeOff:list)', '0.01 ms', '0.02 ms', 'p50 ≤ 20 ms'],
  [TIMINGS, 'app status (app:status)', '0.05 ms', '0.10 ms', 'p50 ≤ 20 ms'],
  [TIMINGS, 'only in the first run', '1.00 ms', null, 'p50 ≤ 20 ms'],
  [TIMINGS, 'machine reference, after them: the same SQLite sort', '50.0 ms', '62.0 ms', '—'],
  [RATIOS, 'reclaimed:report vs raw GROUP BY over entries', '12.0×', '120.0×', 'p50 ≥ 10×'],
  [SIZES, 'Today (today:summary)', '42.8 KB', '70.0 KB', '≤ 64 KB'],
  [WORKERS, 'import 100,000 Toggl rows after their preview', '0.84 s = 119,369 rows/s', '1.00 s = 100,000 rows/s', 'p50 ≥ 100,000 rows/s'],
  [WORKERS, '  this thread busy during the import', '3 ms', '9 ms', 'of 838 ms'],
];

/** One run's report: each figure's p50 (and the same as p95) from the column `run` picks. */
function run(title: string, pick: (figure: (typeof FIGURES)[number]) => string | null): string {
  const sections: Record<string, Line[]> = {};
  for (const figure of FIGURES) {
    const p50 = pick(figure);
    if (p50 !== null) (sections[figure[0]] ??= []).push([figure[1], p50, p50, figure[4], 'ok', 'n=30']);
  }
  return report(title, sections);
}

const ten = run('scale 1 (10 years)', (figure) => figure[2]);
const hundred = run('scale 10 (100 years)', (figure) => figure[3]);

const byFigure = () => {
  const lines = compareReports(parseReport(ten), parseReport(hundred));
  return (section: 'first' | 'size', figure: string) => {
    const found = lines.filter((line) => line[0] === figure);
    return section === 'size' ? found.find((line) => line[1].endsWith('KB')) : found.find((line) => !line[1].endsWith('KB'));
  };
};

describe('comparing two bench reports (bench:compare)', () => {
  it('reads each printed amount as ms, KB or a count: seconds and throughput as their time, MB as KB', () => {
    expect(valueOf('0.54 ms')).toStrictEqual({ amount: 0.54, unit: 'ms' });
    expect(valueOf('0.84 s = 119,369 rows/s')).toStrictEqual({ amount: 840, unit: 'ms' });
    expect(valueOf('3,432 ms')).toStrictEqual({ amount: 3432, unit: 'ms' });
    expect(valueOf('7.4 MB')?.amount).toBeCloseTo(7.4 * 1024, 9);
    expect(valueOf('1,158')).toStrictEqual({ amount: 1158, unit: 'count' });
    expect(valueOf('4.20 %')).toBeNull();
    expect(valueOf('—')).toBeNull();
  });

  it('takes the machine reference as the mean of the lines the bench prints before and after the figures', () => {
    expect(parseReport(ten).referenceMs).toBe(50);
    expect(parseReport(hundred).referenceMs).toBe(60);
    expect(parseReport(hundred).title).toBe('offload bench · scale 10 (100 years)');
  });

  it('judges a time on its ratio divided by the machine references’ ratio, flat at 1.5× or less', () => {
    const line = byFigure();
    // 1.20 / 0.64 = 1.875×; the machine was 60 / 50 = 1.2× slower: 1.5625× is not flat.
    expect(line('first', 'Today (today:summary)')).toStrictEqual(['Today (today:summary)', '0.64 ms', '1.20 ms', '1.88×', '≤ 1.5×', 'NOT FLAT', '1.56× for the machine']);
    // 1.70 / 1.00 = 1.7×, 1.42× for the machine: flat.
    expect(line('first', 'Tasks, default view: active (tasks:list)')?.[5]).toBe('flat');
    // 1.00 / 0.84 s = 1.19×, 0.99× for the machine.
    expect(line('first', 'import 100,000 Toggl rows after their preview')?.slice(3, 7)).toStrictEqual(['1.19×', '≤ 1.5×', 'flat', '0.99× for the machine']);
  });

  it('judges a size on its own ratio: the same data gives the same bytes on any machine', () => {
    expect(byFigure()('size', 'Today (today:summary)')?.slice(1, 6)).toStrictEqual(['42.8 KB', '70.0 KB', '1.64×', '≤ 1.5×', 'NOT FLAT']);
  });

  it('shows the figures that read all of history by design, and those without a target, without judging them', () => {
    const line = byFigure();
    expect(line('first', 'all of her history by month (insights:charts)')?.slice(3, 6)).toStrictEqual(['10.00×', '≤ 1.5×', 'history']);
    expect(line('first', 'purge of deleted tasks (on open)')?.[5]).toBe('report');
    expect(line('first', '  this thread busy during the import')?.[5]).toBe('report');
  });

  it('counts two times under 0.1 ms within the print’s 0.01 ms as flat, and a larger step by its ratio', () => {
    const line = byFigure();
    expect(line('first', 'Time off, the last year and ahead (timeOff:list)')?.[5]).toBe('flat');
    // 0.05 → 0.10 ms: 2× and 1.67× for the machine.
    expect(line('first', 'app status (app:status)')?.[5]).toBe('NOT FLAT');
  });

  it('leaves out the machine references, the ratios against naive versions and figures only one run has', () => {
    const figures = compareReports(parseReport(ten), parseReport(hundred)).map((line) => line[0]);
    expect(figures.some((figure) => figure.startsWith('machine reference'))).toBe(false);
    expect(figures).not.toContain('reclaimed:report vs raw GROUP BY over entries');
    expect(figures).not.toContain('only in the first run');
    expect(figures).toHaveLength(9);
  });
});
