/** A merge killed half-way (SIGKILL of the process doing it) leaves the ledger exactly as it was before. */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './helpers';

const dir = tempDir();
const tsx = join(ROOT, 'node_modules/.bin/tsx');
const cliPath = join(ROOT, 'scripts/cli.ts');
const province = join(dir.dir, 'province.sqlite');
const bundle = join(dir.dir, 'district.aidledger');

beforeAll(() => {
  const run = (...args: string[]) => {
    const result = spawnSync(tsx, [cliPath, ...args], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(result.stderr);
  };
  const district = join(dir.dir, 'district.sqlite');
  run('init', '--db', province, '--role', 'province');
  run('generate', '--db', district, '--rows', '8000', '--seed', '3');
  run('bundle', 'export', '--db', district, '--out', bundle, '--all');
}, 120_000);
afterAll(() => dir.remove());

function snapshot() {
  const db = new Database(province, { readonly: true });
  try {
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      foreignKeys: (db.pragma('foreign_key_check') as unknown[]).length,
      pledges: count('pledges'),
      deliveries: count('deliveries'),
      donors: count('donors'),
      log: count('sync_log'),
    };
  } finally {
    db.close();
  }
}

describe('a merge that is killed', () => {
  it('leaves the ledger as before, every time; a merge that finishes holds everything', async () => {
    const before = snapshot();
    expect(before).toMatchObject({ integrity: 'ok', pledges: 0 });
    let killedMidway = 0;
    for (const delay of [400, 900, 1500, 2200, 3000]) {
      // Node itself runs the import (with tsx as a loader), so the kill hits the process doing the work,
      // not a launcher whose child would carry on.
      const child = spawn(process.execPath, ['--import', 'tsx', cliPath, 'bundle', 'import', '--db', province, bundle, '--json'], { stdio: 'ignore', cwd: ROOT });
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      await new Promise((resolve) => setTimeout(resolve, delay));
      const finished = child.exitCode !== null;
      child.kill('SIGKILL');
      await exited;
      const after = snapshot();
      expect(after.integrity).toBe('ok');
      expect(after.foreignKeys).toBe(0);
      if (after.pledges === 0) {
        expect(after).toEqual(before);
        if (!finished) killedMidway++;
      } else {
        // It finished before the kill: all of it is there, once.
        expect(after.pledges).toBe(8000);
        break;
      }
    }
    expect(killedMidway).toBeGreaterThan(0);
    const complete = spawnSync(tsx, [cliPath, 'bundle', 'import', '--db', province, bundle, '--json'], { encoding: 'utf8' });
    expect(complete.stderr).toBe('');
    expect(complete.status).toBe(0);
    expect(snapshot()).toMatchObject({ integrity: 'ok', pledges: 8000 });
  }, 180_000);
});
