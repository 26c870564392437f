import type { ParseArgsConfig, parseArgs } from 'node:util';

/** The options `parseArgs` reads, by their long names. */
export type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** The values of a command's options, as `parseArgs` gives them. */
export type OptionValues<O extends ParseArgsOptionsConfig> = ReturnType<
  typeof parseArgs<{ options: O; allowPositionals: true }>
>['values'];

/** What a command is run with: its options' values and the words after the command's name. */
export interface CommandInput<O extends ParseArgsOptionsConfig> {
  values: OptionValues<O>;
  positionals: string[];
}

/** One command of the command line: its name, the options it reads, its lines in the usage text, and what it does. */
export interface Command<O extends ParseArgsOptionsConfig = ParseArgsOptionsConfig> {
  name: string;
  options: O;
  /** Its lines in the usage text, without the text's indent. */
  usage: string[];
  /** Runs the command; resolves to the process's exit status. */
  run(input: CommandInput<O>): Promise<number>;
}

/** A command, its values typed by its options. */
export function defineCommand<O extends ParseArgsOptionsConfig>(command: Command<O>): Command<O> {
  return command;
}

/** The indent of a usage line that describes the command above it. */
export const DESCRIPTION = ' '.repeat(38);
