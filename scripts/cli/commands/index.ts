import type { Command } from '../command';
import { backupCommand } from './backup';
import { bundleCommand } from './bundle';
import { checkCommand } from './check';
import { clockCommand } from './clock';
import { copyLocalCommand } from './copy-local';
import { demoCommand } from './demo';
import { generateCommand } from './generate';
import { importCommand } from './import';
import { infoCommand } from './info';
import { initCommand } from './init';
import { ngoCommand } from './ngo';
import { officeCommand } from './office';
import { reportCommand } from './report';
import { restoreCommand } from './restore';
import { summaryCommand } from './summary';
import { templateCommand } from './template';
import { totalsCommand } from './totals';

/** The commands, in the order of the usage text. */
export const COMMANDS: readonly Command[] = [
  initCommand,
  demoCommand,
  infoCommand,
  generateCommand,
  reportCommand,
  templateCommand,
  importCommand,
  officeCommand,
  ngoCommand,
  bundleCommand,
  totalsCommand,
  summaryCommand,
  backupCommand,
  restoreCommand,
  checkCommand,
  clockCommand,
  copyLocalCommand,
];
