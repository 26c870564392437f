/** A small run of the benchmark, so the command and every operation in it keep working. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT, tempDir } from './helpers';

it('measures every operation against its floor and writes the JSON summary', () => {
  const dir = tempDir();
  try {
    const json = join(dir.dir, 'bench.json');
    const run = spawnSync(
      join(ROOT, 'node_modules/.bin/tsx'),
      [
        join(ROOT, 'scripts/bench.ts'),
        '--rows',
        '3000',
        '--reps',
        '1',
        '--import-rows',
        '1500',
        '--offices',
        '6',
        '--catalogue',
        '04',
        '--json',
        json,
        '--quiet',
      ],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^3000 pledges, 1 repetitions, peak memory \d+ MB/);
    const summary = JSON.parse(readFileSync(json, 'utf8')) as {
      rows: number;
      peakMemoryMb: number;
      results: { name: string; ms: number; floorMs: number; ratio: number }[];
    };
    expect(summary.rows).toBe(3000);
    expect(summary.peakMemoryMb).toBeGreaterThan(0);
    expect(summary.results.map((r) => r.name.split(/[: ]/)[0])).toEqual([
      'dashboard',
      'totals',
      'counts',
      'ledger',
      'ledger',
      'ledger',
      'paging',
      'quarterly',
      'import',
      'close',
      'catalogue',
      'place',
      'open',
    ]);
    for (const r of summary.results) {
      expect(r.ms).toBeGreaterThan(0);
      expect(r.floorMs).toBeGreaterThan(0);
      // Both times are rounded to 0.01 ms; the ratio is of the unrounded medians.
      expect(Math.abs(r.ratio - r.ms / r.floorMs) / r.ratio).toBeLessThan(0.05);
    }
    // The table printed is the same figures.
    for (const r of summary.results)
      expect(run.stdout).toContain(`| ${r.name} | ${r.ms} | ${r.floorMs} | ${r.ratio} |`);
  } finally {
    dir.remove();
  }
}, 120_000);
