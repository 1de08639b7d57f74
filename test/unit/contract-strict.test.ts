import { describe, expect, it } from 'vitest';
import { callNames, contract } from '../../shared/api/contract';
import { callSamples, FAKE_SEED } from '../support/call-samples';
import { schemaNodes } from '../support/schema-walk';

const samples = callSamples(FAKE_SEED);

/** Every plain object inside a value, with its path as zod reports it. */
function objectsIn(value: unknown, path: (string | number)[] = []): { path: (string | number)[]; object: Record<string, unknown> }[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => objectsIn(item, [...path, index]));
  if (typeof value !== 'object' || value === null) return [];
  const object = value as Record<string, unknown>;
  return [{ path, object }, ...Object.entries(object).flatMap(([key, item]) => objectsIn(item, [...path, key]))];
}

/** A deep copy of `value` with `extra` added to the object at `path`, as an own property (even `__proto__`). */
function withKeyAt(value: unknown, path: (string | number)[], key: string, extra: unknown): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let target: Record<string | number, unknown> = copy;
  for (const step of path) target = target[step] as Record<string | number, unknown>;
  Object.defineProperty(target, key, { value: extra, enumerable: true, configurable: true, writable: true });
  return copy;
}

/** The schema path of an input path (`mapping.categories`, `ids[]`), as schemaNodes writes it. */
const schemaPath = (path: (string | number)[]) =>
  path.reduce<string>((at, step) => (typeof step === 'number' ? `${at}[]` : at === '' ? step : `${at}.${step}`), '');

describe('every call’s schema refuses keys it does not know', () => {
  it.each(callNames)('%s: every object in its schema is strict, and none is an intersection (which would let keys through)', (name) => {
    const nodes = schemaNodes(contract[name].input);
    const loose = nodes.filter((node) => node.kind === 'object' && !node.strict).map((node) => node.path || '(input)');
    expect(loose).toStrictEqual([]);
    expect(nodes.filter((node) => node.kind === 'intersection').map((node) => node.path || '(input)')).toStrictEqual([]);
  });

  it('the samples are valid inputs, so a refusal below is about the extra key alone', () => {
    for (const name of callNames) {
      for (const input of samples[name] as unknown[]) {
        const result = contract[name].input.safeParse(input);
        expect(result.error?.issues ?? [], `${name} ${JSON.stringify(input)}`).toStrictEqual([]);
      }
    }
  });

  it.each(callNames)('%s: an unknown key at any level of an input is refused at that level', (name) => {
    const inputs = (samples[name] as unknown[]).map((input) => input ?? {});
    // A record's keys are names she maps (a Toggl project → a category): any key is data there.
    const records = new Set(schemaNodes(contract[name].input).filter((node) => node.kind === 'record').map((node) => node.path));
    let levels = 0;
    for (const input of inputs) {
      for (const { path } of objectsIn(input).filter((object) => !records.has(schemaPath(object.path)))) {
        for (const key of ['unexpected', '__proto__', 'constructor']) {
          levels += 1;
          const result = contract[name].input.safeParse(withKeyAt(input, path, key, { admin: true }));
          expect(result.success, `${name} accepted ${key} at ${path.join('.') || '(input)'}`).toBe(false);
          expect(result.error?.issues, `${name} ${key} at ${path.join('.')}`).toContainEqual(
            expect.objectContaining({ code: 'unrecognized_keys', keys: [key], path }),
          );
        }
      }
    }
    expect(levels).toBeGreaterThan(0);
  });
});
