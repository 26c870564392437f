#!/usr/bin/env node
// `npm test`: the native module built for Node; the style check (Biome: format and lint), the type check and the
// renderer's build side by side; then the unit suite and the browser suite side by side. The unit suite runs two
// workers, slowest files first (vitest.config.ts); the browser suite mostly waits on the browser and the server, so
// together they take little more than the longer one. Each suite's lines are prefixed with its name; the exit status
// is non-zero when any step fails.
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'node_modules', '.bin');

/** Runs one step, its output line by line under `label`; resolves to its exit status and how long it took. */
function step(label, command, args) {
  const started = performance.now();
  return new Promise((done) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '0' },
    });
    for (const [stream, out] of [
      [child.stdout, process.stdout],
      [child.stderr, process.stderr],
    ]) {
      let rest = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk) => {
        const lines = (rest + chunk).split('\n');
        rest = lines.pop();
        for (const line of lines) out.write(`[${label}] ${line}\n`);
      });
      stream.on('end', () => rest && out.write(`[${label}] ${rest}\n`));
    }
    child.on('error', (error) => {
      process.stderr.write(`[${label}] ${error.message}\n`);
      done({ label, code: 1, seconds: 0 });
    });
    child.on('close', (code) => done({ label, code: code ?? 1, seconds: (performance.now() - started) / 1000 }));
  });
}

async function together(...steps) {
  const results = await Promise.all(steps);
  for (const r of results)
    process.stdout.write(
      `[${r.label}] ${r.code === 0 ? 'ok' : `FAILED (exit ${r.code})`} in ${r.seconds.toFixed(0)} s\n`,
    );
  return results.every((r) => r.code === 0);
}

const node = process.execPath;
const ok =
  (await together(step('native', node, [join(ROOT, 'scripts', 'native.mjs'), 'node']))) &&
  (await together(
    step('style', join(BIN, 'biome'), ['ci', '--colors=off', '--error-on-warnings', '.']),
    step('typecheck', 'npm', ['run', '--silent', 'typecheck']),
    step('renderer', join(BIN, 'vite'), ['build', '--logLevel', 'warn']),
  )) &&
  (await together(
    step('unit', join(BIN, 'vitest'), ['run']),
    step('browser', join(BIN, 'vitest'), ['run', '--config', 'vitest.e2e.config.ts']),
  ));
process.exit(ok ? 0 : 1);
