import type { RecurringSeries, SeriesChange } from '../../../shared/api/contract-recurring';
import { dayOfWeek } from '../../../shared/domain/day';
import { formatDuration } from '../../../shared/domain/duration';
import type * as Recurrence from '../../../shared/domain/recurrence';
import type { Nth, RecurrenceKind, RecurrenceRule, WeekdayCode } from '../../../shared/domain/recurrence';
import type { Owner } from '../../../shared/domain/types';

/**
 * The rule builder needs rrule (about 14 KB gzipped): it is loaded when she first opens the form,
 * not with the Tasks screen. The list needs none of it: the main process sends each description.
 * Everything here imports the module's types only, for that reason.
 */
export type RecurrenceModule = typeof Recurrence;
let recurrenceModule: Promise<RecurrenceModule> | null = null;
export const loadRecurrence = () => (recurrenceModule ??= import('../../../shared/domain/recurrence'));

export const OWNER_LABELS: Record<'' | Owner, string> = {
  '': 'Follows delegations',
  me: 'You, even when delegated',
  msp: 'The MSP',
};

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** What the form holds: text as typed, turned into a rule and a call's input on save. */
export interface Draft {
  title: string;
  notes: string;
  categoryId: string;
  estimate: string;
  priority: string;
  owner: '' | Owner;
  kind: RecurrenceKind;
  interval: string;
  weekdays: WeekdayCode[];
  monthDay: string;
  nth: string;
  weekday: WeekdayCode;
  start: string;
  until: string;
  skipIfOpen: boolean;
}

function weekdayOf(recurrence: RecurrenceModule, day: string): WeekdayCode {
  return recurrence.WEEKDAY_CODES[(dayOfWeek(day) + 6) % 7]!;
}

export function newDraft(recurrence: RecurrenceModule, today: string): Draft {
  const weekday = weekdayOf(recurrence, today);
  return {
    title: '',
    notes: '',
    categoryId: '',
    estimate: '',
    priority: '0',
    owner: '',
    kind: 'weekly',
    interval: '1',
    weekdays: [weekday],
    monthDay: String(Number(today.slice(8, 10))),
    nth: '1',
    weekday,
    start: today,
    until: '',
    skipIfOpen: false,
  };
}

export function draftFromSeries(recurrence: RecurrenceModule, series: RecurringSeries): Draft {
  const { rule } = series;
  const draft: Draft = {
    ...newDraft(recurrence, rule.start),
    title: series.title,
    notes: series.notes,
    categoryId: series.categoryId === null ? '' : String(series.categoryId),
    estimate: series.estimateMinutes === null ? '' : formatDuration(series.estimateMinutes),
    priority: String(series.priority),
    owner: series.owner ?? '',
    kind: rule.kind,
    interval: String(rule.interval),
    start: rule.start,
    until: rule.until ?? '',
    skipIfOpen: series.skipIfOpen,
  };
  switch (rule.kind) {
    case 'weekly':
      return { ...draft, weekdays: rule.weekdays };
    case 'monthlyDay':
      return { ...draft, monthDay: String(rule.monthDay) };
    case 'monthlyNth':
      return { ...draft, nth: String(rule.nth), weekday: rule.weekday };
    case 'daily':
      return draft;
  }
}

export function ruleFromDraft(draft: Draft): RecurrenceRule {
  const base = { interval: Number(draft.interval), start: draft.start, until: draft.until === '' ? null : draft.until };
  switch (draft.kind) {
    case 'daily':
      return { ...base, kind: 'daily' };
    case 'weekly':
      return { ...base, kind: 'weekly', weekdays: draft.weekdays };
    case 'monthlyDay':
      return { ...base, kind: 'monthlyDay', monthDay: Number(draft.monthDay) };
    case 'monthlyNth':
      return { ...base, kind: 'monthlyNth', nth: Number(draft.nth) as Nth, weekday: draft.weekday };
  }
}

/** What a save changed among the occurrences already created. */
export function updatedMessage(result: SeriesChange): string {
  const parts = [
    result.updated > 0 ? `${plural(result.updated, 'upcoming occurrence')} updated` : null,
    result.removed > 0 ? `${result.removed} removed` : null,
    result.created > 0 ? `${result.created} added` : null,
  ].filter(Boolean);
  return `“${result.series.title}” saved${parts.length > 0 ? `: ${parts.join(', ')}` : ''}. Occurrences you edited, started or finished are left as they are.`;
}
