/** The report's rows from the gathered sums (pure): the summary, the donors, the detail rows and the changes. */
import type { Report, ReportDetailRow, ReportFigures, ReportSummaryRow } from '../../../contract';
import { describeItemScope, VOCABULARY } from '../../../contract/labels';
import { formatAmount } from '../../../contract/money';
import { exactSum } from '../../pledges/sums';
import { changeRows } from './changes';
import type { ReportData, Sums } from './data';

const ZERO: ReportFigures = { pledgedVnd: 0, deliveredVnd: 0, cumulativeDeliveredVnd: 0, remainingVnd: 0 };

function add(a: ReportFigures, b: ReportFigures): ReportFigures {
  return {
    pledgedVnd: exactSum(a.pledgedVnd, b.pledgedVnd),
    deliveredVnd: exactSum(a.deliveredVnd, b.deliveredVnd),
    cumulativeDeliveredVnd: exactSum(a.cumulativeDeliveredVnd, b.cumulativeDeliveredVnd),
    remainingVnd: exactSum(a.remainingVnd, b.remainingVnd),
  };
}

function figures(g: Sums): ReportFigures {
  return {
    pledgedVnd: g.pledgedVnd,
    deliveredVnd: g.deliveredVnd,
    cumulativeDeliveredVnd: g.cumulativeDeliveredVnd,
    remainingVnd: g.pledgedToDateVnd - g.cumulativeDeliveredVnd,
  };
}

const isEmpty = (f: ReportFigures) =>
  f.pledgedVnd === 0 && f.deliveredVnd === 0 && f.cumulativeDeliveredVnd === 0 && f.remainingVnd === 0;

/** Pure: the report's rows from the gathered sums. */
export function assembleReport(data: ReportData, lang: 'vi' | 'en' = 'vi'): Report {
  const summary = summaryRows(data, lang);
  const donors = donorRows(data);
  return {
    title:
      lang === 'vi'
        ? `BÁO CÁO TÌNH HÌNH TIẾP NHẬN VIỆN TRỢ PHI CHÍNH PHỦ NƯỚC NGOÀI ${data.period.label}`
        : `REPORT ON FOREIGN NON-GOVERNMENTAL AID RECEIVED, ${data.period.labelEn.toUpperCase()}`,
    period: data.period,
    departmentName: data.departmentName,
    provinceName: data.provinceName,
    provinceType: data.provinceType,
    wholeProvince: data.wholeProvince,
    placeName: data.placeName,
    unitsOf: data.unitsOf,
    scope: describeItemScope(data.itemScope, lang),
    dated: data.dated,
    summary,
    summaryTotal: summary.reduce<ReportFigures>((t, r) => add(t, r), ZERO),
    donors,
    donorTotal: donors.reduce<ReportFigures>((t, r) => add(t, r), ZERO),
    // Amounts in the reader's number style: one style per language on a screen.
    pledges: inReadersStyle(data.pledges, lang),
    deliveries: inReadersStyle(data.deliveries, lang),
    changes: changeRows(data.changes, lang),
  };
}

/** The summary by kind and place, in the kinds' order then by place; each with its amounts in other currencies. */
function summaryRows(data: ReportData, lang: 'vi' | 'en'): ReportSummaryRow[] {
  const words = VOCABULARY[lang];
  const summaryGroups = data.summaryGroups.map((g) => ({
    kind: g.kind,
    placeName: g.placeName,
    placeId: g.placeId,
    figures: figures(g),
  }));
  const kindOrder = Object.keys(words.pledgeKind);
  return summaryGroups
    .filter((s) => !isEmpty(s.figures))
    .sort(
      (a, b) => kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) || a.placeName.localeCompare(b.placeName, 'vi'),
    )
    .map((s) => {
      const originals = data.originals
        .filter((o) => o.kind === s.kind && o.placeId === s.placeId && o.amount > 0)
        .sort((a, b) => a.currency.localeCompare(b.currency))
        .map((o) => `${formatAmount(o.amount, o.currency, lang)} ${o.currency}`);
      return {
        kind: s.kind,
        kindLabel: words.pledgeKind[s.kind],
        placeName: s.placeName,
        ...s.figures,
        original: originals.join('; '),
      };
    });
}

/** The donors, the largest pledged first. */
function donorRows(data: ReportData): Report['donors'] {
  const donorGroups = data.donorGroups.map((g) => ({ donor: g.donor, country: g.country ?? '', figures: figures(g) }));
  return donorGroups
    .filter((d) => !isEmpty(d.figures))
    .sort((a, b) => b.figures.pledgedVnd - a.figures.pledgedVnd || a.donor.localeCompare(b.donor, 'vi'))
    .map((d) => ({ donor: d.donor, country: d.country, ...d.figures }));
}

/** Detail rows with their amounts written in the reader's number style (the Vietnamese style is the stored one). */
function inReadersStyle(rows: ReportDetailRow[], lang: 'vi' | 'en'): ReportDetailRow[] {
  return lang === 'vi'
    ? rows
    : rows.map((r) => ({
        ...r,
        amountText: r.amountMinor === null ? '' : formatAmount(r.amountMinor, r.currency, lang),
      }));
}
