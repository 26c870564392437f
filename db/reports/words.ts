/**
 * An amount of đồng in words, as the total of an administrative document is written out ("Bằng chữ: Một tỷ không
 * trăm linh hai triệu bốn trăm nghìn đồng"). The reading is read-vietnamese-number's (MIT): "linh" for a zero ten and
 * "nghìn", "triệu", "tỷ" for the groups of three digits, the usual administrative forms (no legal text fixes them).
 */
import { doReadNumber, ReadingConfig } from 'read-vietnamese-number';

const DONG = Object.assign(new ReadingConfig(), {
  unit: ['đồng'],
  units: [[], ['nghìn'], ['triệu'], ['tỷ']],
  oddText: 'linh',
});

/**
 * Whole đồng in words, its first letter a capital. The number goes in as a bigint: the library reads a string with
 * its own grouping sign, and a Vietnamese "1.002.400.000" would read as "không đồng" without an error.
 */
export function dongInWords(vnd: number | bigint): string {
  if (typeof vnd === 'number' && !Number.isSafeInteger(vnd)) throw new RangeError(`not a whole number of đồng: ${vnd}`);
  const words = doReadNumber(BigInt(vnd), DONG);
  return words.charAt(0).toUpperCase() + words.slice(1);
}
