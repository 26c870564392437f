/**
 * Exposes one named function per contract method as window.ledger; the page never sees ipcRenderer.
 * Bundled into one file because sandboxed preloads can only require 'electron'.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { METHODS, type LedgerBridge } from '../contract';
import { SAVE_PDF_CHANNEL } from './saving';

export function buildBridge(invoke: (channel: string, input: unknown) => Promise<unknown>): LedgerBridge {
  return Object.freeze(
    Object.fromEntries(METHODS.map((method) => [method, (input: unknown) => invoke(method, input)])),
  ) as LedgerBridge;
}

contextBridge.exposeInMainWorld(
  'ledger',
  buildBridge((channel, input) => ipcRenderer.invoke(channel, input)),
);

// Beside the ledger: the page saved as a PDF (electron/saving.ts), for the report's print.
contextBridge.exposeInMainWorld(
  'ledgerShell',
  Object.freeze({
    savePdf: (fileName: string, landscape: boolean) => ipcRenderer.invoke(SAVE_PDF_CHANNEL, fileName, landscape),
  }),
);
