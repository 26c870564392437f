import type { MemorySampler } from './memory';
import type { Line, Target } from './operation';

export interface Result {
  name: string;
  ms: number;
  floorMs: number;
  ratio: number;
  target: Target;
  /** Peak resident memory of the process while this operation ran, in MB. */
  peakMb: number;
}

/** How lines are measured in this run. */
export interface Measuring {
  reps: number;
  memory: MemorySampler;
  log: (text: string) => void;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

const round = (x: number) => Math.round(x * 100) / 100;

/** The times of each repetition of ours and the floor, run alternately, in ms. */
async function alternate({ ours, floor }: Line, reps: number): Promise<{ a: number[]; b: number[] }> {
  // One untimed run of each warms caches (pages of the database file, compiled code) alike.
  const warm = performance.now();
  await ours();
  await floor();
  // A run of a few milliseconds is timed as a batch of at least ~50 ms, the same count for both sides: single runs that
  // short are mostly timer and scheduling noise.
  const batch = Math.max(1, Math.ceil(100 / (performance.now() - warm)));
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < reps; i++) {
    // Alternating, starting with each side in turn, so drift in the machine falls on both.
    const order = i % 2 === 0 ? [ours, floor] : [floor, ours];
    for (const run of order) {
      const start = performance.now();
      for (let j = 0; j < batch; j++) await run();
      (run === ours ? a : b).push((performance.now() - start) / batch);
    }
  }
  return { a, b };
}

/** Measures one line against its target: medians of ours and the floor, their ratio, and the peak memory meanwhile. */
export async function measure(line: Line, target: Target, { reps, memory, log }: Measuring): Promise<Result> {
  const operationPeakMb = memory.watchOperation();
  const { a, b } = await alternate(line, reps);
  const peakMb = operationPeakMb();
  const result = {
    name: line.name,
    ms: round(median(a)),
    floorMs: round(median(b)),
    ratio: round(median(a) / median(b)),
    target,
    peakMb,
  };
  log(`${line.name}: ${result.ms} ms, floor ${result.floorMs} ms, ratio ${result.ratio}, peak ${peakMb} MB`);
  return result;
}
