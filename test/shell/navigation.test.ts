import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { hardenWebContents } from '../../electron/shell/window';

vi.mock('electron', () => ({ BrowserWindow: class {}, nativeTheme: { shouldUseDarkColors: false }, screen: { getAllDisplays: () => [] } }));

// openExternally says on the console what it refused; here that is every case.
beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

/** A webContents stand-in with real listeners, hardened as main.ts hardens every webContents. */
function hardened() {
  const emitter = new EventEmitter();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = Object.assign(emitter, {
    setWindowOpenHandler: (handler: (details: { url: string }) => { action: string }) => void (openHandler = handler),
  });
  const shell = { openExternal: vi.fn((_url: string) => Promise.resolve()) };
  hardenWebContents(contents as unknown as Parameters<typeof hardenWebContents>[0], shell);
  return {
    shell,
    /** Emits a navigation event as Electron does; true when a listener stopped it. */
    prevented(event: string, url: string, isMainFrame = true): boolean {
      const details = { url, isMainFrame, preventDefault: vi.fn() };
      emitter.emit(event, details);
      return details.preventDefault.mock.calls.length > 0;
    },
    open: (url: string) => openHandler?.({ url }),
  };
}

/** Addresses a page, a link or an attacker could try to take the window to. None of them is the app. */
const HOSTILE = [
  'https://evil.example/',
  'http://127.0.0.1:41234/?token=x',
  'http://localhost/',
  'javascript:alert(document.domain)',
  'JaVaScRiPt:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'file:///etc/passwd',
  'file://offload/index.html',
  'file:///C:/Windows/System32/calc.exe',
  'app://offload.evil/index.html',
  'app://offload.evil.com/index.html',
  'app://app.evil.com/index.html',
  'https://app.evil.com/',
  'app://evil.com/index.html',
  'app://offload@evil.com/index.html',
  'app://evil.com@offload/index.html',
  'app://offload:443@evil.com/',
  'app://user:pass@offload/index.html',
  'app://offload:8080/index.html',
  'app://offload./index.html',
  'app://offload%2eevil/index.html',
  'app://оffload/index.html', // Cyrillic о
  'app://ｏｆｆｌｏａｄ/index.html', // fullwidth letters
  'app://offload\u3002evil/index.html', // ideographic full stop
  'app://xn--ffload-2nf/index.html',
  'app://offload%00.evil/index.html',
  'app:offload/index.html',
  'app:///offload/index.html',
  'https://offload/index.html',
  'http://offload/index.html',
  'blob:app://offload/5f0c4d1e-2b7a-4c51-9f3e-1a2b3c4d5e6f',
  'filesystem:app://offload/temporary/x.html',
  'about:blank',
  'about:srcdoc',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
  'view-source:app://offload/index.html',
  'ws://127.0.0.1:9222/devtools/browser',
  'ftp://evil.example/',
  'mailto:attacker@evil.example',
  '\\\\evil.example\\share\\x.html',
  '',
];

const APP = ['app://offload/index.html', 'app://offload/', 'app://offload/index.html#/tasks', 'app://offload/index.html?x=1'];

describe('navigation guards, against hostile addresses', () => {
  it('tries more than 25 of them', () => {
    expect(HOSTILE.length).toBeGreaterThan(25);
  });

  it.each(HOSTILE)('stops the page leaving for %j by navigation, frame navigation or redirect', (url) => {
    const contents = hardened();
    expect(contents.prevented('will-navigate', url)).toBe(true);
    expect(contents.prevented('will-frame-navigate', url)).toBe(true);
    expect(contents.prevented('will-redirect', url)).toBe(true);
  });

  it.each(APP)('lets the page move within the app: %s', (url) => {
    const contents = hardened();
    expect(contents.prevented('will-navigate', url)).toBe(false);
    expect(contents.prevented('will-frame-navigate', url)).toBe(false);
    expect(contents.prevented('will-redirect', url)).toBe(false);
  });

  it.each(APP)('stops any subframe navigating, even to the app (the CSP allows no frames): %s', (url) => {
    const contents = hardened();
    expect(contents.prevented('will-frame-navigate', url, false)).toBe(true);
    expect(contents.prevented('will-redirect', url, false)).toBe(true);
  });
});

describe('new windows, against hostile addresses', () => {
  it.each([...HOSTILE, ...APP])('never opens a window for %j', (url) => {
    expect(hardened().open(url)).toStrictEqual({ action: 'deny' });
  });

  it.each(HOSTILE.filter((url) => !/^(https|mailto):/i.test(url)))('never hands %j to the system either', (url) => {
    const contents = hardened();
    contents.open(url);
    expect(contents.shell.openExternal).not.toHaveBeenCalled();
  });

  it('hands a web or mail link to her browser or mail program, as parsed and serialised again', () => {
    const contents = hardened();
    contents.open('https://www.Example.com/guide?q=vpn#setup');
    contents.open('mailto:help@northwind.example?subject=Ticket');
    expect(contents.shell.openExternal.mock.calls).toStrictEqual([
      ['https://www.example.com/guide?q=vpn#setup'],
      ['mailto:help@northwind.example?subject=Ticket'],
    ]);
  });
});

describe('every window the app can create', () => {
  it('is created in shell/window.ts or shell/quick-add-window.ts only, each once and with secureWebPreferences (asserted in window.test.ts)', () => {
    const root = path.resolve(import.meta.dirname, '../../electron');
    const sources = fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
    const creating = sources.filter((file) => /new BrowserWindow\b|new BrowserView\b|new WebContentsView\b|<webview/.test(fs.readFileSync(path.join(root, file), 'utf8')));
    expect(creating.sort()).toStrictEqual([path.join('shell', 'quick-add-window.ts'), path.join('shell', 'window.ts')]);
    for (const file of creating) {
      const source = fs.readFileSync(path.join(root, file), 'utf8');
      expect(source.match(/new BrowserWindow\(/g), file).toHaveLength(1);
      expect(source.match(/webPreferences: secureWebPreferences\(preloadPath\)/g), file).toHaveLength(1);
    }
  });
});
