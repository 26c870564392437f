/**
 * Where a ledger lives, judged from each platform's own inputs: Linux's mountinfo, macOS's `mount`, Windows' drive
 * types and paths, and the environment — real-looking lines of each, so the rule is tested on every platform here.
 */
import { describe, expect, it } from 'vitest';
import { judgePlace, parseMacMountLine, parseMountinfoLine, type PlaceInputs } from '../db/core/place';
import { defaultLocalCopy } from '../db/relocate';

const MOUNTINFO = [
  '22 27 0:21 / /proc rw,relatime - proc proc rw',
  '27 1 254:0 / / rw,relatime - ext4 /dev/vda rw,discard',
  '25 24 0:23 / /dev/shm rw,relatime - tmpfs tmpfs rw,size=24683772k',
  '60 27 0:50 / /tmp rw,nosuid,nodev shared:5 - tmpfs tmpfs rw',
  '61 27 8:17 / /home rw,relatime shared:30 - ext4 /dev/sdb1 rw',
  '70 61 0:60 / /home/lan/NAS rw,relatime shared:40 - cifs //nas.songoaivu.local/ketoan rw,vers=3.1.1,cache=strict',
  '71 61 0:61 / /home/lan/nfs rw,relatime shared:41 - nfs4 10.0.0.5:/export/ledgers rw,vers=4.2',
  '72 61 0:62 / /home/lan/ssh rw,nosuid,nodev shared:42 - fuse.sshfs lan@server:/srv/data rw,user_id=1000',
  '73 61 0:63 / /home/lan/rclone rw,nosuid shared:43 - fuse.rclone gdrive: rw,user_id=1000',
  '74 27 0:64 / /run/user/1000/gvfs rw,nosuid,nodev shared:44 - fuse.gvfsd-fuse gvfsd-fuse rw,user_id=1000',
  '75 27 0:65 / /mnt/c rw,noatime shared:45 - 9p drvfs rw,aname=drvfs;path=C:\\;uid=1000',
  '76 27 11:0 / /media/lan/CDROM ro,nosuid,nodev,relatime shared:46 - iso9660 /dev/sr0 ro,nojoliet',
  '77 27 8:33 / /media/lan/USB\\040KHO rw,nosuid,nodev,relatime shared:47 - vfat /dev/sdc1 rw,uid=1000',
  '78 27 8:34 / /media/lan/READONLY ro,nosuid shared:48 - exfat /dev/sdd1 ro',
  '79 61 0:66 / /home/lan/onedrive rw,nosuid shared:49 - fuse.onedriver onedriver rw,user_id=1000',
  '80 27 0:67 / /var/lib/docker/overlay rw - fuse.fuse-overlayfs fuse-overlayfs rw,user_id=0',
  '81 27 0:68 / /mnt/vbox rw - vboxsf Shared rw',
  '82 27 8:35 / /mnt/ntfs rw - fuseblk /dev/sde1 rw,user_id=0',
  '83 27 0:69 / /mnt/share rw - smb3 //10.1.1.2/share rw',
  '84 61 0:70 / /home/lan/NAS rw,relatime shared:50 - ext4 /dev/sdf1 rw',
  '85 27 0:71 / /mnt/plainfuse rw - fuse host.example:/srv rw',
].join('\n');

const linux = (path: string, env: Record<string, string> = {}): PlaceInputs => ({
  platform: 'linux',
  path,
  env,
  mountinfo: MOUNTINFO,
});

describe('on Linux, from /proc/self/mountinfo', () => {
  it.each([
    ['/home/lan/ledger.sqlite', 'local', ''],
    ['/tmp/x/ledger.sqlite', 'local', ''],
    ['/home/lan/nfs/ledger.sqlite', 'network', 'nfs4 10.0.0.5:/export/ledgers'],
    ['/home/lan/nfs', 'network', 'nfs4'],
    ['/home/lan/nfsx/ledger.sqlite', 'local', ''],
    ['/home/lan/ssh/a/b/ledger.sqlite', 'network', 'fuse.sshfs lan@server:/srv/data'],
    ['/home/lan/rclone/ledger.sqlite', 'network', 'fuse.rclone'],
    ['/run/user/1000/gvfs/smb-share:server=nas,share=ketoan/ledger.sqlite', 'network', 'gvfsd-fuse'],
    ['/mnt/c/Users/lan/ledger.sqlite', 'network', '9p drvfs'],
    ['/home/lan/onedrive/ledger.sqlite', 'cloud', 'fuse.onedriver'],
    ['/var/lib/docker/overlay/ledger.sqlite', 'local', ''],
    ['/mnt/vbox/ledger.sqlite', 'network', 'vboxsf'],
    ['/mnt/ntfs/ledger.sqlite', 'local', ''],
    ['/mnt/share/ledger.sqlite', 'network', 'smb3 //10.1.1.2/share'],
    ['/mnt/plainfuse/ledger.sqlite', 'network', 'fuse host.example:/srv'],
    // A disk mounted later over the share's mount point hides the share.
    ['/home/lan/NAS/ledger.sqlite', 'local', ''],
    // A folder named like a sync client's.
    ['/home/lan/Dropbox/ledger.sqlite', 'cloud', 'Dropbox'],
    ['/home/lan/OneDrive/Documents/ledger.sqlite', 'cloud', 'OneDrive'],
    ['/home/lan/Google Drive/ledger.sqlite', 'cloud', 'Google Drive'],
    ['/home/lan/Dropboxes/ledger.sqlite', 'local', ''],
    ['/home/lan/ledger-onedrive.sqlite', 'local', ''],
  ])('%s is %s', (path, kind, detail) => {
    const place = judgePlace(linux(path));
    expect(place.kind).toBe(kind);
    expect(place.detail).toContain(detail);
  });

  it('sees read-only mounts, with the escaped spaces of mount points read', () => {
    expect(judgePlace(linux('/media/lan/CDROM/ledger.sqlite')).readOnlyMount).toBe(true);
    expect(judgePlace(linux('/media/lan/READONLY/x/ledger.sqlite')).readOnlyMount).toBe(true);
    expect(judgePlace(linux('/media/lan/USB KHO/ledger.sqlite'))).toEqual({
      kind: 'local',
      detail: '',
      readOnlyMount: false,
    });
    expect(judgePlace(linux('/home/lan/ledger.sqlite')).readOnlyMount).toBe(false);
  });

  it('reads a mountinfo line field by field, optional fields and all, and skips what is not one', () => {
    expect(
      parseMountinfoLine(
        '36 35 98:0 /mnt1 /mnt\\0402 rw,noatime master:1 shared:2 - ext3 /dev/root rw,errors=continue',
      ),
    ).toEqual({
      mountPoint: '/mnt 2',
      fsType: 'ext3',
      source: '/dev/root',
      options: ['rw', 'noatime', 'rw', 'errors=continue'],
    });
    for (const bad of ['', 'garbage', '1 2 3:4 / relative rw - ext4 /dev/x rw', '1 2 3:4 / /x rw ext4 /dev/x rw'])
      expect(parseMountinfoLine(bad)).toBeNull();
    expect(judgePlace({ platform: 'linux', path: '/x/ledger.sqlite', env: {}, mountinfo: 'nonsense\n\n' }).kind).toBe(
      'local',
    );
    expect(judgePlace({ platform: 'linux', path: '/x/ledger.sqlite', env: {} }).kind).toBe('local');
  });
});

const MAC_MOUNT = [
  '/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)',
  'devfs on /dev (devfs, local, nobrowse)',
  '/dev/disk3s5 on /System/Volumes/Data (apfs, local, journaled, nobrowse, protect)',
  'map auto_home on /System/Volumes/Data/home (autofs, automounted, nobrowse)',
  '//GUEST:@NAS._smb._tcp.local/Ke%20toan on /Volumes/Ke toan (smbfs, nodev, nosuid, mounted by lan)',
  'nas.local:/volume1/ledgers on /Volumes/ledgers (nfs, asynchronous)',
  'afp_0TQ4Z30Z3Fb0000 on /Volumes/Old (afpfs, nodev, nosuid, mounted by lan)',
  'https://dav.example.org/ on /Volumes/dav.example.org (webdav, nodev, noexec, nosuid, mounted by lan)',
  'lan@server:/srv on /Volumes/server (macfuse, nodev, nosuid, synchronous, mounted by lan)',
  '/dev/disk4s1 on /Volumes/USB (msdos, local, nodev, nosuid, noowners)',
  '/dev/disk5 on /Volumes/CD (cd9660, local, nodev, nosuid, read-only, noowners)',
].join('\n');

const mac = (path: string): PlaceInputs => ({ platform: 'darwin', path, env: {}, mountOutput: MAC_MOUNT });

describe('on macOS, from the output of mount', () => {
  it.each([
    ['/Users/lan/Documents/ledger.sqlite', 'local', ''],
    ['/Volumes/Ke toan/ledger.sqlite', 'network', 'smbfs'],
    ['/Volumes/ledgers/ledger.sqlite', 'network', 'nfs nas.local'],
    ['/Volumes/Old/ledger.sqlite', 'network', 'afpfs'],
    ['/Volumes/dav.example.org/ledger.sqlite', 'network', 'webdav'],
    ['/Volumes/server/ledger.sqlite', 'network', 'macfuse'],
    ['/Volumes/USB/ledger.sqlite', 'local', ''],
    ['/Users/lan/Library/CloudStorage/OneDrive-Personal/ledger.sqlite', 'cloud', 'OneDrive-Personal'],
    ['/Users/lan/Library/CloudStorage/GoogleDrive-lan@example.org/My Drive/ledger.sqlite', 'cloud', 'GoogleDrive'],
    ['/Users/lan/Library/CloudStorage/Box-Box/ledger.sqlite', 'cloud', 'Box-Box'],
    ['/Users/lan/Library/Mobile Documents/com~apple~CloudDocs/ledger.sqlite', 'cloud', 'iCloud'],
    ['/Users/lan/Dropbox (Sở Ngoại vụ)/ledger.sqlite', 'cloud', 'Dropbox'],
  ])('%s is %s', (path, kind, detail) => {
    const place = judgePlace(mac(path));
    expect(place.kind).toBe(kind);
    expect(place.detail).toContain(detail);
  });

  it('sees read-only media but not the sealed system volume', () => {
    expect(judgePlace(mac('/Volumes/CD/ledger.sqlite')).readOnlyMount).toBe(true);
    expect(judgePlace(mac('/usr/local/ledger.sqlite')).readOnlyMount).toBe(false);
    expect(parseMacMountLine('/dev/disk5 on /Volumes/A on B (cd9660, local)')?.mountPoint).toBe('/Volumes/A on B');
    expect(parseMacMountLine('not a mount line')).toBeNull();
  });
});

const DRIVES = ['C: 3 ', 'D: 5 ', 'E: 2 ', 'Z: 4 \\\\fileserver\\ketoan', 'Y: 4 ', ''].join('\r\n');

const windows = (path: string, extra: Partial<PlaceInputs> = {}): PlaceInputs => ({
  platform: 'win32',
  path,
  env: {
    OneDrive: 'C:\\Users\\Lan\\OneDrive',
    OneDriveCommercial: 'C:\\Users\\Lan\\OneDrive - Sở Ngoại vụ Cao Bằng',
    LOCALAPPDATA: 'C:\\Users\\Lan\\AppData\\Local',
  },
  windowsDrives: DRIVES,
  ...extra,
});

describe('on Windows, from the path, the drive types and the environment', () => {
  it.each([
    ['C:\\Users\\Lan\\Documents\\ledger.sqlite', 'local', ''],
    ['c:\\users\\lan\\ledger.sqlite', 'local', ''],
    ['E:\\ledger.sqlite', 'local', ''],
    ['\\\\fileserver\\ketoan\\so\\ledger.sqlite', 'network', '\\\\fileserver\\ketoan'],
    ['//fileserver/ketoan/so/ledger.sqlite', 'network', '\\\\fileserver\\ketoan'],
    ['\\\\?\\UNC\\fileserver\\ketoan\\ledger.sqlite', 'network', '\\\\fileserver\\ketoan'],
    ['\\\\localhost\\c$\\ledger.sqlite', 'network', 'localhost'],
    ['\\\\wsl.localhost\\Ubuntu\\home\\ledger.sqlite', 'network', 'wsl.localhost'],
    ['\\\\?\\C:\\Users\\Lan\\ledger.sqlite', 'local', ''],
    ['Z:\\so\\ledger.sqlite', 'network', 'Z: (\\\\fileserver\\ketoan)'],
    ['z:\\ledger.sqlite', 'network', 'Z:'],
    ['Y:\\ledger.sqlite', 'network', 'Y:'],
    ['C:\\Users\\Lan\\OneDrive\\Tài liệu\\ledger.sqlite', 'cloud', 'OneDrive'],
    ['C:\\Users\\Lan\\OneDrive - Sở Ngoại vụ Cao Bằng\\ledger.sqlite', 'cloud', 'OneDrive'],
    ['D:\\Sync\\Dropbox\\ledger.sqlite', 'cloud', 'Dropbox'],
    ['G:\\My Drive\\ledger.sqlite', 'cloud', 'Google Drive'],
    ['C:\\Users\\Lan\\iCloudDrive\\ledger.sqlite', 'cloud', 'iCloud'],
    ['C:\\Users\\Lan\\OneDriveBackup\\ledger.sqlite', 'local', ''],
  ])('%s is %s', (path, kind, detail) => {
    const place = judgePlace(windows(path));
    expect(place.kind).toBe(kind);
    expect(place.detail).toContain(detail);
  });

  it('a OneDrive folder under any name is known by the variables its client sets', () => {
    const env = { OneDriveCommercial: 'D:\\CongViec' };
    expect(judgePlace({ platform: 'win32', path: 'd:\\congviec\\so\\ledger.sqlite', env }).kind).toBe('cloud');
    expect(judgePlace({ platform: 'win32', path: 'D:\\CongViecKhac\\ledger.sqlite', env }).kind).toBe('local');
  });

  it('a mapped drive is seen by its real path when the drive types are not known', () => {
    const seen = windows('M:\\ledger.sqlite', {
      windowsDrives: undefined,
      windowsRealPath: '\\\\?\\UNC\\server\\share',
    });
    expect(judgePlace(seen)).toMatchObject({ kind: 'network', detail: '\\\\server\\share' });
    expect(judgePlace(windows('M:\\ledger.sqlite', { windowsDrives: undefined })).kind).toBe('local');
  });

  it('copies a ledger to the local application data folder, which never roams to a server', () => {
    expect(
      defaultLocalCopy('Z:\\so\\aid-ledger.sqlite', 'win32', { LOCALAPPDATA: 'C:\\Users\\Lan\\AppData\\Local' }),
    ).toBe('C:\\Users\\Lan\\AppData\\Local\\Aid Ledger\\aid-ledger.sqlite');
  });
});
