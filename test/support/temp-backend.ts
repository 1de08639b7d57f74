import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import type { CallArgs, CallName, CallResult } from '../../shared/api/contract';
import { ApiError, type ApiErrorShape } from '../../shared/api/errors';
import { openBackend, type Backend } from '../../electron/backend/backend';
import { openConfSettings } from '../../electron/settings/conf-settings';

export interface TestBackend {
  backend: Backend;
  dataDir: string;
  /** Calls through the real dispatcher and unwraps the result; rejects with ApiError. */
  call<Name extends CallName>(name: Name, ...args: CallArgs<Name>): Promise<CallResult<Name>>;
  /** The error a call fails with (fails the test if it succeeds). */
  failure(name: CallName, input: unknown): Promise<ApiErrorShape>;
  /** Moves the injected clock. */
  setNow(epochMs: number): void;
  reopen(): TestBackend;
  close(): void;
}

export function tempDir(prefix = 'offload-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** The real backend over a real SQLite file and a real conf settings file in a temp folder. */
export function openTestBackend(dataDir = tempDir(), startAt = Date.parse('2026-11-16T14:00:00Z')): TestBackend {
  let now = startAt;
  const backend = openBackend({
    dataDir,
    mode: 'browser',
    version: '0.0.0-test',
    settings: openConfSettings(dataDir),
    now: () => now,
    dataWorkerFile: inject('dataWorkerFile'),
  });
  const self: TestBackend = {
    backend,
    dataDir,
    async call(name, ...args) {
      const envelope = await backend.dispatch(name, args[0]);
      if (!envelope.ok) throw new ApiError(envelope.error);
      return envelope.value as never;
    },
    async failure(name, input) {
      const envelope = await backend.dispatch(name, input);
      if (envelope.ok) throw new Error(`${name} was expected to fail but returned ${JSON.stringify(envelope.value)}`);
      return envelope.error;
    },
    setNow(epochMs) {
      now = epochMs;
    },
    reopen() {
      backend.close();
      return openTestBackend(dataDir, now);
    },
    close() {
      backend.close();
    },
  };
  return self;
}
