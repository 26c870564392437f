/** The CLI's own entry (`scripts/cli.ts` run as a script), in a form `bundle.ts` can bundle for the CLI tests. */
import { runAsScript } from '../scripts/cli';

runAsScript(process.argv.slice(2));
