import { parseArgs } from 'node:util';
import type { Command, ParseArgsOptionsConfig } from './command';

/** A command line that cannot be run as given: reported with exit status 2. */
export class UsageError extends Error {}

/** `--help` / `-h`, taken anywhere. */
const HELP_OPTIONS: ParseArgsOptionsConfig = { help: { type: 'boolean', short: 'h', default: false } };

/**
 * The options of every command in one set: any command line may give any of them, and each command reads its own.
 * A name declared differently by two commands is a mistake in the commands, found here.
 */
function acceptedOptions(commands: readonly Command[]): ParseArgsOptionsConfig {
  const accepted: ParseArgsOptionsConfig = {};
  for (const command of commands) {
    for (const [name, option] of Object.entries(command.options)) {
      const known = accepted[name];
      if (known && (known.type !== option.type || known.default !== option.default))
        throw new Error(`--${name} is declared differently by the ${command.name} command`);
      accepted[name] = option;
    }
  }
  return { ...accepted, ...HELP_OPTIONS };
}

/** The arguments after the command's name, read with the options of all the commands. */
export function parseCommandLine(args: string[], commands: readonly Command[]) {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: acceptedOptions(commands) });
  return { values, positionals };
}

export function requireDb(values: { db?: string | undefined }): string {
  if (!values.db) throw new UsageError('Thiếu --db FILE / Missing --db FILE');
  return values.db;
}
