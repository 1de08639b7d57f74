import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callNames } from '../../shared/api/contract';
import type { Envelope } from '../../shared/api/errors';
import { callSamples, REFUSED_HERE, seedForSamples, type Samples } from '../support/call-samples';
import { openTestBackend, type TestBackend } from '../support/temp-backend';

/** Whether a value is plain data: what contextBridge, IPC's structured clone and JSON all carry unchanged. */
function plainDataProblem(value: unknown, path = 'value'): string | null {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? null : `${path} is ${value}`;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const problem = plainDataProblem(item, `${path}[${index}]`);
      if (problem) return problem;
    }
    return null;
  }
  if (typeof value === 'object') {
    const prototype = Object.getPrototypeOf(value) as unknown;
    if (prototype !== Object.prototype && prototype !== null) return `${path} is a ${value.constructor.name}, not a plain object`;
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) continue;
      const problem = plainDataProblem(item, `${path}.${key}`);
      if (problem) return problem;
    }
    return null;
  }
  return `${path} is a ${typeof value}`;
}

let app: TestBackend;
let samples: Samples;
beforeAll(async () => {
  app = openTestBackend();
  samples = callSamples(await seedForSamples(app));
});
afterAll(() => app.close());

describe('every call’s result crosses the process boundary intact', () => {
  // In the contract's order, so a restore follows its delete on the same seeded row.
  // A call in REFUSED_HERE must be refused with its code instead (it succeeds only on a damaged database or in the desktop app).
  it.each(callNames)('%s: each sample succeeds and its envelope survives structuredClone as plain data', async (name) => {
    const inputs = samples[name] as unknown[];
    expect(inputs.length).toBeGreaterThan(0);
    for (const input of inputs) {
      const envelope: Envelope<unknown> = await app.backend.dispatch(name, input);
      const refused = REFUSED_HERE[name];
      expect(envelope, `${name} ${JSON.stringify(input)} → ${JSON.stringify(envelope)}`).toMatchObject(refused ? { ok: false, error: { code: refused } } : { ok: true });
      expect(structuredClone(envelope)).toStrictEqual(envelope);
      expect(plainDataProblem(envelope)).toBeNull();
    }
  });
});
