/**
 * What the platform tells about where a file lives, for `judgePlace` (`place.ts`), and whether this process may write
 * there. Each question that cannot be answered (no /proc, no PowerShell, a timeout) leaves its input out: the path and
 * the environment are judged anyway.
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync, realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { judgePlace, type Place, type PlaceInputs } from './place';

/** The file's path with its folder's links resolved (the file itself may not exist yet). */
function realPath(file: string): string {
  const absolute = resolve(file);
  try {
    return join(realpathSync(dirname(absolute)), basename(absolute));
  } catch {
    return absolute;
  }
}

function quietly<T>(ask: () => T): T | undefined {
  try {
    return ask();
  } catch {
    return undefined;
  }
}

/** Windows: each drive's letter, type and (for a network drive) its share, from Win32_LogicalDisk. */
function windowsDrives(): string | undefined {
  return quietly(() =>
    execFileSync(
      'powershell.exe',
      [
        '-NoProfile',
        '-NonInteractive',
        '-Command',
        'Get-CimInstance Win32_LogicalDisk | ForEach-Object { "$($_.DeviceID) $($_.DriveType) $($_.ProviderName)" }',
      ],
      { encoding: 'utf8', timeout: 10_000, windowsHide: true, stdio: ['ignore', 'pipe', 'ignore'] },
    ),
  );
}

export function gatherPlaceInputs(file: string): PlaceInputs {
  const path = realPath(file);
  const inputs: PlaceInputs = { platform: process.platform, path, env: process.env };
  if (process.platform === 'linux') inputs.mountinfo = quietly(() => readFileSync('/proc/self/mountinfo', 'utf8'));
  if (process.platform === 'darwin') {
    inputs.mountOutput = quietly(() => execFileSync('/sbin/mount', { encoding: 'utf8', timeout: 10_000 }));
  }
  if (process.platform === 'win32') {
    inputs.windowsRealPath = quietly(() => realpathSync.native(dirname(path)));
    if (/^[a-z]:/i.test(path)) inputs.windowsDrives = windowsDrives();
  }
  return inputs;
}

/** Where `file` lives, as this machine tells (`given`: inputs told instead, as tests tell another machine's). */
export function placeOf(file: string, given: Partial<PlaceInputs> = {}): Place {
  return judgePlace({ ...gatherPlaceInputs(file), ...given });
}

/** What this process may write: the file (when it exists) and its folder (the `-wal`, `-shm` and lock files go there). */
export interface WriteAccess {
  fileWritable: boolean;
  folderWritable: boolean;
}

export function writeAccess(file: string): WriteAccess {
  const may = (path: string) =>
    quietly(() => {
      accessSync(path, constants.W_OK);
      return true;
    }) ?? false;
  const absolute = resolve(file);
  return { fileWritable: !existsSync(absolute) || may(absolute), folderWritable: may(dirname(absolute)) };
}
