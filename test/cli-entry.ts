/** The CLI's own entry (`scripts/cli.ts` run as a script), in a form `bundle.ts` can bundle for the CLI tests. */
import { main, report } from '../scripts/cli';

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => process.exit(report(error)),
);
