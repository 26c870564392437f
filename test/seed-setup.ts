/**
 * Vitest global set-up: `AIDLEDGER_SEED=random` becomes one drawn seed for every test process of the run (they
 * inherit the environment), printed so the run can be replayed.
 */
import { randomInt } from 'node:crypto';

export default function setup(): void {
  if (process.env.AIDLEDGER_SEED?.trim().toLowerCase() === 'random') {
    process.env.AIDLEDGER_SEED = String(randomInt(1, 2 ** 31 - 1));
    console.log(`AIDLEDGER_SEED=${process.env.AIDLEDGER_SEED} (drawn for this run)`);
  }
}
