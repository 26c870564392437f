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

/** Runs one side `batch` times and returns its time, without the line's untimed work after each run. */
async function timeRuns(run: () => Promise<unknown>, batch: number, untimed: Line['untimed']): Promise<number> {
  if (!untimed) {
    const start = performance.now();
    for (let j = 0; j < batch; j++) await run();
    return performance.now() - start;
  }
  let ms = 0;
  for (let j = 0; j < batch; j++) {
    const start = performance.now();
    await run();
    ms += performance.now() - start;
    await untimed();
  }
  return ms;
}

/** The times of each repetition of ours and the floor, run alternately, in ms. */
async function alternate({ ours, floor, untimed }: Line, reps: number): Promise<{ a: number[]; b: number[] }> {
  // One untimed run of each warms caches (pages of the database file, compiled code) alike.
  const warmMs = (await timeRuns(ours, 1, untimed)) + (await timeRuns(floor, 1, untimed));
  // A run of a few milliseconds is timed as a batch of at least ~50 ms, the same count for both sides: single runs that
  // short are mostly timer and scheduling noise.
  const batch = Math.max(1, Math.ceil(100 / warmMs));
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < reps; i++) {
    // Alternating, starting with each side in turn, so drift in the machine falls on both.
    const order = i % 2 === 0 ? [ours, floor] : [floor, ours];
    for (const run of order) (run === ours ? a : b).push((await timeRuns(run, batch, untimed)) / batch);
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
