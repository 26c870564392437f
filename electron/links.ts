/**
 * The one way a link leaves the app for the operating system. Whatever the OS opens runs outside the
 * sandbox, so only two plain shapes pass: an https page on a named host, or a bare mailto address.
 * No runtime import of 'electron': main hands over shell.openExternal, tests hand over a spy.
 */

export type OpenExternal = (url: string) => Promise<void>;

/** Longer than any real link; longer ones hide their host from the reader. */
export const MAX_EXTERNAL_URL_LENGTH = 2048;

// Controls, spaces (incl. no-break and zero-width), bidi overrides, line separators, BOM: all of them can
// make a link read as something else, and none belongs in a well-formed URL.
const INVISIBLE = /[\u0000-\u0020\u007f-\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// A DNS name of at least two labels; IP literals and single-label (intranet) names are not "the web".
const HOST_NAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;
const MAIL_LOCAL = /^[A-Za-z0-9.!#$%&'*+/=^_`{|}~-]{1,64}$/;

function namedHost(hostname: string): boolean {
  return HOST_NAME.test(hostname) && !hostname.endsWith('.localhost') && !hostname.endsWith('.local');
}

/** The normalised URL to hand to the OS, or null when the link is not one we open. */
export function externalUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_EXTERNAL_URL_LENGTH) return null;
  // Backslashes: UNC paths (\\host\share), and https:\\ which parsers disagree on.
  if (INVISIBLE.test(raw) || LONE_SURROGATE.test(raw) || raw.includes('\\')) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.username !== '' || url.password !== '') return null;
  if (url.protocol === 'https:') {
    if (!raw.toLowerCase().startsWith('https://') || !namedHost(url.hostname)) return null;
    return url.href.length <= MAX_EXTERNAL_URL_LENGTH ? url.href : null;
  }
  if (url.protocol === 'mailto:') {
    // One address, nothing after it: ?attach= and friends let some mail clients pick up local files.
    if (url.search !== '' || url.hash !== '' || raw.includes('?') || raw.includes('#')) return null;
    const address = decodeURIComponentOrNull(url.pathname);
    if (address === null) return null;
    const at = address.lastIndexOf('@');
    if (at <= 0 || address.indexOf('@') !== at) return null;
    if (!MAIL_LOCAL.test(address.slice(0, at)) || !namedHost(address.slice(at + 1).toLowerCase())) return null;
    return `mailto:${address}`;
  }
  return null;
}

function decodeURIComponentOrNull(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/**
 * Opens a link in the user's browser or mail program if it has a safe shape; returns whether it did.
 * A missing browser is not the ledger's failure, so the OS's refusal is only logged.
 */
export function openExternalLink(raw: unknown, open: OpenExternal): boolean {
  const url = externalUrl(raw);
  if (url === null) return false;
  const report = (error: unknown) => console.warn('could not open link', url, error);
  try {
    Promise.resolve(open(url)).catch(report);
  } catch (error) {
    report(error);
  }
  return true;
}
