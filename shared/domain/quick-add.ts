import { addDays, dayOfWeek, isLocalDay, startOfWeek, type LocalDay } from './day';
import { parseDuration } from './duration';
import type { Owner, Priority } from './fields';

/**
 * Quick add: one line such as `Reset VPN for sales #support ~30m today !` becomes a task draft.
 *
 * Rules, beyond the ones spelled out on each helper below:
 * - A token is a whole whitespace-separated word (`C#`, `re!boot`, `x~30m`, `email@me.com` and
 *   `today,` are title text). Two- and three-word dates (`next mon`, `in 3 days`) are the only
 *   multi-word tokens.
 * - Every token is reported with its position in the original text (`start` inclusive, `end`
 *   exclusive, in UTF-16 code units, i.e. what `String.prototype.slice` takes).
 * - `kind: 'unknown'` means "looked like an option but could not be understood": the word stays in
 *   the title and carries a `message`. Every other kind is removed from the title; it carries a
 *   `message` when it was ambiguous or conflicted with an earlier token (and so was not applied).
 * - When two tokens of one kind disagree the first wins and a problem is recorded; when they agree
 *   (`today wed` on a Wednesday, `#net #network`) nothing is said.
 * - A bare sigil (`#`, `~`, `@`) and `#` followed only by digits (`#4521`, a ticket number) are
 *   title text, not options, and raise no problem.
 */

export interface QuickAddContext {
  /** Her today, used for relative dates. */
  today: LocalDay;
  /** 0 = Sunday … 6 = Saturday; decides where "next week" begins for `next mon`. */
  weekStartsOn: number;
  categories: readonly { id: number; name: string; archived: boolean }[];
  technicians: readonly { id: number; name: string; archived: boolean }[];
}

export interface QuickAddToken {
  text: string;
  start: number;
  end: number;
  kind: 'category' | 'estimate' | 'date' | 'priority' | 'owner' | 'unplanned' | 'unknown';
  message?: string;
}

export interface QuickAddResult {
  /** The remaining words, whitespace collapsed, trimmed. */
  title: string;
  categoryId: number | null;
  estimateMinutes: number | null;
  dueDay: LocalDay | null;
  priority: Priority;
  /** null = not said (the app decides by delegation). */
  owner: Owner | null;
  /** Set when @<technician> matched (owner is then 'msp'). */
  technicianId: number | null;
  unplanned: boolean;
  /** Every recognised token and every problem, with positions in the original text. */
  tokens: QuickAddToken[];
  /** Human messages, in the order the words appear; an empty title comes last. */
  problems: string[];
}

/** The longest estimate we accept: a week of minutes. */
export const MAX_ESTIMATE_MINUTES = 7 * 24 * 60;

interface Word {
  text: string;
  lower: string;
  start: number;
  end: number;
}

interface Named {
  id: number;
  name: string;
  archived: boolean;
}

type Match = { kind: 'one'; item: Named } | { kind: 'many'; items: Named[] } | { kind: 'none' };

const WEEKDAYS: Readonly<Record<string, number>> = {
  sun: 0, sunday: 0,
  mon: 1, monday: 1,
  tue: 2, tuesday: 2,
  wed: 3, wednesday: 3,
  thu: 4, thursday: 4,
  fri: 5, friday: 5,
  sat: 6, saturday: 6,
};

const RELATIVE_DAYS: Readonly<Record<string, number>> = {
  today: 0, tod: 0,
  // No `tom`: "Call Tom" is a name, not a date.
  tomorrow: 1, tmr: 1,
};

const ISO_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
const PRIORITY = /^!+$/;
const TICKET_NUMBER = /^#\d+$/;
const IN_COUNT = /^\d{1,3}$/;
const IN_UNITS: Readonly<Record<string, number>> = { day: 1, days: 1, week: 7, weeks: 7 };

const quote = (text: string): string => `“${text}”`;

function has<T>(record: Readonly<Record<string, T>>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

/** Lower case, `-`/`_` read as spaces, and words with no letter or digit (`&`) dropped. */
function normalizeName(text: string): string {
  return text
    .toLowerCase()
    .replace(/[-_]/g, ' ')
    .split(/\s+/)
    .filter((word) => /[\p{L}\p{N}]/u.test(word))
    .join(' ');
}

/**
 * Matches what she typed after `#` or `@` against active names, best tier first:
 * 1. the whole name; 2. the start of the name; 3. (when `anyWord`) the start of a later word in the
 * name. The first tier with any match decides: one match wins, several are ambiguous. So `#s` is
 * ambiguous between the two names that start with "S", while `#support` finds "Tech support".
 */
function matchName(query: string, items: readonly Named[], anyWord: boolean): Match {
  const wanted = normalizeName(query);
  if (wanted === '') return { kind: 'none' };
  const tiers: Named[][] = [[], [], []];
  for (const item of items) {
    if (item.archived) continue;
    const name = normalizeName(item.name);
    if (name === wanted) tiers[0]!.push(item);
    else if (name.startsWith(wanted)) tiers[1]!.push(item);
    else if (anyWord) {
      const words = name.split(' ');
      if (words.some((_, index) => index > 0 && words.slice(index).join(' ').startsWith(wanted))) tiers[2]!.push(item);
    }
  }
  for (const tier of tiers) {
    if (tier.length === 1) return { kind: 'one', item: tier[0]! };
    if (tier.length > 1) return { kind: 'many', items: tier };
  }
  return { kind: 'none' };
}

/**
 * A weekday on its own is its next occurrence ON OR AFTER today: `fri` typed on a Friday means
 * today (a task due "friday" typed on Friday is almost always due now, not in a week).
 */
function upcomingWeekday(today: LocalDay, weekday: number): LocalDay {
  return addDays(today, (weekday - dayOfWeek(today) + 7) % 7);
}

/**
 * `next <weekday>` is that weekday in the following week, where weeks start on `weekStartsOn`:
 * on Wednesday 18 Nov 2026 with Monday weeks, `next mon` is 23 Nov and `next fri` is 27 Nov (while
 * plain `fri` is 20 Nov).
 */
function nextWeekWeekday(today: LocalDay, weekday: number, weekStartsOn: number): LocalDay {
  const nextWeek = addDays(startOfWeek(today, weekStartsOn), 7);
  return addDays(nextWeek, (weekday - weekStartsOn + 7) % 7);
}

function splitWords(text: string): Word[] {
  const words: Word[] = [];
  for (const match of text.matchAll(/\S+/gu)) {
    const start = match.index;
    words.push({ text: match[0], lower: match[0].toLowerCase(), start, end: start + match[0].length });
  }
  return words;
}

export function parseQuickAdd(text: string, context: QuickAddContext): QuickAddResult {
  const weekStartsOn = (((Math.trunc(context.weekStartsOn) || 0) % 7) + 7) % 7;
  const words = splitWords(text);
  const titleWords: string[] = [];
  const tokens: QuickAddToken[] = [];
  const problems: string[] = [];

  let categoryId: number | null = null;
  let categoryText = '';
  let estimateMinutes: number | null = null;
  let estimateText = '';
  let dueDay: LocalDay | null = null;
  let dueText = '';
  let priority: Priority = 0;
  let owner: Owner | null = null;
  let ownerText = '';
  let technicianId: number | null = null;
  let technicianText = '';
  let unplanned = false;

  const token = (from: Word, to: Word, kind: QuickAddToken['kind'], message?: string): void => {
    const entry: QuickAddToken = { text: text.slice(from.start, to.end), start: from.start, end: to.end, kind };
    if (message !== undefined) {
      entry.message = message;
      problems.push(message);
    }
    tokens.push(entry);
    if (kind === 'unknown') titleWords.push(...words.slice(words.indexOf(from), words.indexOf(to) + 1).map((word) => word.text));
  };

  const conflict = (what: string, first: string, second: string): string =>
    `Two ${what} given (${first}, ${second}); using the first`;

  const setDate = (from: Word, to: Word, day: LocalDay): void => {
    const typed = text.slice(from.start, to.end).replace(/\s+/g, ' ');
    if (dueDay === null) {
      dueDay = day;
      dueText = typed;
      token(from, to, 'date');
    } else if (dueDay === day) token(from, to, 'date');
    else token(from, to, 'date', conflict('dates', dueText, typed));
  };

  const setOwner = (word: Word, wantOwner: Owner, technician: Named | null): void => {
    if (owner !== null && owner !== wantOwner) {
      token(word, word, 'owner', conflict('owners', ownerText, word.text));
      return;
    }
    if (technician !== null && technicianId !== null && technicianId !== technician.id) {
      token(word, word, 'owner', conflict('technicians', technicianText, word.text));
      return;
    }
    if (owner === null) {
      owner = wantOwner;
      ownerText = word.text;
    }
    if (technician !== null && technicianId === null) {
      technicianId = technician.id;
      technicianText = word.text;
    }
    token(word, word, 'owner');
  };

  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    const { text: raw, lower } = word;
    const next = words[index + 1];
    const afterNext = words[index + 2];

    // Dates: one word, `next <weekday>`, or `in <n> day(s)/week(s)`.
    if (has(RELATIVE_DAYS, lower)) {
      setDate(word, word, addDays(context.today, RELATIVE_DAYS[lower]!));
      continue;
    }
    if (has(WEEKDAYS, lower)) {
      setDate(word, word, upcomingWeekday(context.today, WEEKDAYS[lower]!));
      continue;
    }
    if (lower === 'next' && next !== undefined && has(WEEKDAYS, next.lower)) {
      setDate(word, next, nextWeekWeekday(context.today, WEEKDAYS[next.lower]!, weekStartsOn));
      index += 1;
      continue;
    }
    if (lower === 'in' && next !== undefined && afterNext !== undefined && IN_COUNT.test(next.text) && has(IN_UNITS, afterNext.lower)) {
      setDate(word, afterNext, addDays(context.today, Number(next.text) * IN_UNITS[afterNext.lower]!));
      index += 2;
      continue;
    }
    if (ISO_SHAPE.test(raw)) {
      if (isLocalDay(raw)) setDate(word, word, raw);
      else token(word, word, 'unknown', `${quote(raw)} is not a real date`);
      continue;
    }

    if (PRIORITY.test(raw)) {
      const level = Math.min(raw.length, 3) as 1 | 2 | 3;
      if (level > priority) priority = level;
      token(word, word, 'priority');
      continue;
    }

    if (lower === 'unplanned') {
      unplanned = true;
      token(word, word, 'unplanned');
      continue;
    }

    if (raw.length > 1 && raw.startsWith('~')) {
      const minutes = parseDuration(raw.slice(1));
      if (minutes === null || minutes <= 0) token(word, word, 'unknown', `${quote(raw)} is not an estimate`);
      else if (minutes > MAX_ESTIMATE_MINUTES) token(word, word, 'unknown', `${quote(raw)} is over a week`);
      else if (estimateMinutes === null) {
        estimateMinutes = minutes;
        estimateText = raw;
        token(word, word, 'estimate');
      } else if (estimateMinutes === minutes) token(word, word, 'estimate');
      else token(word, word, 'estimate', conflict('estimates', estimateText, raw));
      continue;
    }

    if (raw.length > 1 && raw.startsWith('#') && !TICKET_NUMBER.test(raw)) {
      const match = matchName(raw.slice(1), context.categories, true);
      if (match.kind === 'none') token(word, word, 'unknown', `${quote(raw)} is not a category`);
      else if (match.kind === 'many') {
        token(word, word, 'category', `${quote(raw)} matches ${match.items.map((item) => item.name).join(', ')}: type more`);
      } else if (categoryId === null) {
        categoryId = match.item.id;
        categoryText = raw;
        token(word, word, 'category');
      } else if (categoryId === match.item.id) token(word, word, 'category');
      else token(word, word, 'category', conflict('categories', categoryText, raw));
      continue;
    }

    if (raw.length > 1 && raw.startsWith('@')) {
      // @me and @msp are reserved: they win over a technician whose name starts the same way.
      if (lower === '@me') setOwner(word, 'me', null);
      else if (lower === '@msp') setOwner(word, 'msp', null);
      else {
        // Technicians match on the start of the full name, which is also the first name.
        const match = matchName(raw.slice(1), context.technicians, false);
        if (match.kind === 'none') token(word, word, 'unknown', `${quote(raw)} is not a technician`);
        else if (match.kind === 'many') {
          token(word, word, 'owner', `${quote(raw)} matches ${match.items.map((item) => item.name).join(', ')}: type more`);
        } else setOwner(word, 'msp', match.item);
      }
      continue;
    }

    titleWords.push(raw);
  }

  const title = titleWords.join(' ');
  if (words.length === 0) problems.push('Add a title');
  else if (title === '') problems.push('Add a title: only options were given');

  return { title, categoryId, estimateMinutes, dueDay, priority, owner, technicianId, unplanned, tokens, problems };
}
