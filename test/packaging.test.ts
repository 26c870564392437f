/**
 * Packaging, checked without the internet: electron-builder.yml against electron-builder's own schema and
 * the installer requirements, then electron-builder itself run on stand-in Electron distributions (the
 * real ones are downloaded by `npm run dist`) to see what the packaged app holds and that its fuses are
 * flipped. Everything from electron-builder is loaded through its own dependency tree, so these are the
 * copies that do the packaging.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers';

const builder = createRequire(createRequire(import.meta.url).resolve('app-builder-lib/package.json'));

type Config = Record<string, unknown> & {
  asar?: { smartUnpack?: boolean };
  asarUnpack?: string[];
  files?: string[];
  npmRebuild?: boolean;
  extraMetadata?: { author?: { name?: string } };
  electronFuses?: Record<string, boolean>;
  win?: { target?: string[] };
  nsis?: Record<string, unknown> & { installerLanguages?: string[] };
  linux?: { target?: string[] };
};
const yaml = builder('js-yaml') as { load: (text: string) => unknown };
const { validateConfiguration } = builder('./out/util/config/config.js') as {
  validateConfiguration: (config: Config, debugLogger: { isEnabled: boolean; add: () => void }) => Promise<void>;
};
const { lcid } = builder('./out/util/langs.js') as { lcid: Record<string, number> };
const fuses = builder('@electron/fuses') as {
  getCurrentFuseWire: (path: string) => Promise<Record<string, number | string>>;
  FuseV1Options: Record<string, number>;
};
type AsarEntry = { files?: Record<string, AsarEntry>; unpacked?: boolean };
const asar = builder('@electron/asar') as {
  getRawHeader: (archive: string) => { header: AsarEntry; headerString: string };
  extractFile: (archive: string, file: string) => Buffer;
};
type Resedit = {
  NtExecutable: {
    createEmpty: (is32: boolean, isDll: boolean) => { generate: () => ArrayBuffer };
    from: (bin: Buffer) => unknown;
  };
  NtExecutableResource: {
    from: (exe: unknown) => {
      entries: { type: string | number; id: string | number; bin: ArrayBuffer }[];
      outputResource: (exe: unknown) => void;
    };
  };
  Resource: {
    VersionInfo: {
      createEmpty: () => {
        lang: number;
        setStringValues: (lang: { lang: number; codepage: number }, values: Record<string, string>) => void;
        outputToResourceEntries: (entries: unknown[]) => void;
      };
    };
  };
};
const resedit = builder('resedit') as Resedit;

const config = yaml.load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Config;

describe('electron-builder.yml', () => {
  it("passes electron-builder's own validation", async () => {
    await expect(validateConfiguration(config, { isEnabled: false, add: () => {} })).resolves.toBeUndefined();
    await expect(
      validateConfiguration({ ...config, electronFuse: {} }, { isEnabled: false, add: () => {} }),
    ).rejects.toThrow();
  });

  it('builds a per-user NSIS installer in Vietnamese with shortcuts, a portable exe and an AppImage', () => {
    expect(config.win?.target).toEqual(expect.arrayContaining(['nsis', 'portable']));
    expect(config.linux?.target).toEqual(expect.arrayContaining(['AppImage']));
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
    });
    expect(config.nsis?.selectPerMachineByDefault).not.toBe(true);
    expect(config.nsis?.installerLanguages?.[0]).toBe('vi_VN');
    expect(Number(config.nsis?.language)).toBe(lcid.vi_VN);
    expect(config.extraMetadata?.author?.name).toBe('Sở Ngoại vụ');
  });

  it('packages the module scripts/native.mjs built, never rebuilding it', () => {
    expect(config.npmRebuild).toBe(false);
  });

  it('keeps external in the main bundle only modules the package carries', () => {
    const script = readFileSync(join(ROOT, 'scripts', 'build-electron.mjs'), 'utf8');
    const external = [.../external:\s*\[([^\]]*)\]/.exec(script)![1]!.matchAll(/'([^']+)'/g)].map((m) => m[1]);
    expect(external).toEqual(['electron', 'better-sqlite3']);
    // The files list keeps better-sqlite3, bindings and file-uri-to-path; an upgrade that needs more trips here.
    const dependencies = (name: string) =>
      Object.keys(
        (
          JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as {
            dependencies?: object;
          }
        ).dependencies ?? {},
      );
    expect(dependencies('better-sqlite3')).toEqual(['bindings', 'prebuild-install']); // prebuild-install: install time only
    expect(dependencies('bindings')).toEqual(['file-uri-to-path']);
    expect(dependencies('file-uri-to-path')).toEqual([]);
  });
});

// A wire in Electron's default state (docs/tutorial/fuses.md): run-as-node on, cookie encryption off,
// NODE_OPTIONS on, --inspect on, asar integrity off, only-asar off, browser V8 snapshot off, file://
// privileges on; plus a ninth fuse (Wasm trap handlers, newer Electrons) that this config does not name.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const SHIPPED_WIRE = '101100011';
const WANTED: Record<string, '0' | '1'> = {
  RunAsNode: '0',
  EnableCookieEncryption: '1',
  EnableNodeOptionsEnvironmentVariable: '0',
  EnableNodeCliInspectArguments: '0',
  EnableEmbeddedAsarIntegrityValidation: '1',
  OnlyLoadAppFromAsar: '1',
  LoadBrowserProcessSpecificV8Snapshot: '0',
  GrantFileProtocolExtraPrivileges: '0',
};

function fuseWire(): Buffer {
  return Buffer.concat([Buffer.from(SENTINEL), Buffer.from([1, SHIPPED_WIRE.length]), Buffer.from(SHIPPED_WIRE)]);
}

/** A Windows executable with the version resource electron-builder edits, and Electron's fuse wire. */
function fakeElectronExe(): Buffer {
  const exe = resedit.NtExecutable.createEmpty(false, false);
  const resources = resedit.NtExecutableResource.from(exe);
  const version = resedit.Resource.VersionInfo.createEmpty();
  version.lang = 1033;
  version.setStringValues({ lang: 1033, codepage: 1200 }, { ProductName: 'Electron', FileDescription: 'Electron' });
  version.outputToResourceEntries(resources.entries);
  resources.outputResource(exe);
  return Buffer.concat([Buffer.from(exe.generate()), fuseWire()]);
}

function electronDist(dir: string, binary: string, content: Buffer): string {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  mkdirSync(join(dir, 'locales'));
  writeFileSync(join(dir, 'locales', 'vi.pak'), '');
  writeFileSync(join(dir, binary), content, { mode: 0o755 });
  return dir;
}

async function wireByName(binary: string): Promise<Record<string, string>> {
  const wire = await fuses.getCurrentFuseWire(binary);
  const named: Record<string, string> = {};
  for (const [name, index] of Object.entries(fuses.FuseV1Options)) {
    if (typeof index === 'number') named[name] = String.fromCharCode(wire[index] as number);
  }
  named.last = String.fromCharCode(wire[SHIPPED_WIRE.length - 1] as number);
  return named;
}

describe('the packaged app (electron-builder on stand-in Electron binaries)', () => {
  // Inside the project, on the same file system, so node_modules can be hard-linked rather than copied.
  mkdirSync(join(ROOT, 'test-results'), { recursive: true });
  const temp = mkdtempSync(join(ROOT, 'test-results', 'pack-'));
  const project = join(temp, 'app');
  const NATIVE = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';

  beforeAll(() => {
    // The real manifest, config and sources beside stand-in bundles; node_modules shared read-only.
    for (const file of ['package.json', 'package-lock.json', 'electron-builder.yml']) {
      mkdirSync(project, { recursive: true });
      copyFileSync(join(ROOT, file), join(project, file));
    }
    for (const dir of ['electron', 'db', 'contract']) cpSync(join(ROOT, dir), join(project, dir), { recursive: true });
    mkdirSync(join(project, 'test'));
    copyFileSync(join(ROOT, 'test', 'electron.test.ts'), join(project, 'test', 'electron.test.ts'));
    for (const file of [
      'dist/electron/main.cjs',
      'dist/electron/main.cjs.map',
      'dist/electron/preload.cjs',
      'dist/electron/cage-worker.cjs',
      'dist/renderer/index.html',
      'dist/renderer/assets/index.js',
      'dist/renderer/assets/index.js.map',
    ]) {
      mkdirSync(dirname(join(project, file)), { recursive: true });
      writeFileSync(join(project, file), `// ${file}\n`);
    }
    // A real folder of links to the same files: through a symlinked node_modules, `npm ls` (which
    // electron-builder asks for the app's dependencies) resolves packages outside the project and reports
    // better-sqlite3's own dependencies missing, and the packed app would lack them.
    const linked = spawnSync('cp', ['-al', join(ROOT, 'node_modules'), join(project, 'node_modules')]);
    if (linked.status !== 0) cpSync(join(ROOT, 'node_modules'), join(project, 'node_modules'), { recursive: true });
    expect(existsSync(join(ROOT, NATIVE))).toBe(true);
  });
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  function pack(platform: '--linux' | '--win', dist: string): void {
    const cli = join(dirname(createRequire(import.meta.url).resolve('electron-builder/package.json')), 'cli.js');
    const run = spawnSync(
      process.execPath,
      [
        cli,
        '--config',
        'electron-builder.yml',
        platform,
        'dir',
        '--x64',
        `-c.electronDist=${dist}`,
        '-c.directories.output=out',
      ],
      {
        cwd: project,
        encoding: 'utf8',
      },
    );
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
  }

  /** Every file in the archive, as path -> whether it was left outside (unpacked). */
  function archiveFiles(archive: string): Map<string, boolean> {
    const found = new Map<string, boolean>();
    const walk = (entry: AsarEntry, path: string) => {
      if (entry.files)
        for (const [name, child] of Object.entries(entry.files)) walk(child, path ? `${path}/${name}` : name);
      else found.set(path, entry.unpacked === true);
    };
    walk(asar.getRawHeader(archive).header, '');
    return found;
  }

  function checkArchive(resources: string): void {
    const archive = join(resources, 'app.asar');
    const files = archiveFiles(archive);
    const paths = [...files.keys()];
    // Only the bundles, the manifest and better-sqlite3 with what it requires at run time.
    expect(
      paths.filter(
        (path) =>
          !/^(dist\/(electron|renderer)\/|package\.json$|node_modules\/(better-sqlite3|bindings|file-uri-to-path)\/)/.test(
            path,
          ),
      ),
    ).toEqual([]);
    expect(paths).toEqual(
      expect.arrayContaining([
        'dist/electron/main.cjs',
        'dist/electron/preload.cjs',
        'dist/electron/cage-worker.cjs',
        'dist/renderer/index.html',
        'dist/renderer/assets/index.js',
        'package.json',
        'node_modules/better-sqlite3/lib/index.js',
        'node_modules/bindings/bindings.js',
        NATIVE,
      ]),
    );
    expect(
      paths.filter((path) => path.endsWith('.map') || path.endsWith('.ts') || /(^|\/)(test|src|deps)\//.test(path)),
    ).toEqual([]);
    // The native module alone sits outside the archive; better-sqlite3's JavaScript stays inside it.
    expect(paths.filter((path) => files.get(path))).toEqual([NATIVE]);
    expect(existsSync(join(resources, 'app.asar.unpacked', NATIVE))).toBe(true);
    const manifest = JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8')) as {
      main: string;
      author: { name: string };
    };
    expect(manifest.main).toBe('dist/electron/main.cjs');
    expect(manifest.author.name).toBe('Sở Ngoại vụ');
  }

  it('Linux: the app, the unpacked native module and the flipped fuses', async () => {
    pack(
      '--linux',
      electronDist(
        join(temp, 'electron-linux'),
        'electron',
        Buffer.concat([Buffer.alloc(512, 1), fuseWire(), Buffer.alloc(512, 2)]),
      ),
    );
    const out = join(project, 'out', 'linux-unpacked');
    checkArchive(join(out, 'resources'));
    const wire = await wireByName(join(out, 'aid-ledger'));
    for (const [fuse, state] of Object.entries(WANTED)) expect(`${fuse}=${wire[fuse]}`).toBe(`${fuse}=${state}`);
    expect(wire.last).toBe(SHIPPED_WIRE.at(-1)); // a fuse this config does not name keeps Electron's default
  }, 120_000);

  it('Windows: the same, plus the asar header hash embedded for the integrity check', async () => {
    pack('--win', electronDist(join(temp, 'electron-win'), 'electron.exe', fakeElectronExe()));
    const out = join(project, 'out', 'win-unpacked');
    checkArchive(join(out, 'resources'));
    const exe = join(out, 'Aid Ledger.exe');
    const wire = await wireByName(exe);
    for (const [fuse, state] of Object.entries(WANTED)) expect(`${fuse}=${wire[fuse]}`).toBe(`${fuse}=${state}`);
    const entries = resedit.NtExecutableResource.from(resedit.NtExecutable.from(readFileSync(exe))).entries;
    const integrity = entries.find((entry) => entry.type === 'INTEGRITY' && entry.id === 'ELECTRONASAR');
    expect(integrity, 'no ELECTRONASAR integrity resource in the exe').toBeDefined();
    const headerHash = createHash('sha256')
      .update(asar.getRawHeader(join(out, 'resources', 'app.asar')).headerString)
      .digest('hex');
    expect(JSON.parse(Buffer.from(integrity!.bin).toString('utf8'))).toEqual([
      { file: 'resources\\app.asar', alg: 'SHA256', value: headerHash },
    ]);
  }, 120_000);
});
