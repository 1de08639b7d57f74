import { describe, expect, it } from 'vitest';
import { callNames, contract, type CallName } from '../../shared/api/contract';
import { callSamples, FAKE_SEED } from '../support/call-samples';

const samples = callSamples(FAKE_SEED);
type Path = (string | number)[];

/** Every leaf of a sample input with its path. */
function leaves(value: unknown, path: Path = []): { path: Path; value: unknown }[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => leaves(item, [...path, index]));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([key, item]) => leaves(item, [...path, key]));
  return [{ path, value }];
}

function replaced(input: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(input) as Record<string | number, unknown>;
  let target = copy;
  for (const step of path.slice(0, -1)) target = target[step] as Record<string | number, unknown>;
  target[path.at(-1)!] = value;
  return copy;
}

/** Each sample's leaves that pass `select`, for every call. */
function fieldsWhere(select: (value: unknown) => boolean) {
  return callNames.flatMap((name) =>
    (samples[name] as unknown[]).flatMap((input) =>
      leaves(input)
        .filter((leaf) => select(leaf.value))
        .map((leaf) => ({ name, input, path: leaf.path, value: leaf.value, label: `${name} ${leaf.path.join('.')}` })),
    ),
  );
}

/** zod's own wording, which names no field in her words: every refusal below must say more. */
const GENERIC = /^(Invalid input|Invalid string|Too (big|small)|Expected|Unrecognized)/;

function refusal(name: CallName, input: unknown, path: Path): string {
  const result = contract[name].input.safeParse(input);
  expect(result.success, `${name} accepted ${JSON.stringify(input).slice(0, 200)}`).toBe(false);
  // A field inside a union's option is reported by the union, at the union's path, in its own words.
  const issue =
    result.error?.issues.find((candidate) => candidate.path.join('.') === path.join('.')) ??
    result.error?.issues.find((candidate) => candidate.code === 'invalid_union' && path.join('.').startsWith(`${candidate.path.join('.')}.`));
  expect(issue, `${name}: no issue at ${path.join('.')} in ${JSON.stringify(result.error?.issues)}`).toBeDefined();
  return issue?.message ?? '';
}

/** The fields she types freely; every other string is a format (a day, a colour, a zone) or a choice. */
const FREE_TEXT_KEYS = new Set(['title', 'name', 'notes', 'note', 'search', 'role', 'phone', 'fileName']);
const strings = fieldsWhere((value) => typeof value === 'string');
const freeText = strings.filter((field) => FREE_TEXT_KEYS.has(String(field.path.at(-1))));
const days = fieldsWhere((value) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value));
const months = fieldsWhere((value) => typeof value === 'string' && /^\d{4}-\d{2}$/.test(value));
/** Epoch milliseconds: the only numbers in the samples above a trillion. */
const instants = fieldsWhere((value) => typeof value === 'number' && value > 1e12);

describe('text fields refuse NUL at the schema, naming the field', () => {
  it('finds the free-text fields of the samples (titles, names, notes, search, roles, phone, file names)', () => {
    expect(new Set(freeText.map((field) => field.path.at(-1)))).toStrictEqual(FREE_TEXT_KEYS);
  });

  it.each(freeText.map((field) => [field.label, field] as const))('%s says NUL is the problem', (_label, field) => {
    for (const value of [`\u0000${String(field.value)}`, `${String(field.value)}\u0000`, '\u0000']) {
      expect(refusal(field.name, replaced(field.input, field.path, value), field.path)).toMatch(/NUL character/);
    }
  });

  it.each(strings.map((field) => [field.label, field] as const))('%s refuses a NUL with a message of its own', (_label, field) => {
    expect(refusal(field.name, replaced(field.input, field.path, `${String(field.value)}\u0000`), field.path)).not.toMatch(GENERIC);
  });
});

describe('days, months and instants stay within 1970–9999, refused with a field message', () => {
  it('finds day, month and instant fields in the samples', () => {
    expect(days.length).toBeGreaterThan(30);
    expect(months.length).toBe(4);
    expect(instants.map((field) => field.label)).toStrictEqual([
      'timeEntries:create startAt',
      'timeEntries:create endAt',
      'timeEntries:update startAt',
      'timeEntries:update endAt',
      'timeEntries:split at',
      'timer:resolveIdle idleFrom',
      'timer:resolveIdle returnedAt',
    ]);
  });

  it.each(days.map((field) => [field.label, field] as const))('day %s', (_label, field) => {
    for (const value of ['10000-01-01', '+10000-01-01', '+275760-09-13', '0000-01-01', '1969-12-31', '2026-02-29', '2026-1-1']) {
      expect(refusal(field.name, replaced(field.input, field.path, value), field.path)).not.toMatch(GENERIC);
    }
  });

  it.each(months.map((field) => [field.label, field] as const))('month %s', (_label, field) => {
    for (const value of ['10000-01', '0000-01', '1969-12', '2026-13', '2026-1']) {
      expect(refusal(field.name, replaced(field.input, field.path, value), field.path)).not.toMatch(GENERIC);
    }
  });

  it.each(instants.map((field) => [field.label, field] as const))('instant %s', (_label, field) => {
    for (const value of [8.64e15, 8.64e15 + 1, Date.UTC(10_000, 0, 1), 1e300, -1, Number.NaN, Number.POSITIVE_INFINITY, 1.5]) {
      expect(refusal(field.name, replaced(field.input, field.path, value), field.path)).not.toMatch(GENERIC);
    }
  });
});
