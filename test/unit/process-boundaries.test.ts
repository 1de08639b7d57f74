import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

/**
 * The probes are snippets at paths no tsconfig holds: the type-aware rules (which need a program)
 * are switched off for them; the import rules under test need none.
 */
const eslint = new ESLint({
  cwd: path.resolve(import.meta.dirname, '../..'),
  overrideConfig: [{ files: ['**/probe.ts'], ...tseslint.configs.disableTypeChecked }],
});

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe('process boundaries enforced by lint', () => {
  it('shared/ may not import Node built-ins, electron or the DOM', async () => {
    expect(await ruleIds('shared/domain/probe.ts', "import fs from 'node:fs';\nexport const x = fs;\n")).toContain('no-restricted-imports');
    expect(await ruleIds('shared/domain/probe.ts', "import { app } from 'electron';\nexport const x = app;\n")).toContain('no-restricted-imports');
    expect(await ruleIds('shared/domain/probe.ts', 'export const x = window.location;\n')).toContain('no-restricted-globals');
  });

  it('the renderer may not import from electron/', async () => {
    const ids = await ruleIds('renderer/app/probe.ts', "import { openBackend } from '../../electron/backend/backend';\nexport const x = openBackend;\n");
    expect(ids).toContain('no-restricted-imports');
  });

  it('only electron/db/ imports better-sqlite3', async () => {
    const code = "import Database from 'better-sqlite3';\nexport const x = Database;\n";
    expect(await ruleIds('electron/repositories/probe.ts', code)).toContain('no-restricted-imports');
    expect(await ruleIds('electron/db/probe.ts', code)).not.toContain('no-restricted-imports');
  });

  it('only electron/settings/ imports electron-store', async () => {
    const code = "import Store from 'electron-store';\nexport const x = Store;\n";
    expect(await ruleIds('electron/handlers/probe.ts', code)).toContain('no-restricted-imports');
    expect(await ruleIds('electron/settings/probe.ts', code)).not.toContain('no-restricted-imports');
  });

  it('services and repositories may not import electron, so they run in plain Node', async () => {
    const code = "import { app } from 'electron';\nexport const x = app;\n";
    expect(await ruleIds('electron/handlers/probe.ts', code)).toContain('no-restricted-imports');
    expect(await ruleIds('electron/shell/probe.ts', code)).not.toContain('no-restricted-imports');
  });
});
