// The folder the desktop app keeps its ledger in (Electron's `app.getPath('userData')` for the product name), so the
// app served in a browser by `npm start` opens the same ledger the desktop window does.
import { posix, win32 } from 'node:path';

export const PRODUCT_NAME = 'Aid Ledger';
export const LEDGER_FILE_NAME = 'aid-ledger.sqlite';

/**
 * Electron's userData folder: `%APPDATA%\Aid Ledger` on Windows, `~/Library/Application Support/Aid Ledger` on macOS,
 * `$XDG_CONFIG_HOME/Aid Ledger` (or `~/.config/Aid Ledger`) elsewhere.
 */
export function userDataFolder(platform = process.platform, env = process.env) {
  if (platform === 'win32') {
    const roaming = env.APPDATA || win32.join(env.USERPROFILE ?? '', 'AppData', 'Roaming');
    return win32.join(roaming, PRODUCT_NAME);
  }
  const home = env.HOME ?? '';
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return posix.join(env.XDG_CONFIG_HOME || posix.join(home, '.config'), PRODUCT_NAME);
}

/** The ledger file the app opens when none is named. */
export function defaultLedgerFile(platform = process.platform, env = process.env) {
  return (platform === 'win32' ? win32 : posix).join(userDataFolder(platform, env), LEDGER_FILE_NAME);
}
