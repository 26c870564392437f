/**
 * Crash tests' harness: times one whole run of a CLI command, then kills (SIGKILL) runs of it at points spread over
 * that time, reporting for each kill when it landed and what the process held open at that moment.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readlinkSync, realpathSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { afterAll, expect } from 'vitest';
import { openLedger } from '../db/core/open';
import { seededRandom } from '../db/core/ids';
import { bundledScript } from './bundle';
import { ROOT, totalsAgainstRows } from './helpers';

export { LONG } from './random';
import { LONG } from './random';

const PROC = existsSync('/proc/self/fd');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** From the command's start (not Node's) until the process exited. */
  ms: number;
}

interface Loaded {
  child: ChildProcess;
  ready: Promise<void>;
  exited: Promise<Omit<Run, 'ms'>>;
}

/**
 * Node itself runs the command, so a kill hits the process doing the work (not a launcher, such as tsx's, whose child
 * would carry on). It loads the CLI before it is given its command: the next run's process loads while this one works
 * and is checked, and Node's start-up, slow and uneven, is outside the times the kills are aimed at.
 */
function load(): Loaded {
  const child = spawn(process.execPath, [bundledScript('test/crash-child.ts')], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<Omit<Run, 'ms'>>((resolveRun, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolveRun({ code, stdout, stderr }));
  });
  const ready = new Promise<void>((resolveReady, reject) => {
    child.once('message', () => resolveReady());
    exited.then((run) => reject(new Error(`the CLI did not load (${run.code}): ${run.stderr}`)), reject);
  });
  ready.catch(() => {}); // a spare never used may die unheard
  return { child, ready, exited };
}

let spare: Loaded | undefined;

/** Starts `args` in a loaded process, and starts loading the next one: every run, the whole one too, shares the machine alike. */
async function start(args: string[]) {
  const loaded = spare ?? load();
  await loaded.ready;
  spare = load();
  const started = performance.now();
  loaded.child.send(args);
  const exited = loaded.exited.then((run): Run => ({ ...run, ms: performance.now() - started }));
  return { child: loaded.child, started, exited };
}

function dropSpare() {
  spare?.child.kill('SIGKILL');
  spare = undefined;
}

afterAll(() => dropSpare());

/** One whole run of `args`, which must succeed, timed from the command's start. */
export async function timeWholeRun(args: string[]): Promise<Run> {
  const whole = await (await start(args)).exited;
  if (whole.code !== 0) throw new Error(`the whole run failed (${whole.code}): ${whole.stderr}`);
  return whole;
}

export interface Kill {
  run: number;
  /** Where the kill was aimed, as a share of the whole run: 0 is its start, 1 its end. */
  position: number;
  /** When it was sent, from the command's start. */
  atMs: number;
  /** The command had already exited by itself. */
  finished: boolean;
  /** Files the process held open when it was killed (null where there is no /proc to read them from). */
  openFiles: string[] | null;
  /** What the check found: killed before the work began, inside it (cut off part-way), or after it was done. */
  outcome: KillOutcome;
}

export type KillOutcome = 'before' | 'inside' | 'after';

function openFilesOf(pid: number): string[] | null {
  if (!PROC) return null;
  const dir = `/proc/${pid}/fd`;
  try {
    return readdirSync(dir).flatMap((fd) => {
      try {
        return [readlinkSync(join(dir, fd))];
      } catch {
        return []; // closed while being read
      }
    });
  } catch {
    return []; // already gone
  }
}

export interface KillOptions {
  whole: Run;
  /** Kills spread over the window; AIDLEDGER_LONG multiplies them. */
  kills: number;
  /** The command of one run; called before each, so every run can get its own files. */
  args(run: number): string[];
  /** Checks what a killed run left (called after the process is gone) and says where the kill landed. */
  check(kill: Omit<Kill, 'outcome'>): KillOutcome | Promise<KillOutcome>;
  /** The span the kill points are spread over, as shares of the whole run. */
  window?: [number, number];
  seed?: number;
  /** Kills aimed at the work itself when none of the spread ones landed inside it (a loaded machine shifts timings). */
  extraKills?: number;
}

/**
 * Kills runs at points spread evenly over the window (a golden-ratio sequence, so neighbouring runs aim far apart),
 * each jittered by a seeded random amount. When none of them landed inside the work — on a loaded machine a run's
 * timing can differ much from the whole run's — further kills close in on the work (halving the span between the
 * latest kill that came too early and the earliest that came too late), so the test always cuts the work off at least
 * once and never passes or fails by the luck of the clock.
 */
export async function killRuns(options: KillOptions): Promise<Kill[]> {
  const [from, to] = options.window ?? [0.02, 1.15];
  const random = seededRandom(options.seed ?? 1);
  const planned = options.kills * LONG;
  const kills: Kill[] = [];
  const killAt = async (run: number, position: number) => {
    const { child, started, exited } = await start(options.args(run));
    try {
      await new Promise((wake) => setTimeout(wake, position * options.whole.ms - (performance.now() - started)));
      const finished = child.exitCode !== null || child.signalCode !== null;
      const openFiles = finished ? [] : openFilesOf(child.pid!);
      const atMs = performance.now() - started;
      child.kill('SIGKILL');
      await exited;
      const seen = { run, position, atMs, finished, openFiles };
      kills.push({ ...seen, outcome: await options.check(seen) });
    } finally {
      child.kill('SIGKILL');
    }
  };
  try {
    for (let run = 0; run < planned; run++)
      await killAt(run, from + (to - from) * ((run * 0.6180339887 + random() / planned) % 1));
    let tooEarly = 0;
    let tooLate = to;
    for (let extra = 0; extra < (options.extraKills ?? 12) && !kills.some((k) => k.outcome === 'inside'); extra++) {
      for (const k of kills) {
        if (k.outcome === 'before') tooEarly = Math.max(tooEarly, k.position);
        else tooLate = Math.min(tooLate, k.position);
      }
      await killAt(kills.length, (tooEarly + tooLate) / 2);
    }
  } finally {
    dropSpare();
  }
  return kills;
}

/** Whether the killed process held `file` open: it was killed inside the work on that file. */
export function held(kill: Omit<Kill, 'outcome'>, file: string): boolean {
  // Without /proc: killed while it was running.
  if (kill.openFiles === null) return !kill.finished;
  const real = join(realpathSync(dirname(resolve(file))), basename(file));
  return kill.openFiles.includes(real);
}

/** One line for the test's output: how many kills, how many landed in the work, and how long it all took. */
export function killSummary(name: string, whole: Run, kills: Kill[], inWork: number, startedAt: number): string {
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  return (
    `${name}: ${kills.length} kills (long ×${LONG}), ${inWork} inside the work, ${kills.filter((k) => k.finished).length} after it ended; ` +
    `whole run ${seconds(whole.ms)}, all ${seconds(performance.now() - startedAt)}`
  );
}

/** A copy of a closed ledger (no write-ahead log beside it) for one run to work on. */
export function copyLedger(from: string, to: string): string {
  expect(existsSync(`${from}-wal`), from).toBe(false);
  copyFileSync(from, to);
  return to;
}

export function removeLedger(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
}

const TOTALS_TABLES = [
  'pledge_totals_by_place',
  'pledge_totals_by_donor',
  'pledge_totals_by_kind',
  'delivery_totals_by_place',
  'delivery_totals_by_donor',
  'delivery_totals_by_kind',
  'pledge_report_totals_by_place_kind',
  'pledge_report_totals_by_donor',
  'delivery_report_totals_by_place_kind',
  'delivery_report_totals_by_donor',
  'pledge_totals_by_item',
  'delivery_totals_by_item',
  'pledge_totals_by_item_class',
  'delivery_totals_by_item_class',
];

/**
 * What a ledger holds, opened as the app opens it after a crash, to compare with its states before and after a whole
 * run: SQLite's integrity and foreign key checks, the row counts of `tables`, and each totals table's row count and
 * sums (sums rather than rows: rows keyed by a donor the run created differ from one run to the next). Unless told
 * otherwise (a command that only reads), its totals must equal its rows.
 */
export async function ledgerState(file: string, tables: string[], options: { totalsAgainstRows?: boolean } = {}) {
  const ledger = await openLedger(file);
  try {
    const db = ledger.sqlite;
    const one = (query: string) => db.prepare(query).get() as Record<string, number>;
    const state = {
      integrity: db.pragma('integrity_check', { simple: true }) as string,
      foreignKeys: (db.pragma('foreign_key_check') as unknown[]).length,
      counts: Object.fromEntries(tables.map((t) => [t, one(`SELECT count(*) AS n FROM ${t}`).n])),
      totals: Object.fromEntries(
        TOTALS_TABLES.map((t) => {
          const measures = (db.pragma(`table_info(${t})`) as { name: string }[])
            .map((c) => c.name)
            .filter((c) => ['n', 'vnd', 'amount', 'quantity_milli'].includes(c));
          return [
            t,
            one(
              `SELECT count(*) AS rows, ${measures.map((c) => `coalesce(sum(${c}), 0) AS ${c}`).join(', ')} FROM ${t}`,
            ),
          ];
        }),
      ),
    };
    if (options.totalsAgainstRows !== false) {
      const { stored, fromRows } = totalsAgainstRows(ledger);
      expect(stored, file).toEqual(fromRows);
    }
    return state;
  } finally {
    await ledger.close();
  }
}

type LedgerState = Awaited<ReturnType<typeof ledgerState>>;

/** The ledger a killed run left: sound, and exactly as it was before the run or as a whole run leaves it. */
export async function expectBeforeOrAfter(
  file: string,
  tables: string[],
  before: LedgerState,
  after: LedgerState,
): Promise<LedgerState> {
  const state = await ledgerState(file, tables);
  expect(state.integrity, file).toBe('ok');
  expect(state.foreignKeys, file).toBe(0);
  expect([before, after], file).toContainEqual(state);
  return state;
}
