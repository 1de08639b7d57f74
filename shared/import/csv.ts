import Papa from 'papaparse';

/** One record of the file, with the line it starts on (the header is row 1, empty lines count). */
export interface CsvRecord {
  row: number;
  cells: string[];
}

export interface CsvTable {
  /** The header cells, trimmed (a UTF-8 byte-order mark is already gone). */
  header: string[];
  rows: CsvRecord[];
  delimiter: ',' | ';' | '\t';
}

export type CsvReadResult = { ok: true; table: CsvTable } | { ok: false; message: string };

const BOM = '\uFEFF';
const DELIMITERS = [',', ';', '\t'] as const;

/**
 * Reads CSV text into a header and records. Vendors write commas; Excel in many European locales
 * writes semicolons and some tools write tabs, so the delimiter is the one the header line uses
 * most (a header of known names has no reason to quote, so counting is safe there).
 *
 * Row numbers are file line numbers, the ones a text editor shows: a value that spans lines is
 * reported at the line its record begins. Records whose cells are all blank are skipped. Without
 * a `sep=` line the header is row 1.
 */
export function readCsv(text: string): CsvReadResult {
  let body = text.startsWith(BOM) ? text.slice(1) : text;
  // Excel may write a `sep=;` line above the header to name the delimiter.
  const sepLine = /^sep=([,;\t])(\r\n|\n|\r)/i.exec(body);
  if (sepLine) body = body.slice(sepLine[0].length);
  if (body.trim() === '') return { ok: false, message: 'The file is empty.' };
  if (looksBinary(body)) {
    return {
      ok: false,
      message: 'This is not a CSV text file: it contains binary data. Export or save it as "CSV UTF-8" and try again.',
    };
  }
  const delimiter = sepLine ? (sepLine[1] as (typeof DELIMITERS)[number]) : guessDelimiter(body);
  const newline = lineBreakOf(body);
  const parsed = Papa.parse<string[]>(body, { delimiter, newline, header: false, skipEmptyLines: false });
  const unclosed = parsed.errors.find((error) => error.code === 'MissingQuotes');
  const lineBreak = newline === '\r' ? '\r' : '\n';
  // When the file has as many lines as records, no value spans lines and the cells need no scan.
  const valuesSpanLines = countOf(body, lineBreak) + 1 > parsed.data.length;

  const records: CsvRecord[] = [];
  let header: string[] | null = null;
  let line = sepLine ? 2 : 1;
  let unclosedLine = 0;
  for (let index = 0; index < parsed.data.length; index++) {
    const cells = parsed.data[index]!;
    const startLine = line;
    line += valuesSpanLines ? 1 + lineBreaksIn(cells, lineBreak) : 1;
    if (unclosed && index === unclosed.row) unclosedLine = startLine;
    if (isBlank(cells)) continue;
    if (header === null) header = cells.map((cell) => cell.trim());
    else records.push({ row: startLine, cells });
  }
  if (unclosed) {
    return {
      ok: false,
      message: `Row ${unclosedLine || '?'} opens a quoted value that never closes, so the rest of the file cannot be read. Check the quotes on that row.`,
    };
  }
  if (header === null) return { ok: false, message: 'The file is empty.' };
  return { ok: true, table: { header, rows: records, delimiter } };
}

/** Header names compare case-insensitively with surrounding and repeated whitespace ignored. */
export function normalizeHeader(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

function guessDelimiter(body: string): (typeof DELIMITERS)[number] {
  const end = body.search(/\r|\n/);
  const firstLine = end === -1 ? body : body.slice(0, end);
  let best: (typeof DELIMITERS)[number] = ',';
  let bestCount = 0;
  for (const delimiter of DELIMITERS) {
    const count = firstLine.split(delimiter).length - 1;
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}

/** The header line's own line break; papaparse's guess can be misled by line breaks inside values. */
function lineBreakOf(body: string): '\r\n' | '\n' | '\r' {
  const newline = body.indexOf('\n');
  if (newline === -1) return body.includes('\r') ? '\r' : '\n';
  const carriage = body.indexOf('\r');
  if (carriage !== -1 && carriage < newline - 1) return '\r';
  return carriage === newline - 1 ? '\r\n' : '\n';
}

function looksBinary(body: string): boolean {
  return body.slice(0, 4096).includes('\u0000');
}

function isBlank(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell.trim() !== '') return false;
  return true;
}

function countOf(text: string, lineBreak: string): number {
  let count = 0;
  let at = text.indexOf(lineBreak);
  while (at !== -1) {
    count++;
    at = text.indexOf(lineBreak, at + 1);
  }
  return count;
}

function lineBreaksIn(cells: readonly string[], lineBreak: string): number {
  let count = 0;
  for (const cell of cells) {
    let at = cell.indexOf(lineBreak);
    while (at !== -1) {
      count++;
      at = cell.indexOf(lineBreak, at + 1);
    }
  }
  return count;
}
