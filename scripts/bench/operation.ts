import type { Ledger } from '../../db/core/open';

/** What a line must meet: its ratio to the floor, and for some a time. */
export interface Target {
  ratio: number;
  ms?: number;
}

/** One line of the table: the app's own code path and its floor, each a single repetition of the same work. */
export interface Line {
  name: string;
  /** This line's own target, where it differs from its operation's. */
  target?: Target;
  ours: () => Promise<unknown>;
  floor: () => Promise<unknown>;
  /** Work a run leaves for the runs after it (a fresh copy of a file it changed), done after its time is taken. */
  untimed?: () => Promise<unknown> | unknown;
}

/** What every operation is given: the run's settings and where its files go. */
export interface Bench {
  /** Pledges in the bench's ledger. */
  rows: number;
  /** Records in the bundle the import merges. */
  importRecords: number;
  /** Offices whose files the quarter's close merges. */
  offices: number;
  /** The catalogue the `catalogue` line puts in: 'all' or a province's code or name. */
  catalogue: string;
  /** The bench's synthetic ledger. */
  file: string;
  /** This run's folder for the files operations make, removed at the end. */
  work: string;
  log: (text: string) => void;
}

interface Described {
  /** The word `--only` selects it by. */
  only: string;
  /** The target of each of its lines. */
  target: Target;
  /** At most this many timed repetitions, whatever `--reps` asks. */
  maxReps?: number;
  /** Makes every file it measures: the bench's ledger is not generated for it. */
  ownFiles?: true;
  /** Run only when `--only` names it, not in the whole run. */
  onlyWhenNamed?: true;
}

/** An operation on the bench's ledger, which is opened once for all of them and closed before the others run. */
export interface SharedLedgerOperation extends Described {
  ledger: 'shared';
  /** Its lines, each set up (untimed) just before it is measured. */
  lines(bench: Bench, ledger: Ledger): AsyncIterable<Line>;
}

/** An operation that opens what it measures itself: the bench's file, or ledgers it makes. */
export interface OwnLedgerOperation extends Described {
  ledger: 'own';
  /** Its lines, each set up (untimed) just before it is measured. */
  lines(bench: Bench): AsyncIterable<Line>;
}

export type BenchOperation = SharedLedgerOperation | OwnLedgerOperation;
