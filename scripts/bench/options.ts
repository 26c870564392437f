import { parseArgs } from 'node:util';

/** The bench's options, by their names on the command line. */
const OPTIONS = {
  rows: { type: 'string', default: '1000000' },
  json: { type: 'string' },
  reps: { type: 'string', default: '5' },
  db: { type: 'string' },
  'import-rows': { type: 'string' },
  /** Offices whose files the quarter's close merges (half bundles, half workbooks). */
  offices: { type: 'string', default: '56' },
  /**
   * The catalogue the `catalogue` lines put in: a province's code or name, or 'all' (Cao Bằng's, then the whole
   * country's).
   */
  catalogue: { type: 'string', default: 'all' },
  quiet: { type: 'boolean', default: false },
  /**
   * Comma-separated first words of the operations to run (dashboard,today,items,ledger,paging,quarterly,import,close,
   * catalogue,place-search,open,hostile).
   */
  only: { type: 'string' },
  /** Internal: write the import's bundle to this file and exit (run by the import's set-up in a process of its own). */
  'write-bundle': { type: 'string' },
} as const;

export interface BenchOptions {
  /** Pledges in the bench's ledger. */
  rows: number;
  /** Timed repetitions of each operation (fewer for some, see each operation's `maxReps`). */
  reps: number;
  /** Records in the imported bundle: pledges and their deliveries (about 0.6 per pledge), plus donors and places. */
  importRecords: number;
  offices: number;
  catalogue: string;
  quiet: boolean;
  /** The operations' words to run; undefined runs them all. */
  only?: string[];
  json?: string;
  /** The ledger file kept between runs. */
  db?: string;
  writeBundle?: string;
}

/** The options of this process's command line. */
export function readOptions(): BenchOptions {
  const { values } = parseArgs({ options: OPTIONS });
  const rows = Number(values.rows);
  return {
    rows,
    reps: Math.max(1, Number(values.reps)),
    importRecords: Number(values['import-rows'] ?? Math.min(100_000, Math.max(1_000, Math.round(rows / 10)))),
    offices: Number(values.offices),
    catalogue: values.catalogue,
    quiet: values.quiet,
    only: values.only?.split(','),
    json: values.json,
    db: values.db,
    writeBundle: values['write-bundle'],
  };
}
