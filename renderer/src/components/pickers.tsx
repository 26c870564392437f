/** Donor and place pickers with accent-insensitive type-ahead. */
import { Select, TreeSelect } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Donor, Place } from '../../../contract';
import { foldText } from '../../../contract/text';
import { placeTree, validOn, type PlaceNode } from '../places';
import { useLedger } from '../queries';

const NEW_DONOR = '__new_donor__';

const matches = (input: string, ...texts: (string | null | undefined)[]) => {
  const wanted = foldText(input);
  return texts.some((t) => t && foldText(t).includes(wanted));
};

interface DonorPickerProps {
  value?: string;
  onChange?: (id: string | undefined) => void;
  /** Offered when the typed name matches no donor; receives what was typed. */
  onCreate?: (name: string) => void;
  allowClear?: boolean;
  placeholder?: string;
  id?: string;
  style?: React.CSSProperties;
}

export function DonorPicker({ value, onChange, onCreate, allowClear, placeholder, id, style }: DonorPickerProps) {
  const { t } = useTranslation();
  const donors = useLedger('donors.list', {});
  const [search, setSearch] = useState('');
  const options = useMemo(() => {
    const list: { value: string; label: string; donor?: Donor }[] = (donors.data ?? []).map((d) => ({
      value: d.id,
      label: d.shortName ? `${d.name} (${d.shortName})` : d.name,
      donor: d,
    }));
    const anyMatch = list.some((o) => matches(search, o.donor!.name, o.donor!.shortName));
    if (onCreate && (!search.trim() || !anyMatch)) {
      list.push({ value: NEW_DONOR, label: search.trim() ? `+ ${t('form.newDonor')} "${search.trim()}"` : `+ ${t('form.newDonor')}` });
    }
    return list;
  }, [donors.data, search, onCreate, t]);
  return (
    <Select
      id={id}
      showSearch={{
        filterOption: (input, option) => option?.value === NEW_DONOR || matches(input, option?.donor?.name, option?.donor?.shortName, option?.donor?.country),
        onSearch: setSearch,
      }}
      value={value}
      allowClear={allowClear}
      placeholder={placeholder ?? t('form.donorPlaceholder')}
      loading={donors.isLoading}
      options={options}
      style={style}
      onChange={(next) => {
        if (next === NEW_DONOR) onCreate?.(search.trim());
        else onChange?.(next);
      }}
      data-testid="donor-picker"
    />
  );
}

interface TreeOption {
  value: string;
  title: string;
  label: string;
  disabled?: boolean;
  children: TreeOption[];
}

function toOptions(nodes: PlaceNode[], date: string | undefined, expired: string): TreeOption[] {
  return nodes.map(({ place, children }) => {
    const stale = date !== undefined && !validOn(place, date);
    return {
      value: place.id,
      title: stale ? `${place.name} (${expired})` : place.name,
      label: place.name,
      disabled: stale,
      children: toOptions(children, date, expired),
    };
  });
}

interface PlacePickerProps {
  value?: string;
  onChange?: (id: string | undefined) => void;
  /** Units that did not exist on this date are shown but cannot be picked. */
  onDate?: string;
  allowClear?: boolean;
  placeholder?: string;
  multiple?: boolean;
  id?: string;
  style?: React.CSSProperties;
}

export function usePlaces() {
  return useLedger('places.list', {});
}

export function PlacePicker({ value, onChange, onDate, allowClear, placeholder, id, style }: PlacePickerProps) {
  const { t } = useTranslation();
  const places = usePlaces();
  const treeData = useMemo(() => toOptions(placeTree(places.data ?? []), onDate, t('places.expired')), [places.data, onDate, t]);
  return (
    <TreeSelect
      id={id}
      showSearch={{ filterTreeNode: (input, node) => matches(input, String(node.title ?? '')) }}
      treeDefaultExpandAll
      value={value}
      allowClear={allowClear}
      placeholder={placeholder ?? t('form.placePlaceholder')}
      treeData={treeData}
      onChange={(next: string | undefined) => onChange?.(next)}
      style={style}
      data-testid="place-picker"
    />
  );
}

export function placeName(places: Place[] | undefined, id: string | null | undefined): string {
  return places?.find((p) => p.id === id)?.name ?? '';
}
