/**
 * The loopback HTTP transport: POST /api/<method> with a JSON input answers the contract's envelope;
 * GET /api lists the methods; everything else serves the built renderer.
 *
 * No request can stop it: a malformed address, method, header or body is answered with an HTTP error (on /api with
 * the contract's error envelope), and a handler that fails answers 500.
 */
import { createReadStream, type Stats, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { METHODS } from '../contract';
import { type Bilingual, LedgerError, type LedgerErrorCode } from '../contract/errors';
import type { ContractEndpoint } from '../db/service';
import { bodyHeadersProblem, MAX_BODY_BYTES, readBody, TOO_LARGE } from './http-body';

export { MAX_BODY_BYTES, MAX_BODY_MB, MAX_FILES_MB } from './http-body';

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

const MALFORMED_ADDRESS: Bilingual = { vi: 'Địa chỉ yêu cầu không hợp lệ', en: 'Malformed request address' };
const STOPPING: Bilingual = { vi: 'Máy chủ đang dừng', en: 'The server is stopping' };

/** A bridge that can be stopped with calls under way (see `stop`). */
export interface Bridge extends Server {
  /**
   * Stops taking requests: the listening socket and idle connections close, a request still sending its body and any
   * later request on an open connection are answered 503. Calls already running finish.
   */
  stop(): void;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

/** What a refused body may still send, read and discarded, before the connection is cut. */
const DISCARD_BYTES = 64 * 1024 * 1024;
const DISCARD_MS = 10_000;

/**
 * Refuses a call whose body is too large. The answer waits until the client has sent its body (read and discarded, up
 * to DISCARD_BYTES more or DISCARD_MS): a connection closed with data unread is reset, and the client loses the answer
 * with it. A client that waits for leave to send (Expect: 100-continue), or declares more than can be discarded, is
 * answered at once.
 */
function refuseUnread(req: IncomingMessage, res: ServerResponse, message: Bilingual) {
  const answer = () => sendJson(res, 413, errorEnvelope('too_large', message), { connection: 'close' });
  const declared = Number(req.headers['content-length'] ?? 0);
  if (req.headers.expect !== undefined || declared > MAX_BODY_BYTES + DISCARD_BYTES || req.complete) return answer();
  let discarded = 0;
  const giveUp = () => {
    answer();
    res.once('finish', () => req.socket.destroy());
  };
  const timer = setTimeout(giveUp, DISCARD_MS);
  timer.unref();
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > DISCARD_BYTES && !res.headersSent) {
      clearTimeout(timer);
      giveUp();
    }
  });
  req.on('end', () => {
    clearTimeout(timer);
    answer();
  });
  req.on('close', () => clearTimeout(timer));
  req.resume();
}

function errorEnvelope(code: LedgerErrorCode, message: Bilingual) {
  return { ok: false, error: new LedgerError(code, message).toShape() };
}

/** An /api error answer; an answer given before the body was read closes the connection (the rest is not read). */
function apiError(res: ServerResponse, status: number, code: LedgerErrorCode, message: Bilingual, close = false) {
  sendJson(res, status, errorEnvelope(code, message), close ? { connection: 'close' } : {});
}

/** Only pages served by this bridge may call it: a foreign page (or a DNS-rebound host name) is refused. */
function trustedHost(req: IncomingMessage): boolean {
  const host = req.headers.host ?? '';
  return /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(host);
}

/** A path segment decoded, or null when it is not valid percent-encoded UTF-8 or holds a NUL. */
function decoded(text: string): string | null {
  try {
    const value = decodeURIComponent(text);
    return value.includes('\0') ? null : value;
  } catch {
    return null;
  }
}

/** The request's path, or null when its address cannot be read. */
function pathOf(req: IncomingMessage): string | null {
  try {
    return new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
  } catch {
    return null;
  }
}

const statusOf = (code: LedgerErrorCode) =>
  code === 'unknown_method' ? 404 : code === 'internal' ? 500 : code === 'too_large' ? 413 : 400;

async function handleApi(service: ContractEndpoint, req: IncomingMessage, res: ServerResponse, encoded: string) {
  if (req.method !== 'POST') {
    res.setHeader('allow', 'POST');
    return apiError(res, 405, 'invalid_input', { vi: 'Chỉ chấp nhận POST', en: 'Only POST is accepted' }, true);
  }
  const method = decoded(encoded);
  if (method === null) return apiError(res, 400, 'invalid_input', MALFORMED_ADDRESS, true);
  const problem = bodyHeadersProblem(req);
  if (problem?.status === 413) return refuseUnread(req, res, problem.message);
  if (problem) return apiError(res, problem.status, 'invalid_input', problem.message, true);
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${req.headers.host}`) {
    return apiError(res, 403, 'invalid_input', { vi: 'Nguồn gọi không được phép', en: 'Origin not allowed' }, true);
  }
  // A client that waits for leave to send its body (Expect: 100-continue) is given it only now.
  if (req.headers.expect?.toLowerCase() === '100-continue') res.writeContinue();
  const body = await readBody(req);
  if (body.kind === 'aborted') return;
  if (body.kind === 'too_large') return refuseUnread(req, res, TOO_LARGE);
  if (body.kind === 'not_utf8')
    return apiError(res, 400, 'invalid_input', { vi: 'Dữ liệu không phải UTF-8', en: 'The body is not UTF-8' });
  let input: unknown;
  try {
    input = body.text.trim() === '' ? {} : JSON.parse(body.text);
  } catch {
    return apiError(res, 400, 'invalid_input', { vi: 'Dữ liệu JSON không hợp lệ', en: 'Invalid JSON body' });
  }
  const envelope = await service.call(method, input);
  sendJson(res, envelope.ok ? 200 : statusOf(envelope.error.code), envelope);
}

function sendText(res: ServerResponse, status: number, text: string) {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' });
  res.end(text);
}

function fileStats(file: string): Stats | null {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}

function serveStatic(staticDir: string, req: IncomingMessage, res: ServerResponse, pathname: string) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    return sendText(res, 405, 'Chỉ chấp nhận GET / Only GET is accepted');
  }
  const path = decoded(pathname);
  if (path === null) return sendText(res, 400, `${MALFORMED_ADDRESS.vi} / ${MALFORMED_ADDRESS.en}`);
  const root = resolve(staticDir);
  let file = normalize(join(root, path));
  if (file !== root && !file.startsWith(root + sep)) return sendText(res, 403, 'Không được phép / Forbidden');
  // Client-side routes fall back to the app's page.
  if (!fileStats(file)?.isFile()) file = join(root, 'index.html');
  if (!fileStats(file)?.isFile()) {
    return sendText(
      res,
      503,
      'Giao diện chưa được build (npm run build:renderer) / The UI is not built (npm run build:renderer)',
    );
  }
  const headers = {
    'content-type': MIME[extname(file)] ?? 'application/octet-stream',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
  };
  if (req.method === 'HEAD') {
    res.writeHead(200, headers).end();
    return;
  }
  const stream = createReadStream(file);
  stream.once('open', () => {
    res.writeHead(200, headers);
    stream.pipe(res);
  });
  stream.once('error', () => {
    if (res.headersSent) res.destroy();
    else sendText(res, 500, 'Không đọc được tệp / The file could not be read');
  });
}

function route(service: ContractEndpoint, staticDir: string, req: IncomingMessage, res: ServerResponse) {
  const pathname = pathOf(req);
  const isApi = (pathname ?? req.url ?? '').startsWith('/api');
  if (!trustedHost(req)) {
    if (isApi) return apiError(res, 421, 'invalid_input', { vi: 'Tên máy không được phép', en: 'Host not allowed' });
    res.writeHead(421).end();
    return;
  }
  if (pathname === null) {
    if (isApi) return apiError(res, 400, 'invalid_input', MALFORMED_ADDRESS, true);
    return sendText(res, 400, `${MALFORMED_ADDRESS.vi} / ${MALFORMED_ADDRESS.en}`);
  }
  if (pathname === '/api' || pathname === '/api/') return sendJson(res, 200, { methods: METHODS });
  if (pathname.startsWith('/api/')) {
    handleApi(service, req, res, pathname.slice('/api/'.length)).catch((error: unknown) => {
      console.error(error);
      apiError(res, 500, 'internal', { vi: 'Lỗi máy chủ', en: 'Server error' });
    });
    return;
  }
  serveStatic(staticDir, req, res, pathname);
}

/**
 * A request Node's parser cannot read (bad request line, header, length or encoding; headers too large) is answered
 * with the envelope too, since it may have been meant for /api; a connection already gone is only closed.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex) {
  const response = (socket as Duplex & { _httpMessage?: ServerResponse | null })._httpMessage;
  if (error.code === 'ECONNRESET' || !socket.writable || response?.headersSent) {
    socket.destroy();
    return;
  }
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const body = JSON.stringify(
    errorEnvelope('invalid_input', { vi: 'Yêu cầu HTTP không hợp lệ', en: 'Malformed HTTP request' }),
  );
  socket.end(
    `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : status === 408 ? 'Request Timeout' : 'Bad Request'}\r\n` +
      `content-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\n` +
      `connection: close\r\n\r\n${body}`,
  );
  socket.once('finish', () => socket.destroy());
}

export function createBridge(service: ContractEndpoint, staticDir: string): Bridge {
  let stopping = false;
  // Requests whose body is still arriving: a stop answers them rather than wait for a slow or stalled client.
  const receiving = new Set<ServerResponse>();
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    if (stopping) return apiError(res, 503, 'internal', STOPPING, true);
    const done = () => receiving.delete(res);
    if (!req.complete) {
      receiving.add(res);
      req.once('end', done);
      res.once('close', done);
    }
    try {
      route(service, staticDir, req, res);
    } catch (error) {
      console.error(error);
      apiError(res, 500, 'internal', { vi: 'Lỗi máy chủ', en: 'Server error' }, true);
    }
  };
  const server = createServer(handle) as Bridge;
  // Without this listener Node would say 100 Continue to every such request, even one to be refused unread.
  server.on('checkContinue', handle);
  server.on('clientError', answerClientError);
  server.stop = () => {
    stopping = true;
    server.close();
    server.closeIdleConnections();
    for (const res of receiving) {
      apiError(res, 503, 'internal', STOPPING, true);
      if (res.writableFinished) res.req.destroy();
      else res.once('finish', () => res.req.destroy());
    }
    receiving.clear();
  };
  return server;
}
