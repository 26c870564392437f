import { writeFileSync } from 'node:fs';
import type { Result } from './measure';

/** The run's figures as printed and written. */
export interface Summary {
  rows: number;
  reps: number;
  peakMemoryMb: number;
  results: Result[];
}

const met = (r: Result) => r.ratio <= r.target.ratio && (r.target.ms === undefined || r.ms < r.target.ms);

/** The results as a Markdown table. */
function table(results: Result[]): string {
  return [
    `| operation | ours (ms) | floor (ms) | ratio | target | met | peak memory (MB) |`,
    `|---|---:|---:|---:|---|---|---:|`,
    ...results.map(
      (r) =>
        `| ${r.name} | ${r.ms} | ${r.floorMs} | ${r.ratio} | ≤ ${r.target.ratio}×${r.target.ms ? `, < ${r.target.ms} ms` : ''} | ${met(r) ? 'yes' : 'no'} | ${r.peakMb} |`,
    ),
  ].join('\n');
}

/** Prints the run's line and its table on stdout. */
export function printSummary({ rows, reps, peakMemoryMb, results }: Summary, seconds: number): void {
  process.stdout.write(
    `${rows} pledges, ${reps} repetitions, peak memory ${peakMemoryMb} MB (target < 500 MB), ${seconds} s\n\n${table(results)}\n`,
  );
}

/** Writes `{"rows","reps","peakMemoryMb","results"}` to `file`. */
export function writeSummary(file: string, summary: Summary): void {
  writeFileSync(file, JSON.stringify(summary, null, 2));
}
