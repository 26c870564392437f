/**
 * Bundles as an attacker's tool would write them, without the app's encoder: a raw header line (format, SHA-256 of
 * the body, and for format 3 the signer's id and an Ed25519 signature by a key given here), then the body as raw gzip
 * of JSON lines — the bundle's head, then `["r", table, row]`, `["t", tombstone]` and `["a", entry]` lines.
 */
import { createHash, createPrivateKey, generateKeyPairSync, sign } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Ledger } from '../db/core/open';
import type { Bundle } from '../db/sync/contents';

/** What a bundle's body holds, line by line. */
export interface ForgedContent {
  head: Record<string, unknown>;
  lines: unknown[][];
}

/** A signing key: the site id it signs as, and the private key (PKCS#8 DER, base64). */
export interface ForgeKey {
  siteId: string;
  privateKey: string;
}

/** The key a ledger signs its bundles with, read from its settings as stored. */
export function keyOf(ledger: Ledger): ForgeKey {
  const row = ledger.sqlite.prepare(`SELECT value FROM settings WHERE key = 'site.privateKey'`).get() as {
    value: string;
  };
  return { siteId: ledger.site.id, privateKey: row.value };
}

/** A key of no office (nobody accepted it), signing as `siteId`. */
export function strangerKey(siteId: string): ForgeKey {
  const { privateKey } = generateKeyPairSync('ed25519');
  return { siteId, privateKey: privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64') };
}

/** Gzip of the JSON lines, one member. */
export function forgeBody({ head, lines }: ForgedContent): Buffer {
  return gzipSync(Buffer.from(`${[head, ...lines].map((l) => JSON.stringify(l)).join('\n')}\n`, 'utf8'));
}

export interface SealOptions {
  /** The header's format number (3 when signed, 2 otherwise, by default). */
  format?: number | string;
  /** Sign with this key (format 3); without, an unsigned header of an earlier release. */
  signWith?: ForgeKey;
  /** The site id the header names, when it is not the key's. */
  signerId?: string;
  /** The checksum the header gives, when it is not the body's. */
  digest?: string;
}

/** A header line and the body: what the app reads as a bundle file. */
export function seal(body: Buffer, options: SealOptions = {}): Buffer {
  const digest = options.digest ?? createHash('sha256').update(body).digest('hex');
  const format = options.format ?? (options.signWith ? 3 : 2);
  let header = `AIDLEDGER-BUNDLE ${format} ${digest}`;
  if (options.signWith) {
    header += ` ${options.signerId ?? options.signWith.siteId}`;
    const key = createPrivateKey({
      key: Buffer.from(options.signWith.privateKey, 'base64'),
      format: 'der',
      type: 'pkcs8',
    });
    header += ` ${sign(null, Buffer.from(header, 'utf8'), key).toString('base64')}`;
  }
  return Buffer.concat([Buffer.from(`${header}\n`, 'ascii'), body]);
}

export function forgeBundle(content: ForgedContent, options: SealOptions = {}): Buffer {
  return seal(forgeBody(content), options);
}

/** A bundle file read raw: its header line and what its body holds. */
export function openForged(bytes: Buffer): ForgedContent & { header: string; body: Buffer } {
  const newline = bytes.indexOf(0x0a);
  const body = bytes.subarray(newline + 1);
  const text = gunzipSync(body).toString('utf8').trimEnd().split('\n');
  return {
    header: bytes.subarray(0, newline).toString('ascii'),
    body,
    head: JSON.parse(text[0]!) as Record<string, unknown>,
    lines: text.slice(1).map((l) => JSON.parse(l) as unknown[]),
  };
}

/** A new version string at `ms` made at `site`, as the app's clock writes them. */
export function versionAt(ms: number, site: string, counter = 0): string {
  return `${String(ms).padStart(16, '0')}-${String(counter).padStart(6, '0')}-${site}`;
}

/** A bundle the app decoded, as lines again (to alter and seal it as a forger would). */
export function contentOf(bundle: Bundle): ForgedContent {
  const { records, tombstones, audit, ...head } = bundle;
  const lines: unknown[][] = [];
  for (const [table, rows] of Object.entries(records)) for (const row of rows) lines.push(['r', table, row]);
  for (const tomb of tombstones) lines.push(['t', tomb]);
  for (const entry of audit ?? []) lines.push(['a', entry]);
  return { head, lines };
}
