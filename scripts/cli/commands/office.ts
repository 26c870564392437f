import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Office } from '../../../contract';
import { createLedgerService, type LedgerService } from '../../../db/service';
import { requireDb, UsageError } from '../args';
import { type CommandInput, DESCRIPTION, defineCommand } from '../command';
import { placeIdOf, withLedger } from '../ledger';
import { flag, text } from '../options';
import { out, writeOutputFile } from '../output';

const OFFICE_OPTIONS = { db: text, out: text, code: text, place: text, role: text, json: flag };
type OfficeInput = CommandInput<typeof OFFICE_OPTIONS>;

/** Runs `work` with the service of the ledger the command names. */
function withService<T>(values: OfficeInput['values'], work: (service: LedgerService) => Promise<T>): Promise<T> {
  return withLedger(requireDb(values), false, undefined, (ledger) => work(createLedgerService(ledger)));
}

/** The --role given, checked. */
function roleOf(values: OfficeInput['values']): 'province' | 'district' | undefined {
  if (values.role === undefined) return undefined;
  if (values.role !== 'province' && values.role !== 'district')
    throw new UsageError('--role phải là province hoặc district / --role must be province or district');
  return values.role;
}

/** The file a positional names, read. */
function fileArgument(positionals: string[], missing: string): { path: string; bytes: Buffer } {
  const path = positionals[1];
  if (!path) throw new UsageError(missing);
  if (!existsSync(path)) throw new UsageError(`Không thấy tệp ${path} / File not found: ${path}`);
  return { path, bytes: readFileSync(path) };
}

const ROLE_WORDS = { province: 'tỉnh/province', district: 'huyện, xã/district or commune' } as const;

function officeLine(o: Office): string {
  const code = o.code ?? 'phiên bản cũ, chưa có mã/earlier release, no code';
  const revoked = o.revokedAt ? ` — đã thu hồi/revoked ${o.revokedAt.slice(0, 10)}` : '';
  return `${o.name} · ${ROLE_WORDS[o.role]}${o.placeName ? ` · ${o.placeName}` : ''} · ${code} · ${o.siteId}${revoked}`;
}

/** `office card --out FILE`: this office's card, to send to the others, and its code to read to them. */
async function card({ values }: OfficeInput): Promise<number> {
  if (!values.out) throw new UsageError('Thiếu --out FILE / Missing --out FILE');
  const own = await withService(values, (s) => s.invoke('offices.card', {}));
  writeOutputFile(values.out, Buffer.from(own.text, 'utf8'));
  if (values.json) out(JSON.stringify({ code: own.code, siteId: own.siteId, name: own.name, role: own.role }));
  else out(`Đã ghi thẻ đơn vị ${values.out}; mã: ${own.code} / Office card written: ${values.out}; code: ${own.code}`);
  return 0;
}

/** `office accept CARD --code CODE [--place P] [--role R]`: another office's card, its code as read aloud. */
async function accept({ values, positionals }: OfficeInput): Promise<number> {
  const { bytes } = fileArgument(positionals, 'Thiếu đường dẫn thẻ đơn vị / Missing the office card to accept');
  if (!values.code) throw new UsageError('Thiếu --code (mã đơn vị đọc qua điện thoại) / Missing --code (read aloud)');
  const role = roleOf(values);
  const office = await withLedger(requireDb(values), false, undefined, async (ledger) =>
    createLedgerService(ledger).invoke('offices.accept', {
      card: bytes.toString('utf8'),
      officeCode: values.code!,
      ...(values.place ? { placeId: await placeIdOf(ledger, values.place, null) } : {}),
      ...(role ? { role } : {}),
    }),
  );
  out(values.json ? JSON.stringify(office) : `Đã nhận / Accepted: ${officeLine(office)}`);
  return 0;
}

/** `office accept-legacy BUNDLE --role R [--place P]`: an office on an earlier release, from a bundle it sent. */
async function acceptLegacy({ values, positionals }: OfficeInput): Promise<number> {
  const { path, bytes } = fileArgument(positionals, 'Thiếu đường dẫn gói / Missing the bundle the office sent');
  const role = roleOf(values);
  if (!role) throw new UsageError('Thiếu --role province|district / Missing --role province|district');
  const office = await withLedger(requireDb(values), false, undefined, async (ledger) =>
    createLedgerService(ledger).invoke('offices.admit', {
      fileName: basename(path),
      base64: bytes.toString('base64'),
      role,
      placeId: values.place ? await placeIdOf(ledger, values.place, null) : null,
    }),
  );
  out(values.json ? JSON.stringify(office) : `Đã ghi / Recorded: ${officeLine(office)}`);
  return 0;
}

/** `office list`: the offices this ledger knows. */
async function list({ values }: OfficeInput): Promise<number> {
  const offices = await withService(values, (s) => s.invoke('offices.list', {}));
  if (values.json) out(JSON.stringify(offices));
  else if (!offices.length) out('Chưa nhận đơn vị nào / No office accepted yet');
  else for (const o of offices) out(officeLine(o));
  return 0;
}

/** `office revoke SITE_ID`: an office whose bundles are refused from now on. */
async function revoke({ values, positionals }: OfficeInput): Promise<number> {
  const siteId = positionals[1];
  if (!siteId) throw new UsageError('Thiếu mã đơn vị (xem office list) / Missing the office id (see office list)');
  const office = await withService(values, (s) => s.invoke('offices.revoke', { siteId }));
  out(values.json ? JSON.stringify(office) : `Đã thu hồi / Revoked: ${officeLine(office)}`);
  return 0;
}

const ACTIONS = new Map([
  ['card', card],
  ['accept', accept],
  ['accept-legacy', acceptLegacy],
  ['list', list],
  ['revoke', revoke],
]);

export const officeCommand = defineCommand({
  name: 'office',
  options: OFFICE_OPTIONS,
  usage: [
    'office card --db FILE --out FILE [--json]',
    `${DESCRIPTION}thẻ đơn vị này và mã để đọc cho đơn vị kia / this office's card and its code`,
    'office accept --db FILE CARD --code CODE [--place P] [--role R] [--json]',
    `${DESCRIPTION}nhận thẻ của đơn vị khác / accept another office's card`,
    'office accept-legacy --db FILE BUNDLE --role R [--place P] [--json]',
    `${DESCRIPTION}ghi đơn vị dùng phiên bản cũ / record an office on an earlier release`,
    'office list --db FILE [--json]',
    `${DESCRIPTION}các đơn vị đã nhận / the offices this ledger knows`,
    'office revoke --db FILE SITE_ID [--json]',
    `${DESCRIPTION}thu hồi một đơn vị / revoke an office`,
  ],
  async run(input) {
    const run = ACTIONS.get(input.positionals[0] ?? '');
    if (!run) throw new UsageError(`Dùng / Use: office ${[...ACTIONS.keys()].join(' | ')}`);
    return run(input);
  },
});
