/** The first-start province choice, apart from the dialog: the provinces offered, and the whole country last. */
import type { TFunction } from 'i18next';
import type { CatalogueProvince } from '../../../contract/places';
import { matches } from './pickerOptions';

export interface ProvinceOption {
  value: string;
  label: string;
  /** The former provinces merged into it ("gồm tỉnh Hà Giang cũ"), or null. */
  merged: string | null;
  /** How many units the ledger will hold. */
  units: string;
  /** What the ledger will hold: the provinces merged into it, and how many units. */
  detail: string;
  /** The names it is found by: its own, and those of the former provinces merged into it. */
  names: string[];
}

/**
 * Each province by its type and name, in Vietnamese order, with what it holds; then the whole country. A former
 * province is found under the one it joined: the catalogue names, for each of today's provinces, those merged into it.
 */
export function provinceOptions(provinces: CatalogueProvince[], t: TFunction): ProvinceOption[] {
  return [
    ...provinces
      .map((p) => {
        const label = `${p.type} ${p.name}`;
        // Every former province merged into another was a "tỉnh": in the statistics office's conversion table
        // (danhmuchanhchinh.nso.gov.vn, 01/07/2025) each of the six former cities became the city of its own name.
        const merged = p.merged.length
          ? t('province.merged', { names: p.merged.map((name) => t('province.formerProvince', { name })).join(', ') })
          : null;
        const units = t('province.units', { count: p.units });
        return {
          value: p.code,
          label,
          merged,
          units,
          detail: [merged, units].filter(Boolean).join(' · '),
          names: [label, ...p.merged.flatMap((name) => [name, `Tỉnh ${name}`])],
        };
      })
      .sort((a, b) => a.label.localeCompare(b.label, 'vi')),
    {
      value: 'all',
      label: t('province.all'),
      merged: null,
      units: t('province.allUnits'),
      detail: t('province.allUnits'),
      names: [t('province.all')],
    },
  ];
}

/** Whether what was typed finds the option: its name, or a former province merged into it ("ha giang"). */
export function provinceMatches(input: string, option: Pick<ProvinceOption, 'names'> | undefined): boolean {
  return matches(input, ...(option?.names ?? []));
}

/**
 * The question asked before the choice is made: "Sổ sẽ thuộc Tỉnh Tuyên Quang; không đổi được sau này. Xác nhận?",
 * or for the whole country, that the ledger will hold every province's units.
 */
export function confirmationText(value: string, options: ProvinceOption[], t: TFunction): string {
  if (value === 'all') return t('province.confirmAll');
  return t('province.confirmQuestion', { name: options.find((o) => o.value === value)?.label ?? value });
}
