import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ALLOWED_PERMISSIONS, hardenSession } from '../../electron/shell/window';

vi.mock('electron', () => ({ BrowserWindow: class {}, nativeTheme: { shouldUseDarkColors: false }, screen: { getAllDisplays: () => [] } }));

/** Every permission the installed Electron can ask about, read from its own type declarations. */
function electronPermissions(): string[] {
  const types = fs.readFileSync(path.resolve(import.meta.dirname, '../../node_modules/electron/electron.d.ts'), 'utf8');
  const union = /setPermissionCheckHandler\(handler: \(\(webContents: \(WebContents\) \| \(null\), permission: ([^,]+),/.exec(types)?.[1] ?? '';
  return [...union.matchAll(/'([^']+)'/g)].map((match) => match[1]!);
}

type RequestHandler = (contents: unknown, permission: string, answer: (granted: boolean) => void, details: { requestingUrl?: string; isMainFrame: boolean }) => void;
type CheckHandler = (contents: unknown, permission: string, origin: string, details: { requestingUrl?: string; isMainFrame: boolean }) => boolean;

function handlers(allowed?: ReadonlySet<string>) {
  const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn() };
  hardenSession(session, allowed);
  const request = session.setPermissionRequestHandler.mock.calls[0]![0] as RequestHandler;
  const check = session.setPermissionCheckHandler.mock.calls[0]![0] as CheckHandler;
  const device = session.setDevicePermissionHandler.mock.calls[0]![0] as (details: unknown) => boolean;
  const requested = (permission: string, requestingUrl: string, isMainFrame = true) => {
    const answer = vi.fn();
    request({}, permission, answer, { requestingUrl, isMainFrame });
    expect(answer).toHaveBeenCalledOnce();
    return answer.mock.calls[0]![0] as boolean;
  };
  const checked = (permission: string, origin: string, isMainFrame = true) => check(null, permission, origin, { requestingUrl: `${origin}/index.html`, isMainFrame });
  return { requested, checked, device };
}

const PERMISSIONS = electronPermissions();

describe('permissions', () => {
  it('reads the installed Electron’s permission names (media, notifications, openExternal, hid …)', () => {
    expect(PERMISSIONS.length).toBeGreaterThan(30);
    expect(PERMISSIONS).toEqual(expect.arrayContaining(['media', 'notifications', 'geolocation', 'openExternal', 'clipboard-read', 'hid', 'unknown']));
  });

  it('allows nothing today', () => {
    expect([...ALLOWED_PERMISSIONS]).toStrictEqual([]);
  });

  it.each(PERMISSIONS)('denies %s to every asker, the app’s own page included, as a request and as a check', (permission) => {
    const { requested, checked } = handlers();
    expect(requested(permission, 'app://offload/index.html')).toBe(false);
    expect(checked(permission, 'app://offload')).toBe(false);
    expect(requested(permission, 'https://evil.example/')).toBe(false);
  });

  it('denies every device (HID, serial, USB) request', () => {
    const { device } = handlers();
    for (const deviceType of ['hid', 'serial', 'usb']) expect(device({ deviceType, origin: 'app://offload' })).toBe(false);
  });

  it('would grant an allowlisted permission to the app’s own main frame only', () => {
    const { requested, checked } = handlers(new Set(['clipboard-sanitized-write']));
    expect(requested('clipboard-sanitized-write', 'app://offload/index.html')).toBe(true);
    expect(checked('clipboard-sanitized-write', 'app://offload')).toBe(true);
    expect(requested('clipboard-sanitized-write', 'app://offload/index.html', false)).toBe(false);
    expect(requested('clipboard-sanitized-write', 'app://offload.evil/index.html')).toBe(false);
    expect(requested('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(checked('clipboard-sanitized-write', 'http://127.0.0.1:41234')).toBe(false);
    expect(requested('clipboard-read', 'app://offload/index.html')).toBe(false);
  });
});
