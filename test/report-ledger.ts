/**
 * A Tuyên Quang ledger of 2026 made to stress a report's paper form: donors, items, sectors and places with long
 * names, VND pledges in the tens of billions, USD pledges, deliveries, an amendment and a line attached to an item.
 */
import { tempLedger, type TestLedger } from './helpers';

export const LONG_DONOR =
  'Liên hiệp các tổ chức hữu nghị Việt Nam — Quỹ Hòa bình và Phát triển Quốc tế khu vực châu Á – Thái Bình Dương';
export const LONG_ITEM =
  'Dự án nâng cao năng lực chăm sóc sức khỏe ban đầu cho đồng bào dân tộc thiểu số vùng cao biên giới giai đoạn 2026–2030';
export const LONG_SECTOR =
  'Phát triển nông nghiệp, nông thôn và xây dựng nông thôn mới bền vững ở vùng đặc biệt khó khăn';

export async function reportLedger(): Promise<{ t: TestLedger; attachedItem: string }> {
  const t = await tempLedger({ seed: false });
  const s = t.service;
  await s.invoke('places.choose', { province: '08' });
  const places = (await s.invoke('places.list', {})).filter((p) => p.level === 'commune' && !p.validTo);
  const place = (i: number) => places[i % places.length]!.id;
  const donors = [
    await s.invoke('donors.create', { name: LONG_DONOR, kind: 'foreign_ngo', country: 'Hàn Quốc' }),
    await s.invoke('donors.create', {
      name: 'Tổ chức Tầm nhìn Thế giới (World Vision International)',
      kind: 'foreign_ngo',
      country: 'Cộng hòa Liên bang Đức',
    }),
    await s.invoke('donors.create', { name: 'Quỹ Blue Dragon', kind: 'foreign_ngo', country: 'Úc' }),
  ];
  const items = [
    await s.invoke('items.create', { name: LONG_ITEM, modality: 'project', sector: 'health', donorId: donors[0]!.id }),
    await s.invoke('items.create', {
      name: 'Xây dựng điểm trường mầm non thôn Khuổi Luông',
      modality: 'non_project',
      sector: 'education',
      donorId: donors[1]!.id,
    }),
    await s.invoke('items.create', {
      name: 'Mô hình sinh kế bền vững',
      modality: 'programme',
      sector: LONG_SECTOR,
      donorId: donors[2]!.id,
    }),
  ];
  const pledge = (i: number, date: string, amount: number, currency = 'VND', rate?: string) =>
    s.invoke('pledges.create', {
      donorId: donors[i % 3]!.id,
      placeId: place(i),
      kind: 'cash',
      description: `Hỗ trợ xây dựng công trình và trang thiết bị, đợt ${i + 1} — ${LONG_ITEM.slice(0, 60)}`,
      amountMinor: amount,
      currency,
      ...(rate ? { rate } : {}),
      pledgeDate: date,
      itemId: items[i % 3]!.id,
    });
  const lines = [];
  for (let i = 0; i < 12; i++) {
    const date = `2026-${String(1 + i).padStart(2, '0')}-14`;
    lines.push(await pledge(i, date, 45_678_900_000 + i * 1_000_003));
    lines.push(await pledge(i + 1, date, 123_456_789, 'USD', '25410'));
  }
  for (const [i, line] of lines.entries())
    if (i % 3 === 0)
      await s.invoke('deliveries.create', {
        pledgeId: line.id,
        deliveryDate: line.pledgeDate,
        amountMinor: Math.floor(line.amountMinor! / 2),
        ...(line.currency === 'VND' ? {} : { rate: '25410' }),
        recipient: 'Ủy ban nhân dân xã và Trường Phổ thông Dân tộc bán trú Tiểu học và Trung học cơ sở',
      });
  // A line of the third quarter recorded outside any item, then attached to one; another amended.
  const loose = await s.invoke('pledges.create', {
    donorId: donors[0]!.id,
    placeId: place(3),
    kind: 'equipment',
    description: 'Thiết bị y tế',
    amountMinor: 2_000_000_000,
    currency: 'VND',
    pledgeDate: '2026-08-03',
  });
  await s.invoke('items.attach', { itemId: items[0]!.id, pledgeIds: [loose.id] });
  await s.invoke('pledges.update', { id: loose.id, amountMinor: 2_100_000_000, reason: 'Khảo sát lại' });
  return { t, attachedItem: items[0]!.name };
}
