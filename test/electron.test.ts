/**
 * The Electron glue, checked against a fake `electron` module (the real runtime is not needed):
 * every method registered in one loop, the preload's named methods, the window's guards, the one way links leave
 * the app, and main's start-up.
 */
import { catalogueFor } from '../db/places/catalogue';
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { METHODS } from '../contract';
import { tempLedger, type TestLedger } from './helpers';

const fake = vi.hoisted(() => {
  const handlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
  const appEvents = new Map<string, (...args: unknown[]) => void>();
  const windows: { options: unknown; url?: string }[] = [];
  const state = {
    userData: '',
    exposed: undefined as unknown,
    exposedName: '',
    /** Everything the preload exposed, by name. */
    worlds: new Map<string, unknown>(),
    protocolHandler: undefined as undefined | ((r: Request) => Promise<Response>),
    privileged: [] as unknown[],
    singleInstance: false,
    permissionHandler: undefined as unknown,
  };
  return { handlers, appEvents, windows, state };
});

vi.mock('electron', () => {
  class BrowserWindow {
    url?: string;
    constructor(readonly options: unknown) {
      fake.windows.push(this);
    }
    once() {}
    loadURL(url: string) {
      this.url = url;
      return Promise.resolve();
    }
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {}
  }
  return {
    app: {
      requestSingleInstanceLock: () => (fake.state.singleInstance = true),
      quit: vi.fn(),
      exit: vi.fn(),
      on: (name: string, fn: (...args: unknown[]) => void) => fake.appEvents.set(name, fn),
      whenReady: () => Promise.resolve(),
      getPath: () => fake.state.userData,
    },
    BrowserWindow,
    dialog: { showErrorBox: vi.fn(), showSaveDialog: vi.fn() },
    shell: { openExternal: vi.fn(async (_url: string) => {}) },
    ipcMain: {
      handle: (channel: string, fn: (event: unknown, input: unknown) => Promise<unknown>) =>
        fake.handlers.set(channel, fn),
    },
    ipcRenderer: {
      invoke: vi.fn(async (channel: string, input: unknown) => ({ ok: true, result: { channel, input } })),
    },
    contextBridge: {
      exposeInMainWorld: (name: string, api: unknown) => {
        fake.state.worlds.set(name, api);
        if (name !== 'ledger') return;
        fake.state.exposedName = name;
        fake.state.exposed = api;
      },
    },
    net: {
      fetch: async (url: string) =>
        new Response(await (await import('node:fs/promises')).readFile(new URL(url)), {
          headers: { 'content-type': 'text/html' },
        }),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => fake.state.privileged.push(...schemes),
      handle: (_scheme: string, fn: (r: Request) => Promise<Response>) => (fake.state.protocolHandler = fn),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: unknown) => (fake.state.permissionHandler = fn),
        setPermissionCheckHandler: () => {},
      },
    },
  };
});

const appEvent = { senderFrame: { url: 'app://ledger/index.html' } };

describe('ipc', () => {
  let t: TestLedger;
  beforeAll(async () => {
    t = await tempLedger();
  });
  afterAll(() => t.close());

  it('registers every contract method and answers only the app page', async () => {
    const { registerLedgerIpc } = await import('../electron/ipc');
    const registered = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
    registerLedgerIpc({ handle: (c: string, fn: never) => registered.set(c, fn) } as never, t.service);
    expect([...registered.keys()]).toEqual(METHODS);
    const info = (await registered.get('app.info')!(appEvent, {})) as {
      ok: boolean;
      result: { counts: { places: number } };
    };
    expect(info).toMatchObject({ ok: true, result: { counts: { places: 11 } } });
    const invalid = await registered.get('donors.create')!(appEvent, { name: 42 });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'name' } });
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://other/index.html', '']) {
      const refused = await registered.get('app.info')!({ senderFrame: { url } }, {});
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(await registered.get('app.info')!({ senderFrame: null }, {})).toMatchObject({ ok: false });
  });
});

describe('preload', () => {
  it('exposes one named function per method and no raw ipcRenderer', async () => {
    await import('../electron/preload');
    const { ipcRenderer } = await import('electron');
    expect(fake.state.exposedName).toBe('ledger');
    const bridge = fake.state.exposed as Record<string, (input: unknown) => Promise<unknown>>;
    expect(Object.keys(bridge)).toEqual(METHODS);
    expect(Object.isFrozen(bridge)).toBe(true);
    expect('invoke' in bridge || 'send' in bridge || 'on' in bridge).toBe(false);
    expect(await bridge['pledges.list']!({ page: { offset: 0, limit: 5 } })).toEqual({
      ok: true,
      result: { channel: 'pledges.list', input: { page: { offset: 0, limit: 5 } } },
    });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('pledges.list', { page: { offset: 0, limit: 5 } });
    // Beside it, only the page saved as a PDF.
    expect([...fake.state.worlds.keys()]).toEqual(['ledger', 'ledgerShell']);
    const shell = fake.state.worlds.get('ledgerShell') as { savePdf: (name: string, landscape: boolean) => unknown };
    expect(Object.keys(shell)).toEqual(['savePdf']);
    expect(Object.isFrozen(shell)).toBe(true);
    await shell.savePdf('Bao-cao.pdf', true);
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith('shell.savePdf', 'Bao-cao.pdf', true);
  });
});

describe('saving the page as a PDF', () => {
  it('prints the app page to A4 PDF and saves it where the user chose, under a plain name', async () => {
    const { registerPdfSaving, pdfFileName } = await import('../electron/saving');
    const registered = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
    const asked: string[] = [];
    const written: [string, Uint8Array][] = [];
    let answer: string | undefined = '/home/vp/Bao-cao.pdf';
    registerPdfSaving({ handle: (c: string, fn: never) => registered.set(c, fn) } as never, {
      askPath: async (_contents, name) => {
        asked.push(name);
        return answer;
      },
      write: async (path, bytes) => {
        written.push([path, bytes]);
      },
    });
    expect([...registered.keys()]).toEqual(['shell.savePdf']);
    const printed: unknown[] = [];
    const sender = {
      printToPDF: async (options: unknown) => {
        printed.push(options);
        return Buffer.from('%PDF-1.4');
      },
    };
    const save = registered.get('shell.savePdf')!;
    expect(await save({ ...appEvent, sender }, 'Bao-cao-vien-tro-2022-Q3.pdf', true)).toBe(true);
    expect(printed).toEqual([{ pageSize: 'A4', landscape: true, printBackground: true, preferCSSPageSize: true }]);
    expect(asked).toEqual(['Bao-cao-vien-tro-2022-Q3.pdf']);
    expect(written).toEqual([['/home/vp/Bao-cao.pdf', Buffer.from('%PDF-1.4')]]);
    // Cancelled: nothing written. Another page: nothing printed.
    answer = undefined;
    expect(await save({ ...appEvent, sender }, 'x.pdf', false)).toBe(false);
    expect(await save({ senderFrame: { url: 'https://evil.example/' }, sender }, 'x.pdf', true)).toBe(false);
    expect(printed).toHaveLength(2);
    expect(written).toHaveLength(1);
    expect(pdfFileName('../../etc/passwd')).toBe('passwd.pdf');
    expect(pdfFileName('C:\\Users\\a\\Báo cáo: quý 3?.xlsx')).toBe('Báo cáo- quý 3-.xlsx.pdf');
    expect(pdfFileName(42)).toBe('Bao-cao.pdf');
  });
});

describe('window', () => {
  it('is isolated, sandboxed and without Node', async () => {
    const { mainWindowOptions, CONTENT_SECURITY_POLICY } = await import('../electron/window');
    const prefs = mainWindowOptions('/app/preload.cjs').webPreferences!;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      preload: '/app/preload.cjs',
    });
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval/);
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
  });

  it('blocks navigation away from the app, new windows, webviews and permissions', async () => {
    const { guardContents, denyPermissions } = await import('../electron/window');
    const contents = new EventEmitter() as EventEmitter & {
      setWindowOpenHandler: (fn: (d: { url: string }) => unknown) => void;
      openHandler?: (d: { url: string }) => unknown;
    };
    contents.setWindowOpenHandler = (fn) => (contents.openHandler = fn);
    guardContents(contents as never);
    expect(contents.openHandler!({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    const navigate = (event: string, url: string) => {
      const e = {
        prevented: false,
        preventDefault() {
          this.prevented = true;
        },
      };
      contents.emit(event, e, url);
      return e.prevented;
    };
    expect(navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(navigate('will-navigate', 'file:///C:/Windows/')).toBe(true);
    expect(navigate('will-redirect', 'http://127.0.0.1:9/')).toBe(true);
    expect(navigate('will-navigate', 'app://ledger/index.html#/pledges')).toBe(false);
    expect(navigate('will-attach-webview', 'app://ledger/')).toBe(true);

    let permissionHandler: ((wc: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined;
    let checkHandler: (() => boolean) | undefined;
    denyPermissions({
      setPermissionRequestHandler: (fn: never) => (permissionHandler = fn),
      setPermissionCheckHandler: (fn: never) => (checkHandler = fn),
    } as never);
    const answers: boolean[] = [];
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal'])
      permissionHandler!(null, p, (ok) => answers.push(ok));
    expect(answers).toEqual([false, false, false, false]);
    expect(checkHandler!()).toBe(false);
  });
});

describe('external links', () => {
  // Each row: what the page asks for, and what reaches shell.openExternal (null: nothing).
  const CASES: [string, string | null][] = [
    ['https://www.unicef.org/vietnam/', 'https://www.unicef.org/vietnam/'],
    ['https://example.org/bao-cao?nam=2025&quy=2#muc-3', 'https://example.org/bao-cao?nam=2025&quy=2#muc-3'],
    ['HTTPS://Example.ORG/Path', 'https://example.org/Path'],
    ['https://example.org:8443/x', 'https://example.org:8443/x'],
    ['https://sở-ngoại-vụ.vn/tin-tức', 'https://xn--s-ngoi-v-rx0drxkc.vn/tin-t%E1%BB%A9c'],
    ['https://example.org/../a/./b', 'https://example.org/a/b'],
    ['mailto:ngo.office@example.org', 'mailto:ngo.office@example.org'],
    ['mailto:o%27brien@example.org', "mailto:o'brien@example.org"],
    // anything but https and a bare mailto: plain http, scripts, files, shares, other programs' schemes
    ['http://example.org/', null],
    ['javascript:alert(1)', null],
    ['JaVaScRiPt:alert(1)', null],
    ['file:///C:/Windows/System32/calc.exe', null],
    ['file://server/share/setup.exe', null],
    ['data:text/html,<script>alert(1)</script>', null],
    ['smb://server/share', null],
    ['ms-msdt:/id PCWDiagnostic', null],
    ['search-ms:query=invoice', null],
    ['vbscript:msgbox(1)', null],
    ['ftp://example.org/file', null],
    ['app://ledger/index.html', null],
    ['blob:https://example.org/1234', null],
    ['\\\\server\\share\\setup.exe', null],
    ['//example.org/', null],
    ['example.org', null],
    ['/relative/path', null],
    ['', null],
    // credentials, and hosts that are not public names
    ['https://user:pass@example.org/', null],
    ['https://user@example.org/', null],
    ['https://example.org@evil.example/', null],
    ['https://127.0.0.1/', null],
    ['https://0x7f.1/', null],
    ['https://[::1]/', null],
    ['https://localhost/', null],
    ['https://router/', null],
    ['https://printer.local/', null],
    ['https://example.org./', null],
    // shapes parsers disagree on, and invisible characters
    ['https:\\\\example.org\\', null],
    ['https:example.org', null],
    ['https:/example.org', null],
    [' https://example.org/', null],
    ['https://example.org/\u0000', null],
    ['https://exa\u200Bmple.org/', null],
    ['https://example.org/\u202Egnp.exe', null],
    ['https://example.org/a\nb', null],
    ['https://example.org/\uD800', null],
    ['https://example.org/a\\b', null],
    [`https://example.org/${'a'.repeat(2100)}`, null],
    [`https://example.org/${'ứ'.repeat(700)}`, null],
    // mailto with anything beyond one address
    ['mailto:a@example.org?attach=C:\\\\Users\\\\x\\\\ledger.sqlite', null],
    ['mailto:a@example.org?subject=hi', null],
    ['mailto:a@example.org,b@example.org', null],
    ['mailto:a%40b@example.org', null],
    ['mailto:a@localhost', null],
    ['mailto:', null],
  ];

  const named = CASES.map(
    ([raw, expected]) =>
      [JSON.stringify(raw.length > 60 ? `${raw.slice(0, 40)}… (${raw.length} chars)` : raw), raw, expected] as const,
  );
  it.each(named)('%s', async (_name, raw, expected) => {
    const { externalUrl, openExternalLink } = await import('../electron/links');
    expect(externalUrl(raw)).toBe(expected);
    const open = vi.fn(async (_url: string) => {});
    expect(openExternalLink(raw, open)).toBe(expected !== null);
    expect(open.mock.calls).toEqual(expected === null ? [] : [[expected]]);
  });

  it('accepts only strings, and survives an OS that cannot open the link', async () => {
    const { openExternalLink } = await import('../electron/links');
    const open = vi.fn(async (_url: string) => {});
    for (const raw of [undefined, null, 42, { href: 'https://example.org/' }, new URL('https://example.org/')])
      expect(openExternalLink(raw, open)).toBe(false);
    expect(open).not.toHaveBeenCalled();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(openExternalLink('https://example.org/', () => Promise.reject(new Error('no browser')))).toBe(true);
    expect(
      openExternalLink('https://example.org/', () => {
        throw new Error('no shell');
      }),
    ).toBe(true);
    await vi.waitFor(() => expect(warn).toHaveBeenCalledTimes(2));
    warn.mockRestore();
  });

  it('the window guard sends links out only through the validated function, and still denies the window', async () => {
    const { guardContents } = await import('../electron/window');
    const contents = new EventEmitter() as EventEmitter & {
      setWindowOpenHandler: (fn: (d: { url: string }) => unknown) => void;
      openHandler?: (d: { url: string }) => unknown;
    };
    contents.setWindowOpenHandler = (fn) => (contents.openHandler = fn);
    const open = vi.fn(async (_url: string) => {});
    guardContents(contents as never, open);
    const navigate = (event: string, url: string) => {
      const e = {
        prevented: false,
        preventDefault() {
          this.prevented = true;
        },
      };
      contents.emit(event, e, url);
      return e.prevented;
    };
    for (const [raw] of CASES.filter(([raw]) => !raw.startsWith('app://ledger/'))) {
      expect(contents.openHandler!({ url: raw })).toEqual({ action: 'deny' });
      expect(navigate('will-navigate', raw)).toBe(true);
      // a redirect is the server's doing, not the user's click: never opened
      expect(navigate('will-redirect', raw)).toBe(true);
    }
    expect(contents.openHandler!({ url: 'app://ledger/index.html#/donors' })).toEqual({ action: 'deny' });
    expect(navigate('will-navigate', 'app://ledger/index.html#/donors')).toBe(false);
    const accepted = CASES.flatMap(([, expected]) => (expected === null ? [] : [expected]));
    // each accepted link once from the window handler and once from will-navigate; nothing else
    expect(open.mock.calls.map(([url]) => url)).toEqual(accepted.flatMap((url) => [url, url]));
  });
});

describe('main', () => {
  const userData = mkdtempSync(join(tmpdir(), 'aid-ledger-electron-'));
  afterAll(async () => {
    await new Promise<void>((resolve) => {
      fake.appEvents.get('window-all-closed')?.();
      setTimeout(resolve, 50);
    });
    rmSync(userData, { recursive: true, force: true });
  });

  it('opens the ledger, registers the contract and loads the UI from app://', async () => {
    fake.state.userData = userData;
    fake.handlers.clear();
    await import('../electron/main');
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
    expect(fake.state.singleInstance).toBe(true);
    expect(fake.state.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect([...fake.handlers.keys()]).toEqual([...METHODS, 'shell.savePdf']);
    expect(fake.appEvents.has('web-contents-created')).toBe(true);
    // Every new page is guarded, and its outside links reach the browser only through the validated function.
    let opened: ((d: { url: string }) => unknown) | undefined;
    const contents = Object.assign(new EventEmitter(), {
      setWindowOpenHandler: (fn: (d: { url: string }) => unknown) => (opened = fn),
    });
    fake.appEvents.get('web-contents-created')!({}, contents);
    const { shell } = await import('electron');
    expect(opened!({ url: 'https://www.unicef.org/vietnam/' })).toEqual({ action: 'deny' });
    expect(opened!({ url: 'file:///C:/Windows/System32/calc.exe' })).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://www.unicef.org/vietnam/');
    expect(typeof fake.state.permissionHandler).toBe('function');
    const window = fake.windows[0]!;
    expect(window.url).toBe('app://ledger/index.html');
    expect((window.options as { webPreferences: { sandbox: boolean } }).webPreferences.sandbox).toBe(true);
    const info = (await fake.handlers.get('app.info')!(appEvent, {})) as {
      result: { databasePath: string; counts: { places: number } };
    };
    expect(info.result.databasePath).toBe(join(userData, 'aid-ledger.sqlite'));
    // A new ledger holds no units until its first start asks for the province; the choice goes through the contract.
    expect(info.result.counts.places).toBe(0);
    const chosen = (await fake.handlers.get('places.choose')!(appEvent, { province: 'Cao Bằng' })) as {
      result: { units: number };
    };
    expect(chosen.result.units).toBe(catalogueFor('04').units.length);

    const page = await fake.state.protocolHandler!(new Request('app://ledger/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<div id="root">');
    const escaped = await fake.state.protocolHandler!(new Request('app://ledger/..%2F..%2Fpackage.json'));
    expect(await escaped.text()).not.toContain('"name": "aid-ledger"');
  });
});
