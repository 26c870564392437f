/**
 * The main window and its guards: isolated, sandboxed renderer without Node, no navigation away from
 * the app, no new windows, no permissions. Kept apart from main.ts so tests can check it.
 */
import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';
import { openExternalLink, type OpenExternal } from './links';

/** The app's own origin: the UI is served from this custom protocol, never from file://. */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://ledger`;

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Sổ theo dõi viện trợ',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  };
}

export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

/**
 * Blocks navigation away from the app, new windows and webviews. A link the user follows out of the app
 * (target=_blank or a plain href) goes to openExternalLink, which opens it in the browser only if its
 * shape is safe; without `openExternal` such links are simply dropped.
 */
export function guardContents(contents: WebContents, openExternal?: OpenExternal): void {
  const leave = (url: string) => {
    if (openExternal && !isAppUrl(url)) openExternalLink(url, openExternal);
  };
  contents.setWindowOpenHandler(({ url }) => {
    leave(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    leave(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Denies every permission request (camera, notifications, geolocation, ...): the ledger needs none. */
export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
