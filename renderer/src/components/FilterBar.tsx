/** The filters shared by the dashboard and the ledger: period presets, place tree, donor, kinds, statuses, text. */
import { Button, DatePicker, Input, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PLEDGE_KINDS, PLEDGE_STATUSES } from '../../../contract';
import { EMPTY_FILTER, PERIOD_PRESETS, type FilterState } from '../filters';
import { vocabulary } from '../i18n';
import { DonorPicker, PlaceTreePicker } from './pickers';
import { DATE_FORMAT } from './PledgeFormModal';

interface Props {
  value: FilterState;
  onChange: (next: FilterState) => void;
  withText?: boolean;
  children?: React.ReactNode;
}

export function FilterBar({ value, onChange, withText, children }: Props) {
  const { t, i18n } = useTranslation();
  const words = vocabulary(i18n.language);
  const [text, setText] = useState(value.text);
  const set = (patch: Partial<FilterState>) => onChange({ ...value, ...patch });

  // Typing searches once the user pauses, not on every key.
  useEffect(() => setText(value.text), [value.text]);
  useEffect(() => {
    if (text === value.text) return;
    const timer = setTimeout(() => onChange({ ...value, text }), 250);
    return () => clearTimeout(timer);
  }, [text, value, onChange]);

  return (
    <Space wrap className="filter-bar" data-testid="filter-bar">
      <Select
        aria-label={t('filters.period')}
        value={value.preset}
        style={{ width: 140 }}
        options={PERIOD_PRESETS.map((p) => ({ value: p, label: t(`filters.presets.${p}`) }))}
        onChange={(preset) => set({ preset })}
        data-testid="filter-period"
      />
      {value.preset === 'custom' && (
        <DatePicker.RangePicker
          format={DATE_FORMAT}
          allowEmpty={[true, true]}
          value={[value.from ? dayjs(value.from) : null, value.to ? dayjs(value.to) : null]}
          onChange={(range) => {
            const from = range?.[0]?.format('YYYY-MM-DD');
            const to = range?.[1]?.format('YYYY-MM-DD');
            onChange({ ...value, ...(from ? { from } : { from: undefined }), ...(to ? { to } : { to: undefined }) } as FilterState);
          }}
        />
      )}
      <PlaceTreePicker
        placeholder={t('filters.place')}
        style={{ width: 200 }}
        {...(value.placeId ? { value: value.placeId } : {})}
        onChange={(placeId) => set({ placeId })}
      />
      <DonorPicker
        allowClear
        placeholder={t('filters.donor')}
        style={{ width: 220 }}
        {...(value.donorId ? { value: value.donorId } : {})}
        onChange={(donorId) => set({ donorId })}
      />
      <Select
        mode="multiple"
        allowClear
        placeholder={t('filters.kind')}
        style={{ minWidth: 150 }}
        value={value.kinds}
        options={PLEDGE_KINDS.map((k) => ({ value: k, label: words.pledgeKind[k] }))}
        onChange={(kinds) => set({ kinds })}
        maxTagCount="responsive"
      />
      <Select
        mode="multiple"
        allowClear
        placeholder={t('filters.status')}
        style={{ minWidth: 150 }}
        value={value.statuses}
        options={PLEDGE_STATUSES.map((s) => ({ value: s, label: words.pledgeStatus[s] }))}
        onChange={(statuses) => set({ statuses })}
        maxTagCount="responsive"
      />
      {withText && (
        <Input.Search
          allowClear
          placeholder={t('filters.text')}
          aria-label={t('filters.text')}
          style={{ width: 260 }}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => onChange({ ...value, text: v })}
          data-testid="filter-text"
        />
      )}
      <Button onClick={() => onChange(EMPTY_FILTER)}>{t('filters.clear')}</Button>
      {children}
    </Space>
  );
}
