/**
 * What the cage's worker does with a file, and what it hands back: plain data only (structured-cloned, the grid's
 * buffer moved), never functions or objects with behaviour.
 */
import type { ImportIssue } from '../../contract';
import { parseSheet } from '../imports/sheet';
import type { PlainSheet } from '../imports/sheet-grid';
import { decodeBody } from '../sync/body';
import type { Bundle } from '../sync/contents';

export type Job =
  | { kind: 'sheet'; fileName: string; bytes: Uint8Array }
  | { kind: 'bundle'; body: Uint8Array; formatVersion: number; schemaVersion: number };

export type JobValue<J extends Job> = J extends { kind: 'sheet' } ? PlainSheet | { problem: ImportIssue } : Bundle;

const bufferOf = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

export async function runJob(job: Job): Promise<JobValue<Job>> {
  if (job.kind === 'sheet') return parseSheet(job.fileName, bufferOf(job.bytes));
  return decodeBody(bufferOf(job.body), job.formatVersion, job.schemaVersion);
}

/** The buffers a job's value can move to the parent instead of copying. */
export function movable(value: unknown): ArrayBuffer[] {
  const grid = (value as Partial<PlainSheet> | null)?.grid;
  return grid instanceof Int32Array && grid.buffer instanceof ArrayBuffer ? [grid.buffer] : [];
}
