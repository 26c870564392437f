/** i18next set up with one catalog per language; the domain vocabulary is shared with the CLI and reports. */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { ITEM_VOCABULARY, sectorLabel, VOCABULARY, type Lang } from '../../../contract/labels';
import { en } from './en';
import { vi, type Catalog } from './vi';

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: Catalog };
  }
}

export function initI18n(language: Lang = 'vi') {
  void i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'vi',
    resources: { vi: { translation: vi }, en: { translation: en } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}

export function vocabulary(language: string) {
  return VOCABULARY[(language === 'en' ? 'en' : 'vi') as Lang];
}

/** The aid items' vocabulary, and a sector's name (a standard one's in the language, the department's own as written). */
export function itemVocabulary(language: string) {
  const lang = (language === 'en' ? 'en' : 'vi') as Lang;
  return { ...ITEM_VOCABULARY[lang], sectorName: (sector: string) => sectorLabel(sector, lang) };
}
