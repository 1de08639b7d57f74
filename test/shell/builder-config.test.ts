import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FuseV1Options } from '@electron/fuses';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

interface BuilderConfig {
  appId: string;
  disableAsarIntegrity?: boolean;
  productName: string;
  files: string[];
  asar: boolean;
  asarUnpack: string[];
  npmRebuild: boolean;
  electronFuses: Record<string, boolean>;
  linux: { target: string[] };
  mac: { target: string[]; hardenedRuntime: boolean };
  win: { target: string[] };
  nsis: { oneClick: boolean; allowToChangeInstallationDirectory: boolean };
  publish: { provider: string; url?: string; channel?: string }[];
  protocols: { name: string; schemes: string[] }[];
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const configFile = path.join(ROOT, 'electron-builder.yml');
const config = parse(fs.readFileSync(configFile, 'utf8')) as BuilderConfig;

describe('electron-builder.yml', () => {
  it('identifies the app as com.offload.desktop, named Offload', () => {
    expect(config.appId).toBe('com.offload.desktop');
    expect(config.productName).toBe('Offload');
  });

  it('flips every fuse that closes a code-injection path', () => {
    expect(config.electronFuses).toStrictEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      loadBrowserProcessSpecificV8Snapshot: false,
    });
  });

  it('states a value for every fuse the installed @electron/fuses knows, so a new one cannot go unnoticed', () => {
    const fuses = Object.keys(FuseV1Options).filter((key) => Number.isNaN(Number(key)));
    expect(fuses.length).toBeGreaterThanOrEqual(8);
    const configKey = (fuse: string) => fuse.charAt(0).toLowerCase() + fuse.slice(1);
    expect(Object.keys(config.electronFuses).sort()).toStrictEqual(fuses.map(configKey).sort());
  });

  it('checks the asar’s integrity on every platform Electron supports it on (macOS and Windows), which it builds for', () => {
    expect(config.asar).toBe(true);
    expect(config.disableAsarIntegrity ?? false).toBe(false);
    expect(config.electronFuses).toMatchObject({ enableEmbeddedAsarIntegrityValidation: true, onlyLoadAppFromAsar: true });
    expect(config.mac.target.length).toBeGreaterThan(0);
    expect(config.win.target.length).toBeGreaterThan(0);
    // The installed electron-builder embeds the hashes there: Info.plist on macOS, the executable's resources on Windows.
    const builder = path.join(ROOT, 'node_modules/app-builder-lib/out/electron');
    expect(fs.readFileSync(path.join(builder, 'electronMac.js'), 'utf8')).toContain('appPlist.ElectronAsarIntegrity =');
    expect(fs.readFileSync(path.join(builder, 'ElectronFramework.js'), 'utf8')).toContain('addWinAsarIntegrity)(executable, options.asarIntegrity)');
  });

  it('packs the app into an asar but leaves better-sqlite3’s native addon unpacked', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack.some((glob) => glob.includes('node_modules/better-sqlite3/'))).toBe(true);
  });

  it('does not rebuild native modules, since better-sqlite3 ships Node-API prebuilds', () => {
    expect(config.npmRebuild).toBe(false);
  });

  it('builds an AppImage and a deb, a dmg, and an NSIS installer that asks where to install', () => {
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.mac.target).toContain('dmg');
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.win.target).toContain('nsis');
    expect(config.nsis).toMatchObject({ oneClick: false, allowToChangeInstallationDirectory: true });
  });

  it('packages only the build output and package.json: no TypeScript sources, no source maps', () => {
    const included = config.files.filter((pattern) => !pattern.startsWith('!'));
    expect(included).toStrictEqual(['dist/**/*', 'package.json']);
    expect(included.some((pattern) => /\.tsx?$|electron\/|renderer\/|shared\//.test(pattern))).toBe(false);
    expect(config.files).toContain('!**/*.map');
  });

  it('ships the worker bundles beside the main one: nothing excludes dist/electron/', () => {
    // main.cjs starts dist/electron/backend-worker.cjs, which starts data-worker.cjs for imports.
    const excluded = config.files.filter((pattern) => pattern.startsWith('!')).map((pattern) => pattern.slice(1));
    expect(excluded.filter((pattern) => /^dist\/(electron|\*\*)/.test(pattern) || pattern.includes('worker'))).toStrictEqual([]);
  });

  it('publishes update metadata for electron-updater over HTTPS', () => {
    expect(config.publish).toHaveLength(1);
    const [target] = config.publish;
    expect(target?.provider).toBe('generic');
    expect(target?.url).toMatch(/^https:\/\//);
    expect(target?.channel).toBe('latest');
  });

  it('registers the offload:// scheme for quick-add links', () => {
    expect(config.protocols).toStrictEqual([{ name: 'Offload link', schemes: ['offload'] }]);
  });
});
