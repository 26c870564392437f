import { COMMANDS } from './commands';

/** The usage text: each command's lines, in the table's order. */
export const USAGE = `Sổ theo dõi viện trợ — dòng lệnh / Aid Ledger command line

${COMMANDS.flatMap((command) => command.usage.map((line) => `  ${line}\n`)).join('')}`;
