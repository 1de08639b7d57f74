import crypto from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { callNames, contract, type CallName } from '../../shared/api/contract';
import type { Envelope } from '../../shared/api/errors';
import { callSamples, seedForSamples, type Samples } from '../support/call-samples';
import { schemaNodes } from '../support/schema-walk';
import { openTestBackend, type TestBackend } from '../support/temp-backend';

/*
 * Property-based fuzzing of every call through the real dispatcher over a real, seeded SQLite file.
 * Each case takes a valid sample input and breaks it in one way (a wrong type, an extra key,
 * `__proto__`, a huge string, NaN or Infinity, deep nesting, a far date, a NUL). Whatever arrives,
 * the answer is a typed refusal, nothing in the database changes, and no stack or SQL leaks out.
 */

type Path = (string | number)[];

const RUNS_PER_CALL = 40;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-\d{2}$/;
/** What no answer may contain: a stack frame, a source path, SQLite's or the runtime's own words. */
const LEAK = /\n\s+at |\bat .+:\d+:\d+|\.[cm]?[jt]s\b|node_modules|SQLITE|constraint|\bsql\b|syntax error|unterminated|Invalid time value|TypeError|RangeError|ReferenceError|Maximum call stack/i;

/** Every position in a value: its path and what is there. */
function positions(value: unknown, path: Path = []): { path: Path; value: unknown }[] {
  const here = { path, value };
  if (Array.isArray(value)) return [here, ...value.flatMap((item, index) => positions(item, [...path, index]))];
  if (typeof value === 'object' && value !== null) {
    return [here, ...Object.entries(value).flatMap(([key, item]) => positions(item, [...path, key]))];
  }
  return [here];
}

/** A copy of `input` with `replacement` at `path` (the root when the path is empty). */
function replacedAt(input: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy = structuredClone(input) as Record<string | number, unknown>;
  let target = copy;
  for (const step of path.slice(0, -1)) target = target[step] as Record<string | number, unknown>;
  target[path.at(-1)!] = replacement;
  return copy;
}

/** A copy with an own property `key` on the object at `path`: defineProperty, so even `__proto__` is a key and not a prototype. */
function withKey(input: unknown, path: Path, key: string, value: unknown): unknown {
  const copy = structuredClone(input ?? {}) as Record<string | number, unknown>;
  let target = copy;
  for (const step of path) target = target[step] as Record<string | number, unknown>;
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
  return copy;
}

function nested(depth: number, kind: 'array' | 'object'): unknown {
  let value: unknown = 1;
  for (let level = 0; level < depth; level += 1) value = kind === 'array' ? [value] : { a: value };
  return value;
}

const deep = fc.oneof(
  fc.integer({ min: 100, max: 5000 }).map((depth) => nested(depth, 'array')),
  fc.integer({ min: 100, max: 5000 }).map((depth) => nested(depth, 'object')),
);
const hugeString = fc.integer({ min: 100_000, max: 1_000_000 }).chain((length) =>
  fc.string({ maxLength: 8 }).map((prefix) => prefix + 'x'.repeat(length)),
);
const nonFinite = fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY);
/** Numbers past every limit: beyond a safe integer, beyond the last instant a Date holds. */
const farNumber = fc.constantFrom(2 ** 53, 2 ** 53 + 2, 8.64e15 * 10, 1e21, 1e300, -1e300, Number.MAX_VALUE);
const farDay = fc.constantFrom('10000-01-01', '+275760-09-13', '-000001-01-01', '0000-01-01', '1969-12-31', '9999-12-32', '2026-02-29');
const farMonth = fc.constantFrom('10000-01', '0000-01', '1969-12', '2026-13', '+10000-01');
const someObject = fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), { minKeys: 1, maxKeys: 3 }).filter(
  (object) => Object.keys(object).length > 0,
);

/** A value of a different kind than `original`, never one a schema could take in its place. */
function wrongKind(original: unknown): fc.Arbitrary<unknown> {
  if (typeof original === 'string') {
    return fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.array(fc.string(), { minLength: 1, maxLength: 3 }), someObject, nonFinite, deep);
  }
  if (typeof original === 'number') {
    return fc.oneof(fc.string({ maxLength: 4 }).map((text) => `${original}${text}`), fc.boolean(), fc.constant([original]), someObject, nonFinite, deep);
  }
  if (typeof original === 'boolean') return fc.oneof(fc.constantFrom('true', 'false', 1, 0, [true]), someObject, deep);
  if (original === null) return fc.oneof(fc.constantFrom(true, false, [], Number.NaN), someObject, deep);
  if (Array.isArray(original)) return fc.oneof(fc.constantFrom('[]', 1, true), someObject, nonFinite, deep.filter((value) => !Array.isArray(value)));
  return fc.oneof(fc.constantFrom('{}', 1, true, []), fc.array(fc.jsonValue({ maxDepth: 1 }), { minLength: 1, maxLength: 3 }), nonFinite, deep.filter(Array.isArray));
}

/** The schema path of an input path (`mapping.categories`, `ids[]`), as schemaNodes writes it. */
const schemaPath = (path: Path) => path.reduce<string>((at, step) => (typeof step === 'number' ? `${at}[]` : at === '' ? String(step) : `${at}.${step}`), '');

/** Where a call's input holds records: objects whose keys are her data (mapped names), so a new key there is not a broken input. */
const recordPaths = (name: CallName) => new Set(schemaNodes(contract[name].input).filter((node) => node.kind === 'record').map((node) => node.path));

/** A valid input broken in exactly one way; `echo` is text the refusal may rightly quote back (an extra key's name). */
function brokenInput(input: unknown, records: ReadonlySet<string>): fc.Arbitrary<{ how: string; input: unknown; echo?: string }> {
  const all = positions(input);
  const leaves = all.filter(({ value }) => typeof value !== 'object' || value === null);
  const strings = leaves.filter(({ value }) => typeof value === 'string');
  const numbers = leaves.filter(({ value }) => typeof value === 'number');
  const objects = positions(input ?? {}).filter(({ path, value }) => typeof value === 'object' && value !== null && !Array.isArray(value) && !records.has(schemaPath(path)));
  const pick = <T,>(items: T[]) => fc.constantFrom(...items);

  const choices: fc.Arbitrary<{ how: string; input: unknown; echo?: string }>[] = [
    pick(all).chain(({ path, value }) => wrongKind(value).map((replacement) => ({ how: `wrong kind at ${path.join('.') || '(input)'}`, input: replacedAt(input, path, replacement) }))),
    pick(objects).chain(({ path, value }) =>
      fc
        .tuple(
          fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '__defineGetter__', 'then'), fc.string({ maxLength: 12 })),
          fc.oneof(fc.jsonValue({ maxDepth: 3 }), deep, fc.constant({ admin: true })),
        )
        .filter(([key]) => !Object.hasOwn(value as object, key))
        .map(([key, extra]) => ({ how: `extra key ${JSON.stringify(key)} at ${path.join('.') || '(input)'}`, input: withKey(input, path, key, extra), echo: key })),
    ),
    fc.oneof(hugeString, deep, nonFinite, fc.constantFrom(null, 'tasks', 42, true, [], [{}])).map((whole) => ({ how: 'a whole input of the wrong kind', input: whole })),
  ];
  if (strings.length > 0) {
    choices.push(
      pick(strings).chain(({ path }) => hugeString.map((text) => ({ how: `huge string at ${path.join('.')}`, input: replacedAt(input, path, text) }))),
      pick(strings).map(({ path, value }) => ({ how: `NUL in ${path.join('.')}`, input: replacedAt(input, path, `\u0000${String(value)}`) })),
    );
    const days = strings.filter(({ value }) => DAY.test(String(value)));
    if (days.length > 0) choices.push(pick(days).chain(({ path }) => farDay.map((day) => ({ how: `day ${day} at ${path.join('.')}`, input: replacedAt(input, path, day) }))));
    const months = strings.filter(({ value }) => MONTH.test(String(value)));
    if (months.length > 0) choices.push(pick(months).chain(({ path }) => farMonth.map((month) => ({ how: `month ${month} at ${path.join('.')}`, input: replacedAt(input, path, month) }))));
  }
  if (numbers.length > 0) {
    choices.push(
      pick(numbers).chain(({ path }) => fc.oneof(nonFinite, farNumber).map((number) => ({ how: `${number} at ${path.join('.')}`, input: replacedAt(input, path, number) }))),
    );
    const instants = numbers.filter(({ value }) => Number(value) > 1e12);
    if (instants.length > 0) {
      choices.push(
        pick(instants).chain(({ path }) =>
          fc.constantFrom(8.64e15, 8.64e15 + 1, Date.UTC(10_000, 0, 1), -1).map((instant) => ({ how: `instant ${instant} at ${path.join('.')}`, input: replacedAt(input, path, instant) })),
        ),
      );
    }
  }
  return fc.oneof(...choices);
}

let app: TestBackend;
let samples: Samples;

/** A digest of every row of every table (the full-text index's own tables too) and of the settings. */
async function fingerprint(): Promise<string> {
  const db = app.backend.db;
  if (!db) throw new Error('the test database is not open');
  const hash = crypto.createHash('sha256');
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  for (const table of tables) hash.update(`${table}\n${JSON.stringify(db.prepare(`SELECT * FROM "${table}"`).raw().all())}\n`);
  hash.update(JSON.stringify(await app.call('settings:get')));
  return hash.digest('hex');
}

beforeAll(async () => {
  app = openTestBackend();
  samples = callSamples(await seedForSamples(app));
  // The first call of her day generates recurring occurrences; make it now, not inside a case.
  await app.call('today:summary');
});
afterAll(() => app.close());

describe('fuzzing every call with broken inputs', () => {
  it.each(callNames)('%s: a broken input is refused with a typed error, changes nothing and leaks nothing', async (name: CallName) => {
    const log = vi.spyOn(console, 'error');
    const before = await fingerprint();
    const inputs = samples[name] as unknown[];
    const records = recordPaths(name);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...inputs).chain((input) => brokenInput(input, records)), async ({ how, input, echo }) => {
        const envelope: Envelope<unknown> = await app.backend.dispatch(name, input);
        const text = JSON.stringify(envelope);
        if (envelope.ok) throw new Error(`${how}: accepted, returning ${text.slice(0, 300)}`);
        expect(['VALIDATION', 'NOT_FOUND', 'CONFLICT'], `${how}: ${text.slice(0, 300)}`).toContain(envelope.error.code);
        // "Unrecognized key: \".js\"" quotes her own key back; that is no file path leaking out.
        expect(echo ? text.replaceAll(JSON.stringify(echo).slice(1, -1), '') : text, how).not.toMatch(LEAK);
        expect(text.length, `${how}: the answer echoes the input`).toBeLessThan(20_000);
        expect(await fingerprint(), `${how}: the database changed`).toBe(before);
      }),
      { numRuns: RUNS_PER_CALL },
    );
    expect(log).not.toHaveBeenCalled();
    log.mockRestore();
    // A budget for a machine shared with other work; the 3,760 cases (94 calls × 40) take a few seconds in all.
  }, 30_000);

  it.each([
    ['a title that starts with NUL', 'categories:create', { name: '\u0000Phones', color: '#123456' }, 'name'],
    ['a task title that starts with NUL', 'tasks:create', { title: '\u0000Reset VPN' }, 'title'],
    ['a NUL in the search', 'tasks:list', { search: 'vpn\u0000"' }, 'search'],
    ['a start at the last instant a Date holds', 'timeEntries:create', { worker: 'me', categoryId: 1, startAt: 8.64e15, endAt: 8.64e15 + 60_000 }, 'startAt'],
    ['an entry in the year 10000', 'timeEntries:create', { worker: 'me', categoryId: 1, startAt: Date.UTC(10_000, 0, 3, 9), endAt: Date.UTC(10_000, 0, 3, 10) }, 'startAt'],
    ['a split at an instant past year 9999', 'timeEntries:split', { id: 1, at: 8.64e15 }, 'at'],
    ['a report from year 0', 'insights:report', { fromMonth: '0000-01', toMonth: '2026-11' }, 'fromMonth'],
  ] as const)('the probe’s finding stays fixed: %s is a VALIDATION error at its field', async (_case, name, input, field) => {
    const envelope = await app.backend.dispatch(name, input);
    expect(envelope).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: expect.arrayContaining([expect.objectContaining({ field })]) } });
  });
});
