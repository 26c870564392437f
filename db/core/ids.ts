/**
 * Where a ledger's new record ids come from. An installation uses random UUIDs; a test or a synthetic ledger uses a
 * seeded sequence in the same form, so a run can be replayed exactly (which record sorts first, which donor stands
 * when two merge, all follow from the seed).
 */
import { randomUUID } from 'node:crypto';

export type IdSource = () => string;

export const randomIds: IdSource = () => randomUUID();

/** Small, fast, seeded PRNG (mulberry32): the same seed gives the same sequence. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An id in UUID (version 4) form drawn from a seeded generator. */
export function seededId(rnd: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rnd() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

export function seededIds(seed: number): IdSource {
  const rnd = seededRandom(seed);
  return () => seededId(rnd);
}

/** A 32-bit seed from a base seed and a label (FNV-1a), so each labelled use gets its own sequence from one seed. */
export function seedFor(base: number, label: string): number {
  let h = (0x811c9dc5 ^ (base >>> 0)) >>> 0;
  for (const ch of `${base}:${label}`) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193) >>> 0;
  return h;
}
