/**
 * Command line for batch work over the same contract the app uses:
 *   npm run --silent cli -- <command> --db FILE ...
 * Results go to stdout; errors go to stderr in Vietnamese and English with a non-zero exit.
 * Each command is in scripts/cli/commands, listed in its table there.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCommandLine, UsageError } from './cli/args';
import { COMMANDS } from './cli/commands';
import { reportFailure } from './cli/failure';
import { out } from './cli/output';
import { USAGE } from './cli/usage';

export { DEFAULT_FIXTURE } from './cli/fixture';
export { writeOutputFile } from './cli/output';

/** Runs one command line (without the program's name); resolves to the exit status, rejects on a failure. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    out(USAGE);
    return name ? 0 : 2;
  }
  const { values, positionals } = parseCommandLine(rest, COMMANDS);
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) throw new UsageError(`Lệnh không hợp lệ: ${name} / Unknown command: ${name}\n\n${USAGE}`);
  return command.run({ values, positionals });
}

/** Runs `argv` as the `cli` script does: errors reported, the process ends with the command's exit status. */
export function runAsScript(argv: string[]): void {
  main(argv).then(
    (code) => process.exit(code),
    (error: unknown) => process.exit(reportFailure(error)),
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) runAsScript(process.argv.slice(2));
