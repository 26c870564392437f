/**
 * The CLI as users run it, for tests: a child process, results on stdout, errors on stderr with the exit status.
 * It runs the CLI bundled once per test file (`bundle.ts`); `cli.test.ts` also starts it once through tsx, as
 * `npm run cli` does.
 */
import { spawnSync } from 'node:child_process';
import { bundledScript } from './bundle';
import { ROOT } from './helpers';

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The path of the bundled CLI (`node <path> <command> …`). */
export function cliScript(): string {
  return bundledScript('test/cli-entry.ts');
}

export function runCli(...args: string[]): CliRun {
  const run = spawnSync(process.execPath, [cliScript(), ...args], { cwd: ROOT, encoding: 'utf8' });
  if (run.error) throw run.error;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
