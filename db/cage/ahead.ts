/**
 * Reading ahead in a pass over many files: once a workbook has been read, the warm worker reads the next workbook
 * while this thread writes the first one's rows, so that reading and writing overlap. Only workbooks of the floor's
 * size are read ahead (a larger file gets a worker of its own at its turn), one at a time and never past a bundle,
 * whose body is read at its turn once its sender is checked; so the warm worker is free whenever a file is read at its
 * turn. A file's reading read ahead is used only when it answered in time and in memory: a file stopped at a limit, or
 * whose reading failed, is read again at its turn (its time may have run out while this thread was writing), so
 * every file answers as it would have read at its turn.
 */
import type { Job, JobValue } from './jobs';
import { FLOOR_LIMITS, limitsFor, sameLimits } from './limits';
import { type Caged, runCaged } from './run';

type Reading = Promise<Caged<JobValue<Job>> | null>;

const bytesOf = (job: Job) => (job.kind === 'sheet' ? job.bytes : job.body);

/** The same job: of the same kind and name, over the same bytes (not a copy of them). */
function sameJob(a: Job, b: Job): boolean {
  const [x, y] = [bytesOf(a), bytesOf(b)];
  if (x.buffer !== y.buffer || x.byteOffset !== y.byteOffset || x.byteLength !== y.byteLength) return false;
  if (a.kind === 'sheet') return b.kind === 'sheet' && a.fileName === b.fileName;
  return b.kind === 'bundle' && a.formatVersion === b.formatVersion && a.schemaVersion === b.schemaVersion;
}

/** The passes reading ahead now. */
const passes = new Set<ReadAhead>();

/** One pass's files: the job of each that may be read ahead (null for those read at their turn only). */
export class ReadAhead {
  private readonly started = new Map<number, { job: Job; reading: Reading }>();

  constructor(
    private readonly count: number,
    private readonly jobOf: (index: number) => Job | null,
  ) {
    passes.add(this);
  }

  /** File `index`'s turn: its reading starts now if it may be read ahead and has not started. */
  turn(index: number): void {
    this.start(index);
  }

  private start(index: number): void {
    if (index >= this.count || this.started.has(index)) return;
    const job = this.jobOf(index);
    if (!job || !sameLimits(limitsFor(bytesOf(job).byteLength), FLOOR_LIMITS)) return;
    // Answered, and within its time as the worker counted it (this thread may have taken the answer late).
    const reading: Reading = runCaged(job, bytesOf(job).byteLength).then(
      (read) => (read.ok && read.usage.ms <= read.limits.timeMs ? read : null),
      () => null,
    );
    this.started.set(index, { job, reading });
  }

  /** The reading of `job`, if it was started here, and how to start the next file's once this one is read. */
  take(job: Job): { reading: Reading; next: () => void } | null {
    for (const [index, started] of this.started) {
      if (!sameJob(started.job, job)) continue;
      this.started.delete(index);
      return { reading: started.reading, next: () => this.start(index + 1) };
    }
    return null;
  }

  /** Waits for a reading still under way (the pass stopped before its file), and stops reading ahead. */
  async end(): Promise<void> {
    passes.delete(this);
    await Promise.all([...this.started.values()].map((s) => s.reading));
    this.started.clear();
  }
}

/**
 * Runs a file's job in the cage (`runCaged`), or takes its reading made ahead when that one answered; the next file
 * of its pass is then read ahead.
 */
export async function runCagedInTurn<J extends Job>(job: J, fileBytes: number): Promise<Caged<JobValue<J>>> {
  for (const pass of passes) {
    const taken = pass.take(job);
    if (!taken) continue;
    try {
      return ((await taken.reading) as Caged<JobValue<J>> | null) ?? (await runCaged(job, fileBytes));
    } finally {
      taken.next();
    }
  }
  return runCaged(job, fileBytes);
}
