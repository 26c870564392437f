#!/usr/bin/env node
// Hunting for failures outside `npm test`: runs the randomised tests (properties, fuzzers, crash kills, generated
// ledgers) again and again, each time from a newly drawn seed, and stops at the first red run with the command
// that replays it exactly.
//   npm run hunt -- [--runs N] [--long N] [vitest filters…]
// --runs: how many seeds (default 5); --long: AIDLEDGER_LONG for each run (default 1); filters: which test files
// (default: every randomised one).
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RANDOMISED = [
  'property',
  'fuzz',
  'crash',
  'money.test',
  'host.test',
  'backup.test',
  'scale.test',
  'migrations.test',
];

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: 'string', default: '5' }, long: { type: 'string', default: '1' } },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  process.stderr.write(`--runs must be a whole number above 0, not "${values.runs}"\n`);
  process.exit(2);
}
const filters = positionals.length ? positionals : RANDOMISED;
const vitest = join(ROOT, 'node_modules', '.bin', 'vitest');

for (let run = 1; run <= runs; run++) {
  const seed = randomInt(1, 2 ** 31 - 1);
  const started = Date.now();
  const result = spawnSync(vitest, ['run', ...filters], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    env: { ...process.env, AIDLEDGER_SEED: String(seed), AIDLEDGER_LONG: values.long },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  const summary = /Tests\s+.*$/m.exec(result.stdout.replace(/\x1b\[[0-9;]*m/g, ''))?.[0] ?? '';
  if (result.status === 0) {
    process.stdout.write(`run ${run}/${runs}: AIDLEDGER_SEED=${seed} passed in ${seconds} s (${summary.trim()})\n`);
    continue;
  }
  process.stdout.write(`${result.stdout}\n${result.stderr}\n`);
  process.stdout.write(
    `run ${run}/${runs}: AIDLEDGER_SEED=${seed} FAILED in ${seconds} s. Replay:\n` +
      `  AIDLEDGER_SEED=${seed} AIDLEDGER_LONG=${values.long} npx vitest run ${filters.join(' ')}\n`,
  );
  process.exit(1);
}
