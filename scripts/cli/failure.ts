import { LedgerError } from '../../contract/errors';
import { UsageError } from './args';
import { USAGE } from './usage';

/**
 * Reports a command's failure on stderr, in Vietnamese and English; returns the exit status: 2 for a command line that
 * cannot be run as given, 1 for anything else.
 */
export function reportFailure(error: unknown): number {
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  if (error instanceof LedgerError) {
    const shape = error.toShape();
    process.stderr.write(`Lỗi: ${shape.message.vi}\nError: ${shape.message.en}\n`);
    return 1;
  }
  if (error instanceof Error && 'code' in error && error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    process.stderr.write(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  process.stderr.write(`Lỗi / Error: ${error instanceof Error ? error.message : String(error)}\n`);
  return 1;
}
