import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserWindow, PrintToPDFOptions, SaveDialogOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { reportPdfPrinter } from '../../electron/shell/report-pdf';

const electron = vi.hoisted(() => ({
  documents: '',
  app: { getPath: vi.fn((name: string) => (name === 'documents' ? electron.documents : '/nowhere')) },
  dialog: { showSaveDialog: vi.fn((_window: unknown, _options: SaveDialogOptions) => Promise.resolve({ canceled: true, filePath: '' })) },
}));
vi.mock('electron', () => ({ app: electron.app, dialog: electron.dialog }));

const PDF = Buffer.from('%PDF-1.7 the report');

function fakeWindow(destroyed = false) {
  const printToPDF = vi.fn((_options: PrintToPDFOptions) => Promise.resolve(PDF));
  const window = { isDestroyed: () => destroyed, webContents: { printToPDF } } as unknown as BrowserWindow;
  return { window, printToPDF };
}

let folder: string;
beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'offload-pdf-'));
  electron.documents = folder;
  electron.dialog.showSaveDialog.mockClear();
});
afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

describe('saving the report as PDF in the desktop app', () => {
  it('suggests the report’s name in her Documents folder, prints the page on her paper and writes it where she chose', async () => {
    const { window, printToPDF } = fakeWindow();
    const chosen = path.join(folder, 'For the board.pdf');
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: chosen });
    const result = await reportPdfPrinter(() => window)({ fileName: 'Offload report 2026-11.pdf', paper: 'a4' });
    expect(result).toStrictEqual({ saved: true, path: chosen });
    expect(electron.dialog.showSaveDialog).toHaveBeenCalledExactlyOnceWith(
      window,
      expect.objectContaining({ defaultPath: path.join(folder, 'Offload report 2026-11.pdf'), filters: [{ name: 'PDF', extensions: ['pdf'] }] }),
    );
    expect(printToPDF).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ pageSize: 'A4', printBackground: true, generateTaggedPDF: true }));
    expect(fs.readFileSync(chosen)).toStrictEqual(PDF);
  });

  it('prints on Letter for a Letter locale, and adds .pdf to a name typed without it', async () => {
    const { window, printToPDF } = fakeWindow();
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: path.join(folder, 'november') });
    const result = await reportPdfPrinter(() => window)({ fileName: 'Offload report 2026-11.pdf', paper: 'letter' });
    expect(result).toStrictEqual({ saved: true, path: path.join(folder, 'november.pdf') });
    expect(printToPDF.mock.calls[0]?.[0].pageSize).toBe('Letter');
  });

  it('prints and writes nothing when she cancels the dialog', async () => {
    const { window, printToPDF } = fakeWindow();
    expect(await reportPdfPrinter(() => window)({ fileName: 'Offload report 2026-11.pdf', paper: 'a4' })).toStrictEqual({ saved: false });
    expect(printToPDF).not.toHaveBeenCalled();
    expect(fs.readdirSync(folder)).toStrictEqual([]);
  });

  it('does nothing without a window to print', async () => {
    const { window, printToPDF } = fakeWindow(true);
    expect(await reportPdfPrinter(() => window)({ fileName: 'x.pdf', paper: 'a4' })).toStrictEqual({ saved: false });
    expect(await reportPdfPrinter(() => null)({ fileName: 'x.pdf', paper: 'a4' })).toStrictEqual({ saved: false });
    expect(electron.dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(printToPDF).not.toHaveBeenCalled();
  });
});
