/** The line under each sheet's title: the place (in which units), the aid items, the period and the unit of account. */
import type { Report } from '../../../contract';
import { dayText } from '../../../contract/dates';

export function subtitle(report: Report): string {
  const whole = report.provinceName ? `${report.provinceType.toLowerCase()} ${report.provinceName}` : 'cả nước';
  const units = report.unitsOf ? `, theo đơn vị hành chính ngày ${dayText(report.unitsOf)}` : '';
  const place = `Địa bàn: ${report.wholeProvince ? whole : report.placeName}${units}`;
  const scope = report.scope ? `; ${report.scope}` : '';
  return `(${place}${scope}; từ ngày ${dayText(report.period.from)} đến ngày ${dayText(report.period.to)}; đơn vị tính: đồng)`;
}
