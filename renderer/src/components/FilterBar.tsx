/** The filters shared by the dashboard and the ledger: period presets, place tree, donor, kinds, statuses, text. */
import { Button, Checkbox, Input, Select, Space, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PLEDGE_KINDS, PLEDGE_STATUSES } from '../../../contract';
import { EMPTY_FILTER, type FilterState, followsDate, PERIOD_PRESETS, typedFilterDate } from '../filters';
import { vocabulary } from '../i18n';
import { dayText, readDayText } from '../../../contract/dates';
import { dayProblem, DateInput } from './DateInput';
import { ItemFacetSelect } from './ItemFacetSelect';
import { DonorPicker, PlaceTreePicker, searchByLabel, tabMovesOn } from './pickers';

/**
 * A filter's date: applied once it is a real day (or cleared), flagged with the reason while it is not — never
 * replaced by another date.
 */
function FilterDate({
  iso,
  label,
  onDate,
}: {
  iso: string | undefined;
  label: string;
  onDate: (iso: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(dayText(iso));
  // biome-ignore lint/correctness/useExhaustiveDependencies: follows a date set elsewhere, not the text being typed
  useEffect(() => {
    // Follows a date set elsewhere (a preset, "clear"), not the text being typed.
    if (followsDate(text, iso)) setText(dayText(iso));
  }, [iso]);
  const read = readDayText(text);
  const problem = text.trim() ? dayProblem(read, t) : null;
  return (
    <Tooltip title={problem} open={problem ? undefined : false}>
      <DateInput
        aria-label={label}
        style={{ width: 150 }}
        value={text}
        status={problem ? 'error' : undefined}
        onChange={(next) => {
          setText(next);
          const applied = typedFilterDate(next);
          if (applied) onDate(applied.iso);
        }}
      />
    </Tooltip>
  );
}

interface Props {
  value: FilterState;
  onChange: (next: FilterState) => void;
  withText?: boolean;
  children?: React.ReactNode;
}

export function FilterBar({ value, onChange, withText, children }: Props) {
  const { t, i18n } = useTranslation();
  const words = vocabulary(i18n.language);
  const set = (patch: Partial<FilterState>) => onChange({ ...value, ...patch });

  return (
    <Space wrap className="filter-bar" data-testid="filter-bar">
      <PeriodFilter value={value} onChange={onChange} />
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
        showSearch={searchByLabel}
        onKeyDown={tabMovesOn}
        notFoundContent={t('common.noMatch')}
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
        showSearch={searchByLabel}
        onKeyDown={tabMovesOn}
        notFoundContent={t('common.noMatch')}
        options={PLEDGE_STATUSES.map((s) => ({ value: s, label: words.pledgeStatus[s] }))}
        onChange={(statuses) => set({ statuses })}
        maxTagCount="responsive"
      />
      <ItemFacetSelect
        value={value.itemFacets ?? []}
        onChange={(itemFacets) => set({ itemFacets })}
        placeholder={t('filters.items')}
        testId="filter-items"
      />
      {withText && <FilterText value={value} onChange={onChange} />}
      {/* Below its box: above it, the explanation covered the screen's heading. */}
      <Tooltip title={t('filters.todaysUnitsHelp')} placement="bottomLeft">
        <Checkbox
          checked={Boolean(value.todaysUnits)}
          onChange={(e) => set({ todaysUnits: e.target.checked })}
          data-testid="filter-todays-units"
        >
          {t('filters.todaysUnits')}
        </Checkbox>
      </Tooltip>
      <Button onClick={() => onChange(EMPTY_FILTER)}>{t('filters.clear')}</Button>
      {children}
    </Space>
  );
}

/** The period: a preset, or (custom) the days it runs from and to. */
function PeriodFilter({ value, onChange }: { value: FilterState; onChange: (next: FilterState) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <Select
        aria-label={t('filters.period')}
        value={value.preset}
        style={{ width: 140 }}
        options={PERIOD_PRESETS.map((p) => ({ value: p, label: t(`filters.presets.${p}`) }))}
        onChange={(preset) => onChange({ ...value, preset })}
        data-testid="filter-period"
      />
      {value.preset === 'custom' && (
        <Space.Compact>
          <FilterDate
            iso={value.from}
            label={t('filters.from')}
            onDate={(from) => onChange({ ...value, from } as FilterState)}
          />
          <FilterDate
            iso={value.to}
            label={t('filters.to')}
            onDate={(to) => onChange({ ...value, to } as FilterState)}
          />
        </Space.Compact>
      )}
    </>
  );
}

/** Words to find in the pledges: applied once the user pauses typing, or at once on Enter. */
function FilterText({ value, onChange }: { value: FilterState; onChange: (next: FilterState) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value.text);

  // Typing searches once the user pauses, not on every key.
  useEffect(() => setText(value.text), [value.text]);
  useEffect(() => {
    if (text === value.text) return;
    const timer = setTimeout(() => onChange({ ...value, text }), 250);
    return () => clearTimeout(timer);
  }, [text, value, onChange]);

  return (
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
  );
}
