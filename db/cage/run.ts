/**
 * The cage: every untrusted file (a spreadsheet to import, a bundle to merge or to learn an office from) is read in a
 * worker thread started with a hard heap limit (V8 stops the worker past it) and terminated — not asked — when its
 * time is up, both sized from the file's real bytes (`limits.ts`). The thread that answers calls stays free meanwhile,
 * and only plain data comes back. Files of the floor's size (up to 0.75 MB) share one worker kept warm between files,
 * since starting one costs more than reading them; a larger file, or a second at the same time, gets its own.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { LedgerError, type LedgerErrorShape } from '../../contract/errors';
import type { Job, JobValue } from './jobs';
import { type CageLimits, FLOOR_LIMITS, limitsFor, sameLimits } from './limits';

/** What the worker's own accounting says the reading took: V8's heap after it (MB), and its time (ms). */
export interface CageUsage {
  heapMb: number;
  usedHeapMb: number;
  externalMb: number;
  ms: number;
}

export type Caged<T> =
  | { ok: true; value: T; usage: CageUsage; limits: CageLimits }
  /** Stopped at a limit: `memory` (V8 stopped it at its heap limit) or `time` (terminated at its time limit). */
  | { ok: false; limit: 'memory' | 'time'; limits: CageLimits };

type Answer =
  | { id: number; ok: true; value: unknown; usage: CageUsage }
  | { id: number; ok: false; error: { shape: LedgerErrorShape } | { message: string }; usage: CageUsage };

/** A worker may take this long to start (load its code) before the reading is called off as broken. */
const START_MS = 60_000;

/**
 * The worker's code: bundled beside this module in the app (`scripts/build-electron.mjs` writes
 * dist/electron/cage-worker.cjs; Electron loads workers from inside app.asar since electron/electron#33216), or the
 * sources run through tsx (the command line, serve, tests).
 */
function startWorker(limits: CageLimits): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: limits.youngMb };
  const here = dirname(fileURLToPath(import.meta.url));
  const built = join(here, 'cage-worker.cjs');
  if (existsSync(built)) return new Worker(built, { resourceLimits });
  const entry = join(projectFolder(here), 'db', 'cage', 'worker.ts');
  // tsx's module hooks, registered in the worker before its entry is imported: its ESM build ("import" in tsx's
  // exports, beside the CommonJS one require finds).
  const tsx = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const boot = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(entry).href)}); });`;
  return new Worker(boot, { eval: true, resourceLimits });
}

/** The project's folder: the nearest above holding package.json (this module may run bundled at another depth). */
function projectFolder(here: string): string {
  for (let folder = here; ; folder = dirname(folder)) {
    if (existsSync(join(folder, 'package.json'))) return folder;
    if (dirname(folder) === folder) return join(here, '..', '..');
  }
}

/** A worker and the one job it is doing. */
class Cage {
  readonly worker: Worker;
  readonly ready: Promise<void>;
  busy = false;
  dead = false;
  private nextId = 0;
  private settle: ((outcome: { answer: Answer } | { failed: Error }) => void) | null = null;

  constructor(readonly limits: CageLimits) {
    this.worker = startWorker(limits);
    this.ready = new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the file reader did not start')), START_MS);
      this.worker.once('message', () => {
        clearTimeout(timer);
        resolve();
      });
      this.worker.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
    this.ready.catch(() => undefined);
    this.worker.on('error', (error) => this.end({ failed: error }));
    this.worker.on('exit', (code) => this.end({ failed: new Error(`the file reader stopped (${code})`) }));
  }

  private end(outcome: { failed: Error }) {
    this.dead = true;
    this.settle?.(outcome);
  }

  /** The job's answer, or the limit it was stopped at. */
  async run(job: Job): Promise<{ answer: Answer } | { limit: 'memory' | 'time' }> {
    await this.ready;
    const id = ++this.nextId;
    let timedOut = false;
    this.worker.ref();
    const outcome = await new Promise<{ answer: Answer } | { failed: Error }>((resolve) => {
      let settled = false;
      // Past its time the worker is terminated, unless its answer came while this thread was busy: timers run before
      // the messages that arrived meanwhile are handed over, which happens before the next `setImmediate`.
      const timer = setTimeout(
        () =>
          setImmediate(() => {
            if (settled) return;
            timedOut = true;
            void this.worker.terminate();
          }),
        this.limits.timeMs,
      );
      const onMessage = (answer: Answer) => {
        if (answer.id === id) finish({ answer });
      };
      const finish = (result: { answer: Answer } | { failed: Error }) => {
        settled = true;
        clearTimeout(timer);
        this.worker.off('message', onMessage);
        this.settle = null;
        resolve(result);
      };
      this.settle = finish;
      this.worker.on('message', onMessage);
      this.worker.postMessage({ id, job });
    });
    this.worker.unref();
    if ('answer' in outcome) return outcome;
    if (timedOut) return { limit: 'time' };
    if ((outcome.failed as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') return { limit: 'memory' };
    throw outcome.failed;
  }
}

/** The warm worker of the floor's limits. */
let warm: Cage | null = null;

function cageFor(limits: CageLimits): { cage: Cage; own: boolean } {
  if (sameLimits(limits, FLOOR_LIMITS)) {
    if (!warm || warm.dead) warm = new Cage(limits);
    if (!warm.busy) return { cage: warm, own: false };
  }
  return { cage: new Cage(limits), own: true };
}

/**
 * Runs `job` in the cage, under the limits of a file of `fileBytes` (or `limits` given: tests of the limits
 * themselves): its plain value and the worker's accounting, or the limit that stopped it. An error the job threw is
 * thrown here (a `LedgerError` as itself).
 */
export async function runCaged<J extends Job>(
  job: J,
  fileBytes: number,
  limits: CageLimits = limitsFor(fileBytes),
): Promise<Caged<JobValue<J>>> {
  const { cage, own } = cageFor(limits);
  cage.busy = true;
  try {
    const outcome = await cage.run(job);
    if ('limit' in outcome) return { ok: false, limit: outcome.limit, limits };
    const { answer } = outcome;
    if (answer.ok) return { ok: true, value: answer.value as JobValue<J>, usage: answer.usage, limits };
    const { error } = answer;
    throw 'shape' in error ? LedgerError.fromShape(error.shape) : new Error(error.message);
  } finally {
    cage.busy = false;
    if (own || cage.dead) void cage.worker.terminate();
  }
}
