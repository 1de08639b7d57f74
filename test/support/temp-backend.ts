import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import type { CallArgs, CallName, CallResult } from '../../shared/api/contract';
import { ApiError, type ApiErrorShape } from '../../shared/api/errors';
import { openBackend, type Backend, type BackendOptions } from '../../electron/backend/backend';
import { openConfSettings } from '../../electron/settings/conf-settings';
import type { SettingsStore } from '../../electron/settings/settings-store';

export interface TestBackend {
  backend: Backend;
  /** The settings file the backend reads (the shell's window state and reminder log live here too). */
  settings: SettingsStore;
  /** The injected clock. */
  now(): number;
  dataDir: string;
  /** Calls through the real dispatcher and unwraps the result; rejects with ApiError. */
  call<Name extends CallName>(name: Name, ...args: CallArgs<Name>): Promise<CallResult<Name>>;
  /** The error a call fails with (fails the test if it succeeds). */
  failure(name: CallName, input: unknown): Promise<ApiErrorShape>;
  /** Moves the injected clock. */
  setNow(epochMs: number): void;
  /** Closes and opens the same folder again (the options carry over). */
  reopen(): TestBackend;
  close(): void;
}

export function tempDir(prefix = 'offload-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export type TestBackendOptions = Partial<Pick<BackendOptions, 'automaticBackups' | 'pickFolder' | 'desktopStatus' | 'mode'>>;

/**
 * The real backend over a real SQLite file and a real conf settings file in a temp folder.
 * Automatic backups (a timer and a worker thread) are off unless a test asks for them; the backup
 * tests take theirs through the same service. `options` also sets the desktop shell's status and
 * the mode, for shell tests.
 */
export function openTestBackend(dataDir = tempDir(), startAt = Date.parse('2026-11-16T14:00:00Z'), options: TestBackendOptions = {}): TestBackend {
  let now = startAt;
  const settings = openConfSettings(dataDir);
  const backend = openBackend({
    dataDir,
    version: '0.0.0-test',
    settings,
    now: () => now,
      automaticBackups: false,
    dataWorkerFile: inject('dataWorkerFile'),
      ...options,
      mode: options.mode ?? 'browser',
  });
  const self: TestBackend = {
    backend,
    settings,
    now: () => now,
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
      return openTestBackend(dataDir, now, options);
    },
    close() {
      backend.close();
    },
  };
  return self;
}
