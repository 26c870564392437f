/** Choosing aid items by modality, sector and stage ("modality:project", "sector:health"): a filter, a report's scope. */
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { AID_MODALITIES, AID_STAGES } from '../../../contract/items';
import { itemVocabulary } from '../i18n';
import { useLedger } from '../queries';
import { searchByLabel, tabMovesOn } from './pickers';

interface Props {
  value: string[];
  onChange: (facets: string[]) => void;
  placeholder: string;
  testId: string;
  minWidth?: number;
  /**
   * A fixed width, for a row whose room for it depends on it: a select as wide as its tags, showing as many as fit,
   * grows and wraps the row, then fits fewer, shrinks, unwraps and fits more again, without end.
   */
  width?: number;
}

export function ItemFacetSelect({ value, onChange, placeholder, testId, minWidth = 170, width }: Props) {
  const { t, i18n } = useTranslation();
  const items = itemVocabulary(i18n.language);
  const sectors = useLedger('items.sectors', {});
  return (
    <Select
      mode="multiple"
      allowClear
      placeholder={placeholder}
      aria-label={placeholder}
      style={width ? { width } : { minWidth }}
      value={value}
      showSearch={searchByLabel}
      onKeyDown={tabMovesOn}
      notFoundContent={t('common.noMatch')}
      data-testid={testId}
      options={[
        {
          label: t('items.modality'),
          options: AID_MODALITIES.map((m) => ({ value: `modality:${m}`, label: items.modality[m] })),
        },
        {
          label: t('items.sector'),
          options: (sectors.data ?? []).map((s) => ({ value: `sector:${s}`, label: items.sectorName(s) })),
        },
        { label: t('items.stage'), options: AID_STAGES.map((s) => ({ value: `stage:${s}`, label: items.stage[s] })) },
      ]}
      onChange={onChange}
      maxTagCount="responsive"
    />
  );
}
