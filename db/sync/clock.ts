/**
 * A hybrid logical clock: versions that order edits across installations without trusting their wall clocks.
 * "0001669000000000-000003-<site id>": milliseconds, a counter for edits within one millisecond (or while the
 * wall clock lags a version already seen), and the site id as the tie-break. Versions compare as strings.
 */
export function formatVersion(ms: number, counter: number, site: string): string {
  return `${String(ms).padStart(16, '0')}-${String(counter).padStart(6, '0')}-${site}`;
}

export function parseVersion(version: string): { ms: number; counter: number; site: string } | null {
  const match = /^(\d{13,16})-(\d{6})-(.+)$/.exec(version);
  return match ? { ms: Number(match[1]), counter: Number(match[2]), site: match[3]! } : null;
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
    } else {
      this.counter++;
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
}
