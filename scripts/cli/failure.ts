import { LedgerError } from '../../contract/errors';
import { ReadOnlyError } from '../../db/core/access';
import { UsageError } from './args';
import { USAGE } from './usage';

/** Exit status of a write refused because another program holds the ledger or is writing it: try again later. */
export const EXIT_IN_USE = 3;
/** Exit status of a write refused because of where the ledger is (network drive, synced folder, read-only media). */
export const EXIT_NOT_HERE = 4;

/**
 * Reports a command's failure on stderr, in Vietnamese and English; returns the exit status: 2 for a command line that
 * cannot be run as given, 3 for a ledger in use by another program (or busy), 4 for a ledger that cannot be written
 * where it is, 1 for anything else.
 */
export function reportFailure(error: unknown): number {
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  if (error instanceof LedgerError) {
    const shape = error.toShape();
    process.stderr.write(`Lỗi: ${shape.message.vi}\nError: ${shape.message.en}\n`);
    if (error instanceof ReadOnlyError) return error.reason.kind === 'in_use' ? EXIT_IN_USE : EXIT_NOT_HERE;
    return shape.code === 'busy' ? EXIT_IN_USE : 1;
  }
  if (error instanceof Error && 'code' in error && error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    process.stderr.write(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  process.stderr.write(`Lỗi / Error: ${error instanceof Error ? error.message : String(error)}\n`);
  return 1;
}
