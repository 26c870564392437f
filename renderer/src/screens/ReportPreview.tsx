/** A report as it will be saved: its heading, the statutory summary, what changed since the last one, and its sheets. */
import { Alert, Collapse, Table, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type {
  MethodInput,
  PledgeChangedSince,
  ReportDetailRow,
  ReportFigures,
  ReportPreview as Preview,
  SinceLastReport,
} from '../../../contract';
import { cutoffText, periodDatesLine } from '../../../contract/reports';
import { ReportItemList } from '../components/ReportItemList';
import { ReportPrintButton } from '../components/ReportPrintButton';
import { madeBy, money, showDate, showDateTime } from '../format';
import { changedSinceCount, changedSinceKinds, originalAmountText } from './reportChoices';

/** `printInput`: the input the workbook would be saved with (its number and addressee too), for the print button. */
export function ReportPreview({ report, printInput }: { report: Preview; printInput: MethodInput<'reports.print'> }) {
  const since = report.sinceLast;
  return (
    <div className="report-preview" data-testid="report-preview-body">
      <div style={{ display: 'flex', justifyContent: 'flex-end', marginTop: 8 }}>
        <ReportPrintButton input={printInput} />
      </div>
      <ReportHeading report={report} />
      {since && <SinceLastAlert since={since} />}
      <ReportSheets report={report} />
    </div>
  );
}

/** The report's title, place, period and scope, and the statutory summary when there is one. */
function ReportHeading({ report }: { report: Preview }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  return (
    <>
      <Typography.Paragraph strong style={{ textAlign: 'center', marginTop: 12 }}>
        {report.title}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
        {report.placeName} · {showDate(report.period.from)} – {showDate(report.period.to)}
        {report.scope && <span data-testid="report-scope"> · {report.scope}</span>}
      </Typography.Paragraph>
      <Typography.Paragraph style={{ textAlign: 'center', fontStyle: 'italic' }} data-testid="report-dates">
        {periodDatesLine(report.period, lang)} ({cutoffText(report.period.cutoff, lang)})
      </Typography.Paragraph>
      {report.statutory && (
        <Alert
          type="info"
          showIcon
          data-testid="report-statutory"
          style={{ marginBottom: 12 }}
          title={t('reports.statutory')}
          description={report.statutory.summary.paragraph}
        />
      )}
    </>
  );
}

/** What changed in the period since its last report was sent: a warning listing the pledges, or a note that nothing did. */
function SinceLastAlert({ since }: { since: SinceLastReport }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const changed = changedSinceCount(since);
  const changedColumns = [
    { title: t('reports.columns.date'), dataIndex: 'pledgeDate', render: showDate, width: 110 },
    { title: t('reports.columns.donor'), dataIndex: 'donor' },
    { title: t('reports.columns.description'), dataIndex: 'description' },
    {
      title: t('reports.columns.vnd'),
      dataIndex: 'vnd',
      className: 'num',
      render: (v: number) => money(v, 'VND', lang),
    },
    { title: t('reports.sent.madeAt'), dataIndex: 'at', render: showDateTime, width: 150 },
    { title: t('reports.by'), dataIndex: 'by' },
  ];
  return (
    <Alert
      type={changed ? 'warning' : 'info'}
      showIcon
      data-testid="report-since-last"
      style={{ marginBottom: 12 }}
      title={t(changed ? 'reports.sinceLast' : 'reports.sinceLastNone', {
        at: showDateTime(since.report.madeAt),
        by: madeBy(since.report.userName, since.report.siteName),
        added: since.added.length,
        amended: since.amended.length,
        deleted: since.deleted.length,
      })}
      description={
        changed > 0 && (
          <Collapse
            size="small"
            items={changedSinceKinds(since).map((k) => ({
              key: k,
              label: `${t(`reports.sinceLastKinds.${k}`)} (${since[k].length})`,
              children: (
                <Table<PledgeChangedSince>
                  size="small"
                  rowKey="id"
                  pagination={false}
                  dataSource={since[k]}
                  columns={changedColumns}
                />
              ),
            }))}
          />
        )
      }
    />
  );
}

/** The workbook's sheets, one tab each: summary, details, donors and changes. */
function ReportSheets({ report }: { report: Preview }) {
  const { t } = useTranslation();
  return (
    <Tabs
      items={[
        { key: 'summary', label: t('reports.sheets.summary'), children: <SummarySheet report={report} /> },
        { key: 'details', label: t('reports.sheets.details'), children: <DetailsSheet report={report} /> },
        { key: 'donors', label: t('reports.sheets.donors'), children: <DonorsSheet report={report} /> },
        { key: 'changes', label: t('reports.sheets.changes'), children: <ChangesSheet report={report} /> },
        ...(report.statutory
          ? [
              {
                key: 'items',
                label: t('aidLinks.itemList'),
                children: <ReportItemList items={report.statutory.items} />,
              },
            ]
          : []),
      ]}
    />
  );
}

/** The four figures every summary row and donor row has: pledged, delivered, delivered to date, remaining. */
function useFigureColumns() {
  const { t, i18n } = useTranslation();
  const vnd = (v: number) => money(v, 'VND', i18n.language);
  return [
    { title: t('reports.columns.pledged'), dataIndex: 'pledgedVnd', className: 'num', render: vnd },
    { title: t('reports.columns.delivered'), dataIndex: 'deliveredVnd', className: 'num', render: vnd },
    { title: t('reports.columns.cumulative'), dataIndex: 'cumulativeDeliveredVnd', className: 'num', render: vnd },
    { title: t('reports.columns.remaining'), dataIndex: 'remainingVnd', className: 'num', render: vnd },
  ];
}

/** By kind and place, with the amounts pledged in other currencies, and the total. */
function SummarySheet({ report }: { report: Preview }) {
  const { t } = useTranslation();
  const figureColumns = useFigureColumns();
  return (
    <Table
      size="small"
      rowKey={(r) => `${r.kind}|${r.placeName}`}
      pagination={false}
      dataSource={report.summary}
      columns={[
        { title: t('reports.columns.kind'), dataIndex: 'kindLabel' },
        { title: t('reports.columns.place'), dataIndex: 'placeName' },
        ...figureColumns,
        { title: t('reports.columns.original'), dataIndex: 'original' },
      ]}
      summary={() => <TotalRow total={report.summaryTotal} span={2} />}
    />
  );
}

/** Every pledge and delivery of the period, in its own currency and in VND, and who received it. */
function DetailsSheet({ report }: { report: Preview }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Table
      size="small"
      rowKey={(_, i) => String(i)}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      dataSource={[...report.pledges, ...report.deliveries]}
      columns={[
        {
          title: t('reports.columns.type'),
          dataIndex: 'type',
          render: (v: ReportDetailRow['type']) => t(`reports.rowTypes.${v}`),
        },
        { title: t('reports.columns.date'), dataIndex: 'date', render: showDate },
        { title: t('reports.columns.donor'), dataIndex: 'donor' },
        { title: t('reports.columns.place'), dataIndex: 'placeName' },
        { title: t('reports.columns.description'), dataIndex: 'description' },
        {
          title: t('reports.columns.original'),
          className: 'num',
          render: (_, r: ReportDetailRow) => originalAmountText(r, lang),
        },
        {
          title: t('reports.columns.vnd'),
          dataIndex: 'vnd',
          className: 'num',
          render: (v: number) => money(v, 'VND', lang),
        },
        // As the workbook's detail sheet has it: who received it, and their village.
        { title: t('reports.columns.recipient'), dataIndex: 'recipient' },
      ]}
    />
  );
}

/** By donor, with its country, and the total. */
function DonorsSheet({ report }: { report: Preview }) {
  const { t } = useTranslation();
  const figureColumns = useFigureColumns();
  return (
    <Table
      size="small"
      rowKey="donor"
      pagination={false}
      dataSource={report.donors}
      columns={[
        { title: t('reports.columns.donor'), dataIndex: 'donor' },
        { title: t('reports.columns.country'), dataIndex: 'country' },
        ...figureColumns,
      ]}
      summary={() => <TotalRow total={report.donorTotal} span={2} />}
    />
  );
}

/** The amendments: what changed, why, and who changed it. */
function ChangesSheet({ report }: { report: Preview }) {
  const { t } = useTranslation();
  return (
    <Table
      size="small"
      rowKey={(_, i) => String(i)}
      pagination={false}
      dataSource={report.changes}
      columns={[
        { title: t('reports.columns.date'), dataIndex: 'date', render: showDate },
        { title: t('reports.columns.donor'), dataIndex: 'donor' },
        { title: t('reports.columns.description'), dataIndex: 'description' },
        { title: t('reports.columns.changes'), dataIndex: 'changes' },
        { title: t('reports.columns.reason'), dataIndex: 'reason' },
        { title: t('reports.by'), dataIndex: 'by' },
      ]}
    />
  );
}

/** A sheet's total row: the label across the first `span` columns, then the four figures. */
function TotalRow({ total, span }: { total: ReportFigures; span: number }) {
  const { t, i18n } = useTranslation();
  const vnd = (v: number) => money(v, 'VND', i18n.language);
  return (
    <Table.Summary.Row>
      <Table.Summary.Cell index={0} colSpan={span}>
        <strong>{t('reports.total')}</strong>
      </Table.Summary.Cell>
      {[total.pledgedVnd, total.deliveredVnd, total.cumulativeDeliveredVnd, total.remainingVnd].map((v, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: four figures in a fixed order
        <Table.Summary.Cell key={i} index={span + i} className="num">
          <strong data-testid={i === 0 ? 'report-total-pledged' : undefined}>{vnd(v)}</strong>
        </Table.Summary.Cell>
      ))}
    </Table.Summary.Row>
  );
}
