/**
 * Where a ledger file lives, judged before it is opened for writing. The ledger is SQLite in WAL mode, whose writers
 * share an index in memory mapped from the `-shm` file: "WAL does not work over a network filesystem"
 * (https://www.sqlite.org/wal.html), and locking over one is unreliable (https://www.sqlite.org/useovernet.html). A
 * folder synced by OneDrive, Google Drive, Dropbox or iCloud uploads the file and its `-wal` apart and may bring an older
 * copy back over it. SQLite itself treats only `\\server` paths as remote on Windows, so a mapped drive looks local to it.
 *
 * The judgement is a pure function of what the platform tells — the path, the environment, Linux's
 * `/proc/self/mountinfo`, macOS's `mount` output, Windows' drive types — so every platform's inputs are tested on any
 * machine; `gatherPlaceInputs` (in `place-inputs.ts`) asks the platform.
 */

export type PlaceKind = 'local' | 'network' | 'cloud';

export interface Place {
  kind: PlaceKind;
  /** What was recognised (a file system type, a share, a drive, a synced folder), for the message; '' when local. */
  detail: string;
  /** The file system is mounted read-only (a CD, a write-protected stick, a read-only share). */
  readOnlyMount: boolean;
}

export interface PlaceInputs {
  platform: NodeJS.Platform;
  /** The ledger's absolute path, with its folder's symbolic links resolved where the platform can. */
  path: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Linux: the text of /proc/self/mountinfo. */
  mountinfo?: string | undefined;
  /** macOS: the output of `mount`. */
  mountOutput?: string | undefined;
  /**
   * Windows: one line per drive, `<letter>: <DriveType> [provider]`, as Win32_LogicalDisk answers
   * (https://learn.microsoft.com/en-us/windows/win32/cimwin32prov/win32-logicaldisk: 4 is a network drive).
   */
  windowsDrives?: string | undefined;
  /** Windows: the path as `fs.realpathSync.native` gives it (a mapped drive can resolve to `\\?\UNC\server\share`). */
  windowsRealPath?: string | undefined;
}

const LOCAL: Place = { kind: 'local', detail: '', readOnlyMount: false };

/** Kernel file systems whose files live on another machine (or on the host of a virtual machine, or Windows for WSL). */
const NETWORK_FS = new Set([
  'nfs',
  'nfs4',
  'cifs',
  'smb3',
  'smbfs',
  'ncpfs',
  'afs',
  'coda',
  '9p',
  'ceph',
  'glusterfs',
  'lustre',
  'gpfs',
  'beegfs',
  'davfs',
  'vboxsf',
  'vmhgfs',
  'afpfs',
  'webdav',
  'ftp',
]);

/** FUSE file systems (`fuse.<name>`) that reach another machine or a cloud. */
const NETWORK_FUSE = new Set([
  'sshfs',
  'rclone',
  's3fs',
  'gcsfuse',
  'goofys',
  'davfs',
  'davfs2',
  'glusterfs',
  'ceph-fuse',
  'smbnetfs',
  'curlftpfs',
  'vmhgfs-fuse',
  'gvfsd-fuse',
  'sshfs.exe',
]);
const CLOUD_FUSE = new Set(['onedriver', 'google-drive-ocamlfuse', 'pclouddrive', 'dropbox']);

/** A mount source that names another machine: `host:/path`, `user@host:…`, `//host/share`, a URL. */
const REMOTE_SOURCE = /^(?:[^/\s]+:|\/\/|[a-z][a-z0-9+.-]*:\/\/|[^\s/]+@)/i;

/** Folder names a sync client keeps (compared without case): the folder itself, or an account's folder. */
const CLOUD_FOLDERS: readonly [RegExp, string][] = [
  [/^onedrive(?:$| - .+|-.+)/i, 'OneDrive'],
  [/^dropbox(?:$| \(.+\)$|-.+)/i, 'Dropbox'],
  [/^(?:google drive|googledrive(?:-.+)?|my drive|insync)$/i, 'Google Drive'],
  [/^(?:icloud ?drive|mobile documents|com~apple~clouddocs)$/i, 'iCloud Drive'],
  [/^pclouddrive$/i, 'pCloud'],
];

/** Environment variables the OneDrive client sets to its folders. */
const ONEDRIVE_ENV = ['OneDrive', 'OneDriveCommercial', 'OneDriveConsumer'];

/** Judges the place of a ledger file from what the platform tells. */
export function judgePlace(inputs: PlaceInputs): Place {
  const network = networkPlace(inputs);
  if (network) return network;
  const readOnlyMount = mountIsReadOnly(inputs);
  const cloud = cloudFolder(inputs);
  if (cloud) return { kind: 'cloud', detail: cloud, readOnlyMount };
  return { ...LOCAL, readOnlyMount };
}

function networkPlace(inputs: PlaceInputs): Place | null {
  if (inputs.platform === 'win32') return windowsNetwork(inputs);
  if (inputs.platform === 'darwin') return macMount(inputs)?.place ?? null;
  return linuxMount(inputs)?.place ?? null;
}

function mountIsReadOnly(inputs: PlaceInputs): boolean {
  if (inputs.platform === 'win32') return false;
  if (inputs.platform === 'darwin') return macMount(inputs)?.readOnly ?? false;
  return linuxMount(inputs)?.readOnly ?? false;
}

// ---- Windows ----

/** `\\server\share\…`, `//server/share/…`, `\\?\UNC\server\share\…` (not `\\?\C:\…` or `\\.\` devices). */
function uncShare(path: string): string | null {
  const p = path.replace(/\//g, '\\');
  const long = /^\\\\\?\\UNC\\([^\\]+\\[^\\]+)/i.exec(p);
  if (long) return `\\\\${long[1]}`;
  if (/^\\\\[?.]\\/.test(p)) return null;
  const short = /^\\\\([^\\]+\\[^\\]+)/.exec(p);
  return short ? `\\\\${short[1]}` : null;
}

function windowsNetwork(inputs: PlaceInputs): Place | null {
  const share = uncShare(inputs.path) ?? (inputs.windowsRealPath ? uncShare(inputs.windowsRealPath) : null);
  if (share) return { kind: 'network', detail: share, readOnlyMount: false };
  const letter = /^(?:\\\\\?\\)?([a-z]):/i.exec(inputs.path)?.[1]?.toUpperCase();
  if (!letter || !inputs.windowsDrives) return null;
  for (const line of inputs.windowsDrives.split(/\r?\n/)) {
    const drive = /^\s*([a-z]):\s+(\d+)\s*(.*?)\s*$/i.exec(line);
    if (drive?.[1]?.toUpperCase() !== letter || drive[2] !== '4') continue;
    const provider = drive[3] ? ` (${drive[3]})` : '';
    return { kind: 'network', detail: `${letter}:${provider}`, readOnlyMount: false };
  }
  return null;
}

// ---- Linux ----

interface Mount {
  mountPoint: string;
  fsType: string;
  source: string;
  options: string[];
}

interface Judged {
  place: Place | null;
  readOnly: boolean;
}

/** mountinfo escapes space, tab, newline and backslash as octal (`\040`). */
const unescapeMount = (text: string) =>
  text.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(Number.parseInt(octal, 8)));

/** One line of /proc/self/mountinfo (proc(5)): id, parent, dev, root, mount point, options, optional fields, `-`, type, source, super options. */
export function parseMountinfoLine(line: string): Mount | null {
  const fields = line.trim().split(' ');
  const dash = fields.indexOf('-', 6);
  if (fields.length < 10 || dash < 0 || dash + 2 >= fields.length) return null;
  const mountPoint = unescapeMount(fields[4] as string);
  if (!mountPoint.startsWith('/')) return null;
  const options = [...(fields[5] as string).split(','), ...(fields[dash + 3] ?? '').split(',')];
  return { mountPoint, fsType: fields[dash + 1] as string, source: unescapeMount(fields[dash + 2] as string), options };
}

/** The mount a path is on: the longest mount point containing it; of the same point, the last mounted (on top). */
function mountOf<M extends { mountPoint: string }>(mounts: M[], path: string): M | null {
  let best: M | null = null;
  for (const mount of mounts) {
    const point = mount.mountPoint;
    const contains = point === '/' || path === point || path.startsWith(point.endsWith('/') ? point : `${point}/`);
    if (contains && (!best || point.length >= best.mountPoint.length)) best = mount;
  }
  return best;
}

function judgeMount(mount: Mount, readOnly: boolean): Judged {
  const [base, sub] = mount.fsType.toLowerCase().split('.', 2) as [string, string | undefined];
  const detail = `${mount.fsType} ${mount.source}`.trim();
  const fuse = base === 'fuse' || base === 'fuseblk' || base === 'macfuse' || base === 'osxfuse';
  let kind: PlaceKind = 'local';
  if (NETWORK_FS.has(base)) kind = 'network';
  else if (fuse && sub && CLOUD_FUSE.has(sub)) kind = 'cloud';
  else if (fuse && sub && NETWORK_FUSE.has(sub)) kind = 'network';
  else if (fuse && base !== 'fuseblk' && REMOTE_SOURCE.test(mount.source)) kind = 'network';
  return { place: kind === 'local' ? null : { kind, detail, readOnlyMount: readOnly }, readOnly };
}

function linuxMount(inputs: PlaceInputs): Judged | null {
  if (!inputs.mountinfo) return null;
  const mounts = inputs.mountinfo
    .split('\n')
    .map(parseMountinfoLine)
    .filter((m): m is Mount => m !== null);
  const mount = mountOf(mounts, inputs.path);
  return mount ? judgeMount(mount, mount.options.includes('ro')) : null;
}

// ---- macOS ----

/** One line of macOS `mount`: `<source> on <mount point> (<type>, <flag>, …)`. */
export function parseMacMountLine(line: string): Mount | null {
  const match = /^(.*?) on (\/.*) \(([^()]*)\)\s*$/.exec(line.trim());
  if (!match) return null;
  const [type = '', ...options] = (match[3] as string).split(',').map((s) => s.trim());
  return { source: match[1] as string, mountPoint: match[2] as string, fsType: type, options };
}

function macMount(inputs: PlaceInputs): Judged | null {
  if (!inputs.mountOutput) return null;
  const mounts = inputs.mountOutput
    .split('\n')
    .map(parseMacMountLine)
    .filter((m): m is Mount => m !== null);
  const mount = mountOf(mounts, inputs.path);
  // The system volume of macOS 10.15+ is sealed read-only; its data lives on a separate, writable volume.
  return mount ? judgeMount(mount, mount.options.includes('read-only') && !mount.options.includes('sealed')) : null;
}

// ---- synced folders ----

function cloudFolder(inputs: PlaceInputs): string | null {
  const windows = inputs.platform === 'win32';
  const normal = (p: string) => {
    const slashed = windows ? p.replace(/\\/g, '/') : p;
    return (windows || inputs.platform === 'darwin' ? slashed.toLowerCase() : slashed).replace(/\/+$/, '');
  };
  const path = normal(inputs.path);
  for (const name of ONEDRIVE_ENV) {
    const folder = inputs.env[name];
    if (folder && folder.length > 3 && `${path}/`.startsWith(`${normal(folder)}/`)) return `OneDrive (${folder})`;
  }
  const parts = inputs.path.split(windows ? /[\\/]/ : '/').slice(0, -1);
  // macOS keeps every File Provider client (OneDrive, Google Drive, Dropbox, Box…) under ~/Library/CloudStorage.
  const library = parts.findIndex((p, i) => p === 'Library' && parts[i + 1] === 'CloudStorage' && parts[i + 2]);
  if (library >= 0) return parts[library + 2] as string;
  for (const part of parts) {
    for (const [pattern, name] of CLOUD_FOLDERS) {
      if (pattern.test(part)) return part.toLowerCase() === name.toLowerCase() ? name : `${name} (${part})`;
    }
  }
  return null;
}
