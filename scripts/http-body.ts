/**
 * What the HTTP bridge takes as a call's body: JSON in UTF-8, not encoded further, up to a size that holds what the
 * screens send. Anything else is named, for an answer, rather than thrown.
 */
import type { IncomingMessage } from 'node:http';
import type { Bilingual } from '../contract/errors';

const MIB = 1024 * 1024;

/**
 * The files one call may carry together: the import screen sends every file chosen at once, and a file may be up to
 * 20 MB (a workbook, `db/imports/sheet.ts`) or 30,000,000 bytes (a bundle: the contract's 40,000,000 base64
 * characters), so any one file fits with room for more.
 */
export const MAX_FILES_MB = 36;

/** The files base64-encoded (4 characters for every 3 bytes), and 1 MB for the rest of the call (names, mappings). */
export const MAX_BODY_BYTES = (MAX_FILES_MB * MIB * 4) / 3 + MIB;

export const MAX_BODY_MB = MAX_BODY_BYTES / MIB;

export const TOO_LARGE: Bilingual = {
  vi: `Dữ liệu gửi lên lớn hơn ${MAX_BODY_MB} MB: các tệp gửi cùng một lúc tổng cộng tối đa ${MAX_FILES_MB} MB. Hãy chọn ít tệp hơn mỗi lần.`,
  en: `The request is larger than ${MAX_BODY_MB} MB: the files sent at once may total at most ${MAX_FILES_MB} MB. Choose fewer files at a time.`,
};

/** Why a request's headers rule out reading its body as a call, with the status to answer; null when they do not. */
export function bodyHeadersProblem(req: IncomingMessage): { status: number; message: Bilingual } | null {
  const [mediaType = '', ...parameters] = (req.headers['content-type'] ?? '').split(';');
  if (mediaType.trim().toLowerCase() !== 'application/json')
    return { status: 415, message: { vi: 'Dữ liệu phải là JSON', en: 'The body must be JSON' } };
  for (const parameter of parameters) {
    const [name = '', value = ''] = parameter.split('=');
    if (name.trim().toLowerCase() === 'charset' && !/^"?utf-8"?$/i.test(value.trim()))
      return { status: 415, message: { vi: 'Dữ liệu JSON phải ở dạng UTF-8', en: 'The JSON body must be UTF-8' } };
  }
  const encoding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity')
    return {
      status: 415,
      message: { vi: 'Dữ liệu không được nén hay mã hoá thêm', en: 'The body must not be compressed or encoded' },
    };
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > MAX_BODY_BYTES) return { status: 413, message: TOO_LARGE };
  return null;
}

export type Body =
  | { kind: 'text'; text: string }
  | { kind: 'too_large' }
  | { kind: 'not_utf8' }
  /** The client went away before the body was whole: there is no one to answer. */
  | { kind: 'aborted' };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * The body, read up to the limit: past it, reading stops (the rest is discarded by the server once answered), so a
 * body too large never sits in memory. Never rejects.
 */
export function readBody(req: IncomingMessage): Promise<Body> {
  return new Promise((resolve) => {
    let size = 0;
    let settled = false;
    const chunks: Buffer[] = [];
    const settle = (body: Body) => {
      if (settled) return;
      settled = true;
      chunks.length = 0;
      resolve(body);
    };
    req.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) settle({ kind: 'too_large' });
      else chunks.push(chunk);
    });
    req.on('end', () => {
      if (settled) return;
      try {
        settle({ kind: 'text', text: utf8.decode(Buffer.concat(chunks)) });
      } catch {
        settle({ kind: 'not_utf8' });
      }
    });
    req.on('aborted', () => settle({ kind: 'aborted' }));
    req.on('close', () => settle({ kind: 'aborted' }));
    req.on('error', () => settle({ kind: 'aborted' }));
  });
}
