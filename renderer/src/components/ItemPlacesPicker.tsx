/**
 * An aid item's places (địa bàn thực hiện), several at once: the same type-ahead as every place picker (accents and
 * case aside, by the unit's or its parent's name); Enter or Tab takes the highlighted unit, and the picker stays open
 * for the next one typed.
 */
import { Col, Form, Row, Select, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { foldPlaceText } from '../../../contract/text';
import { placeLabel } from '../places';
import { type ItemFormValues, itemPlaceChoices, splitPlacesOf } from './itemForm';
import { firstMatches } from './pickerOptions';
import { searchByLabel, tabMovesOn, usePlaceLabels, usePlaces } from './pickers';
import { tabPastClear } from './tabPastClear';

/** How many matches a search shows at once: typing more narrows them (a national ledger has 15,000 units). */
const SHOWN_MATCHES = 200;

interface Props {
  value?: string[];
  onChange?: (ids: string[]) => void;
  id?: string;
}

export function ItemPlacesPicker({ value, onChange, id }: Props) {
  const { t } = useTranslation();
  const places = usePlaces();
  const labels = usePlaceLabels();
  const choices = useMemo(() => itemPlaceChoices(places.data ?? [], (p) => placeLabel(p, t)), [places.data, t]);
  const [search, setSearch] = useState('');
  const shown = useMemo(() => firstMatches(choices, search, SHOWN_MATCHES, foldPlaceText), [choices, search]);
  return (
    <Select
      id={id}
      mode="multiple"
      value={value ?? []}
      showSearch={{ filterOption: false, searchValue: search, onSearch: setSearch }}
      onKeyDown={tabMovesOn}
      placeholder={t('aidLinks.placesHint')}
      notFoundContent={t('common.noMatch')}
      loading={places.isLoading}
      options={shown}
      // A unit chosen keeps its name though the list shows only the matches of what is typed next.
      tagRender={({ value: placeId, closable, onClose }) => (
        <Tag closable={closable} onClose={onClose} style={{ marginInlineEnd: 4 }}>
          {labels.get(String(placeId)) ?? String(placeId)}
        </Tag>
      )}
      onChange={(next: string[]) => {
        setSearch('');
        onChange?.(next);
      }}
      onOpenChange={(open) => {
        if (!open) setSearch('');
      }}
      data-testid="item-places-picker"
    />
  );
}

/**
 * "Nay thuộc" of each of the item's places that is a former unit become several: which of them the aid went to (left
 * empty: not said). Shown only for such places, after the places; a place taken out takes its choice with it.
 */
export function ItemTodayInFields() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<ItemFormValues>();
  const placeIds = Form.useWatch('placeIds', form);
  const places = usePlaces();
  const split = useMemo(() => splitPlacesOf(places.data ?? [], placeIds ?? []), [places.data, placeIds]);
  if (!split.length) return null;
  return (
    <Row gutter={12}>
      {split.map((place) => (
        <Col span={12} key={place.id}>
          <Form.Item
            name={['todayPlaceIds', place.id]}
            label={t('aidLinks.todayIn', { place: place.name })}
            extra={t('aidLinks.todayInHelp')}
          >
            <Select
              options={place.successors}
              allowClear
              placeholder={t('aidLinks.todayInNone')}
              showSearch={searchByLabel}
              onKeyDown={tabPastClear}
              notFoundContent={t('common.noMatch')}
            />
          </Form.Item>
        </Col>
      ))}
    </Row>
  );
}
