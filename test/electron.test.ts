/**
 * The Electron glue, checked against a fake `electron` module (the real runtime is not needed):
 * every method registered in one loop, the preload's named methods, the window's guards, and main's start-up.
 */
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
  const state = { userData: '', exposed: undefined as unknown, exposedName: '', protocolHandler: undefined as undefined | ((r: Request) => Promise<Response>), privileged: [] as unknown[], singleInstance: false, permissionHandler: undefined as unknown };
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
    dialog: { showErrorBox: vi.fn() },
    ipcMain: { handle: (channel: string, fn: (event: unknown, input: unknown) => Promise<unknown>) => fake.handlers.set(channel, fn) },
    ipcRenderer: { invoke: vi.fn(async (channel: string, input: unknown) => ({ ok: true, result: { channel, input } })) },
    contextBridge: {
      exposeInMainWorld: (name: string, api: unknown) => {
        fake.state.exposedName = name;
        fake.state.exposed = api;
      },
    },
    net: { fetch: async (url: string) => new Response(await (await import('node:fs/promises')).readFile(new URL(url)), { headers: { 'content-type': 'text/html' } }) },
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
    const info = (await registered.get('app.info')!(appEvent, {})) as { ok: boolean; result: { counts: { places: number } } };
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
  });
});

describe('window', () => {
  it('is isolated, sandboxed and without Node', async () => {
    const { mainWindowOptions, CONTENT_SECURITY_POLICY } = await import('../electron/window');
    const prefs = mainWindowOptions('/app/preload.cjs').webPreferences!;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false, preload: '/app/preload.cjs' });
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval/);
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
  });

  it('blocks navigation away from the app, new windows, webviews and permissions', async () => {
    const { guardContents, denyPermissions } = await import('../electron/window');
    const contents = new EventEmitter() as EventEmitter & { setWindowOpenHandler: (fn: () => unknown) => void; openHandler?: () => unknown };
    contents.setWindowOpenHandler = (fn) => (contents.openHandler = fn);
    guardContents(contents as never);
    expect(contents.openHandler!()).toEqual({ action: 'deny' });
    const navigate = (event: string, url: string) => {
      const e = { prevented: false, preventDefault() { this.prevented = true; } };
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
    denyPermissions({ setPermissionRequestHandler: (fn: never) => (permissionHandler = fn), setPermissionCheckHandler: (fn: never) => (checkHandler = fn) } as never);
    const answers: boolean[] = [];
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal']) permissionHandler!(null, p, (ok) => answers.push(ok));
    expect(answers).toEqual([false, false, false, false]);
    expect(checkHandler!()).toBe(false);
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
    expect(fake.state.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect([...fake.handlers.keys()]).toEqual(METHODS);
    expect(fake.appEvents.has('web-contents-created')).toBe(true);
    expect(typeof fake.state.permissionHandler).toBe('function');
    const window = fake.windows[0]!;
    expect(window.url).toBe('app://ledger/index.html');
    expect((window.options as { webPreferences: { sandbox: boolean } }).webPreferences.sandbox).toBe(true);
    const info = (await fake.handlers.get('app.info')!(appEvent, {})) as { result: { databasePath: string; counts: { places: number } } };
    expect(info.result.databasePath).toBe(join(userData, 'aid-ledger.sqlite'));
    expect(info.result.counts.places).toBe(11);

    const page = await fake.state.protocolHandler!(new Request('app://ledger/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<div id="root">');
    const escape = await fake.state.protocolHandler!(new Request('app://ledger/..%2F..%2Fpackage.json'));
    expect(await escape.text()).not.toContain('"name": "aid-ledger"');
  });
});
