/**
 * The ledger as the app holds it: the open file and its service, the automatic backups, and the methods that work on
 * the file itself (list, make and restore backups). A ledger that fails its check at start is not opened: every ledger
 * method then answers `ledger_damaged`, and only the backup methods work, so the UI can offer a good copy.
 * Electron and `npm run serve` both talk to this, so the two behave the same.
 */
import { basename } from 'node:path';
import {
  contract,
  isHostMethod,
  isMethod,
  type BackupEntry,
  type BackupOverview,
  type HostMethod,
  type MethodResult,
  type ParsedInput,
  type ReadOnlyReason,
  type RelocateResult,
  type RestoreResult,
} from '../contract';
import { LedgerError, type Envelope, type LedgerErrorShape } from '../contract/errors';
import { describeZodError } from '../contract/validation';
import {
  backupFolder,
  backupLedger,
  newBackupName,
  LedgerDamagedError,
  latestGoodBackup,
  listBackups,
  openLedgerForApp,
  restoreLedger,
  type BackupFile,
} from './backup';
import { decideAccess, ReadOnlyError, type AccessOptions } from './core/access';
import { copyToComputer, defaultLocalCopy, openReadOnly } from './relocate';
import type { Ledger } from './core/open';
import { createLedgerService, toErrorShape, unknownMethod, type ContractEndpoint, type LedgerService } from './service';

type State =
  | { kind: 'open'; ledger: Ledger; service: LedgerService; stopBackups(): void; release(): void }
  | { kind: 'damaged'; error: LedgerErrorShape; problems: string[] }
  | { kind: 'closed' };

export interface LedgerHost extends ContractEndpoint {
  /** The ledger file (another one after `backups.relocate`). */
  readonly file: string;
  /** The open ledger, or null while it is damaged or closed. */
  current(): Ledger | null;
  close(): Promise<void>;
}

export interface HostOptions {
  onBackupError?: (error: unknown) => void;
  now?: () => Date;
  /** A bundle written to the exchange folder failed (the folder unreachable, the disk full): told, never thrown. */
  onExchangeError?: (error: unknown) => void;
  /** How a ledger file may be opened (tests tell the place and the lock's environment). */
  access?: (file: string) => AccessOptions;
  /** Where `backups.relocate` copies a ledger to (`defaultLocalCopy` by default). */
  localCopy?: (file: string) => string;
  /** The ledger was copied to this computer and is now worked on there: a shell remembers it. */
  onRelocated?: (file: string) => void;
}

/** How often the app looks for changes waiting to go to the exchange folder. */
export const EXCHANGE_EVERY_MS = 10 * 60 * 1000;

const entry = (b: BackupFile): BackupEntry => ({ name: basename(b.file), kind: b.kind, at: b.at, bytes: b.bytes });

/**
 * Calls run side by side; a restore waits for the calls under way, and calls that arrive meanwhile wait for it, so
 * no call ever sees the file being swapped.
 */
class Gate {
  private running = 0;
  private drained: (() => void) | null = null;
  private exclusive: Promise<void> | null = null;

  async shared<T>(work: () => Promise<T>): Promise<T> {
    while (this.exclusive) await this.exclusive;
    this.running++;
    try {
      return await work();
    } finally {
      this.running--;
      if (this.running === 0) this.drained?.();
    }
  }

  async alone<T>(work: () => Promise<T>): Promise<T> {
    while (this.exclusive) await this.exclusive;
    let release!: () => void;
    this.exclusive = new Promise((resolve) => (release = resolve));
    try {
      if (this.running > 0) await new Promise<void>((resolve) => (this.drained = resolve));
      this.drained = null;
      return await work();
    } finally {
      this.exclusive = null;
      release();
    }
  }
}

export async function openLedgerHost(initialFile: string, options: HostOptions = {}): Promise<LedgerHost> {
  let file = initialFile;
  const now = options.now ?? (() => new Date());
  const onBackupError = options.onBackupError ?? ((error: unknown) => console.error('automatic backup failed', error));
  const onExchangeError =
    options.onExchangeError ?? ((error: unknown) => console.error('the exchange folder was not written', error));
  const gate = new Gate();
  let state: State = { kind: 'closed' };
  // The backup under way (automatic or manual): a restore or close waits for it.
  let copying: Promise<unknown> = Promise.resolve();
  const track = (work: Promise<unknown>) => {
    copying = Promise.allSettled([copying, work]);
  };

  // Why the ledger is read-only here (null: written here); a read-only ledger is neither backed up nor restored here.
  let readOnly: ReadOnlyReason | null = null;

  async function open(): Promise<void> {
    const decided = decideAccess(file, options.access?.(file));
    readOnly = decided.access.readOnly;
    try {
      const opened = readOnly
        ? await openReadOnly(file, decided.openFile, readOnly)
        : await openLedgerForApp(file, onBackupError, { onBackupStart: track, now, notice: decided.access.notice });
      // A new ledger holds no places until its first start asks which province the office serves (places.choose).
      state = {
        kind: 'open',
        ledger: opened.ledger,
        service: createLedgerService(opened.ledger),
        stopBackups: opened.stop,
        release: decided.release,
      };
    } catch (error) {
      decided.release();
      if (!(error instanceof LedgerDamagedError)) throw error;
      state = { kind: 'damaged', error: error.toShape(), problems: error.problems };
    }
  }

  /** This office's changes written to the exchange folder, when one is set and changes wait (see db/sync/folder.ts). */
  async function sendToExchange(): Promise<void> {
    if (state.kind !== 'open' || readOnly) return;
    const settings = await state.service.call('settings.get', {});
    if (!settings.ok || !(settings.result as { exchangeFolder: string | null }).exchangeFolder) return;
    const sent = await state.service.call('sync.send', {});
    if (!sent.ok) onExchangeError(LedgerError.fromShape(sent.error));
  }
  const exchangeTimer = setInterval(() => void gate.shared(sendToExchange), EXCHANGE_EVERY_MS);
  exchangeTimer.unref();

  async function shut(): Promise<void> {
    if (state.kind !== 'open') return;
    const { ledger, stopBackups, release } = state;
    stopBackups();
    state = { kind: 'closed' };
    await copying;
    await ledger.close();
    release();
  }

  function overview(): BackupOverview {
    const damaged =
      state.kind === 'damaged'
        ? {
            problems: state.problems,
            latestGood: ((good) => (good ? basename(good.file) : null))(latestGoodBackup(file)),
          }
        : null;
    return { ledgerFile: file, folder: backupFolder(file), backups: listBackups(file).map(entry), damaged };
  }

  async function createBackup(): Promise<BackupEntry> {
    if (state.kind !== 'open') throw notOpen();
    if (readOnly) throw new ReadOnlyError(readOnly);
    const { ledger } = state;
    const target = newBackupName(file, 'manual', now());
    const work = backupLedger(ledger, target);
    track(work);
    await work;
    const made = listBackups(file).find((b) => b.file === target);
    if (!made)
      throw new LedgerError('internal', {
        vi: 'Bản sao lưu vừa tạo không thấy trong thư mục',
        en: 'The new backup is not in the folder',
      });
    return entry(made);
  }

  async function restore(input: ParsedInput<'backups.restore'>): Promise<RestoreResult> {
    if (readOnly) throw new ReadOnlyError(readOnly);
    const chosen = listBackups(file).find((b) => basename(b.file) === input.name);
    if (!chosen) {
      throw new LedgerError(
        'not_found',
        {
          vi: `Không có bản sao lưu "${input.name}" trong thư mục sao lưu`,
          en: `No backup "${input.name}" in the backup folder`,
        },
        'name',
      );
    }
    const wasOpen = state.kind === 'open';
    await shut();
    let result: { replacedKeptAt: string | null };
    try {
      result = restoreLedger(file, chosen.file, now());
    } catch (error) {
      // The ledger is as it was: open it again as it was.
      if (wasOpen) await open();
      throw error;
    }
    await open();
    return { restoredFrom: input.name, replacedKeptAs: result.replacedKeptAt ? basename(result.replacedKeptAt) : null };
  }

  function notAway(): LedgerError {
    return new LedgerError('invalid_input', {
      vi: 'Sổ đã nằm trên máy này và ghi được; không cần chép.',
      en: 'The ledger is already on this computer and can be written; there is nothing to copy.',
    });
  }

  function notOpen(): LedgerError {
    if (state.kind === 'damaged') return LedgerError.fromShape(state.error);
    return new LedgerError('internal', { vi: 'Sổ đang đóng', en: 'The ledger is closed' });
  }

  const hostHandlers: { [M in HostMethod]: (input: ParsedInput<M>) => Promise<MethodResult<M>> } = {
    'backups.list': () => gate.shared(async () => overview()),
    'backups.create': () => gate.shared(createBackup),
    'backups.restore': (input) => gate.alone(() => restore(input)),
    'backups.relocate': () => gate.alone(relocate),
  };

  /** Copies a read-only ledger to this computer, then works on the copy; the original stays as it was. */
  async function relocate(): Promise<RelocateResult> {
    if (state.kind !== 'open') throw notOpen();
    if (!readOnly?.canCopyHere) throw notAway();
    const target = (options.localCopy ?? defaultLocalCopy)(file);
    await copyToComputer(state.ledger, target);
    await shut();
    file = target;
    options.onRelocated?.(target);
    await open();
    return { file: target };
  }

  async function call(method: string, input: unknown): Promise<Envelope<unknown>> {
    if (typeof method === 'string' && isMethod(method) && isHostMethod(method)) {
      const parsed = contract[method].input.safeParse(input ?? {});
      if (!parsed.success) return { ok: false, error: describeZodError(parsed.error) };
      try {
        const handler = hostHandlers[method] as (input: unknown) => Promise<unknown>;
        return { ok: true, result: await handler(parsed.data) };
      } catch (error) {
        const shape = toErrorShape(error);
        if (shape.code === 'internal') console.error(`[${method}]`, error);
        return { ok: false, error: shape };
      }
    }
    return gate.shared(async () => {
      if (state.kind === 'open') return state.service.call(method, input);
      if (typeof method !== 'string' || !isMethod(method)) return { ok: false, error: unknownMethod(method) };
      return { ok: false, error: notOpen().toShape() };
    });
  }

  await open();
  return {
    get file() {
      return file;
    },
    call,
    current: () => (state.kind === 'open' ? state.ledger : null),
    // Closing sends what waits to the exchange folder first, so the other offices have it.
    close: () =>
      gate.alone(async () => {
        clearInterval(exchangeTimer);
        await sendToExchange().catch(onExchangeError);
        await shut();
      }),
  };
}
