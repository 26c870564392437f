/** The line under each sheet's title: the place (in which units), the aid items, the period and the unit of account. */
import type { Report } from '../../../contract';

export function viDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

export function subtitle(report: Report): string {
  const whole = report.provinceName ? `${report.provinceType.toLowerCase()} ${report.provinceName}` : 'cả nước';
  const units = report.unitsOf ? `, theo đơn vị hành chính ngày ${viDate(report.unitsOf)}` : '';
  const place = `Địa bàn: ${report.wholeProvince ? whole : report.placeName}${units}`;
  const scope = report.scope ? `; ${report.scope}` : '';
  return `(${place}${scope}; từ ngày ${viDate(report.period.from)} đến ngày ${viDate(report.period.to)}; đơn vị tính: đồng)`;
}
