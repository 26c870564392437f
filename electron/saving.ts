/**
 * The one way the desktop app saves what the page shows: the page printed to PDF (the report's print layout, see
 * renderer/src/components/ReportPrintView.tsx), saved where the user chooses. Only the app's own page may ask; the
 * name offered is the report's, reduced to a plain file name. No runtime import of 'electron': main hands over the
 * save dialog and the file writer, tests hand over fakes.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { senderIsApp } from './ipc';

/** The channel the preload's `ledgerShell.savePdf` calls. */
export const SAVE_PDF_CHANNEL = 'shell.savePdf';

export interface PdfSaving {
  /** Asks where to save; undefined when the user cancels. */
  askPath(contents: WebContents, fileName: string): Promise<string | undefined>;
  write(path: string, bytes: Uint8Array): Promise<void>;
}

/** The name offered in the save dialog: no folders, nothing a file system refuses, ending in .pdf. */
export function pdfFileName(raw: unknown): string {
  const name = (typeof raw === 'string' ? raw : '')
    .replace(/^.*[\\/]/, '')
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-')
    .trim()
    .slice(0, 150);
  const base = name.replace(/\.pdf$/i, '') || 'Bao-cao';
  return `${base}.pdf`;
}

/**
 * Prints the page as it is now (A4, its own @page size and margins, backgrounds kept) and saves it; whether it was
 * saved.
 */
export async function savePageAsPdf(
  contents: WebContents,
  fileName: unknown,
  landscape: unknown,
  saving: PdfSaving,
): Promise<boolean> {
  const pdf = await contents.printToPDF({
    pageSize: 'A4',
    landscape: landscape !== false,
    printBackground: true,
    preferCSSPageSize: true,
  });
  const path = await saving.askPath(contents, pdfFileName(fileName));
  if (!path) return false;
  await saving.write(path, pdf);
  return true;
}

export function registerPdfSaving(ipcMain: IpcMain, saving: PdfSaving): void {
  ipcMain.handle(SAVE_PDF_CHANNEL, async (event: IpcMainInvokeEvent, fileName: unknown, landscape: unknown) => {
    if (!senderIsApp(event)) return false;
    return savePageAsPdf(event.sender, fileName, landscape, saving);
  });
}
