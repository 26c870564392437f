/** The app shell's rules: the screen an address names, the new-pledge shortcut, and the language switch. */
import { describe, expect, it } from 'vitest';
import { isNewPledgeKey, otherLanguage, SCREENS, screenFromHash } from '../../renderer/src/shell';

describe('the app shell', () => {
  it('opens the screen the address names, and none for an address that names no screen', () => {
    expect(screenFromHash('#pledges')).toBe('pledges');
    expect(screenFromHash('#reports')).toBe('reports');
    expect(screenFromHash('')).toBeNull();
    expect(screenFromHash('#nowhere')).toBeNull();
    expect(SCREENS[0]).toBe('dashboard');
  });

  it('takes Alt+N in either case for a new pledge, and nothing else', () => {
    expect(isNewPledgeKey({ altKey: true, key: 'n' })).toBe(true);
    expect(isNewPledgeKey({ altKey: true, key: 'N' })).toBe(true);
    expect(isNewPledgeKey({ altKey: false, key: 'n' })).toBe(false);
    expect(isNewPledgeKey({ altKey: true, key: 'm' })).toBe(false);
  });

  it('switches between Vietnamese and English', () => {
    expect(otherLanguage('vi')).toBe('en');
    expect(otherLanguage('en')).toBe('vi');
  });
});
