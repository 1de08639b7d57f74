/**
 * The leadership report's period: a month, or a run of months, written `YYYY-MM`. Pure, so the
 * page, the PDF's file name and the backend agree on how a period is named.
 */

export type Paper = 'a4' | 'letter';

/** The file a saved report gets: "Offload report 2026-11.pdf", "Offload report 2026-09 to 2026-11.pdf". */
export function reportFileName(fromMonth: string, toMonth: string): string {
  return fromMonth === toMonth ? `Offload report ${fromMonth}.pdf` : `Offload report ${fromMonth} to ${toMonth}.pdf`;
}

/**
 * The paper her locale prints on: Letter in the United States, Canada, Mexico, the Philippines and
 * the other countries that use it, A4 everywhere else. `locale` is a BCP 47 tag ("en-US", "de").
 * A tag without a region says nothing about paper, except English (most of its users are in
 * Letter countries) — "en" gives Letter, "en-GB" A4.
 */
export function paperForLocale(locale: string): Paper {
  const parts = locale.split(/[-_]/);
  const region = parts.slice(1).find((part) => /^[A-Za-z]{2}$|^\d{3}$/.test(part))?.toUpperCase();
  if (region === undefined) return parts[0]?.toLowerCase() === 'en' ? 'letter' : 'a4';
  return LETTER_REGIONS.has(region) ? 'letter' : 'a4';
}

/** Regions whose paper is US Letter (CLDR's paper-size supplemental data). */
const LETTER_REGIONS = new Set(['US', 'CA', 'MX', 'PH', 'CL', 'CO', 'CR', 'GT', 'NI', 'PA', 'PR', 'SV', 'VE', 'BZ', 'DO']);

/** The months from `fromMonth` to `toMonth`, both included. */
export function monthsBetween(fromMonth: string, toMonth: string): string[] {
  const months: string[] = [];
  let [year, month] = fromMonth.split('-').map(Number) as [number, number];
  for (let current = fromMonth; current <= toMonth; ) {
    months.push(current);
    month += 1;
    if (month === 13) {
      month = 1;
      year += 1;
    }
    current = `${year}-${String(month).padStart(2, '0')}`;
  }
  return months;
}
