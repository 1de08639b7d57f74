import fs from 'node:fs/promises';
import path from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import type { PrintToPdf } from '../handlers/types';

/** The page's margins, as the print stylesheet's `@page` sets them (12 mm), so every printer agrees. */
const MARGIN_INCHES = 12 / 25.4;

/**
 * The desktop app's "save the report as PDF": asks her where, with the report's name in her
 * Documents folder suggested, then prints the window's page (the report, laid out by the print
 * stylesheet) with Chromium's PDF printer and writes it there. The path comes from the save dialog
 * alone; the renderer only says which months the page shows.
 */
export function reportPdfPrinter(getWindow: () => BrowserWindow | null): PrintToPdf {
  return async ({ fileName, paper }) => {
    const window = getWindow();
    if (!window || window.isDestroyed()) return { saved: false };
    const choice = await dialog.showSaveDialog(window, {
      title: 'Save the report as PDF',
      defaultPath: path.join(app.getPath('documents'), fileName),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    if (choice.canceled || !choice.filePath) return { saved: false };
    const target = /\.pdf$/i.test(choice.filePath) ? choice.filePath : `${choice.filePath}.pdf`;
    const pdf = await window.webContents.printToPDF({
      pageSize: paper === 'a4' ? 'A4' : 'Letter',
      printBackground: true,
      margins: { top: MARGIN_INCHES, bottom: MARGIN_INCHES, left: MARGIN_INCHES, right: MARGIN_INCHES },
      // Headings, tables and figures' text stay structure a screen reader can follow.
      generateTaggedPDF: true,
    });
    await fs.writeFile(target, pdf);
    return { saved: true, path: target };
  };
}
