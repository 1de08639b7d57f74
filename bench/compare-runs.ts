/**
 * Two saved bench reports side by side (`npm run bench:compare -- TEN.txt HUNDRED.txt`): for every
 * figure in both, the first run's p50, the second's, their ratio and the ratio adjusted by the
 * machine reference each run measured (the same SQLite sort on no data, before and after the
 * figures), so a slower moment of the machine is not read as growth. The rule for a
 * hundred years against ten: every screen's figure within 1.5× — flat in history — except all-time
 * aggregates, which grow with the months they list and are shown, not judged.
 *
 * Pure: text in, lines out (report.ts's format), so it is tested on small reports.
 */

export const FLAT_AT_MOST = 1.5;

/** Times under this many ms are printed with two decimals, so a ratio of them is the print's rounding, not a measurement. */
const SMALL_MS = 0.1;
const PRINT_RESOLUTION_MS = 0.01;

/**
 * Figures whose work is all of history by design: they list every month, every range or every page
 * of the file, so they grow with it. Matched on the figure's name.
 */
const ALL_OF_HISTORY: readonly RegExp[] = [/quick_check/, /^all of her history by month/, /^\s*all her time off/, /^back up/, /backs up the whole file/, /during a backup/];

/** Sections whose figures are not times or sizes of one screen's work: ratios against naive versions are judged within each run. */
const NOT_COMPARED_SECTIONS: readonly RegExp[] = [/against the naive versions/];

export interface Figure {
  section: string;
  figure: string;
  /** The p50 column as printed. */
  p50: string;
  target: string;
  verdict: string;
}

export interface Report {
  /** The report's first line (scale, schema, machine, load). */
  title: string;
  figures: Figure[];
  /** Mean p50 of the machine reference lines, in ms; null if the report has none. */
  referenceMs: number | null;
}

/** A report as `npm run bench` prints it: `## section` headers, then `|`-separated lines after a header line. */
export function parseReport(text: string): Report {
  let section = '';
  let title = '';
  const figures: Figure[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('# offload bench') && title === '') title = line.slice(2);
    if (line.startsWith('## ')) {
      section = line.slice(3).trim();
      continue;
    }
    if (section === '' || !line.includes(' | ')) continue;
    const cells = line.split(' | ').map((cell) => cell.trimEnd());
    if (cells.length < 5 || cells[0]!.trim() === 'figure') continue;
    figures.push({ section, figure: cells[0]!, p50: cells[1]!.trim(), target: cells[3]!.trim(), verdict: cells[4]!.trim() });
  }
  const references = figures.filter((figure) => figure.figure.startsWith('machine reference')).map((figure) => valueOf(figure.p50)?.amount ?? NaN);
  const valid = references.filter(Number.isFinite);
  return { title, figures, referenceMs: valid.length === 0 ? null : valid.reduce((sum, value) => sum + value, 0) / valid.length };
}

/** A printed p50 as an amount and its kind: times in ms ("0.84 s = 119,369 rows/s" is 840 ms), sizes in KB, counts. */
export function valueOf(printed: string): { amount: number; unit: 'ms' | 'KB' | 'count' } | null {
  const match = /^(-?[\d,]+(?:\.\d+)?)\s*(ms|s|KB|MB|%)?/.exec(printed.trim());
  if (!match) return null;
  const amount = Number(match[1]!.replaceAll(',', ''));
  if (!Number.isFinite(amount)) return null;
  switch (match[2]) {
    case 'ms':
      return { amount, unit: 'ms' };
    case 's':
      return { amount: amount * 1000, unit: 'ms' };
    case 'KB':
      return { amount, unit: 'KB' };
    case 'MB':
      return { amount: amount * 1024, unit: 'KB' };
    case '%':
      return null;
    default:
      return { amount, unit: 'count' };
  }
}

export type Comparison = [figure: string, first: string, second: string, ratio: string, target: string, verdict: string, note: string];

/**
 * Every figure of `first` that `second` also has, in `first`'s order: the ratio of the second p50 to
 * the first and, for times, the same divided by the ratio of the machine references. A time is
 * judged on the adjusted ratio; a size on its own (the same data gives the same bytes on any machine).
 */
export function compareReports(first: Report, second: Report): Comparison[] {
  const machine = first.referenceMs !== null && second.referenceMs !== null ? second.referenceMs / first.referenceMs : null;
  const seconds = new Map(second.figures.map((figure) => [`${figure.section}\n${figure.figure}`, figure]));
  const lines: Comparison[] = [];
  for (const before of first.figures) {
    if (NOT_COMPARED_SECTIONS.some((pattern) => pattern.test(before.section))) continue;
    if (before.figure.startsWith('machine reference')) continue;
    const after = seconds.get(`${before.section}\n${before.figure}`);
    if (!after) continue;
    const a = valueOf(before.p50);
    const b = valueOf(after.p50);
    if (!a || !b || a.unit !== b.unit || a.amount <= 0) continue;
    const ratio = b.amount / a.amount;
    const adjusted = a.unit === 'ms' && machine !== null ? ratio / machine : ratio;
    const judged = a.unit === 'ms' && machine !== null ? `${adjusted.toFixed(2)}× for the machine` : '';
    const small = a.unit === 'ms' && a.amount < SMALL_MS && b.amount < SMALL_MS;
    let verdict: string;
    let note = judged;
    if (ALL_OF_HISTORY.some((pattern) => pattern.test(before.figure))) {
      verdict = 'history';
      note = [judged, 'all of history by design: shown, not judged'].filter(Boolean).join('; ');
    } else if (before.target === '—' || before.target === '' || before.target.startsWith('of ')) {
      // No target (or, for "this thread busy", the span it was busy in): shown, not judged.
      verdict = 'report';
    } else if (small && Math.abs(b.amount - a.amount) <= PRINT_RESOLUTION_MS + 1e-9) {
      verdict = 'flat';
      note = [judged, `both under ${SMALL_MS} ms, within the print's ${PRINT_RESOLUTION_MS} ms`].filter(Boolean).join('; ');
    } else {
      verdict = adjusted <= FLAT_AT_MOST ? 'flat' : 'NOT FLAT';
    }
    lines.push([before.figure, before.p50, after.p50, `${ratio.toFixed(2)}×`, `≤ ${FLAT_AT_MOST}×`, verdict, note]);
  }
  return lines;
}
