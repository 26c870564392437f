/**
 * A ledger that may not be written where it is (a network drive, a synced folder, read-only media): read from where it
 * is, and copied to this computer to be worked on there — the other computers then share its work through bundles.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join, win32 } from 'node:path';
import type { ReadOnlyReason } from '../contract';
import { LedgerError } from '../contract/errors';
import { backupLedger, checkLedgerFile, LedgerDamagedError } from './backup';
import { mediaReason, placeReason } from './core/access';
import { openLedger, type Ledger } from './core/open';
import { placeOf, writeAccess } from './core/place-inputs';

/**
 * Where a ledger is copied to on this computer: on Windows the local application data folder (never roamed to a
 * server, unlike the roaming one an office's domain may redirect), elsewhere the home folder; `Aid Ledger` in it.
 */
export function defaultLocalCopy(
  file: string,
  platform: NodeJS.Platform = process.platform,
  env: Readonly<Record<string, string | undefined>> = process.env,
): string {
  if (platform === 'win32') return win32.join(env.LOCALAPPDATA ?? homedir(), 'Aid Ledger', win32.basename(file));
  return join(homedir(), 'Aid Ledger', basename(file));
}

/** Opens a ledger read-only (from `openFile`, its temporary copy when it has one) after the start-up check. */
export async function openReadOnly(
  file: string,
  openFile: string,
  reason: ReadOnlyReason,
): Promise<{ ledger: Ledger; stop(): void }> {
  const check = checkLedgerFile(openFile);
  if (!check.ok) throw new LedgerDamagedError(file, check.problems);
  const ledger = await openLedger(openFile, { readOnly: reason, knownAs: file });
  return { ledger, stop: () => {} };
}

/** Copies an open ledger to `target` on this computer (a whole, checked copy), refusing a place no better than its own. */
export async function copyToComputer(ledger: Ledger, target: string): Promise<void> {
  if (existsSync(target)) {
    throw new LedgerError(
      'duplicate',
      {
        vi: `Đã có một sổ tại ${target}: hãy mở sổ đó, hoặc chuyển nó đi nơi khác trước.`,
        en: `There is already a ledger at ${target}: open that one, or move it away first.`,
      },
      'to',
    );
  }
  mkdirSync(dirname(target), { recursive: true });
  const place = placeOf(target);
  const away = placeReason(place) ?? mediaReason(target, place, writeAccess(target));
  if (away) {
    throw new LedgerError(
      'invalid_input',
      {
        vi: `Không chép vào ${target} được: ${away.message.vi}`,
        en: `Cannot copy to ${target}: ${away.message.en}`,
      },
      'to',
    );
  }
  await backupLedger(ledger, target);
}
