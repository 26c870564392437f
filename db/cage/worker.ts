/**
 * The cage's worker: reads the files it is handed, one at a time, and answers each with its plain value and what the
 * reading left in the worker's heap (V8's own accounting); an error is answered as its message (a `LedgerError` as
 * its shape). It runs under the heap limits it was started with and is terminated when its time is up (`run.ts`).
 */
import { getHeapStatistics } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { LedgerError } from '../../contract/errors';
import { loadSheetJs } from '../imports/libraries';
import { type Job, movable, runJob } from './jobs';

const port = parentPort;
if (!port) throw new Error('the cage worker runs in a worker thread');

const MB = 1024 * 1024;

/** The worker's heap as V8 accounts it: committed (which V8 keeps after a peak for a while) and in use. */
function usage() {
  const heap = getHeapStatistics();
  return {
    heapMb: Math.round(heap.total_heap_size / MB),
    usedHeapMb: Math.round(heap.used_heap_size / MB),
    externalMb: Math.round(heap.external_memory / MB),
  };
}

port.on('message', async ({ id, job }: { id: number; job: Job }) => {
  const started = performance.now();
  try {
    const value = await runJob(job);
    const ms = Math.round(performance.now() - started);
    port.postMessage({ id, ok: true, value, usage: { ...usage(), ms } }, movable(value));
  } catch (error) {
    const ms = Math.round(performance.now() - started);
    const thrown =
      error instanceof LedgerError
        ? { shape: error.toShape() }
        : { message: error instanceof Error ? error.message : String(error) };
    port.postMessage({ id, ok: false, error: thrown, usage: { ...usage(), ms } });
  }
});

// The spreadsheet reader is loaded before the worker says it is ready: its time limit counts reading, not loading.
// (No top-level await: the app's bundle of this worker is CommonJS.)
void loadSheetJs().then(() => port.postMessage({ ready: true }));
