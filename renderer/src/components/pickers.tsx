/** Donor and place pickers with accent-insensitive type-ahead. */
import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Place } from '../../../contract';
import { foldPlaceText } from '../../../contract/text';
import { placeLabel, placeTree, validOn, type PlaceNode } from '../places';
import { useLedger } from '../queries';
import { moveFocus } from './focus';
import { anyDonorMatch, donorMatches, donorOptions, firstMatches, matches, NEW_DONOR, NO_MATCH } from './pickerOptions';

/**
 * Tab in a picker whose list is open takes the highlighted option — and, as in every other field, moves on. The
 * picker itself keeps the cursor (it takes Tab as "choose"), so the next words typed went into it: a donor search
 * filled with the place and kind meant for the next fields, and an Enter that then offered to create a donor named
 * "Nhà". Spread into every Select of a form.
 */
export function tabMovesOn(event: React.KeyboardEvent<HTMLElement>) {
  if (event.key !== 'Tab' || !event.defaultPrevented) return;
  // The option taken can bring in the very next field (USD, then its rate): drawn first, the form is searched for
  // where Tab leads only then, or the cursor skipped the field that had just appeared.
  flushSync(() => {});
  moveFocus(event.target as HTMLElement, event.shiftKey);
}

/**
 * Type-ahead for the fixed lists (kind, status, currency, donor kind): accents and case aside, as every picker here
 * ("nha" finds "Nhà ở"). Spread into a Select's showSearch.
 */
export const searchByLabel = {
  filterOption: (input: string, option?: { label?: unknown }) => matches(input, String(option?.label ?? '')),
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

/**
 * A name that matches no donor says so, and offers to create one — never by the Enter that was typed to take a match
 * (or to save the form): the offer must be chosen (↓ then Enter, or a click), and it opens a confirmation first.
 */
export function DonorPicker({
  value,
  onChange,
  onCreate,
  allowClear,
  placeholder,
  id,
  style,
  exclude,
}: DonorPickerProps) {
  const { t } = useTranslation();
  const donors = useLedger('donors.list', {});
  const [search, setSearch] = useState('');
  const typed = search.trim();
  const anyMatch = anyDonorMatch(donors.data ?? [], typed, exclude);
  const options = useMemo(
    () => donorOptions(donors.data ?? [], typed, anyMatch, exclude, Boolean(onCreate), t),
    [donors.data, typed, anyMatch, onCreate, t, exclude],
  );
  return (
    <Select
      id={id}
      showSearch={{
        filterOption: (input, option) =>
          option?.value === NEW_DONOR ||
          option?.value === NO_MATCH ||
          (option?.donor ? donorMatches(option.donor, input) : false),
        onSearch: setSearch,
      }}
      // With no match, nothing is highlighted: Enter takes nothing.
      defaultActiveFirstOption={anyMatch}
      onKeyDown={tabMovesOn}
      value={value}
      allowClear={allowClear}
      placeholder={placeholder ?? t('form.donorPlaceholder')}
      loading={donors.isLoading}
      options={options}
      notFoundContent={t('common.noMatch')}
      style={style}
      onChange={(next) => {
        if (next === NEW_DONOR) onCreate?.(typed);
        else if (next !== NO_MATCH) onChange?.(next);
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

/** Each unit's label as shown beside others (a former unit with the day it ended), by id. */
export function usePlaceLabels(): Map<string, string> {
  const { t } = useTranslation();
  const places = usePlaces();
  return useMemo(() => new Map((places.data ?? []).map((p) => [p.id, placeLabel(p, t)])), [places.data, t]);
}

interface PlaceOption {
  value: string;
  label: React.ReactNode;
  /** The unit's and its parent's names, folded once: a national ledger's 15,000 units are searched at each keystroke. */
  folded: string;
  disabled: boolean;
}

/**
 * Every unit in tree order, indented by level, with its parent's name to tell namesakes apart, a former unit marked
 * with the day it ended; with a date, the units in force on it come first and the others (shown, not choosable) after.
 */
function placeOptions(nodes: PlaceNode[], date: string | undefined, t: TFunction): PlaceOption[] {
  const valid: PlaceOption[] = [];
  const stale: PlaceOption[] = [];
  const walk = (list: PlaceNode[], depth: number, parent: string) => {
    for (const { place, children } of list) {
      const out = date !== undefined && !validOn(place, date);
      (out ? stale : valid).push({
        value: place.id,
        label: (
          <span style={{ paddingLeft: out ? 0 : depth * 14 }}>
            {placeLabel(place, t)}
            {parent && <span className="muted"> · {parent}</span>}
            {/* A unit not yet in force on the date (a former one already says when it ended). */}
            {out && !place.validTo && <span className="muted"> ({t('places.expired')})</span>}
          </span>
        ),
        folded: foldPlaceText(`${place.displayName} ${parent}`),
        disabled: out,
      });
      walk(children, depth + 1, place.displayName);
    }
  };
  walk(nodes, 0, '');
  return [...valid, ...stale];
}

/** How many matches a search shows at once: typing more narrows them (a national ledger has 15,000 units). */
const SHOWN_MATCHES = 200;

/** Type-ahead place picker for forms: Enter picks the first unit whose name matches. */
export function PlacePicker({ value, onChange, onDate, allowClear, placeholder, id, style }: PlacePickerProps) {
  const { t } = useTranslation();
  const places = usePlaces();
  const options = useMemo(() => placeOptions(placeTree(places.data ?? []), onDate, t), [places.data, onDate, t]);
  // Matched here, against names folded once, and only the first matches handed to the list: the list's own filter
  // walked every unit's option at each keystroke (20–45 ms on a national ledger), this takes a few.
  const [search, setSearch] = useState('');
  const shown = useMemo(() => firstMatches(options, search, SHOWN_MATCHES, foldPlaceText), [options, search]);
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, searchValue: search, onSearch: setSearch }}
      notFoundContent={t('common.noMatch')}
      onKeyDown={tabMovesOn}
      value={value}
      allowClear={allowClear}
      placeholder={placeholder ?? t('form.placePlaceholder')}
      loading={places.isLoading}
      options={shown}
      optionLabelProp="label"
      onChange={(next: string | undefined) => {
        setSearch('');
        onChange?.(next);
      }}
      onOpenChange={(open) => {
        if (!open) setSearch('');
      }}
      style={style}
      data-testid="place-picker"
    />
  );
}

/**
 * The place for filters and reports: choosing a unit includes everything under it. The same type-ahead as every
 * other picker (accents aside, Enter takes the highlighted unit), over the units in tree order.
 */
export function PlaceTreePicker({ value, onChange, placeholder, style }: Omit<PlacePickerProps, 'onDate'>) {
  const { t } = useTranslation();
  return (
    <PlacePicker
      allowClear
      {...(value ? { value } : {})}
      placeholder={placeholder ?? t('filters.place')}
      {...(style ? { style } : {})}
      {...(onChange ? { onChange } : {})}
    />
  );
}

export function placeName(places: Place[] | undefined, id: string | null | undefined): string {
  return places?.find((p) => p.id === id)?.displayName ?? '';
}
