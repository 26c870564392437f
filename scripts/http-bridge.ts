/**
 * The loopback HTTP transport: POST /api/<method> with a JSON input answers the contract's envelope;
 * GET /api lists the methods; everything else serves the built renderer.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { METHODS } from '../contract';
import { LedgerError } from '../contract/errors';
import type { ContractEndpoint } from '../db/service';

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

const MAX_BODY_BYTES = 10 * 1024 * 1024;

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

function sendJson(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

function errorEnvelope(code: 'invalid_input' | 'unknown_method', vi: string, en: string) {
  return { ok: false, error: new LedgerError(code, { vi, en }).toShape() };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('too_large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Only pages served by this bridge may call it: a foreign page (or a DNS-rebound host name) is refused. */
function trustedHost(req: IncomingMessage): boolean {
  const host = req.headers.host ?? '';
  return /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(host);
}

async function handleApi(service: ContractEndpoint, req: IncomingMessage, res: ServerResponse, method: string) {
  if (req.method !== 'POST') {
    res.setHeader('allow', 'POST');
    return sendJson(res, 405, errorEnvelope('invalid_input', 'Chỉ chấp nhận POST', 'Only POST is accepted'));
  }
  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('application/json')) {
    return sendJson(res, 415, errorEnvelope('invalid_input', 'Dữ liệu phải là JSON', 'The body must be JSON'));
  }
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${req.headers.host}`) {
    return sendJson(res, 403, errorEnvelope('invalid_input', 'Nguồn gọi không được phép', 'Origin not allowed'));
  }
  let input: unknown;
  try {
    const body = await readBody(req);
    input = body.trim() === '' ? {} : JSON.parse(body);
  } catch {
    return sendJson(
      res,
      400,
      errorEnvelope('invalid_input', 'Dữ liệu JSON không hợp lệ hoặc quá lớn', 'Invalid or too large JSON body'),
    );
  }
  const envelope = await service.call(method, input);
  sendJson(
    res,
    envelope.ok ? 200 : envelope.error.code === 'unknown_method' ? 404 : envelope.error.code === 'internal' ? 500 : 400,
    envelope,
  );
}

function serveStatic(staticDir: string, req: IncomingMessage, res: ServerResponse, pathname: string) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405).end();
    return;
  }
  const root = resolve(staticDir);
  let file = normalize(join(root, decodeURIComponent(pathname)));
  if (file !== root && !file.startsWith(root + sep)) {
    res.writeHead(403).end();
    return;
  }
  // Client-side routes fall back to the app's page.
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
  if (!existsSync(file)) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Giao diện chưa được build (npm run build:renderer) / The UI is not built (npm run build:renderer)');
    return;
  }
  res.writeHead(200, {
    'content-type': MIME[extname(file)] ?? 'application/octet-stream',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
}

export function createBridge(service: ContractEndpoint, staticDir: string): Server {
  return createServer((req, res) => {
    if (!trustedHost(req)) {
      res.writeHead(421).end();
      return;
    }
    const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (pathname === '/api' || pathname === '/api/') {
      return sendJson(res, 200, { methods: METHODS });
    }
    if (pathname.startsWith('/api/')) {
      handleApi(service, req, res, decodeURIComponent(pathname.slice('/api/'.length))).catch((error: unknown) => {
        console.error(error);
        if (!res.headersSent) sendJson(res, 500, errorEnvelope('invalid_input', 'Lỗi máy chủ', 'Server error'));
      });
      return;
    }
    serveStatic(staticDir, req, res, pathname);
  });
}
