import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { ipcChannel, mapCalls, type OffloadBridge } from '../shared/api/contract';
import { EVENTS_CHANNEL, type BackendEvent, type OffloadEventsBridge } from '../shared/api/events';

/**
 * `window.offload`: one function per contract call, each bound to its own channel. The page gets
 * neither ipcRenderer nor a way to name a channel, so it can reach nothing the contract does not
 * list.
 *
 * No cast: ipcRenderer.invoke resolves to `any`, which `satisfies` accepts for every call's
 * Envelope. That is the one unchecked step, and it is closed on the other side: registerCalls
 * answers each channel with backend.dispatch for that same name, whose result is the call's type.
 */
const bridge = mapCalls(
  (name) => (input?: unknown) => ipcRenderer.invoke(ipcChannel(name), input),
) satisfies OffloadBridge;

/**
 * `window.offloadEvents`: a subscription to the backend's events on their one channel. The page's
 * listener receives the event alone, never Electron's IPC event object (which carries the sender).
 */
const events = {
  subscribe(listener: (event: BackendEvent) => void) {
    const forward = (_event: IpcRendererEvent, payload: BackendEvent) => listener(payload);
    ipcRenderer.on(EVENTS_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(EVENTS_CHANNEL, forward);
    };
  },
} satisfies OffloadEventsBridge;

contextBridge.exposeInMainWorld('offload', bridge);
contextBridge.exposeInMainWorld('offloadEvents', events);
