/** Báo cáo: choose the period and place, preview the report's sheets, and save the Excel file. */
import { Alert, App as AntApp, Button, Card, Segmented, Select, Space, Spin, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportDetailRow, ReportFigures } from '../../../contract';
import { PlaceTreePicker } from '../components/pickers';
import { saveFile } from '../download';
import { money, showDate } from '../format';
import { call, errorText, useLedger } from '../queries';

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
  const period = kind === 'year' ? String(year) : kind === 'half' ? `${year}-H${Math.min(part, 2)}` : `${year}-Q${part}`;
  const input = { period, ...(placeId ? { placeId } : {}), lang: lang === 'en' ? ('en' as const) : ('vi' as const) };
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
    } catch (error) {
      message.error(errorText(error, lang));
    } finally {
      setSaving(false);
    }
  }

  const report = preview.data;
  return (
    <div className="screen" data-testid="reports-screen">
      <Typography.Title level={3}>{t('reports.title')}</Typography.Title>
      <Card size="small">
        <Space wrap>
          <Segmented
            value={kind}
            onChange={(v) => setKind(v as Kind)}
            options={[{ value: 'quarter', label: t('reports.quarter') }, { value: 'half', label: t('reports.half') }, { value: 'year', label: t('reports.year') }]}
          />
          <Select aria-label={t('reports.year')} value={year} onChange={setYear} style={{ width: 100 }} options={years.map((y) => ({ value: y, label: String(y) }))} />
          {kind === 'quarter' && (
            <Select aria-label={t('reports.quarter')} value={part} onChange={setPart} style={{ width: 110 }} options={[1, 2, 3, 4].map((q) => ({ value: q, label: `${t('reports.quarter')} ${['I', 'II', 'III', 'IV'][q - 1]}` }))} data-testid="report-quarter" />
          )}
          {kind === 'half' && (
            <Select value={Math.min(part, 2)} onChange={setPart} style={{ width: 170 }} options={[1, 2].map((h) => ({ value: h, label: t(h === 1 ? 'reports.halves.first' : 'reports.halves.second') }))} />
          )}
          <PlaceTreePicker placeholder={t('reports.place')} style={{ width: 260 }} {...(placeId ? { value: placeId } : {})} onChange={setPlaceId} />
          <Button onClick={() => setRequested(JSON.stringify(input))} data-testid="report-preview">
            {t('reports.preview')}
          </Button>
          <Button type="primary" onClick={download} loading={saving} data-testid="report-download">
            {t('reports.download')}
          </Button>
        </Space>
      </Card>
      {(preview.isFetching || saving) && <Spin tip={t('reports.working')} style={{ margin: 24 }}><div style={{ height: 40 }} /></Spin>}
      {preview.isError && <Alert type="error" showIcon title={errorText(preview.error, lang)} />}
      {report && !preview.isFetching && (
        <div className="report-preview" data-testid="report-preview-body">
          <Typography.Paragraph strong style={{ textAlign: 'center', marginTop: 12 }}>
            {report.title}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
            {report.placeName} · {showDate(report.period.from)} – {showDate(report.period.to)}
          </Typography.Paragraph>
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
                    columns={[{ title: t('reports.columns.kind'), dataIndex: 'kindLabel' }, { title: t('reports.columns.place'), dataIndex: 'placeName' }, ...figureColumns, { title: t('reports.columns.original'), dataIndex: 'original' }]}
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
                      { title: t('reports.columns.type'), dataIndex: 'type', render: (v: ReportDetailRow['type']) => t(`reports.rowTypes.${v}`) },
                      { title: t('reports.columns.date'), dataIndex: 'date', render: showDate },
                      { title: t('reports.columns.donor'), dataIndex: 'donor' },
                      { title: t('reports.columns.place'), dataIndex: 'placeName' },
                      { title: t('reports.columns.description'), dataIndex: 'description' },
                      { title: t('reports.columns.original'), render: (_, r: ReportDetailRow) => `${r.amountText} ${r.currency}` },
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
                    columns={[{ title: t('reports.columns.donor'), dataIndex: 'donor' }, { title: t('reports.columns.country'), dataIndex: 'country' }, ...figureColumns]}
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
                    ]}
                  />
                ),
              },
            ]}
          />
        </div>
      )}
    </div>
  );
}
