import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

interface BuilderConfig {
  appId: string;
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

const configFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../electron-builder.yml');
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
    });
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
