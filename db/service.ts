/**
 * The contract's implementation: one handler per method. `call` validates the input against the
 * contract's schema, runs the handler in one transaction and answers with an envelope, so every
 * transport (IPC, HTTP, CLI) behaves the same and a failed call changes nothing.
 */
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import {
  contract,
  isHostMethod,
  isMethod,
  type LedgerMethod,
  type Method,
  type MethodResult,
  type ParsedInput,
} from '../contract';
import type { ReceivedDeletion } from '../contract/deletions';
import { LedgerError, type Envelope } from '../contract/errors';
import { AmountRangeError, DecimalParseError } from '../contract/money';
import { describeZodError } from '../contract/validation';
import { appInfo } from './app-info';
import { contextFor, type Ctx } from './core/context';
import { createDonor, deleteDonor, mergeDonor, listDonors, updateDonor } from './donors';
import type { Ledger } from './core/open';
import type { DB } from './core/schema';
import { acceptLegacyOffice, acceptOffice, listOffices, revokeOffice } from './offices';
import { ownCard } from './offices/card';
import { createPlace, listPlaces, updatePlace } from './places';
import { chooseProvince, placesSetup } from './places/install';
import { listPledges, summarizePledges } from './pledges/ledger';
import { getPledgeDetail } from './pledges/rows';
import { amendDelivery, recordDelivery, removeDelivery } from './pledges/status';
import { createPledge, deletePledge, updatePledge } from './pledges/writes';
import { listRates, proposeRate, setRate } from './rates';
import {
  attachLines,
  createItem,
  getItemDetail,
  itemsOverview,
  listItems,
  listSectors,
  setItemStage,
  updateItem,
} from './items';
import { itemDeadlines } from './items/deadlines';
import { statutorySummary } from './items/summary';
import {
  acknowledgeWarning,
  addCertificate,
  addPlan,
  addYearReport,
  checkRecord,
  deleteCertificate,
  deleteContact,
  deletePlan,
  deleteYearReport,
  getNgo,
  listHolidays,
  listNgos,
  listWarnings,
  registryTodo,
  saveContact,
  saveProfile,
  setHolidays,
  updateCertificate,
} from './ngo';
import { exportRegister } from './ngo/export';
import { importRegistry } from './ngo/import';
import { searchAll } from './search-find';
import { getSettings, updateSettings } from './settings';
import { totals } from './totals';
import { missingRates } from './usd';
import { listSentReports, previewReport, saveReport, sentReportFile } from './reports/sent';
import { printReport } from './reports/print';
import { reportsDue } from './reports/rules';
import { importFiles } from './imports/quarter-files';
import { writeTemplate } from './imports/template';
import { folderStatus, receiveFromFolder, sendToFolder } from './sync/folder';
import { listDeletions } from './deletions/kept';
import { deleteItem } from './items/delete';
import { undoDeletion } from './deletions/undo';
import { syncExport, syncImport, syncResolve, syncStatus } from './sync/service';

type Handlers = { [M in LedgerMethod]: (ctx: Ctx, input: ParsedInput<M>) => Promise<MethodResult<M>> };

export const handlers: Handlers = {
  'app.info': (ctx) => appInfo(ctx),
  'settings.get': (ctx) => getSettings(ctx),
  'settings.update': updateSettings,
  'places.list': listPlaces,
  'places.create': createPlace,
  'places.update': updatePlace,
  'places.setup': placesSetup,
  'places.choose': chooseProvince,
  'donors.list': listDonors,
  'donors.create': createDonor,
  'donors.update': updateDonor,
  'donors.delete': deleteDonor,
  'donors.merge': mergeDonor,
  'pledges.list': listPledges,
  'pledges.summary': summarizePledges,
  'pledges.get': (ctx, input) => getPledgeDetail(ctx, input.id),
  'pledges.create': createPledge,
  'pledges.update': updatePledge,
  'pledges.delete': deletePledge,
  'deliveries.create': recordDelivery,
  'deliveries.update': amendDelivery,
  'deliveries.delete': removeDelivery,
  'items.list': listItems,
  'items.get': (ctx, input) => getItemDetail(ctx, input.id),
  'items.create': createItem,
  'items.update': updateItem,
  'items.stage': setItemStage,
  'items.delete': deleteItem,
  'items.attach': attachLines,
  'items.sectors': (ctx) => listSectors(ctx),
  'items.deadlines': itemDeadlines,
  'items.overview': (ctx) => itemsOverview(ctx),
  'items.summary': statutorySummary,
  'rates.list': listRates,
  'rates.set': setRate,
  'rates.propose': (ctx, input) => proposeRate(ctx, input.currency, input.date),
  'rates.missing': missingRates,
  totals,
  'reports.preview': previewReport,
  'reports.xlsx': saveReport,
  'reports.list': listSentReports,
  'reports.file': sentReportFile,
  'reports.due': reportsDue,
  'reports.print': printReport,
  'imports.template': async (ctx, input) => {
    const file = await writeTemplate(ctx, input.placeId);
    return { fileName: file.fileName, base64: file.bytes.toString('base64') };
  },
  'imports.files': importFiles,
  'sync.export': syncExport,
  'sync.preview': (ctx, input) => syncImport(ctx, input, true),
  'sync.import': (ctx, input) => syncImport(ctx, input, false),
  'sync.status': (ctx) => syncStatus(ctx),
  'sync.resolve': syncResolve,
  'sync.folder': (ctx) => folderStatus(ctx),
  'sync.send': (ctx) => sendToFolder(ctx),
  'sync.receive': receiveFromFolder,
  'offices.card': (ctx) => ownCard(ctx),
  'offices.list': (ctx) => listOffices(ctx),
  'offices.accept': acceptOffice,
  'offices.admit': acceptLegacyOffice,
  'offices.revoke': revokeOffice,
  'sync.deletions': async (ctx) => listDeletions(ctx, { received: true }) as ReceivedDeletion[],
  'sync.undelete': (ctx, input) => undoDeletion(ctx, input, true),
  'deletions.list': async (ctx) => listDeletions(ctx),
  'deletions.undo': (ctx, input) => undoDeletion(ctx, input),
  'search.find': searchAll,
  'ngo.list': listNgos,
  'ngo.get': getNgo,
  'ngo.saveProfile': saveProfile,
  'ngo.addCertificate': addCertificate,
  'ngo.updateCertificate': updateCertificate,
  'ngo.deleteCertificate': deleteCertificate,
  'ngo.saveContact': saveContact,
  'ngo.deleteContact': deleteContact,
  'ngo.addPlan': addPlan,
  'ngo.deletePlan': deletePlan,
  'ngo.addYearReport': addYearReport,
  'ngo.deleteYearReport': deleteYearReport,
  'ngo.check': checkRecord,
  'ngo.warnings': listWarnings,
  'ngo.acknowledge': acknowledgeWarning,
  'ngo.todo': registryTodo,
  'ngo.holidays': (ctx) => listHolidays(ctx),
  'ngo.setHolidays': setHolidays,
  'ngo.import': importRegistry,
  'ngo.export': exportRegister,
};

/** What a transport (IPC, HTTP) talks to: untrusted name and input in, envelope out; never throws. */
export interface ContractEndpoint {
  call(method: string, input: unknown): Promise<Envelope<unknown>>;
}

export interface LedgerService extends ContractEndpoint {
  ledger: Ledger;
  /** Typed convenience for trusted callers (CLI, tests): throws LedgerError on failure. */
  invoke<M extends Method>(method: M, input: z.input<(typeof contract)[M]['input']>): Promise<MethodResult<M>>;
}

export function toErrorShape(error: unknown) {
  if (error instanceof LedgerError) return error.toShape();
  if (error instanceof z.ZodError) return describeZodError(error);
  if (error instanceof DecimalParseError) {
    return new LedgerError('invalid_input', {
      vi: `Số không hợp lệ: ${error.input}`,
      en: `Invalid number: ${error.input}`,
    }).toShape();
  }
  if (error instanceof AmountRangeError) {
    return new LedgerError('too_large', {
      vi: 'Số tiền quá lớn để tính chính xác',
      en: 'The amount is too large to be exact',
    }).toShape();
  }
  const detail = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))) {
    return new LedgerError('busy', {
      vi: 'Sổ đang bận: một chương trình khác đang ghi vào sổ; dữ liệu không bị thay đổi, hãy thử lại.',
      en: 'The ledger is busy: another program is writing to it; nothing was changed, try again.',
    }).toShape();
  }
  if (typeof code === 'string' && (code === 'SQLITE_FULL' || code.startsWith('SQLITE_IOERR'))) {
    return new LedgerError('internal', {
      vi: `Ổ đĩa không ghi được (đầy hoặc bị lỗi), dữ liệu không bị thay đổi: hãy giải phóng chỗ trống rồi làm lại (${detail})`,
      en: `The disk refused the write (full or failing); nothing was changed: free some space and try again (${detail})`,
    }).toShape();
  }
  return new LedgerError('internal', {
    vi: `Lỗi nội bộ, dữ liệu không bị thay đổi: ${detail}`,
    en: `Internal error; nothing was changed: ${detail}`,
  }).toShape();
}

export function unknownMethod(method: unknown) {
  return new LedgerError('unknown_method', {
    vi: `Không có chức năng "${String(method)}"`,
    en: `No such method "${String(method)}"`,
  }).toShape();
}

/**
 * One transaction on the ledger's connection. A writable ledger begins IMMEDIATE, taking the write lock first: a
 * transaction begun DEFERRED that reads and then writes fails with SQLITE_BUSY_SNAPSHOT, without waiting, when another
 * program wrote in between (https://www.sqlite.org/rescode.html#busy_snapshot); IMMEDIATE waits for the busy timeout. A write the disk refuses (full, or over a size limit) makes SQLite roll
 * the transaction back itself, in the statement or at COMMIT: the error is then reported as it happened, not replaced
 * by the "no transaction is active" of a second rollback (what the query builder's own transactions did).
 */
async function inTransaction<T>(ledger: Ledger, work: (db: Kysely<DB>) => Promise<T>): Promise<T> {
  return ledger.db.connection().execute(async (db) => {
    // The change clock keeps what the call made it see only once the call has committed.
    const clock = ledger.tracking.clock.checkpoint();
    await (ledger.access.readOnly ? sql`BEGIN` : sql`BEGIN IMMEDIATE`).execute(db);
    try {
      const result = await work(db);
      await sql`COMMIT`.execute(db);
      return result;
    } catch (error) {
      if (ledger.sqlite.inTransaction) await sql`ROLLBACK`.execute(db);
      ledger.tracking.clock.rewind(clock);
      throw error;
    }
  });
}

/** A write on a read-only ledger: refused with the reason it is read-only. */
function readOnlyRefusal(ledger: Ledger, error: unknown) {
  const code = (error as { code?: unknown } | null)?.code;
  const reason = ledger.access.readOnly;
  if (!reason || typeof code !== 'string' || !code.startsWith('SQLITE_READONLY')) return null;
  return new LedgerError('read_only', reason.message).toShape();
}

export function createLedgerService(ledger: Ledger): LedgerService {
  async function call(method: string, input: unknown): Promise<Envelope<unknown>> {
    if (typeof method !== 'string' || !isMethod(method) || isHostMethod(method)) {
      return { ok: false, error: unknownMethod(method) };
    }
    try {
      const parsed = contract[method].input.safeParse(input ?? {});
      if (!parsed.success) return { ok: false, error: describeZodError(parsed.error) };
      const handler = handlers[method] as (ctx: Ctx, input: unknown) => Promise<unknown>;
      const result = await inTransaction(ledger, (db) => handler(contextFor(ledger, db), parsed.data));
      return { ok: true, result };
    } catch (error) {
      const shape = readOnlyRefusal(ledger, error) ?? toErrorShape(error);
      if (shape.code === 'internal') console.error(`[${method}]`, error);
      return { ok: false, error: shape };
    }
  }

  async function invoke<M extends Method>(method: M, input: unknown): Promise<MethodResult<M>> {
    const envelope = await call(method, input);
    if (!envelope.ok) throw LedgerError.fromShape(envelope.error);
    return envelope.result as MethodResult<M>;
  }

  return { ledger, call, invoke };
}
