/** Vitest set-up for every test file: a failed test prints the seed of the run and the command that replays it. */
import { beforeEach } from 'vitest';
import { replayCommand, SEED } from './random';

beforeEach(({ onTestFailed }) => {
  onTestFailed(() => {
    console.error(`\nSeed ${SEED}. Replay: ${replayCommand()}\n`);
  });
});
