/**
 * One CLI command for the crash tests (bundled and started by `crash.ts`), started on a message: Node loads the CLI
 * first and says so, and the command runs, in this process, only when its arguments arrive, which is when the test's
 * clock starts.
 */
import { main } from '../scripts/cli';

// The test went away: nothing will come.
process.once('disconnect', () => process.exit(1));
process.once('message', (args: string[]) => {
  main(args).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    },
  );
});
process.send!('ready');
