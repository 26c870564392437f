/**
 * Cài đặt: the public holidays the 45 working days of an activity plan skip (Labour Code 2019, Art. 112), as the
 * department keeps them: rows added and removed, saved as one list. Dates are typed dd/mm/yyyy.
 */
import { App as AntApp, Button, Input, Select, Space, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { localToday } from '../dates';
import { useTranslation } from 'react-i18next';
import { errorText, useLedger, useLedgerMutation } from '../queries';
import { DateInput } from './DateInput';
import { type HolidayRow, holidayRows, holidayYears, holidaysInput, rowsOfYear, yearOfRow } from './ngoFacts';

export function HolidaysEditor() {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const holidays = useLedger('ngo.holidays', {});
  const save = useLedgerMutation('ngo.setHolidays');
  const [rows, setRows] = useState<HolidayRow[]>([]);
  const [added, setAdded] = useState(0);
  // One year's holidays at a time, this year's first: each year has its own days off.
  const [year, setYear] = useState(() => localToday().slice(0, 4));
  const years = useMemo(() => holidayYears(rows, year), [rows, year]);

  useEffect(() => {
    if (holidays.data) setRows(holidayRows(holidays.data));
  }, [holidays.data]);

  const change = (key: string, patch: Partial<HolidayRow>) => {
    setRows((now) => now.map((r) => (r.key === key ? { ...r, ...patch } : r)));
    // A day typed in another year: that year is shown, the row still in view.
    const typedYear = yearOfRow({ key, ...patch });
    if (patch.date !== undefined && typedYear && typedYear !== year) setYear(typedYear);
  };

  const submit = async () => {
    try {
      await save.mutateAsync({ holidays: holidaysInput(rows) });
      message.success(t('common.saved'));
    } catch (error) {
      message.error(errorText(error, i18n.language));
    }
  };

  return (
    <section style={{ maxWidth: 560, marginTop: 24 }} data-testid="holidays">
      <Typography.Title level={5}>{t('ngo.holidays.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('ngo.holidays.help')}</Typography.Paragraph>
      <Select
        aria-label={t('ngo.year')}
        value={year}
        onChange={setYear}
        options={years.map((y) => ({ value: y, label: y }))}
        style={{ width: 120, marginBottom: 8 }}
        data-testid="holidays-year"
      />
      <Table
        rowKey="key"
        size="small"
        loading={holidays.isLoading}
        dataSource={rowsOfYear(rows, year)}
        pagination={false}
        onRow={() => ({ 'data-testid': 'holiday-row' }) as never}
        columns={[
          {
            title: t('ngo.holidays.date'),
            dataIndex: 'date',
            width: 150,
            render: (date: string | undefined, row: HolidayRow) => (
              <DateInput
                value={date}
                aria-label={t('ngo.holidays.date')}
                onChange={(text) => change(row.key, { date: text })}
              />
            ),
          },
          {
            title: t('ngo.holidays.name'),
            dataIndex: 'name',
            render: (name: string | undefined, row: HolidayRow) => (
              <Input
                value={name}
                aria-label={t('ngo.holidays.name')}
                onChange={(e) => change(row.key, { name: e.target.value })}
              />
            ),
          },
          {
            title: '',
            key: 'remove',
            width: 70,
            render: (_, row: HolidayRow) => (
              <Button
                size="small"
                type="link"
                danger
                onClick={() => setRows((now) => now.filter((r) => r.key !== row.key))}
              >
                {t('common.delete')}
              </Button>
            ),
          },
        ]}
      />
      <Space style={{ marginTop: 8 }}>
        <Button
          onClick={() => {
            setRows((now) => [{ key: `new${added}` }, ...now]);
            setAdded((n) => n + 1);
          }}
          data-testid="holiday-add"
        >
          {t('ngo.holidays.add')}
        </Button>
        <Button type="primary" onClick={submit} loading={save.isPending} data-testid="holidays-save">
          {t('ngo.holidays.save')}
        </Button>
      </Space>
    </section>
  );
}
