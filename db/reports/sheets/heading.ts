/** The line under each sheet's title: the place (in which units), the aid items, the period and the unit of account. */
import { cutoffText, periodDatesLine, type Report } from '../../../contract';
import { dayText } from '../../../contract/dates';

/** The dates the figures cover, and the rule that cut them when it is Decree 09/2019's (Art. 12). */
export function datesLine(report: Report): string {
  const rule = report.period.cutoff === 'statutory' ? ` (${cutoffText('statutory', 'vi')})` : '';
  return `${periodDatesLine(report.period, 'vi')}${rule}`;
}

export function subtitle(report: Report): string {
  const whole = report.provinceName ? `${report.provinceType.toLowerCase()} ${report.provinceName}` : 'cả nước';
  const units = report.unitsOf ? `, theo đơn vị hành chính ngày ${dayText(report.unitsOf)}` : '';
  const place = `Địa bàn: ${report.wholeProvince ? whole : report.placeName}${units}`;
  const scope = report.scope ? `; ${report.scope}` : '';
  return `(${place}${scope}; ${datesLine(report)}; đơn vị tính: đồng)`;
}
