/** Display helpers. Money stays exact: formatting goes through the contract's BigInt code, never Intl floats. */
import { decimalToText, formatAmount, parseDecimal, type NumberStyle } from '../../contract/money';

export function styleFor(language: string): NumberStyle {
  return language === 'en' ? 'en' : 'vi';
}

/** dd/mm/yyyy, as Vietnamese documents write dates (both languages: the users' documents use it). */
export function showDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return d ? `${d}/${m}/${y}` : `${m}/${y}`;
}

export function showDateTime(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Who made a record or a report: the user and the installation, or the installation alone. */
export function madeBy(userName: string | null, siteName: string): string {
  return userName ? `${userName} — ${siteName}` : siteName;
}

export function money(minor: number, currency: string, language: string): string {
  return formatAmount(minor, currency, styleFor(language));
}

/** A quantity ("2.5") as the user's language writes it ("2,5"). */
export function showQuantity(quantity: string | null, language: string): string {
  if (quantity === null) return '';
  const [int, frac] = quantity.split('.');
  const grouped = formatAmount(BigInt(int!), 'VND', styleFor(language));
  return frac ? grouped + (language === 'en' ? '.' : ',') + frac : grouped;
}

/** A decimal typed in the user's style, in the contract's form ("2,5" -> "2.5"); 'invalid' if unreadable or too precise. */
function parseTyped(text: string, language: string, maxScale: number): string | null {
  if (!text.trim()) return null;
  try {
    const { digits, scale } = parseDecimal(text, styleFor(language));
    return scale <= maxScale ? decimalToText(digits, scale) : 'invalid';
  } catch {
    return 'invalid';
  }
}

/** A quantity typed by the user ("2,5" in Vietnamese, "2.5" in English). */
export function parseQuantity(text: string, language: string): string | null {
  return parseTyped(text, language, 3);
}

/** A rate typed by the user; zero is not a rate. */
export function parseRateText(text: string, language: string): string | null {
  const rate = parseTyped(text, language, 8);
  return rate === '0' ? 'invalid' : rate;
}

export function showRate(rate: string, language: string): string {
  return showQuantity(rate, language);
}

/**
 * Short axis labels: 1.880.000.000 -> "1,88 tỷ" / "1.88B". Computed with BigInt on a value that is only shown,
 * never stored or added.
 */
export function compactVnd(value: number, language: string): string {
  const units: [bigint, string, string][] = [
    [1_000_000_000n, 'tỷ', 'B'],
    [1_000_000n, 'tr', 'M'],
    [1_000n, 'nghìn', 'K'],
  ];
  const v = BigInt(Math.round(value));
  const abs = v < 0n ? -v : v;
  for (const [size, viUnit, enUnit] of units) {
    if (abs >= size) {
      const hundredths = (abs * 100n + size / 2n) / size;
      const int = hundredths / 100n;
      const frac = (hundredths % 100n).toString().padStart(2, '0').replace(/0+$/, '');
      const sep = language === 'en' ? '.' : ',';
      return `${v < 0n ? '-' : ''}${int}${frac ? sep + frac : ''} ${language === 'en' ? enUnit : viUnit}`.replace(
        / (?=[BMK]$)/,
        '',
      );
    }
  }
  return String(v);
}

/** A file size as people read it: "12,3 MB" in Vietnamese, "12.3 MB" in English. */
export function showBytes(bytes: number, language: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let unit = 0;
  let value = bytes;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const text = unit === 0 ? String(value) : value.toFixed(1);
  return `${language === 'en' ? text : text.replace('.', ',')} ${units[unit]}`;
}
