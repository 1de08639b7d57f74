import type { CategoryChoice, ChoiceSource, ImportKind, ImportMappingInput, MappedName, WorkerChoice } from '../../../shared/api/data-views';
import { suggestMapping, type ImportFormat, type ImportMapping, type SeenName, type SeenUser } from '../../../shared/import';
import type { Category } from '../../../shared/domain/types';
import type { Technician } from '../../../shared/domain/msp';

/** The category id the parser is given for "skip these rows": never a real id. */
export const SKIP_CATEGORY = -1;

export interface Chosen<Choice> {
  choice: Choice;
  from: ChoiceSource;
}

/** What every name in a file means for this import: her choices, then what she chose last time, then suggestions. */
export interface EffectiveMapping {
  categories: Map<string, Chosen<CategoryChoice>>;
  workers: Map<string, Chosen<WorkerChoice>>;
}

export interface KnownTargets {
  categories: readonly Category[];
  technicians: readonly Technician[];
}

/** A choice naming a category or technician that is gone or archived counts as no choice: she is asked again. */
function usableCategory(choice: CategoryChoice, kind: ImportKind, known: KnownTargets): boolean {
  if (choice === 'skip') return true;
  if (choice === 'none') return kind === 'tasks';
  return known.categories.some((category) => category.id === choice && !category.archived);
}

function usableWorker(choice: WorkerChoice, known: KnownTargets): boolean {
  if (choice === 'skip' || choice.technicianId === null) return true;
  return known.technicians.some((technician) => technician.id === choice.technicianId && !technician.archived);
}

export function effectiveMapping(
  kind: ImportKind,
  chosen: ImportMappingInput | undefined,
  remembered: { categories: ReadonlyMap<string, CategoryChoice>; workers: ReadonlyMap<string, WorkerChoice> },
  known: KnownTargets,
): EffectiveMapping {
  const categories = new Map<string, Chosen<CategoryChoice>>();
  const workers = new Map<string, Chosen<WorkerChoice>>();
  for (const [key, choice] of remembered.categories) if (usableCategory(choice, kind, known)) categories.set(key, { choice, from: 'remembered' });
  for (const [key, choice] of remembered.workers) if (usableWorker(choice, known)) workers.set(key, { choice, from: 'remembered' });
  for (const [key, choice] of Object.entries(chosen?.categories ?? {})) if (usableCategory(choice, kind, known)) categories.set(key, { choice, from: 'chosen' });
  for (const [key, choice] of Object.entries(chosen?.workers ?? {})) if (usableWorker(choice, known)) workers.set(key, { choice, from: 'chosen' });
  return { categories, workers };
}

/**
 * Adds suggestions for the names the file has that nothing decided yet: names equal to one of her
 * categories or technicians (suggestMapping), and — in a Toggl or Clockify file with a single user —
 * that user is her. True when anything was added (the caller reads the file again with them).
 */
export function addSuggestions(
  mapping: EffectiveMapping,
  format: ImportFormat,
  seen: { categories: readonly SeenName[]; users: readonly SeenUser[] },
  known: KnownTargets,
): boolean {
  const openCategories = seen.categories.map((name) => name.key).filter((key) => !mapping.categories.has(key));
  const openUsers = seen.users.map((user) => user.key).filter((key) => !mapping.workers.has(key));
  if (openCategories.length === 0 && openUsers.length === 0) return false;
  const suggested = suggestMapping(
    { categories: openCategories, users: openUsers },
    { categories: {}, workers: {} },
    {
      categories: known.categories.map((category) => ({ id: category.id, name: category.name, archived: category.archived })),
      technicians: known.technicians.map((technician) => ({ id: technician.id, name: technician.name, email: technician.email, archived: technician.archived })),
    },
  );
  let added = false;
  for (const [key, id] of Object.entries(suggested.categories)) {
    if (id != null) {
      mapping.categories.set(key, { choice: id, from: 'suggested' });
      added = true;
    }
  }
  for (const [key, worker] of Object.entries(suggested.workers)) {
    if (worker != null) {
      mapping.workers.set(key, { choice: worker, from: 'suggested' });
      added = true;
    }
  }
  const vendor = format === 'toggl' || format === 'clockify';
  if (vendor && seen.users.length === 1 && !mapping.workers.has(seen.users[0]!.key)) {
    mapping.workers.set(seen.users[0]!.key, { choice: { worker: 'me', technicianId: null }, from: 'suggested' });
    added = true;
  }
  return added;
}

/** The mapping as the parser takes it: skipped categories get SKIP_CATEGORY, skipped people are left out (their rows come back unmapped). */
export function parserMapping(mapping: EffectiveMapping): ImportMapping {
  const categories: Record<string, number | null> = {};
  for (const [key, { choice }] of mapping.categories) categories[key] = choice === 'skip' ? SKIP_CATEGORY : choice === 'none' ? null : choice;
  const workers: Record<string, { worker: 'me' | 'msp'; technicianId: number | null }> = {};
  for (const [key, { choice }] of mapping.workers) if (choice !== 'skip') workers[key] = choice;
  return { categories, workers };
}

export function skippedPeople(mapping: EffectiveMapping): Set<string> {
  return new Set([...mapping.workers].filter(([, { choice }]) => choice === 'skip').map(([key]) => key));
}

/** At most this many names of each sort go to the screen (the rest are counted). */
export const NAME_LIST_LIMIT = 300;

const CATEGORY_KINDS = ['project', 'client', 'tag', 'category', 'service'] as const;

export function mappedCategoryNames(seen: readonly SeenName[], needed: ReadonlySet<string>, mapping: EffectiveMapping): MappedName<CategoryChoice>[] {
  return seen.map((name) => {
    const prefix = name.key.slice(0, name.key.indexOf(':'));
    const kind = CATEGORY_KINDS.find((candidate) => candidate === prefix) ?? 'category';
    const chosen = mapping.categories.get(name.key);
    return { key: name.key, kind, name: name.name, email: '', rows: name.rows, choice: chosen?.choice ?? null, from: chosen?.from ?? null, needed: needed.has(name.key) };
  });
}

export function mappedUserNames(
  seen: readonly SeenUser[],
  needed: ReadonlySet<string>,
  mapping: EffectiveMapping,
  kind: MappedName<WorkerChoice>['kind'],
): MappedName<WorkerChoice>[] {
  return seen.map((user) => {
    const chosen = mapping.workers.get(user.key);
    return { key: user.key, kind, name: user.name, email: user.email, rows: user.rows, choice: chosen?.choice ?? null, from: chosen?.from ?? null, needed: needed.has(user.key) };
  });
}

/** Her choices in this import for the names the file has: what is remembered for next time. */
export function choicesToRemember(
  mapping: EffectiveMapping,
  seen: { categories: readonly SeenName[]; users: readonly SeenUser[] },
): { categories: Map<string, CategoryChoice>; workers: Map<string, WorkerChoice> } {
  const inFile = new Set([...seen.categories.map((name) => name.key), ...seen.users.map((user) => user.key)]);
  const categories = new Map<string, CategoryChoice>();
  const workers = new Map<string, WorkerChoice>();
  for (const [key, { choice, from }] of mapping.categories) if (from !== 'remembered' && inFile.has(key)) categories.set(key, choice);
  for (const [key, { choice, from }] of mapping.workers) if (from !== 'remembered' && inFile.has(key)) workers.set(key, choice);
  return { categories, workers };
}
