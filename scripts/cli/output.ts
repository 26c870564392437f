import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** One line of a command's result on stdout. */
export const out = (text: string) => process.stdout.write(`${text}\n`);

/**
 * Writes an output file whole or not at all: into `<file>.partial`, flushed to disk, then renamed over the name. A crash
 * or a full disk part-way never leaves a truncated file under the name, and an earlier file there stays whole until then.
 */
export function writeOutputFile(file: string, bytes: Uint8Array): void {
  const partial = `${file}.partial`;
  try {
    const fd = openSync(partial, 'w');
    try {
      writeFileSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(partial, file);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  // Flushing the folder makes the rename itself last through a power cut (Windows cannot open a folder to flush it).
  let folder: number | undefined;
  try {
    folder = openSync(dirname(resolve(file)), 'r');
    fsyncSync(folder);
  } catch {
    // The file is whole under its name either way.
  } finally {
    if (folder !== undefined) closeSync(folder);
  }
}
