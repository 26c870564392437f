/** Báo cáo: choose the period and place, preview the report's sheets, and save the Excel file. */
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Checkbox,
  Collapse,
  Segmented,
  Select,
  Space,
  Spin,
  Table,
  Tabs,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PledgeChangedSince, ReportDetailRow, ReportFigures, SentReport } from '../../../contract';
import { describeItemScope } from '../../../contract/labels';
import { ItemFacetSelect } from '../components/ItemFacetSelect';
import { PlaceTreePicker } from '../components/pickers';
import { itemFilter } from '../filters';
import { saveFile } from '../download';
import { money, showDate, showDateTime } from '../format';
import { call, errorText, queryClient, useLedger } from '../queries';

type Kind = 'quarter' | 'half' | 'year';

export function Reports() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { message } = AntApp.useApp();
  const now = new Date();
  const [kind, setKind] = useState<Kind>('quarter');
  const [year, setYear] = useState(now.getFullYear());
  const [part, setPart] = useState(Math.floor(now.getMonth() / 3) + 1);
  const [placeId, setPlaceId] = useState<string | undefined>();
  const [requested, setRequested] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [sinceLastReport, setSinceLastReport] = useState(false);
  const [todaysUnits, setTodaysUnits] = useState(false);
  const [itemFacets, setItemFacets] = useState<string[]>([]);
  const period =
    kind === 'year' ? String(year) : kind === 'half' ? `${year}-H${Math.min(part, 2)}` : `${year}-Q${part}`;
  const input = {
    period,
    ...(placeId ? { placeId } : {}),
    ...(todaysUnits
      ? {
          unitsOf: `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`,
        }
      : {}),
    lang: lang === 'en' ? ('en' as const) : ('vi' as const),
    changes: sinceLastReport ? ('sinceLastReport' as const) : ('period' as const),
    ...itemFilter(itemFacets),
  };
  const sent = useLedger('reports.list', {});
  const preview = useLedger('reports.preview', input, { enabled: requested === JSON.stringify(input) });
  const years = Array.from({ length: now.getFullYear() - 2009 }, (_, i) => now.getFullYear() + 1 - i);
  const vnd = (v: number) => money(v, 'VND', lang);
  const figureColumns = [
    { title: t('reports.columns.pledged'), dataIndex: 'pledgedVnd', className: 'num', render: vnd },
    { title: t('reports.columns.delivered'), dataIndex: 'deliveredVnd', className: 'num', render: vnd },
    { title: t('reports.columns.cumulative'), dataIndex: 'cumulativeDeliveredVnd', className: 'num', render: vnd },
    { title: t('reports.columns.remaining'), dataIndex: 'remainingVnd', className: 'num', render: vnd },
  ];
  const totalRow = (total: ReportFigures, span: number) => (
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

  async function download() {
    setSaving(true);
    try {
      const file = await call('reports.xlsx', input);
      saveFile(file.fileName, file.base64);
      message.success(t('reports.saved', { file: file.fileName }));
      // The list of reports made, and what changed since, now count this one.
      void queryClient.invalidateQueries({ queryKey: ['reports.list'] });
      void queryClient.invalidateQueries({ queryKey: ['reports.preview'] });
    } catch (error) {
      message.error(errorText(error, lang));
    } finally {
      setSaving(false);
    }
  }

  async function openSent(row: SentReport) {
    try {
      const file = await call('reports.file', { id: row.id });
      saveFile(file.fileName, file.base64);
    } catch (error) {
      message.error(errorText(error, lang));
    }
  }
  const by = (userName: string | null, siteName: string) => (userName ? `${userName} — ${siteName}` : siteName);
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

  const report = preview.data;
  const since = report?.sinceLast ?? null;
  return (
    <div className="screen" data-testid="reports-screen">
      <Typography.Title level={3}>{t('reports.title')}</Typography.Title>
      <Card size="small">
        <Space wrap>
          <Segmented
            value={kind}
            onChange={(v) => setKind(v as Kind)}
            options={[
              { value: 'quarter', label: t('reports.quarter') },
              { value: 'half', label: t('reports.half') },
              { value: 'year', label: t('reports.year') },
            ]}
          />
          <Select
            aria-label={t('reports.year')}
            value={year}
            onChange={setYear}
            style={{ width: 100 }}
            options={years.map((y) => ({ value: y, label: String(y) }))}
          />
          {kind === 'quarter' && (
            <Select
              aria-label={t('reports.quarter')}
              value={part}
              onChange={setPart}
              style={{ width: 140 }}
              options={[1, 2, 3, 4].map((q) => ({
                value: q,
                label: `${t('reports.quarter')} ${['I', 'II', 'III', 'IV'][q - 1]}`,
              }))}
              data-testid="report-quarter"
            />
          )}
          {kind === 'half' && (
            <Select
              value={Math.min(part, 2)}
              onChange={setPart}
              style={{ width: 170 }}
              options={[1, 2].map((h) => ({
                value: h,
                label: t(h === 1 ? 'reports.halves.first' : 'reports.halves.second'),
              }))}
            />
          )}
          <PlaceTreePicker
            placeholder={t('reports.place')}
            style={{ width: 260 }}
            {...(placeId ? { value: placeId } : {})}
            onChange={setPlaceId}
          />
          <ItemFacetSelect
            value={itemFacets}
            onChange={setItemFacets}
            placeholder={t('reports.items')}
            testId="report-items"
          />
          <Button onClick={() => setRequested(JSON.stringify(input))} data-testid="report-preview">
            {t('reports.preview')}
          </Button>
          <Button type="primary" onClick={download} loading={saving} data-testid="report-download">
            {t('reports.download')}
          </Button>
          <Checkbox
            checked={todaysUnits}
            onChange={(e) => setTodaysUnits(e.target.checked)}
            data-testid="report-todays-units"
            title={t('filters.todaysUnitsHelp')}
          >
            {t('filters.todaysUnits')}
          </Checkbox>
          <Checkbox
            checked={sinceLastReport}
            onChange={(e) => setSinceLastReport(e.target.checked)}
            data-testid="report-changes-since"
          >
            {t('reports.changesSince')}
          </Checkbox>
        </Space>
      </Card>
      {(preview.isFetching || saving) && (
        <Spin tip={t('reports.working')} style={{ margin: 24 }}>
          <div style={{ height: 40 }} />
        </Spin>
      )}
      {preview.isError && <Alert type="error" showIcon title={errorText(preview.error, lang)} />}
      {report && !preview.isFetching && (
        <div className="report-preview" data-testid="report-preview-body">
          <Typography.Paragraph strong style={{ textAlign: 'center', marginTop: 12 }}>
            {report.title}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
            {report.placeName} · {showDate(report.period.from)} – {showDate(report.period.to)}
            {report.scope && <span data-testid="report-scope"> · {report.scope}</span>}
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
          {since && (
            <Alert
              type={since.added.length + since.amended.length + since.deleted.length ? 'warning' : 'info'}
              showIcon
              data-testid="report-since-last"
              style={{ marginBottom: 12 }}
              title={t(
                since.added.length + since.amended.length + since.deleted.length
                  ? 'reports.sinceLast'
                  : 'reports.sinceLastNone',
                {
                  at: showDateTime(since.report.madeAt),
                  by: by(since.report.userName, since.report.siteName),
                  added: since.added.length,
                  amended: since.amended.length,
                  deleted: since.deleted.length,
                },
              )}
              description={
                since.added.length + since.amended.length + since.deleted.length > 0 && (
                  <Collapse
                    size="small"
                    items={(['added', 'amended', 'deleted'] as const)
                      .filter((k) => since[k].length)
                      .map((k) => ({
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
          )}
          <Tabs
            items={[
              {
                key: 'summary',
                label: t('reports.sheets.summary'),
                children: (
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
                    summary={() => totalRow(report.summaryTotal, 2)}
                  />
                ),
              },
              {
                key: 'details',
                label: t('reports.sheets.details'),
                children: (
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
                        render: (_, r: ReportDetailRow) =>
                          r.amountMinor === null ? '' : `${money(r.amountMinor, r.currency, lang)} ${r.currency}`,
                      },
                      { title: t('reports.columns.vnd'), dataIndex: 'vnd', className: 'num', render: vnd },
                    ]}
                  />
                ),
              },
              {
                key: 'donors',
                label: t('reports.sheets.donors'),
                children: (
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
                    summary={() => totalRow(report.donorTotal, 2)}
                  />
                ),
              },
              {
                key: 'changes',
                label: t('reports.sheets.changes'),
                children: (
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
                ),
              },
            ]}
          />
        </div>
      )}
      <Typography.Title level={4} style={{ marginTop: 24 }}>
        {t('reports.sent.title')}
      </Typography.Title>
      <Table<SentReport>
        size="small"
        rowKey="id"
        data-testid="reports-sent"
        loading={sent.isLoading}
        dataSource={sent.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('reports.sent.none') }}
        columns={[
          { title: t('reports.sent.period'), dataIndex: 'period', width: 100 },
          {
            title: t('reports.sent.place'),
            dataIndex: 'placeName',
            render: (v: string) => v || t('reports.sent.wholeProvince'),
          },
          {
            title: t('reports.sent.scope'),
            dataIndex: 'itemScope',
            render: (v: SentReport['itemScope']) =>
              describeItemScope(v, lang === 'en' ? 'en' : 'vi') || t('reports.sent.everyLine'),
          },
          { title: t('reports.sent.madeAt'), dataIndex: 'madeAt', render: showDateTime, width: 150 },
          { title: t('reports.sent.madeBy'), render: (_, r) => by(r.userName, r.siteName) },
          { title: t('reports.sent.pledged'), dataIndex: 'pledgedVnd', className: 'num', render: vnd },
          { title: t('reports.sent.count'), dataIndex: 'pledgeCount', className: 'num', width: 90 },
          {
            title: t('reports.sent.file'),
            render: (_, r) => (
              <Button size="small" type="link" onClick={() => void openSent(r)}>
                {t('reports.sent.open')}
              </Button>
            ),
          },
        ]}
      />
    </div>
  );
}
