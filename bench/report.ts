/**
 * Timing and the report's one format: one line per figure, `|`-separated columns
 * (figure | p50 | p95 | target | verdict | note), so runs can be compared with a diff or parsed by
 * splitting on `|`. Times are wall-clock milliseconds; `cpu` in the note is the process's CPU time
 * per run (p50), which tells a slow call from a busy machine.
 */

export const RUNS = 30;
const WARM_UP = 3;

export interface Samples {
  wall: number[];
  cpu: number[];
}

export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  // Nearest rank: the smallest sample with at least p of them at or below it.
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

async function once(work: () => unknown, samples: Samples): Promise<void> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  await work();
  samples.wall.push(performance.now() - started);
  const used = process.cpuUsage(cpu);
  samples.cpu.push((used.user + used.system) / 1000);
}

/** `runs` timed runs after a warm-up. */
export async function measure(work: () => unknown, runs = RUNS): Promise<Samples> {
  for (let warm = 0; warm < WARM_UP; warm += 1) await work();
  const samples: Samples = { wall: [], cpu: [] };
  for (let run = 0; run < runs; run += 1) await once(work, samples);
  return samples;
}

/** A call and its naive version, run alternately so a busy machine slows both alike. */
export async function measurePair(work: () => unknown, naive: () => unknown, runs = RUNS): Promise<[Samples, Samples]> {
  for (let warm = 0; warm < WARM_UP; warm += 1) {
    await work();
    await naive();
  }
  const fast: Samples = { wall: [], cpu: [] };
  const slow: Samples = { wall: [], cpu: [] };
  for (let run = 0; run < runs; run += 1) {
    await once(work, fast);
    await once(naive, slow);
  }
  return [fast, slow];
}

export interface Target {
  /** Which percentile the limit applies to: the issue states p95 for some figures, a typical (p50) time for others. */
  on: 'p50' | 'p95';
  /** At most this many ms (or, for `atLeast`, a ratio). */
  atMost?: number;
  atLeast?: number;
  unit?: string;
}

export type Line = [figure: string, p50: string, p95: string, target: string, verdict: string, note: string];

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));

export function timingLine(figure: string, samples: Samples, target: Target | null, note = ''): Line {
  const p50 = percentile(samples.wall, 0.5);
  const p95 = percentile(samples.wall, 0.95);
  const cpu = `cpu ${ms(percentile(samples.cpu, 0.5))} ms, n=${samples.wall.length}`;
  const fullNote = note === '' ? cpu : `${cpu}; ${note}`;
  if (!target) return [figure, `${ms(p50)} ms`, `${ms(p95)} ms`, '—', 'report', fullNote];
  const value = target.on === 'p50' ? p50 : p95;
  const ok = target.atMost !== undefined ? value <= target.atMost : true;
  return [figure, `${ms(p50)} ms`, `${ms(p95)} ms`, `${target.on} ≤ ${target.atMost} ms`, ok ? 'ok' : 'OVER', fullNote];
}

/** The naive version's time over the call's, at p50 and p95. */
export function ratioLine(figure: string, fast: Samples, naive: Samples, atLeast: number, naiveName: string): Line {
  const p50 = percentile(naive.wall, 0.5) / percentile(fast.wall, 0.5);
  const p95 = percentile(naive.wall, 0.95) / percentile(fast.wall, 0.95);
  return [
    figure,
    `${p50.toFixed(1)}×`,
    `${p95.toFixed(1)}×`,
    `p50 ≥ ${atLeast}×`,
    p50 >= atLeast ? 'ok' : 'UNDER',
    `${naiveName}: p50 ${ms(percentile(naive.wall, 0.5))} ms, p95 ${ms(percentile(naive.wall, 0.95))} ms`,
  ];
}

/** A single measured amount (bytes, nodes, a count): the value in the p50 column, none in p95. */
export function amountLine(figure: string, value: number, unit: string, atMost: number | null, note = ''): Line {
  const text = unit === 'KB' || unit === 'MB' ? `${value.toFixed(1)} ${unit}` : `${Math.round(value).toLocaleString('en-US')}${unit === '' ? '' : ` ${unit}`}`;
  if (atMost === null) return [figure, text, '—', '—', 'report', note];
  return [figure, text, '—', `≤ ${atMost.toLocaleString('en-US')}${unit === '' ? '' : ` ${unit}`}`, value <= atMost ? 'ok' : 'OVER', note];
}

/**
 * The longest stall or gap of each run (ms): p50 and p95 of them, judged on the longest of all
 * against `atMost` (one frozen moment is one too many), which the note prints.
 */
export function longestOfRuns(figure: string, values: readonly number[], atMost: number, note = ''): Line {
  const longest = Math.max(...values);
  return [figure, `${ms(percentile(values, 0.5))} ms`, `${ms(percentile(values, 0.95))} ms`, `≤ ${atMost} ms`, longest <= atMost ? 'ok' : 'OVER', [`n=${values.length}; longest ${ms(longest)} ms`, note].filter(Boolean).join('; ')];
}

/** Percentiles of a list of amounts measured per run (ms inside the page, long-task totals). */
export function amountsLine(figure: string, values: readonly number[], target: Target | null, note = ''): Line {
  return timingLine(figure, { wall: [...values], cpu: values.map(() => 0) }, target, note).map((cell, index) =>
    index === 5 ? cell.replace(/^cpu [^,]+, /, '') : cell,
  ) as Line;
}

export function printSection(title: string, lines: readonly Line[], print: (line: string) => void): void {
  printTable(title, ['figure', 'p50', 'p95', 'target', 'verdict', 'note'], lines, [1, 2], print);
}

/** A `## title` and its rows under a header, `|`-separated and padded: the columns in `rightAligned` to the right, the last one not at all. */
export function printTable(title: string, header: readonly string[], lines: readonly (readonly string[])[], rightAligned: readonly number[], print: (line: string) => void): void {
  const widths = header.map((_, column) => Math.max(...[header, ...lines].map((line) => (line[column] ?? '').length)));
  print('');
  print(`## ${title}`);
  for (const line of [header, ...lines]) {
    print(
      line
        .map((cell, column) => {
          const width = widths[column] ?? 0;
          return rightAligned.includes(column) ? cell.padStart(width) : column === header.length - 1 ? cell : cell.padEnd(width);
        })
        .join(' | ')
        .trimEnd(),
    );
  }
}

/**
 * The longest gap between this thread's 5 ms ticks since the last `reset()`: what a window on
 * this thread would feel as a freeze. `stop()` ends the ticking.
 */
export function gapMeter(): { reset(): void; longest(): number; stop(): void } {
  let longest = 0;
  let last = performance.now();
  const ticker = setInterval(() => {
    const at = performance.now();
    longest = Math.max(longest, at - last - 5);
    last = at;
  }, 5);
  return {
    reset() {
      longest = 0;
      last = performance.now();
    },
    longest: () => longest,
    stop: () => clearInterval(ticker),
  };
}
