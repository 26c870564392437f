/**
 * Bundles as an attacker's tool would write them, without the app's encoder: the header line (the format and the
 * SHA-256 of the body) and the gzip of JSON lines — the head, then `["r", table, row]`, `["t", deletion]` and
 * `["a", history entry]` — and read back the same way.
 */
import { gunzipSync } from 'node:zlib';
import { type ForgeKey, forgeBundle as forgeSigned } from './forge';

export interface RawBundle {
  head: Record<string, unknown>;
  lines: unknown[][];
}

/** Signed by `signWith` (format 3, as the office's app signs), or unsigned as an earlier release wrote it (format 2). */
export function forgeBundle(raw: RawBundle, signWith?: ForgeKey): Buffer {
  return signWith ? forgeSigned(raw, { signWith }) : forgeSigned(raw, { format: 2 });
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
