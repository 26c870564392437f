/**
 * Exposes one named function per contract method as window.ledger; the page never sees ipcRenderer.
 * Bundled into one file because sandboxed preloads can only require 'electron'.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { METHODS, type LedgerBridge } from '../contract';

export function buildBridge(invoke: (channel: string, input: unknown) => Promise<unknown>): LedgerBridge {
  return Object.freeze(
    Object.fromEntries(METHODS.map((method) => [method, (input: unknown) => invoke(method, input)])),
  ) as LedgerBridge;
}

contextBridge.exposeInMainWorld(
  'ledger',
  buildBridge((channel, input) => ipcRenderer.invoke(channel, input)),
);
