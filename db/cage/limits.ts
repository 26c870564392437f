/**
 * What reading one untrusted file (a spreadsheet, a bundle) may take, sized from the file's own bytes — never from
 * the sizes it declares inside — with a floor, so a small file reads as fast as ever, and a ceiling, so no file can
 * take the machine. Measured on a 2-core machine: a 15 MB .xlsx of 100,000 rows parses in 6.7 s with 263 MB of heap
 * left in use, a 30 MB .xls of the same rows in 4.4 s with 550 MB, their CSV (21 MB) in 2.2 s with 277 MB: some 20 MB
 * of heap per MB of file, twice that at the parse's peak.
 */

const MB = 1024 * 1024;

/** The limits a worker reading one file runs under. */
export interface CageLimits {
  /** V8's old generation (where a parse's objects live): the worker is stopped by V8 past it. */
  heapMb: number;
  /** V8's young generation (short-lived objects). */
  youngMb: number;
  /** The worker is terminated once this has passed since it was handed the file. */
  timeMs: number;
}

const clamp = (value: number, floor: number, ceiling: number) => Math.min(ceiling, Math.max(floor, Math.ceil(value)));

/** Heap: 48 MB per MB of file (twice the measured need), at least 96 MB, at most 1 GB. */
export const HEAP_FLOOR_MB = 96;
export const HEAP_CEILING_MB = 1024;
const HEAP_MB_PER_MB = 48;
/**
 * Time: 4 s per MB of file, at least 3 s, at most 90 s. A CSV of 100,000 rows (6.5 MB) parses in 3.7 s on a quiet
 * 2-core machine and took over 9.7 s on a busy one: the time is the worker's wall clock, and an office PC is often busy.
 */
export const TIME_FLOOR_MS = 3_000;
export const TIME_CEILING_MS = 90_000;
const TIME_MS_PER_MB = 4_000;

export function limitsFor(fileBytes: number): CageLimits {
  const mb = fileBytes / MB;
  const heapMb = clamp(mb * HEAP_MB_PER_MB, HEAP_FLOOR_MB, HEAP_CEILING_MB);
  return {
    heapMb,
    youngMb: heapMb > HEAP_FLOOR_MB ? 32 : 16,
    timeMs: clamp(mb * TIME_MS_PER_MB, TIME_FLOOR_MS, TIME_CEILING_MS),
  };
}

/** The limits of every file up to 0.75 MB: one worker kept warm reads them all, one after another. */
export const FLOOR_LIMITS = limitsFor(0);

export const sameLimits = (a: CageLimits, b: CageLimits) =>
  a.heapMb === b.heapMb && a.youngMb === b.youngMb && a.timeMs === b.timeMs;

/**
 * What a workbook (a zip archive) may unpack to: 100 times its size (spreadsheet XML packs 5 to 20 times, a sheet of
 * one row repeated some 50), at least 32 MB, at most 256 MB.
 */
export const UNPACKED_FLOOR_BYTES = 32 * MB;
export const UNPACKED_CEILING_BYTES = 256 * MB;
export const unpackedLimit = (fileBytes: number) =>
  clamp(fileBytes * 100, UNPACKED_FLOOR_BYTES, UNPACKED_CEILING_BYTES);

/**
 * What a bundle's gzip body may unpack to: 40 times its size (its JSON lines pack 6 to 12 times), at least 64 MB, at
 * most 1 GB; checked as it unpacks, which stops there.
 */
export const BUNDLE_UNPACKED_FLOOR_BYTES = 64 * MB;
export const BUNDLE_UNPACKED_CEILING_BYTES = 1024 * MB;
export const bundleUnpackedLimit = (bodyBytes: number) =>
  clamp(bodyBytes * 40, BUNDLE_UNPACKED_FLOOR_BYTES, BUNDLE_UNPACKED_CEILING_BYTES);
/** A bundle line holds one row, deletion or history entry: a few KB at most. */
export const BUNDLE_LINE_BYTES = 1 * MB;
/** A province's bundle of everything holds some hundreds of thousands of lines. */
export const BUNDLE_LINES = 2_000_000;

/** A size in MB as messages give it: "0,7" / "0.7" below 10, whole above. */
export const mbText = (bytes: number, lang: 'vi' | 'en') => {
  const mb = bytes / MB;
  const text = mb < 10 ? (Math.ceil(mb * 10) / 10).toFixed(1) : String(Math.ceil(mb));
  return lang === 'vi' ? text.replace('.', ',') : text;
};
