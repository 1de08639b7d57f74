import type { Owner } from '../domain/types';

/**
 * How names in a file map to Offload's categories and workers. The maps are plain JSON so that the
 * app can store them and offer them again next time; keys come from `mappingKey` and `userKey` below.
 */

/** The kinds of name a file can carry that map to a category. */
export type SourceKind = 'project' | 'client' | 'tag' | 'category' | 'service';

/** Who did the work, as she maps a user or technician name. */
export interface WorkerMapping {
  worker: Owner;
  technicianId: number | null;
}

export interface ImportMapping {
  /** `project:<name>`, `client:<name>`, `tag:<name>`, `category:<name>`, `service:<name>` → category id. */
  categories: Readonly<Record<string, number | null>>;
  /** A user (email, else name) or technician name, as `userKey` writes it → who did the work. */
  workers: Readonly<Record<string, WorkerMapping | null>>;
}

export const EMPTY_MAPPING: ImportMapping = { categories: {}, workers: {} };

/**
 * Names compare without regard to case, Unicode form or repeated spaces, so "Server Admin" and
 * "server  admin" share a mapping.
 */
export function normalizeName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The mapping key of a project, client, tag, category or service name (`project:` alone is "no project"). */
export function mappingKey(kind: SourceKind, name: string): string {
  return `${kind}:${normalizeName(name)}`;
}

/** The mapping key of a person: the email when the file has one (it is stable), else the name. */
export function userKey(name: string, email = ''): string {
  const byEmail = normalizeName(email);
  return byEmail !== '' ? `email:${byEmail}` : `name:${normalizeName(name)}`;
}

export interface NamedCategory {
  id: number;
  name: string;
  archived?: boolean;
}

export interface NamedTechnician {
  id: number;
  name: string;
  email?: string;
  archived?: boolean;
}

/**
 * A first guess she can accept or change: each key whose name equals an active category's (or a
 * technician's name or email) is mapped to it. Keys she already mapped are left as they are.
 */
export function suggestMapping(
  keys: { categories: readonly string[]; users: readonly string[] },
  existing: ImportMapping,
  known: { categories: readonly NamedCategory[]; technicians: readonly NamedTechnician[] },
): ImportMapping {
  const categoriesByName = new Map<string, number>();
  for (const category of known.categories) {
    if (!category.archived) categoriesByName.set(normalizeName(category.name), category.id);
  }
  const techniciansByKey = new Map<string, number>();
  for (const technician of known.technicians) {
    if (technician.archived) continue;
    techniciansByKey.set(`name:${normalizeName(technician.name)}`, technician.id);
    if (technician.email) techniciansByKey.set(`email:${normalizeName(technician.email)}`, technician.id);
  }
  const categories: Record<string, number | null> = { ...existing.categories };
  for (const key of keys.categories) {
    if (categories[key] != null) continue;
    const id = categoriesByName.get(key.slice(key.indexOf(':') + 1));
    if (id !== undefined) categories[key] = id;
  }
  const workers: Record<string, WorkerMapping | null> = { ...existing.workers };
  for (const key of keys.users) {
    if (workers[key] != null) continue;
    const id = techniciansByKey.get(key);
    if (id !== undefined) workers[key] = { worker: 'msp', technicianId: id };
  }
  return { categories, workers };
}
