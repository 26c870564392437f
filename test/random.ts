/**
 * The one source of randomness for the tests. Every randomised test — fast-check properties, the fuzzers, the crash
 * tests' kill points, generated ledgers and the ids of the ledgers tests open — starts from SEED:
 *
 * - fixed by default, so the same commit gives the same verdict every time;
 * - `AIDLEDGER_SEED=N` replays (or varies) a run; `AIDLEDGER_FUZZ_SEED`, its earlier name, is still read;
 * - `AIDLEDGER_SEED=random` draws a new one for the whole run (hunting; `test/seed-setup.ts` prints it);
 * - `AIDLEDGER_PATH=…` (with the seed) replays one fast-check counterexample without searching again;
 * - `AIDLEDGER_LONG=N` runs N times as many cases.
 *
 * A failed test prints the seed and the command that replays it (`test/seed-report.ts`).
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { seedFor as mix, seededIds, seededRandom, type IdSource } from '../db/core/ids';

export const DEFAULT_SEED = 20_220_707;

export function parseSeed(text: string | undefined): number {
  if (text === undefined || text === '') return DEFAULT_SEED;
  if (
    !/^-?\d{1,10}$/.test(text.trim()) ||
    !Number.isSafeInteger(Number(text)) ||
    Math.abs(Number(text)) > 2 ** 31 - 1
  ) {
    throw new Error(
      `AIDLEDGER_SEED must be an integer between -2147483647 and 2147483647 (or "random"), not "${text}"`,
    );
  }
  return Number(text);
}

export const SEED = parseSeed(process.env.AIDLEDGER_SEED ?? process.env.AIDLEDGER_FUZZ_SEED);
export const LONG = Math.max(1, Math.floor(Number(process.env.AIDLEDGER_LONG ?? 1)) || 1);
const PATH = process.env.AIDLEDGER_PATH || undefined;

/** A seed of its own for one labelled use (a generated ledger, a kill schedule), following SEED. */
export function seedFor(label: string): number {
  return mix(SEED, label);
}

/** A seeded number generator in [0, 1) for one labelled use. */
export function randomFor(label: string): () => number {
  return seededRandom(seedFor(label));
}

/** Seeded ids for a ledger a test opens: the same label gives the same ids in every run with the same seed. */
export function idsFor(label: string): IdSource {
  return seededIds(seedFor(`ids:${label}`));
}

/**
 * A wall clock that the ledgers of one scenario share: it starts at a fixed instant and moves one millisecond on
 * every reading, so the order of their versions follows the order of the scenario's steps and never a race of clocks.
 */
export function scenarioClock(start = '2026-01-01T00:00:00.000Z'): () => number {
  let ms = Date.parse(start);
  return () => ++ms;
}

/** The command that replays the current test with this seed (and a counterexample's path, when there is one). */
export function replayCommand(path?: string): string {
  const state = expect.getState();
  const file = state.testPath ? state.testPath.replace(/^.*?\/(test\/)/, '$1') : '<file>';
  const name = state.currentTestName ? ` -t ${JSON.stringify(state.currentTestName.split(' > ').pop())}` : '';
  return `AIDLEDGER_SEED=${SEED}${path ? ` AIDLEDGER_PATH=${path}` : ''} npx vitest run ${file}${name}`;
}

/**
 * fast-check settings for every property here: seeded from SEED, N × AIDLEDGER_LONG runs, and on failure an error
 * naming the seed, the counterexample's path and the command that replays it.
 */
export function propertyParams<T>(numRuns: number, extra: Partial<fc.Parameters<T>> = {}): fc.Parameters<T> {
  return {
    ...extra,
    seed: SEED,
    numRuns: numRuns * LONG,
    ...(PATH ? { path: PATH } : {}),
    reporter(details) {
      if (!details.failed) return;
      const cause =
        details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
      throw new Error(
        `${fc.defaultReportMessage(details)}\nSeed ${SEED}, path ${details.counterexamplePath}. Replay: ${replayCommand(details.counterexamplePath ?? undefined)}\n${cause.slice(0, 4000)}`,
        { cause: details.errorInstance },
      );
    },
  };
}
