/** Báo cáo: choose the period and place, preview the report's sheets, and save the Excel file. */
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Checkbox,
  Input,
  InputNumber,
  Segmented,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportCutoff, SentReport } from '../../../contract';
import { describeItemScope } from '../../../contract/labels';
import { ItemFacetSelect } from '../components/ItemFacetSelect';
import { PlaceTreePicker } from '../components/pickers';
import { useSearchTarget } from '../components/searchTarget';
import { localToday } from '../dates';
import { saveFile } from '../download';
import { madeBy, money, showDateTime } from '../format';
import { call, errorText, refreshAfter, useLedger } from '../queries';
import {
  halfOf,
  periodOptionMatches,
  QUARTER_NUMERALS,
  type ReportChoices,
  type ReportKind,
  reportInput,
  reportYears,
} from './reportChoices';
import { rememberReportChoices, reportOpened, reportOpening } from './reportOpening';
import { ReportPreview } from './ReportPreview';
import { MissingRatesDialog } from './MissingRatesDialog';
import { asksForRates } from './missingRates';

export function Reports() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { message } = AntApp.useApp();
  const [opening] = useState(() => reportOpening(new Date()));
  const [choices, setChoices] = useState<ReportChoices>(opening.choices);
  const [saving, setSaving] = useState(false);
  const [form, setForm] = useState<FormLines>({ documentNumber: null, addressee: '' });
  const input = reportInput(choices, lang, localToday());
  // The number and addressee are the document's (saved or printed): the preview does not depend on them.
  const documentInput = {
    ...input,
    ...(form.documentNumber ? { documentNumber: form.documentNumber } : {}),
    ...(form.addressee.trim() ? { addressee: form.addressee.trim() } : {}),
  };
  const [requested, setRequested] = useState<string | null>(opening.previewNow ? JSON.stringify(input) : null);
  const sent = useLedger('reports.list', {});
  const shown = requested === JSON.stringify(input);
  const preview = useLedger('reports.preview', input, { enabled: shown });
  useEffect(reportOpened, []);
  // A report period opened from the search: chosen, and its report made at once.
  useSearchTarget('report', ({ periodKind, year, part }) => {
    const next = { ...choices, kind: periodKind, year, part };
    setChoices(next);
    setRequested(JSON.stringify(reportInput(next, lang, localToday())));
  });
  useEffect(() => rememberReportChoices(choices), [choices]);

  // A report with USD figures asks first for the USD rates its months lack (see MissingRatesDialog).
  const [asking, setAsking] = useState(false);
  async function download() {
    try {
      if (asksForRates(await call('rates.missing', input))) {
        setAsking(true);
        return;
      }
    } catch (error) {
      message.error(errorText(error, lang));
      return;
    }
    await write();
  }

  async function write() {
    setAsking(false);
    setSaving(true);
    try {
      const file = await call('reports.xlsx', documentInput);
      saveFile(file.fileName, file.base64);
      message.success(t('reports.saved', { file: file.fileName }));
      // The list of reports made, and what changed since, now count this one.
      void refreshAfter('reports.xlsx');
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

  // Only a report asked for since the screen opened: one answered before (before an import) is not shown.
  const report = shown ? preview.data : undefined;
  return (
    <div className="screen" data-testid="reports-screen">
      <Typography.Title level={3}>{t('reports.title')}</Typography.Title>
      <ReportChoicesCard
        choices={choices}
        onChange={(change) => setChoices((now) => ({ ...now, ...change }))}
        onPreview={() => setRequested(JSON.stringify(input))}
        onDownload={download}
        saving={saving}
      />
      <FormLinesCard
        kind={choices.kind}
        lines={form}
        onChange={(change) => setForm((now) => ({ ...now, ...change }))}
      />
      {(preview.isFetching || saving) && (
        <Spin tip={t('reports.working')} style={{ margin: 24 }}>
          <div style={{ height: 40 }} />
        </Spin>
      )}
      {preview.isError && <Alert type="error" showIcon title={errorText(preview.error, lang)} />}
      {report && !preview.isFetching && <ReportPreview report={report} printInput={documentInput} />}
      <MissingRatesDialog input={asking ? input : null} onWrite={() => void write()} onClose={() => setAsking(false)} />
      <Typography.Title level={4} style={{ marginTop: 24 }}>
        {t('reports.sent.title')}
      </Typography.Title>
      <SentReports reports={sent.data ?? []} loading={sent.isLoading} onOpen={(row) => void openSent(row)} />
    </div>
  );
}

/** The report's number ("Số: 05/BC-…"; the next of the year when empty) and addressee (the default of its kind). */
interface FormLines {
  documentNumber: number | null;
  addressee: string;
}

const ADDRESSEE_OF = { quarter: 'addresseeQuarter', half: 'addresseeHalf', year: 'addresseeYear' } as const;

function FormLinesCard({
  kind,
  lines,
  onChange,
}: {
  kind: ReportKind;
  lines: FormLines;
  onChange: (change: Partial<FormLines>) => void;
}) {
  const { t } = useTranslation();
  const settings = useLedger('settings.get', {});
  const key = ADDRESSEE_OF[kind];
  const addressee = settings.data ? settings.data.reportForm[key] || settings.data.reportFormDefaults[key] : '';
  return (
    <Card size="small" style={{ marginTop: 8 }}>
      <Space wrap align="start">
        <InputNumber
          aria-label={t('reports.documentNumber')}
          placeholder={t('reports.documentNumberPlaceholder')}
          min={1}
          max={99_999}
          precision={0}
          value={lines.documentNumber}
          onChange={(v) => onChange({ documentNumber: v ?? null })}
          style={{ width: 240 }}
          data-testid="report-number"
        />
        <Input.TextArea
          aria-label={t('reports.addressee')}
          placeholder={`${t('reports.addressee')}: ${addressee}`}
          autoSize={{ minRows: 1, maxRows: 4 }}
          value={lines.addressee}
          onChange={(e) => onChange({ addressee: e.target.value })}
          style={{ width: 420 }}
          data-testid="report-addressee"
        />
      </Space>
    </Card>
  );
}

/** The period, place and items to report on, how to make the report, and the buttons that preview and save it. */
function ReportChoicesCard({
  choices,
  onChange,
  onPreview,
  onDownload,
  saving,
}: {
  choices: ReportChoices;
  onChange: (change: Partial<ReportChoices>) => void;
  onPreview: () => void;
  onDownload: () => void;
  saving: boolean;
}) {
  const { t } = useTranslation();
  const { kind, year, part, placeId } = choices;
  // The department's rule until the report chooses its own.
  const settings = useLedger('settings.get', {});
  const cutoff = choices.cutoff ?? settings.data?.reportCutoff ?? 'calendar';
  return (
    <Card size="small">
      <Space wrap>
        <Segmented
          value={kind}
          onChange={(v) => onChange({ kind: v as ReportKind })}
          options={[
            { value: 'quarter', label: t('reports.quarter') },
            { value: 'half', label: t('reports.half') },
            { value: 'year', label: t('reports.year') },
          ]}
        />
        <Select
          aria-label={t('reports.year')}
          value={year}
          onChange={(v) => onChange({ year: v })}
          showSearch={{ filterOption: periodOptionMatches }}
          style={{ width: 100 }}
          options={reportYears(new Date()).map((y) => ({ value: y, label: String(y) }))}
        />
        {kind === 'quarter' && (
          <Select
            aria-label={t('reports.quarter')}
            value={part}
            onChange={(v) => onChange({ part: v })}
            showSearch={{ filterOption: periodOptionMatches }}
            style={{ width: 140 }}
            options={[1, 2, 3, 4].map((q) => ({
              value: q,
              label: `${t('reports.quarter')} ${QUARTER_NUMERALS[q - 1]}`,
            }))}
            data-testid="report-quarter"
          />
        )}
        {kind === 'half' && (
          <Select
            value={halfOf(part)}
            onChange={(v) => onChange({ part: v })}
            style={{ width: 170 }}
            options={[1, 2].map((h) => ({
              value: h,
              label: t(h === 1 ? 'reports.halves.first' : 'reports.halves.second'),
            }))}
          />
        )}
        <Segmented
          value={cutoff}
          onChange={(v) => onChange({ cutoff: v as ReportCutoff })}
          options={[
            { value: 'calendar', label: t('reports.cutoff.calendar'), title: t('reports.cutoff.calendarHelp') },
            { value: 'statutory', label: t('reports.cutoff.statutory'), title: t('reports.cutoff.statutoryHelp') },
          ]}
          data-testid="report-cutoff"
        />
        <PlaceTreePicker
          placeholder={t('reports.place')}
          style={{ width: 260 }}
          {...(placeId ? { value: placeId } : {})}
          onChange={(v) => onChange({ placeId: v })}
        />
        <ItemFacetSelect
          value={choices.itemFacets}
          onChange={(v) => onChange({ itemFacets: v })}
          placeholder={t('reports.items')}
          testId="report-items"
          width={220}
        />
        <Button onClick={onPreview} data-testid="report-preview">
          {t('reports.preview')}
        </Button>
        <Button type="primary" onClick={onDownload} loading={saving} data-testid="report-download">
          {t('reports.download')}
        </Button>
        <Checkbox
          checked={choices.todaysUnits}
          onChange={(e) => onChange({ todaysUnits: e.target.checked })}
          data-testid="report-todays-units"
          title={t('filters.todaysUnitsHelp')}
        >
          {t('filters.todaysUnits')}
        </Checkbox>
        <Checkbox
          checked={choices.sinceLastReport}
          onChange={(e) => onChange({ sinceLastReport: e.target.checked })}
          data-testid="report-changes-since"
        >
          {t('reports.changesSince')}
        </Checkbox>
      </Space>
    </Card>
  );
}

/** The reports sent: each with its period, place, scope, who made it and when, and its file to open again. */
function SentReports({
  reports,
  loading,
  onOpen,
}: {
  reports: SentReport[];
  loading: boolean;
  onOpen: (row: SentReport) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const vnd = (v: number) => money(v, 'VND', lang);
  return (
    <Table<SentReport>
      size="small"
      rowKey="id"
      data-testid="reports-sent"
      loading={loading}
      dataSource={reports}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: t('reports.sent.none') }}
      columns={[
        {
          title: t('reports.sent.period'),
          dataIndex: 'period',
          width: 150,
          render: (v: string, r) => (
            <span>
              {v} <Tag>{t(`reports.cutoff.${r.cutoff}`)}</Tag>
            </span>
          ),
        },
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
        { title: t('reports.sent.madeBy'), render: (_, r) => madeBy(r.userName, r.siteName) },
        { title: t('reports.sent.pledged'), dataIndex: 'pledgedVnd', className: 'num', render: vnd },
        {
          title: t('reports.sent.usd'),
          dataIndex: 'unconvertedLines',
          render: (n: number) => (n ? <Tag color="warning">{t('reports.sent.unconverted', { count: n })}</Tag> : ''),
        },
        { title: t('reports.sent.count'), dataIndex: 'pledgeCount', className: 'num', width: 90 },
        {
          title: t('reports.sent.file'),
          render: (_, r) => (
            <Button size="small" type="link" onClick={() => onOpen(r)}>
              {t('reports.sent.open')}
            </Button>
          ),
        },
      ]}
    />
  );
}
