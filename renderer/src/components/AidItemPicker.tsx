/**
 * The aid item (khoản viện trợ) a pledge belongs to: the donor's items first, found as every picker finds (accents and
 * case aside, by name, decision number or donor); Enter or Tab takes the highlighted match, and none may be chosen.
 */
import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLedger } from '../queries';
import { itemNameText } from './pledgeFacts';
import { type AidItemChoice, aidItemMatches, aidItemOptions } from './pledgeForm';
import { tabPastClear } from './tabPastClear';

interface Props {
  value?: string;
  onChange?: (id: string | undefined) => void;
  /** The pledge's donor: its items are offered first. */
  donorId: string | undefined;
  id?: string;
}

export function AidItemPicker({ value, onChange, donorId, id }: Props) {
  const { t } = useTranslation();
  const items = useLedger('items.list', {});
  const [search, setSearch] = useState('');
  const typed = search.trim();
  const options = useMemo(
    () =>
      aidItemOptions(
        items.data ?? [],
        donorId,
        (item) => itemNameText(item, (number) => t('aidLinks.decision', { number })),
        { own: t('aidLinks.ofDonor'), others: t('aidLinks.ofOthers') },
      ),
    [items.data, donorId, t],
  );
  const anyMatch = !typed || (items.data ?? []).some((item) => aidItemMatches(item, typed));
  return (
    <Select
      id={id}
      value={value}
      allowClear
      showSearch={{
        filterOption: (input, option) =>
          Boolean(option && 'item' in option && aidItemMatches(option.item as AidItemChoice, input)),
        searchValue: search,
        onSearch: setSearch,
      }}
      // With no match, nothing is highlighted: Enter and Tab take nothing.
      defaultActiveFirstOption={anyMatch}
      onKeyDown={tabPastClear}
      placeholder={t('aidLinks.itemHint')}
      notFoundContent={t('common.noMatch')}
      loading={items.isLoading}
      options={options}
      onChange={(next: string | undefined) => {
        setSearch('');
        onChange?.(next);
      }}
      onOpenChange={(open) => {
        if (!open) setSearch('');
      }}
      data-testid="item-picker"
    />
  );
}
