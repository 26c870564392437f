/** The first-start province choice, apart from the dialog: the provinces offered, and the whole country last. */
import type { TFunction } from 'i18next';
import type { CatalogueProvince } from '../../../contract/places';

export interface ProvinceOption {
  value: string;
  label: string;
  /** What the ledger will hold: the provinces merged into it, and how many units. */
  detail: string;
}

/** Each province by its type and name, in Vietnamese order, with what it holds; then the whole country. */
export function provinceOptions(provinces: CatalogueProvince[], t: TFunction): ProvinceOption[] {
  return [
    ...provinces
      .map((p) => ({
        value: p.code,
        label: `${p.type} ${p.name}`,
        detail: [
          p.merged.length ? t('province.merged', { names: p.merged.join(', ') }) : null,
          t('province.units', { count: p.units }),
        ]
          .filter(Boolean)
          .join(' · '),
      }))
      .sort((a, b) => a.label.localeCompare(b.label, 'vi')),
    { value: 'all', label: t('province.all'), detail: t('province.allUnits') },
  ];
}
