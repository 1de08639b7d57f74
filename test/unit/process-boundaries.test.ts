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

describe('security patterns refused by lint', () => {
  const securityLint = new ESLint({
    cwd: path.resolve(import.meta.dirname, '../..'),
    overrideConfig: [{ files: ['**/probe.ts', '**/probe.tsx'], ...tseslint.configs.disableTypeChecked }],
  });
  const ids = async (filePath: string, code: string) => {
    const [result] = await securityLint.lintText(code, { filePath });
    return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
  };

  it.each([
    ['raw HTML', 'export const X = (html: string) => <div dangerouslySetInnerHTML={{ __html: html }} />;\n', 'react/no-danger'],
    ['a javascript: link', 'export const X = () => <a href="javascript:void(0)">x</a>;\n', 'react/jsx-no-script-url'],
    ['a new-tab link that keeps window.opener and the referrer', 'export const X = (url: string) => <a href={url} target="_blank">x</a>;\n', 'react/jsx-no-target-blank'],
    ['an iframe without a sandbox', 'export const X = () => <iframe src="./x.html" title="x" />;\n', 'react/iframe-missing-sandbox'],
    ['an unsafe lifecycle', "import { Component } from 'react';\nexport class X extends Component { UNSAFE_componentWillMount() {} render() { return null; } }\n", 'react/no-unsafe'],
    ['innerHTML', 'export const x = (element: HTMLElement, html: string) => { element.innerHTML = html; };\n', 'no-restricted-syntax'],
    ['insertAdjacentHTML', "export const x = (element: HTMLElement, html: string) => element.insertAdjacentHTML('beforeend', html);\n", 'no-restricted-syntax'],
    ['document.write', "export const x = () => document.write('<p>');\n", 'no-restricted-syntax'],
  ])('the renderer may not use %s', async (_pattern, code, rule) => {
    expect(await ids('renderer/features/probe.tsx', code)).toContain(rule);
  });

  it.each([
    ['eval', "export const x = (code: string) => eval(code);\n", 'no-eval'],
    ['new Function', "export const x = (code: string) => new Function(code);\n", 'no-new-func'],
  ])('no layer may turn text into code with %s', async (_pattern, code, rule) => {
    expect(await ids('renderer/features/probe.ts', code)).toContain(rule);
    expect(await ids('electron/services/probe.ts', code)).toContain(rule);
  });

  it('the main process opens links outside the app only through the allowlisting helper', async () => {
    const code = "import { shell } from 'electron';\nexport const open = (url: string) => shell.openExternal(url);\n";
    expect(await ids('electron/shell/probe.ts', code)).toContain('no-restricted-syntax');
    expect(await ids('electron/services/probe.ts', code)).toContain('no-restricted-syntax');
  });

  it.each(['shared/api/contract.ts', 'electron/main.ts', 'electron/browser-mode/server.ts', 'renderer/api/client.ts', 'renderer/app/app.tsx', 'test/e2e/fixtures.ts'])(
    'promise rules are errors in %s: nothing floats, nothing async goes where nothing awaits it',
    async (file) => {
      const config = (await securityLint.calculateConfigForFile(file)) as { rules: Record<string, unknown[]> };
      for (const rule of ['no-floating-promises', 'no-misused-promises', 'await-thenable', 'require-await']) {
        expect(config.rules[`@typescript-eslint/${rule}`]?.[0], rule).toBe(2);
      }
    },
  );
});
