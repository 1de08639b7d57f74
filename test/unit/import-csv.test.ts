import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeHeader, readCsv, type CsvTable } from '../../shared/import/csv';

function table(text: string): CsvTable {
  const result = readCsv(text);
  if (!result.ok) throw new Error(result.message);
  return result.table;
}

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

describe('reading CSV text', () => {
  it('drops a UTF-8 byte-order mark before the first header name', () => {
    expect(table('\uFEFFUser,Email\nGail,g@x.example\n').header).toEqual(['User', 'Email']);
  });

  it('numbers rows as file lines: the header is row 1 and empty lines count', () => {
    const { rows } = table('a,b\n1,2\n\n3,4\r\n   \n5,6');
    expect(rows.map((record) => [record.row, record.cells[0]])).toEqual([
      [2, '1'],
      [4, '3'],
      [6, '5'],
    ]);
  });

  it('reports a record that spans lines at the line it begins, and counts its lines for the next', () => {
    const { rows } = table('note,n\n"first line\nsecond line",1\nnext,2\n');
    expect(rows).toEqual([
      { row: 2, cells: ['first line\nsecond line', '1'] },
      { row: 4, cells: ['next', '2'] },
    ]);
  });

  it('keeps quoted commas, doubled quotes, unicode and emoji intact', () => {
    const { rows } = table('d,e\n"Core switch, stack 2","She said ""offline"" ☕️ 📶 Zoë"\n');
    expect(rows[0]!.cells).toEqual(['Core switch, stack 2', 'She said "offline" ☕️ 📶 Zoë']);
  });

  it('skips lines whose cells are all blank, such as ",,,"', () => {
    expect(table('a,b,c\n,,\n1,2,3\n').rows.map((record) => record.row)).toEqual([3]);
  });

  it('reads semicolon- and tab-separated files by the delimiter their header uses', () => {
    const semicolons = table('date;start;note\n14.10.2024;08:00;"a; b, c"\n');
    expect(semicolons.delimiter).toBe(';');
    expect(semicolons.rows[0]!.cells).toEqual(['14.10.2024', '08:00', 'a; b, c']);
    expect(table('date\tstart\n2024-10-14\t08:00\n').rows[0]!.cells).toEqual(['2024-10-14', '08:00']);
  });

  it('follows the sep= line Excel may write above the header', () => {
    const { header, rows, delimiter } = table('sep=;\r\ndate;note\r\n2024-10-14;a, b\r\n');
    expect({ header, delimiter, rows }).toEqual({ header: ['date', 'note'], delimiter: ';', rows: [{ row: 3, cells: ['2024-10-14', 'a, b'] }] });
  });

  it('trims header names but leaves cells as written', () => {
    const { header, rows } = table(' Start date , End time \n  x  ,y\n');
    expect(header).toEqual(['Start date', 'End time']);
    expect(rows[0]!.cells).toEqual(['  x  ', 'y']);
  });

  it('refuses an empty file, a binary file and an unclosed quote with a clear message', () => {
    expect(readCsv('')).toEqual({ ok: false, message: 'The file is empty.' });
    expect(readCsv('\uFEFF\n\n')).toEqual({ ok: false, message: 'The file is empty.' });
    expect(readCsv('P\u0000K\u0003\u0004binary')).toMatchObject({ ok: false, message: expect.stringContaining('binary data') });
    expect(readCsv('a,b\n1,2\n3,"open\n4,5\n')).toEqual({
      ok: false,
      message: 'Row 3 opens a quoted value that never closes, so the rest of the file cannot be read. Check the quotes on that row.',
    });
  });

  it('matches header names without regard to case or spacing', () => {
    expect(normalizeHeader('  Start   Date ')).toBe('start date');
    expect(normalizeHeader('Duration (h)')).toBe('duration (h)');
  });

  it('reads back any table written with standard quoting, with the right row numbers', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', '"', '\n', 'é', '😀', '1', ';') , maxLength: 12 });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 8 }), (records) => {
        const written = records.filter((cells) => cells.some((value) => value.trim() !== ''));
        const text = ['h1,h2,h3', ...written.map((cells) => cells.map(quote).join(','))].join('\r\n');
        const { rows } = table(text);
        expect(rows.map((record) => record.cells)).toEqual(written);
        let line = 2;
        written.forEach((cells, index) => {
          expect(rows[index]!.row).toBe(line);
          line += 1 + cells.join('').split('\n').length - 1;
        });
      }),
    );
  });
});
