/**
 * npm run bench -- [--rows N] [--json FILE] [--reps K] [--db FILE]
 *
 * Measures the app's own code path for each operation against its floor in the same run: the same work done the
 * most direct way (hand-written SQL on raw better-sqlite3, the bare spreadsheet library, raw prepared inserts).
 * Each repetition runs ours and the floor alternately; medians are reported with their ratio, and peak memory.
 * The synthetic ledger is deterministic (same rows, same seed, same ids); `--db` keeps it between runs.
 *
 * Two lines measure how the work grows, with ratio targets only (scripts/bench/operations/paging.ts and catalogue.ts):
 * `paging`, the first page at N pledges against the same page at N/10 (≤ 1.5×; a page walking every pledge would be
 * about 10×), and `catalogue`, one province's units and links (Cao Bằng's, or `--catalogue CODE`'s), and with
 * `--catalogue all` (the default) the whole country's too, put into an empty ledger against the same statements run
 * straight from the driver (≤ 1.5×, and under 1 s for a province, 5 s for the country). `place-search`: what the place
 * picker does at each keystroke on a national ledger, against a bare loop over the same folded names (< 50 ms).
 *
 * Each operation is in scripts/bench/operations, listed in its table there; the harness (options, timing, memory,
 * the printed table and the JSON summary) is beside it in scripts/bench.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLedger } from '../db/core/open';
import { benchLedgerFile } from './bench/ledger-file';
import { type Measuring, measure, type Result } from './bench/measure';
import { startMemorySampler } from './bench/memory';
import type { Bench, BenchOperation, Line } from './bench/operation';
import { writeImportBundle } from './bench/operations/bundle-import';
import { OPERATIONS } from './bench/operations';
import { readOptions } from './bench/options';
import { printSummary, writeSummary } from './bench/summary';

const options = readOptions();
const log = (text: string) => {
  if (!options.quiet) process.stderr.write(`${text}\n`);
};
const work = mkdtempSync(join(tmpdir(), 'aid-ledger-bench-'));
const memory = startMemorySampler();

/** Measures each of the lines an operation yields, as it yields them. */
async function measureLines(operation: BenchOperation, lines: AsyncIterable<Line>, measuring: Measuring) {
  const results: Result[] = [];
  const reps = Math.min(measuring.reps, operation.maxReps ?? measuring.reps);
  for await (const line of lines)
    results.push(await measure(line, line.target ?? operation.target, { ...measuring, reps }));
  return results;
}

async function main() {
  if (options.writeBundle) {
    await writeImportBundle(options.writeBundle, work, options.importRecords);
    memory.stop();
    rmSync(work, { recursive: true, force: true });
    return;
  }
  const started = Date.now();
  const wanted = OPERATIONS.filter((o) => (options.only ? options.only.includes(o.only) : !o.onlyWhenNamed));
  // The synthetic ledger is generated only for operations that read it.
  const needsLedger = wanted.some((o) => !o.ownFiles);
  const file = needsLedger ? await benchLedgerFile(options.db ?? join(work, 'bench.sqlite'), options.rows, log) : '';
  const { rows, importRecords, offices, catalogue } = options;
  const bench: Bench = { rows, importRecords, offices, catalogue, file, work, log };
  const measuring: Measuring = { reps: options.reps, memory, log };
  const results: Result[] = [];
  // The operations on the bench's ledger share one opening of it, closed before the others run.
  if (needsLedger) {
    const ledger = await openLedger(file);
    try {
      for (const o of wanted)
        if (o.ledger === 'shared') results.push(...(await measureLines(o, o.lines(bench, ledger), measuring)));
    } finally {
      await ledger.close();
    }
  }
  for (const o of wanted) if (o.ledger === 'own') results.push(...(await measureLines(o, o.lines(bench), measuring)));
  memory.stop();
  const summary = { rows: options.rows, reps: options.reps, peakMemoryMb: memory.peakMb(), results };
  printSummary(summary, Math.round((Date.now() - started) / 1000));
  if (options.json) writeSummary(options.json, summary);
  rmSync(work, { recursive: true, force: true });
}

main().catch((error) => {
  memory.stop();
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
