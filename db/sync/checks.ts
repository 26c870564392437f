/** The checks on what a bundle read from a file holds, before anything of it is merged. */
import { BUNDLE_TABLES, type Bundle, refuse, type Words } from './contents';

export const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
const VERSION = /^\d{13,16}-\d{6}-.+$/;
/** What a column may hold: the merge binds every value as it comes. */
const isColumnValue = (x: unknown) =>
  x === null || typeof x === 'string' || (typeof x === 'number' && Number.isFinite(x));
const shown = (x: unknown) => (JSON.stringify(x) ?? String(x)).slice(0, 60);

/**
 * Every row, deletion and history entry must be what this app writes (ids, versions, plain column values): a file
 * from a damaged or foreign program is refused before the merge starts, naming the first bad record.
 */
export function checkContent(bundle: Bundle): void {
  checkSender(bundle);
  checkRows(bundle);
  checkTombstones(bundle);
  checkAudit(bundle);
}

/** The refusal naming a bad record: what it is, its id if it has one, and its place in its list. */
function bad(what: Words, record: unknown, n: number, why: Words) {
  const id = isObject(record) && typeof record.id === 'string' ? ` ${record.id.slice(0, 60)}` : '';
  return refuse(`${what.vi}${id} (thứ ${n + 1}) ${why.vi}`, `${what.en}${id} (number ${n + 1}) ${why.en}`);
}

/** What is wrong with a record's values, if a value is no column value. */
function plainValues(record: Record<string, unknown>): Words | null {
  const key = Object.keys(record).find((k) => !isColumnValue(record[k]));
  if (key === undefined) return null;
  return {
    vi: `có trường "${key.slice(0, 40)}" mang giá trị không hợp lệ ${shown(record[key])}`,
    en: `has an invalid value ${shown(record[key])} in field "${key.slice(0, 40)}"`,
  };
}

/** The sending installation and time, and the department name a full bundle may carry. */
function checkSender(bundle: Bundle): void {
  const site: unknown = bundle.site;
  if (
    !isObject(site) ||
    typeof site.id !== 'string' ||
    !site.id ||
    typeof site.name !== 'string' ||
    typeof bundle.createdAt !== 'string' ||
    typeof bundle.since !== 'string'
  ) {
    throw refuse(
      'thiếu thông tin về nơi gửi (mã, tên, thời điểm)',
      'the sending installation (id, name, time) is missing',
    );
  }
  const reference: unknown = bundle.reference;
  if (
    reference !== undefined &&
    !(isObject(reference) && typeof reference.departmentName === 'string' && reference.departmentName.length <= 200)
  ) {
    throw refuse('tên cơ quan kèm theo không hợp lệ', 'the department name it carries is invalid');
  }
  const province: unknown = bundle.province;
  if (
    province !== undefined &&
    !(
      isObject(province) &&
      typeof province.code === 'string' &&
      province.code.length <= 10 &&
      typeof province.name === 'string' &&
      province.name.length <= 100
    )
  ) {
    throw refuse('tỉnh của sổ gửi gói không hợp lệ', 'the province of the sending ledger is invalid');
  }
}

function checkRows(bundle: Bundle): void {
  for (const [table, entity] of BUNDLE_TABLES) {
    const rows: unknown = bundle.records[table] ?? [];
    const what = { vi: `bản ghi ${entity}`, en: `the ${entity} record` };
    if (!Array.isArray(rows)) throw refuse(`danh sách ${table} không hợp lệ`, `the ${table} list is invalid`);
    rows.forEach((row: unknown, n) => {
      if (!isObject(row)) throw bad(what, row, n, { vi: 'không phải một bản ghi', en: 'is not a record' });
      if (typeof row.id !== 'string' || !row.id) throw bad(what, row, n, { vi: 'không có mã (id)', en: 'has no id' });
      if (
        typeof row.version !== 'string' ||
        !VERSION.test(row.version) ||
        typeof row.origin_site !== 'string' ||
        (row.base_version !== undefined && typeof row.base_version !== 'string')
      ) {
        throw bad(what, row, n, {
          vi: 'có phiên bản (version, origin_site, base_version) không hợp lệ',
          en: 'has an invalid version (version, origin_site, base_version)',
        });
      }
      const why = plainValues(row);
      if (why) throw bad(what, row, n, why);
    });
  }
}

function checkTombstones(bundle: Bundle): void {
  bundle.tombstones.forEach((tomb: unknown, n) => {
    const what = { vi: 'lệnh xóa', en: 'the deletion' };
    if (!isObject(tomb)) throw bad(what, tomb, n, { vi: 'không phải một bản ghi', en: 'is not a record' });
    const fields = [tomb.entity, tomb.id, tomb.version, tomb.origin_site, tomb.deleted_at];
    if (
      fields.some((f) => typeof f !== 'string' || !f) ||
      !VERSION.test(tomb.version as string) ||
      (tomb.base_version !== undefined && typeof tomb.base_version !== 'string')
    ) {
      throw bad(what, tomb, n, {
        vi: 'thiếu hoặc sai entity, id, version, origin_site, deleted_at',
        en: 'lacks or has an invalid entity, id, version, origin_site or deleted_at',
      });
    }
  });
}

function checkAudit(bundle: Bundle): void {
  const audit: unknown = bundle.audit ?? [];
  if (!Array.isArray(audit)) throw refuse('lịch sử thay đổi không hợp lệ', 'its change history is invalid');
  audit.forEach((entry: unknown, n) => {
    const what = { vi: 'mục lịch sử', en: 'the history entry' };
    if (!isObject(entry)) throw bad(what, entry, n, { vi: 'không phải một bản ghi', en: 'is not a record' });
    const why = plainValues(entry);
    if (why) throw bad(what, entry, n, why);
  });
}
