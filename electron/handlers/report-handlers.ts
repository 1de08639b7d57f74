import { reportFileName } from '../../shared/domain/report-period';
import type { Handlers } from './types';

export const reportHandlers = {
  /** The file is named after the period; where it goes, only she decides, in the save dialog. */
  'report:pdf': async ({ fromMonth, toMonth, paper }, { printToPdf }) => {
    const fileName = reportFileName(fromMonth, toMonth);
    if (!printToPdf) {
      return { kind: 'print-in-browser', fileName, message: 'Use your browser’s Print and choose “Save as PDF”.' } as const;
    }
    const result = await printToPdf({ fileName, paper });
    return result.saved ? ({ kind: 'saved', fileName, path: result.path } as const) : ({ kind: 'cancelled', fileName } as const);
  },
} satisfies Partial<Handlers>;
