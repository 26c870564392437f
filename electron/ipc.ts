/** Registers every contract method with ipcMain.handle in one loop; only the app's own page may call. */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { METHODS } from '../contract';
import { LedgerError, type Envelope } from '../contract/errors';
import type { ContractEndpoint } from '../db/service';
import { isAppUrl } from './window';

export function senderIsApp(event: IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url ?? '';
  return isAppUrl(url);
}

export function registerLedgerIpc(ipcMain: IpcMain, service: ContractEndpoint): void {
  for (const method of METHODS) {
    ipcMain.handle(method, async (event, input: unknown): Promise<Envelope<unknown>> => {
      if (!senderIsApp(event)) {
        return {
          ok: false,
          error: new LedgerError('invalid_input', {
            vi: 'Nguồn gọi không được phép',
            en: 'Caller not allowed',
          }).toShape(),
        };
      }
      return service.call(method, input);
    });
  }
}
