import { describe, expect, it } from 'vitest';
import { monthsBetween, paperForLocale, reportFileName } from '../../shared/domain/report-period';

describe('the report’s period', () => {
  it('names the saved file after its month, or its first and last months', () => {
    expect(reportFileName('2026-11', '2026-11')).toBe('Offload report 2026-11.pdf');
    expect(reportFileName('2026-09', '2026-11')).toBe('Offload report 2026-09 to 2026-11.pdf');
  });

  it('lists the months of a run across a new year', () => {
    expect(monthsBetween('2025-11', '2026-02')).toStrictEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-11', '2026-11')).toStrictEqual(['2026-11']);
  });

  it('prints on Letter where her region uses it and on A4 elsewhere', () => {
    expect(paperForLocale('en-US')).toBe('letter');
    expect(paperForLocale('fr-CA')).toBe('letter');
    expect(paperForLocale('es-MX')).toBe('letter');
    expect(paperForLocale('en-GB')).toBe('a4');
    expect(paperForLocale('de-DE')).toBe('a4');
    expect(paperForLocale('zh-Hans-CN')).toBe('a4');
    expect(paperForLocale('en')).toBe('letter');
    expect(paperForLocale('de')).toBe('a4');
  });
});
