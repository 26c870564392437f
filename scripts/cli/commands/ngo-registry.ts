/**
 * `ngo list` and `ngo show`: the registry of foreign NGOs read from the command line — each NGO with its certificates
 * and the warnings on its items, pledges and stages, or one NGO with all the registry holds of it.
 */
import type { Certificate, NgoDetail, RegistryWarning } from '../../../contract/ngo';
import { dayText } from '../../../contract/dates';
import { foldText } from '../../../contract/text';
import { createLedgerService, type LedgerService } from '../../../db/service';
import { requireDb, UsageError } from '../args';
import { type CommandInput, DESCRIPTION } from '../command';
import { withLedger } from '../ledger';
import { flag, text } from '../options';
import { out } from '../output';

export const NGO_REGISTRY_OPTIONS = { db: text, json: flag, on: text } as const;
type NgoRegistryInput = CommandInput<typeof NGO_REGISTRY_OPTIONS>;

export const NGO_REGISTRY_USAGE = [
  'ngo list --db FILE [--on YYYY-MM-DD] [--json]',
  `${DESCRIPTION}các tổ chức PCPNN, giấy đăng ký và cảnh báo / foreign NGOs, their certificates and warnings`,
  'ngo show --db FILE NAME|ID [--json]',
  `${DESCRIPTION}một tổ chức PCPNN đầy đủ / one foreign NGO with all the registry holds`,
];

/** What `ngo list --json` gives of a certificate. */
const certificateJson = (c: Certificate) => ({
  kind: c.kind,
  number: c.number,
  issued: c.issuedOn,
  validUntil: c.validUntil,
  status: c.status,
  provinces: c.provinces,
  fields: c.fields,
});
const warningJson = (w: RegistryWarning) => ({
  subject: w.subject,
  id: w.id,
  label: w.label,
  date: w.date,
  reasons: w.reasons,
});

function read<T>(values: NgoRegistryInput['values'], work: (service: LedgerService) => Promise<T>): Promise<T> {
  return withLedger(requireDb(values), false, undefined, (ledger) => work(createLedgerService(ledger)), 'read');
}

const STATUS_WORDS: Record<Certificate['status'], string> = {
  in_force: 'đã cấp/issued',
  extended: 'gia hạn/extended',
  amended: 'sửa đổi/amended',
  suspended: 'đình chỉ/suspended',
  revoked: 'thu hồi/revoked',
};
const certificateLine = (c: Certificate) =>
  `  ${c.number} · ${dayText(c.issuedOn)}–${dayText(c.validUntil)} · ${STATUS_WORDS[c.status]}${c.inForce ? '' : ' · không còn hiệu lực/not in force'} · ${c.provinceNames.join(', ')} · ${c.fields.join(', ')}`;
const warningLine = (w: RegistryWarning) =>
  `  ! ${dayText(w.date)} ${w.label}: ${w.message.vi}${w.acknowledged ? ` (đã ghi nhận/acknowledged: ${w.acknowledged.reason})` : ''}`;

/** `ngo list`: every foreign NGO, its certificates and its warnings not acknowledged. */
export async function ngoList({ values }: NgoRegistryInput): Promise<number> {
  const on = values.on;
  if (on !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(on))
    throw new UsageError('--on phải là ngày YYYY-MM-DD / --on must be a date YYYY-MM-DD');
  const listed = await read(values, async (service) => {
    const ngos = await service.invoke('ngo.list', on ? { on } : {});
    const warnings = await service.invoke('ngo.warnings', {});
    const details: NgoDetail[] = [];
    for (const ngo of ngos) details.push(await service.invoke('ngo.get', { id: ngo.donorId }));
    return ngos.map((ngo, n) => ({
      ngo,
      certificates: details[n]!.certificates,
      warnings: warnings.filter((w) => w.donorId === ngo.donorId),
    }));
  });
  if (values.json) {
    out(
      JSON.stringify(
        listed.map(({ ngo, certificates, warnings }) => ({
          donorId: ngo.donorId,
          name: ngo.name,
          country: ngo.country,
          certificates: certificates.map(certificateJson),
          warnings: warnings.map(warningJson),
        })),
      ),
    );
    return 0;
  }
  if (!listed.length) out('Chưa có tổ chức PCPNN nào / No foreign NGO yet');
  for (const { ngo, certificates, warnings } of listed) {
    out(`${ngo.name}${ngo.country ? ` (${ngo.country})` : ''} — ${ngo.donorId}`);
    if (!certificates.length) out('  chưa có giấy đăng ký / no certificate');
    for (const c of certificates) out(certificateLine(c));
    for (const w of warnings) out(warningLine(w));
  }
  return 0;
}

/** `ngo show NAME|ID`: one NGO, found by its id, name or short name. */
export async function ngoShow({ values, positionals }: NgoRegistryInput): Promise<number> {
  const wanted = positionals.slice(1).join(' ').trim();
  if (!wanted) throw new UsageError('Thiếu tên hoặc mã tổ chức / Missing the NGO’s name or id');
  const detail: NgoDetail = await read(values, async (service) => {
    const ngos = await service.invoke('ngo.list', {});
    const folded = foldText(wanted);
    const found =
      ngos.find((n) => n.donorId === wanted) ??
      ngos.find((n) => foldText(n.name) === folded || (n.shortName !== null && foldText(n.shortName) === folded)) ??
      (() => {
        const partial = ngos.filter((n) => foldText(n.name).includes(folded));
        return partial.length === 1 ? partial[0] : undefined;
      })();
    if (!found)
      throw new UsageError(
        `Không tìm thấy tổ chức PCPNN "${wanted}" (xem ngo list) / No foreign NGO "${wanted}" (see ngo list)`,
      );
    return service.invoke('ngo.get', { id: found.donorId });
  });
  if (values.json) {
    out(JSON.stringify(detail));
    return 0;
  }
  const { summary, profile } = detail;
  out(`${summary.name}${summary.country ? ` (${summary.country})` : ''} — ${summary.donorId}`);
  if (profile.homeRegistration || profile.homeRegistrationUntil)
    out(
      `Đăng ký tại nước sở tại/Registration at home: ${profile.homeRegistration ?? ''}${profile.homeRegistrationUntil ? ` đến/until ${dayText(profile.homeRegistrationUntil)}` : ''}`,
    );
  if (profile.headName) out(`Người đứng đầu/Head: ${profile.headName}`);
  out(`Giấy đăng ký/Certificates: ${detail.certificates.length}`);
  for (const c of detail.certificates) out(certificateLine(c));
  for (const c of detail.contacts)
    out(`Liên hệ/Contact: ${[c.name, c.role, c.phone, c.email].filter(Boolean).join(' · ')}`);
  for (const p of detail.plans)
    out(
      `Kế hoạch/Plan: nhận/received ${dayText(p.receivedOn)}${p.onTime === null ? '' : p.onTime ? ' · đúng hạn/on time' : ' · muộn/late'}`,
    );
  for (const r of detail.reports)
    out(
      `Báo cáo năm/Report ${r.year}: nhận/received ${dayText(r.receivedOn)} · ${r.onTime ? 'đúng hạn/on time' : 'muộn/late'}`,
    );
  out(`Cảnh báo/Warnings: ${detail.warnings.length}`);
  for (const w of detail.warnings) out(warningLine(w));
  return 0;
}
