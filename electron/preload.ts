import { contextBridge, ipcRenderer } from 'electron';
import { ipcChannel, mapCalls, type OffloadBridge } from '../shared/api/contract';

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

contextBridge.exposeInMainWorld('offload', bridge);
