/**
 * `npm run serve -- --db FILE --port N [--any-port-if-taken]`: the app in a browser at 127.0.0.1, over the same
 * contract. A new file is created empty, and the app asks which province it serves, as the desktop app does on first
 * start; a damaged one opens the recovery screen.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { LedgerError } from '../contract/errors';
import { openLedgerHost } from '../db/host';
import { createBridge } from './http-bridge';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const STOP_GRACE_MS = 10_000;

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'aid-ledger.sqlite' },
    port: { type: 'string', default: '5178' },
    static: { type: 'string', default: resolve(ROOT, 'dist/renderer') },
    'any-port-if-taken': { type: 'boolean', default: false },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`Cổng không hợp lệ / Invalid port: ${values.port}\n`);
  process.exit(2);
}

try {
  const host = await openLedgerHost(values.db, {
    onBackupError: (error) => process.stderr.write(`Sao lưu tự động lỗi / Automatic backup failed: ${String(error)}\n`),
    onRelocated: (file) =>
      process.stderr.write(
        `Sổ đã được chép về ${file}; lần sau: --db "${file}" / Copied to ${file}; next time: --db "${file}"\n`,
      ),
  });
  const opened = host.current();
  if (!opened)
    process.stderr.write(
      `Tệp dữ liệu bị hỏng, mở màn hình khôi phục / The ledger is damaged; the recovery screen opens: ${values.db}\n`,
    );
  const { readOnly, notice } = opened?.access ?? { readOnly: null, notice: null };
  if (readOnly) process.stderr.write(`Chỉ xem: ${readOnly.message.vi}\nRead-only: ${readOnly.message.en}\n`);
  if (notice) process.stderr.write(`${notice.vi}\n${notice.en}\n`);
  const server = createBridge(host, values.static);
  let anyPortIfTaken = values['any-port-if-taken'];
  server.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE' && anyPortIfTaken) {
      anyPortIfTaken = false;
      server.listen(0, '127.0.0.1');
      return;
    }
    process.stderr.write(
      error.code === 'EADDRINUSE'
        ? `Cổng ${port} đang được dùng: hãy chọn cổng khác (--port) / Port ${port} is in use: choose another (--port)\n`
        : `Lỗi / Error: ${error.message}\n`,
    );
    void host.close().then(() => process.exit(1));
  });
  server.on('listening', () => {
    const address = server.address();
    const actual = typeof address === 'object' && address ? address.port : port;
    process.stdout.write(`Aid Ledger: http://127.0.0.1:${actual}/ (${values.db})\n`);
  });
  server.listen(port, '127.0.0.1');
  let stopping = false;
  // Calls running finish and the ledger closes (its changes sent to the exchange folder); a stalled client is not
  // waited for. A second signal, or a close that takes longer than STOP_GRACE_MS, ends the process at once: every
  // write is one transaction, so nothing is left half done.
  const stop = () => {
    if (stopping) process.exit(1);
    stopping = true;
    server.stop();
    setTimeout(() => {
      process.stderr.write('Dừng không kịp, thoát ngay / Not stopped in time, exiting now\n');
      process.exit(1);
    }, STOP_GRACE_MS);
    void host
      .close()
      .catch((error: unknown) => process.stderr.write(`Lỗi khi đóng sổ / Error closing the ledger: ${String(error)}\n`))
      .then(() => {
        server.closeAllConnections();
        process.exit(0);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  if (error instanceof LedgerError) {
    const { message } = error.toShape();
    process.stderr.write(`Lỗi: ${message.vi}\nError: ${message.en}\n`);
  } else process.stderr.write(`Lỗi / Error: ${String(error)}\n`);
  process.exit(1);
}
