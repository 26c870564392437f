/**
 * "In / Lưu PDF": lays the report out as its workbook's first sheet (ReportPrintView) and prints it — in the browser
 * with the page's print (where "Save as PDF" is one of the printers), in the desktop app straight to a PDF file the
 * user names (Electron's printToPDF, see electron/saving.ts).
 */
import { PrinterOutlined } from '@ant-design/icons';
import { App as AntApp, Button } from 'antd';
import { useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { MethodInput, ReportPrint } from '../../../contract';
import { call, errorText } from '../queries';
import { ReportPrintView } from './ReportPrintView';

/** What the desktop app's preload offers beside the ledger's methods: the page saved as a PDF. */
export interface ShellBridge {
  /** Prints the page to PDF and asks where to save it; whether it was saved. */
  savePdf(fileName: string, landscape: boolean): Promise<boolean>;
}

declare global {
  interface Window {
    ledgerShell?: ShellBridge;
  }
}

export function ReportPrintButton({ input }: { input: MethodInput<'reports.print'> }) {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const [print, setPrint] = useState<ReportPrint | null>(null);
  const [busy, setBusy] = useState(false);

  async function printReport() {
    setBusy(true);
    try {
      const laidOut = await call('reports.print', input);
      // On the page before the print starts: the print takes the page as it is.
      flushSync(() => setPrint(laidOut));
      if (window.ledgerShell) {
        if (await window.ledgerShell.savePdf(laidOut.fileName, laidOut.orientation === 'landscape'))
          message.success(t('reportPrint.saved', { file: laidOut.fileName }));
      } else window.print();
    } catch (error) {
      message.error(errorText(error, i18n.language));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button icon={<PrinterOutlined />} onClick={() => void printReport()} loading={busy} data-testid="report-print">
        {t('reportPrint.button')}
      </Button>
      {print && <ReportPrintView print={print} />}
    </>
  );
}
