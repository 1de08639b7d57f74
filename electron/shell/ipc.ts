import type { BrowserWindow, IpcMain, WebContents, WebFrameMain } from 'electron';
import { callNames, ipcChannel } from '../../shared/api/contract';
import type { Envelope } from '../../shared/api/errors';
import { EVENTS_CHANNEL, eventFor } from '../../shared/api/events';
import type { Backend } from '../backend/backend';
import { isAppUrl } from './protocol';

/** The source name of a window's calls, so the events its own writes cause are marked `self` for it. */
export const ipcSource = (contents: Pick<WebContents, 'id'>): string => `ipc:${contents.id}`;

/** Decides whether an IPC message's sending frame may call the backend at all. */
export type FrameCheck = (frame: WebFrameMain | null) => boolean;

/**
 * The one place renderer calls enter the main process: a handler per contract call, nothing
 * else. Each checks the sender first, because any frame that ends up in a renderer (an iframe,
 * a page navigated elsewhere) can reach ipcRenderer; the backend then parses the input against
 * the call's schema. Returns the function that removes every handler again.
 */
export function registerCalls(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  backend: Pick<Backend, 'dispatch'>,
  isTrustedFrame: FrameCheck,
): () => void {
  for (const name of callNames) {
    ipcMain.handle(ipcChannel(name), async (event, input: unknown): Promise<Envelope<unknown>> => {
      if (!isTrustedFrame(event.senderFrame)) {
        return {
          ok: false,
          error: { code: 'FORBIDDEN', message: `“${name}” may only be called by Offload’s own window.` },
        };
      }
      try {
        return await backend.dispatch(name, input, { source: ipcSource(event.sender) });
      } catch (error) {
        // dispatch already turns handler failures into envelopes; this catches what escapes it,
        // so the renderer gets a typed error instead of Electron's wrapped rejection.
        console.error(`[offload] ${name} failed outside its handler:`, error);
        return { ok: false, error: { code: 'INTERNAL', message: `Offload could not complete “${name}”.` } };
      }
    });
  }
  return () => {
    for (const name of callNames) ipcMain.removeHandler(ipcChannel(name));
  };
}

/** The app's own windows at the moment: the main window and, while it is open, the quick-add window. */
export type AppWindows = () => readonly (BrowserWindow | null | undefined)[];

/**
 * Trusts only the top frame of one of the app's own windows while it shows the app itself.
 * Identity with a window's `webContents.mainFrame` rules out subframes and any other window; the
 * URL check rules out a main frame after a navigation away from app://offload that slipped past
 * the navigation guards.
 */
export function trustedFrameCheck(getWindows: AppWindows): FrameCheck {
  return (frame) => {
    if (!frame || frame.parent !== null || !isAppUrl(frame.url)) return false;
    return getWindows().some((window) => !!window && !window.isDestroyed() && frame === window.webContents.mainFrame);
  };
}

/**
 * Sends every backend event to each of the app's windows (the only ones that may call the
 * backend), each marked `self` for the window whose own call caused it. Returns the function that
 * stops it.
 */
export function forwardEvents(backend: Pick<Backend, 'subscribe'>, getWindows: AppWindows): () => void {
  return backend.subscribe((event) => {
    for (const window of getWindows()) {
      if (!window || window.isDestroyed() || window.webContents.isDestroyed()) continue;
      window.webContents.send(EVENTS_CHANNEL, eventFor(event, ipcSource(window.webContents)));
    }
  });
}
