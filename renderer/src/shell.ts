/** The app shell's rules, apart from the shell: the screens and the address that names one, and its shortcuts. */
import type { Language } from '../../contract';

export const SCREENS = [
  'dashboard',
  'pledges',
  'items',
  'reports',
  'imports',
  'sync',
  'donors',
  'ngos',
  'places',
  'rates',
  'backups',
  'deleted',
  'settings',
] as const;
export type Screen = (typeof SCREENS)[number];

/** The screen an address names (#pledges), or none for an address that names no screen. */
export function screenFromHash(hash: string): Screen | null {
  const named = hash.slice(1) as Screen;
  return SCREENS.includes(named) ? named : null;
}

/** Alt+N, in either case: a new pledge, from any screen. */
export function isNewPledgeKey(event: { altKey: boolean; key: string }): boolean {
  return event.altKey && event.key.toLowerCase() === 'n';
}

/** Ctrl+K (⌘K on a Mac), in either case: the search box, from any screen. */
export function isSearchKey(event: { ctrlKey: boolean; metaKey: boolean; altKey: boolean; key: string }): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k';
}

/** The language the switch turns to. */
export function otherLanguage(language: Language): Language {
  return language === 'vi' ? 'en' : 'vi';
}
