import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as { version: string; devDependencies?: Record<string, string> };

/** The newest patch of the newest major when this was last checked (npm's `latest` tag, 45.5.0). Raise it on upgrade. */
const OLDEST_ACCEPTED = [45, 5, 0] as const;

describe('Electron', () => {
  const installed = read('node_modules/electron/package.json').version;

  it('is installed at the version package.json pins, exactly', () => {
    expect(read('package.json').devDependencies?.electron).toBe(installed);
  });

  it(`stays on the 45 line at ${OLDEST_ACCEPTED.join('.')} or newer, the newest patch of a supported major`, () => {
    const [major, minor, patch] = installed.split('.').map(Number) as [number, number, number];
    expect(major).toBe(OLDEST_ACCEPTED[0]);
    expect(minor * 1000 + patch).toBeGreaterThanOrEqual(OLDEST_ACCEPTED[1] * 1000 + OLDEST_ACCEPTED[2]);
  });
});
