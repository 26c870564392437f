/**
 * Bundles as an attacker's tool would write them, without the app's encoder: the header line (the format and the
 * SHA-256 of the body) and the gzip of JSON lines — the head, then `["r", table, row]`, `["t", deletion]` and
 * `["a", history entry]` — and read back the same way.
 */
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';

export interface RawBundle {
  head: Record<string, unknown>;
  lines: unknown[][];
}

export function forgeBundle({ head, lines }: RawBundle, format = 2): Buffer {
  const body = gzipSync(`${[head, ...lines].map((line) => JSON.stringify(line)).join('\n')}\n`);
  const digest = createHash('sha256').update(body).digest('hex');
  return Buffer.concat([Buffer.from(`AIDLEDGER-BUNDLE ${format} ${digest}\n`, 'ascii'), body]);
}

export function readRaw(bytes: Buffer): RawBundle {
  const text = gunzipSync(bytes.subarray(bytes.indexOf(0x0a) + 1))
    .toString('utf8')
    .trimEnd()
    .split('\n');
  return {
    head: JSON.parse(text[0]!) as Record<string, unknown>,
    lines: text.slice(1).map((line) => JSON.parse(line) as unknown[]),
  };
}

/** The rows of one table a raw bundle carries, as objects to change in place. */
export function rawRows(raw: RawBundle, table: string): Record<string, unknown>[] {
  return raw.lines.filter((l) => l[0] === 'r' && l[1] === table).map((l) => l[2] as Record<string, unknown>);
}

/** Its history entries. */
export function rawHistory(raw: RawBundle): Record<string, unknown>[] {
  return raw.lines.filter((l) => l[0] === 'a').map((l) => l[1] as Record<string, unknown>);
}

/** A version of the same counter and site at another time. */
export function versionAt(version: string, ms: number): string {
  return version.replace(/^\d+-/, `${String(ms).padStart(16, '0')}-`);
}
