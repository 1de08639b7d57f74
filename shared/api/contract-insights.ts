import { z } from 'zod';
import { isLocalDay } from '../domain/day';
import { id, localDay } from '../domain/fields';
import { call, type CallSpec } from './call';
import type { InsightsView, LeadershipReport, ReportPdfResult } from './views';

/** A month `YYYY-MM` within the years a day may have (1970–9999), so its first day is a real local day. */
const month = z.string().refine((value) => /^\d{4}-\d{2}$/.test(value) && isLocalDay(`${value}-01`), 'Use a month written YYYY-MM, from 1970 to 9999');

/** Calls for Insights: the charts over any range, and the one-page report for leadership. */
export const insightsCalls = {
  /**
   * Everything the Insights screen shows, for the range and the categories chosen (none chosen: all);
   * summaries only. `from: null` is all time: from the first day with any data.
   */
  'insights:charts': call(
    z
      .object({
        from: localDay.nullable(),
        to: localDay,
        categoryIds: z.array(id).max(200).nullable().default(null),
      })
      .strict()
      .refine((range) => range.from === null || range.from <= range.to, { message: 'The range must end on or after its first day', path: ['to'] }),
  ).reads('timeEntries', 'tasks', 'delegations', 'settings', 'timeOff', 'msp', 'categories').returns<InsightsView>(),
  /** The leadership report for a month, or a run of months. */
  'insights:report': call(
    z
      .object({ fromMonth: month, toMonth: month })
      .strict()
      .refine((range) => range.fromMonth <= range.toMonth, { message: 'The last month cannot be before the first', path: ['toMonth'] }),
  ).reads('timeEntries', 'tasks', 'delegations', 'settings', 'timeOff', 'msp', 'categories').returns<LeadershipReport>(),
  /**
   * Saves the report page the window shows as a PDF named after its period. The desktop app asks
   * where and writes it (webContents.printToPDF); a browser cannot be printed from here, so browser
   * mode answers `print-in-browser` and the page opens the browser's Print (Save as PDF).
   */
  'report:pdf': call(
    z
      .object({ fromMonth: month, toMonth: month, paper: z.enum(['a4', 'letter']) })
      .strict()
      .refine((range) => range.fromMonth <= range.toMonth, { message: 'The last month cannot be before the first', path: ['toMonth'] }),
  ).reads('timeEntries', 'tasks', 'delegations', 'settings', 'timeOff', 'msp', 'categories').returns<ReportPdfResult>(),
} satisfies Record<string, CallSpec<z.ZodType, unknown>>;
