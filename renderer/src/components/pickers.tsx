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
  /** A donor not to offer (the one being merged). */
  exclude?: string;
}

export function DonorPicker({ value, onChange, onCreate, allowClear, placeholder, id, style, exclude }: DonorPickerProps) {
  const { t } = useTranslation();
  const donors = useLedger('donors.list', {});
  const [search, setSearch] = useState('');
  const options = useMemo(() => {
    const list: { value: string; label: string; donor?: Donor }[] = (donors.data ?? []).filter((d) => d.id !== exclude).map((d) => ({
      value: d.id,
      label: d.shortName ? `${d.name} (${d.shortName})` : d.name,
      donor: d,
    }));
    const anyMatch = list.some((o) => matches(search, o.donor!.name, o.donor!.shortName, ...o.donor!.aliases));
    if (onCreate && (!search.trim() || !anyMatch)) {
      list.push({ value: NEW_DONOR, label: search.trim() ? `+ ${t('form.newDonor')} "${search.trim()}"` : `+ ${t('form.newDonor')}` });
    }
    return list;
  }, [donors.data, search, onCreate, t, exclude]);
  return (
    <Select
      id={id}
      showSearch={{
        filterOption: (input, option) => option?.value === NEW_DONOR || matches(input, option?.donor?.name, option?.donor?.shortName, option?.donor?.country, ...(option?.donor?.aliases ?? [])),
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

interface PlacePickerProps {
  value?: string;
  onChange?: (id: string | undefined) => void;
  /** Units that did not exist on this date are shown but cannot be picked. */
  onDate?: string;
  allowClear?: boolean;
  placeholder?: string;
  id?: string;
  style?: React.CSSProperties;
}

export function usePlaces() {
  return useLedger('places.list', {});
}

interface PlaceOption {
  value: string;
  label: React.ReactNode;
  search: string;
  disabled: boolean;
}

/** Every unit in tree order, indented by level, with its parent's name to tell namesakes apart. */
function placeOptions(nodes: PlaceNode[], date: string | undefined, expired: string, depth = 0, parent = ''): PlaceOption[] {
  return nodes.flatMap(({ place, children }) => {
    const stale = date !== undefined && !validOn(place, date);
    const option: PlaceOption = {
      value: place.id,
      label: (
        <span style={{ paddingLeft: depth * 14 }}>
          {place.name}
          {parent && <span className="muted"> · {parent}</span>}
          {stale && <span className="muted"> ({expired})</span>}
        </span>
      ),
      search: `${place.name} ${parent}`,
      disabled: stale,
    };
    return [option, ...placeOptions(children, date, expired, depth + 1, place.name)];
  });
}

/** Type-ahead place picker for forms: Enter picks the first unit whose name matches. */
export function PlacePicker({ value, onChange, onDate, allowClear, placeholder, id, style }: PlacePickerProps) {
  const { t } = useTranslation();
  const places = usePlaces();
  const options = useMemo(() => placeOptions(placeTree(places.data ?? []), onDate, t('places.expired')), [places.data, onDate, t]);
  return (
    <Select
      id={id}
      showSearch={{ filterOption: (input, option) => matches(input, option?.search) }}
      value={value}
      allowClear={allowClear}
      placeholder={placeholder ?? t('form.placePlaceholder')}
      loading={places.isLoading}
      options={options}
      optionLabelProp="label"
      onChange={(next: string | undefined) => onChange?.(next)}
      style={style}
      data-testid="place-picker"
    />
  );
}

interface TreeOption {
  value: string;
  title: string;
  children: TreeOption[];
}

function toTree(nodes: PlaceNode[]): TreeOption[] {
  return nodes.map(({ place, children }) => ({ value: place.id, title: place.name, children: toTree(children) }));
}

/** The place tree for filters: choosing a unit includes everything under it. */
export function PlaceTreePicker({ value, onChange, placeholder, style }: Omit<PlacePickerProps, 'onDate'>) {
  const { t } = useTranslation();
  const places = usePlaces();
  const treeData = useMemo(() => toTree(placeTree(places.data ?? [])), [places.data]);
  return (
    <TreeSelect
      showSearch={{ filterTreeNode: (input, node) => matches(input, String(node.title ?? '')) }}
      treeDefaultExpandAll
      value={value}
      allowClear
      placeholder={placeholder ?? t('filters.place')}
      treeData={treeData}
      onChange={(next: string | undefined) => onChange?.(next)}
      style={style}
      data-testid="place-tree-picker"
    />
  );
}

export function placeName(places: Place[] | undefined, id: string | null | undefined): string {
  return places?.find((p) => p.id === id)?.name ?? '';
}
