/**
 * A hybrid logical clock: versions that order edits across installations without trusting their wall clocks.
 * "0001669000000000-000003-<site id>": milliseconds, a counter for edits within one millisecond (or while the
 * wall clock lags a version already seen), and the site id as the tie-break. Versions compare as strings.
 */

/** The largest counter a version holds (six digits): the edit after it carries into the next millisecond. */
export const MAX_COUNTER = 999_999;

/**
 * How far ahead of this machine's clock a version received from another office may be: clocks of offices differ by
 * minutes, not days. A version further ahead comes from a clock set wrong, and would drag every later edit with it.
 */
export const CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;

export function formatVersion(ms: number, counter: number, site: string): string {
  return `${String(ms).padStart(16, '0')}-${String(counter).padStart(6, '0')}-${site}`;
}

export function parseVersion(version: string): { ms: number; counter: number; site: string } | null {
  const match = /^(\d{13,16})-(\d{6})-(.+)$/.exec(version);
  return match ? { ms: Number(match[1]), counter: Number(match[2]), site: match[3]! } : null;
}

/** Where a clock stands (`HybridClock.checkpoint`). */
export interface ClockCheckpoint {
  readonly ms: number;
  readonly counter: number;
}

export class HybridClock {
  private ms = 0;
  private counter = 0;

  constructor(
    private readonly site: () => string,
    private readonly wall: () => number = Date.now,
  ) {}

  next(): string {
    const now = this.wall();
    if (now > this.ms) {
      this.ms = now;
      this.counter = 0;
    } else if (this.counter < MAX_COUNTER) {
      this.counter++;
    } else {
      // A seventh digit would sort below every six-digit counter of the same millisecond.
      this.ms++;
      this.counter = 0;
    }
    return formatVersion(this.ms, this.counter, this.site());
  }

  /** Moves past a version seen elsewhere, so the next local edit orders after it. */
  observe(version: string): void {
    const seen = parseVersion(version);
    if (!seen) return;
    if (seen.ms > this.ms || (seen.ms === this.ms && seen.counter > this.counter)) {
      this.ms = seen.ms;
      this.counter = seen.counter;
    }
  }

  /**
   * Where the clock stands, to go back to when the writes made since are undone: a merge previewed, refused or rolled
   * back leaves the clock as it found it, so only versions the ledger keeps move it (see `db/core/undo.ts`).
   */
  checkpoint(): ClockCheckpoint {
    return { ms: this.ms, counter: this.counter };
  }

  /** Back to a checkpoint: every version made or observed since was undone with the writes that carried it. */
  rewind(to: ClockCheckpoint): void {
    this.ms = to.ms;
    this.counter = to.counter;
  }
}
