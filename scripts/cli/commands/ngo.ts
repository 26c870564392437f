/** `ngo`: the registry of foreign NGOs from the command line, one action a word (`ngo list`, `ngo import`). */
import { UsageError } from '../args';
import { defineCommand } from '../command';
import { NGO_IO_OPTIONS, NGO_IO_USAGE, ngoExport, ngoImport } from './ngo-io';
import { NGO_REGISTRY_OPTIONS, NGO_REGISTRY_USAGE, ngoList, ngoShow } from './ngo-registry';

const ACTIONS = new Map([
  ['list', ngoList],
  ['show', ngoShow],
  ['import', ngoImport],
  ['export', ngoExport],
]);

export const ngoCommand = defineCommand({
  name: 'ngo',
  options: { ...NGO_REGISTRY_OPTIONS, ...NGO_IO_OPTIONS },
  usage: [...NGO_REGISTRY_USAGE, ...NGO_IO_USAGE],
  async run(input) {
    const run = ACTIONS.get(input.positionals[0] ?? '');
    if (!run) throw new UsageError(`Dùng / Use: ngo ${[...ACTIONS.keys()].join(' | ')}`);
    return run(input);
  },
});
