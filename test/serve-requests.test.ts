/**
 * `npm run serve` against malformed requests: addresses, encodings, methods, headers and bodies, fixed and generated
 * from the seed, sent over raw sockets to the real process. Each gets an HTTP error (on /api with the contract's
 * envelope), never a crash, and the ledger still answers afterwards; SIGTERM stops it with requests under way.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, MAX_BODY_MB, MAX_FILES_MB } from '../scripts/http-bridge';
import { bundledScript } from './bundle';
import { ROOT, tempDir } from './helpers';
import { randomFor } from './random';

interface Served {
  port: number;
  child: ChildProcess;
  output(): string;
}

async function startServe(dir: string): Promise<Served> {
  const staticDir = join(dir, 'static');
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Sổ</title>');
  writeFileSync(join(dir, 'secret.txt'), 'secret');
  const child = spawn(
    process.execPath,
    [bundledScript('scripts/serve.ts'), '--db', join(dir, 'ledger.sqlite'), '--port', '0', '--static', staticDir],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stderr!.on('data', (chunk) => (output += chunk));
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk;
      const match = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${output}`)));
  });
  return { port, child, output: () => output };
}

interface Answer {
  /** Null when the connection closed without an answer. */
  status: number | null;
  headers: Record<string, string>;
  body: string;
}

function parseAnswer(raw: Buffer): Answer {
  const text = raw.toString('latin1');
  const end = text.indexOf('\r\n\r\n');
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(text);
  if (!status || end < 0) return { status: null, headers: {}, body: '' };
  const headers: Record<string, string> = {};
  for (const line of text.slice(0, end).split('\r\n').slice(1)) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  let body = raw.subarray(Buffer.byteLength(text.slice(0, end + 4), 'latin1'));
  if (headers['transfer-encoding'] === 'chunked') {
    const parts: Buffer[] = [];
    for (let at = 0; at < body.length; ) {
      const lineEnd = body.indexOf('\r\n', at);
      const size = Number.parseInt(body.subarray(at, lineEnd).toString(), 16);
      if (!size) break;
      parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
      at = lineEnd + 2 + size + 2;
    }
    body = Buffer.concat(parts);
  }
  return { status: Number(status[1]), headers, body: body.toString('utf8') };
}

/**
 * Sends bytes on a connection of their own and reads until the server closes it (the requests say Connection: close).
 * `finish`: leave the connection open (the default), half-close it after sending (Node's server then drops a request
 * not yet answered, as a client gone away), or reset it.
 */
function raw(port: number, bytes: Buffer | string, finish: 'end' | 'open' | 'reset' = 'open'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(parseAnswer(Buffer.concat(chunks))));
    socket.setTimeout(60_000, () => reject(new Error(`no answer to ${JSON.stringify(String(bytes).slice(0, 200))}`)));
    socket.write(bytes, () => {
      if (finish === 'end') socket.end();
      if (finish === 'reset') socket.resetAndDestroy();
    });
  });
}

const HOST = 'Host: 127.0.0.1\r\nConnection: close\r\n';

function post(path: string, body: string | Buffer, headers = 'Content-Type: application/json\r\n'): Buffer {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body);
  return Buffer.concat([
    Buffer.from(`POST ${path} HTTP/1.1\r\n${HOST}${headers}Content-Length: ${bytes.length}\r\n\r\n`, 'latin1'),
    bytes,
  ]);
}

async function appInfo(port: number): Promise<Answer> {
  return raw(port, post('/api/app.info', '{}'));
}

/** An /api error answer: the status, and the contract's envelope with its message in both languages. */
function expectEnvelope(answer: Answer, status: number, code?: string) {
  expect(answer.status).toBe(status);
  const envelope = JSON.parse(answer.body);
  expect(envelope).toMatchObject({
    ok: false,
    error: { code: code ?? expect.any(String), message: { vi: expect.any(String), en: expect.any(String) } },
  });
  return envelope.error as { code: string; message: { vi: string; en: string } };
}

/** Whether the bridge reads a path as a call: /api/… once the address is resolved (`/api/../x` is not). */
function isApi(path: string): boolean {
  try {
    return new URL(path, 'http://127.0.0.1').pathname.startsWith('/api/');
  } catch {
    return path.startsWith('/api/');
  }
}

let dir: ReturnType<typeof tempDir>;
let served: Served;

beforeAll(async () => {
  dir = tempDir();
  served = await startServe(dir.dir);
});
afterAll(async () => {
  if (served.child.exitCode === null) {
    const exited = new Promise((resolve) => served.child.once('exit', resolve));
    served.child.kill('SIGTERM');
    await exited;
  }
  dir.remove();
});

describe('serve answers every malformed request', () => {
  it('answers a malformed address with an error, on /api with the envelope', async () => {
    const { port } = served;
    for (const path of ['/%E0%A4%A', '/%', '/%ZZ', '/%00', '/a%00b', '/%C0%AF', '/%ED%A0%80']) {
      const answer = await raw(port, `GET ${path} HTTP/1.1\r\n${HOST}\r\n`);
      expect(answer.status, path).toBe(400);
    }
    for (const path of ['/api/%ZZ', '/api/%E0%A4%A', '/api/%', '/api/app.info%00', '/api/%FF']) {
      expectEnvelope(await raw(port, post(path, '{}')), 400, 'invalid_input');
    }
    expectEnvelope(await raw(port, post('/api/no%20such', '{}')), 404, 'unknown_method');
    expectEnvelope(await raw(port, post('/api/__proto__', '{}')), 404, 'unknown_method');
    expectEnvelope(await raw(port, post('/api/constructor', '{}')), 404, 'unknown_method');
    // Nothing outside the UI's folder, however the path is written.
    for (const path of ['/..%2fsecret.txt', '/%2e%2e/secret.txt', '//../secret.txt', '/..\\secret.txt', '//']) {
      const answer = await raw(port, `GET ${path} HTTP/1.1\r\n${HOST}\r\n`);
      expect(answer.status, path).not.toBeNull();
      expect(answer.status, path).toBeLessThan(500);
      expect(answer.body, path).not.toContain('secret');
    }
    expect((await appInfo(port)).status).toBe(200);
  });

  it('answers wrong methods, hosts and content types', async () => {
    const { port } = served;
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'PROPFIND']) {
      const answer = await raw(port, `${method} /api/app.info HTTP/1.1\r\n${HOST}Content-Length: 2\r\n\r\n{}`);
      expectEnvelope(answer, 405, 'invalid_input');
      expect(answer.headers.allow).toBe('POST');
    }
    expect((await raw(port, `HEAD /api/app.info HTTP/1.1\r\n${HOST}\r\n`)).status).toBe(405);
    expect((await raw(port, `DELETE / HTTP/1.1\r\n${HOST}\r\n`)).status).toBe(405);
    expectEnvelope(
      await raw(port, 'POST /api/app.info HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n'),
      421,
    );
    expectEnvelope(await raw(port, 'POST /api/app.info HTTP/1.0\r\nContent-Length: 0\r\n\r\n'), 421);
    for (const type of [
      'text/plain',
      'application/jsonx',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/json; charset=latin1',
      'application/json; charset=utf-16',
    ]) {
      expectEnvelope(await raw(port, post('/api/app.info', '{}', `Content-Type: ${type}\r\n`)), 415, 'invalid_input');
    }
    expectEnvelope(await raw(port, post('/api/app.info', '{}', '')), 415);
    const gzip = 'Content-Type: application/json\r\nContent-Encoding: gzip\r\n';
    expectEnvelope(await raw(port, post('/api/app.info', '{}', gzip)), 415);
    for (const type of [
      'application/json',
      'Application/JSON',
      'application/json; charset=UTF-8',
      'application/json;charset="utf-8"',
    ]) {
      expect((await raw(port, post('/api/app.info', '{}', `Content-Type: ${type}\r\n`))).status, type).toBe(200);
    }
  });

  it('answers bodies that are not a call', async () => {
    const { port } = served;
    const bodies: [string | Buffer, number][] = [
      ['{', 400],
      ['{"a":', 400],
      ['undefined', 400],
      ["{'a':1}", 400],
      [Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]), 400],
      [Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d]), 200],
      [Buffer.from([0xfe, 0xff, 0x00, 0x7b, 0x00, 0x7d]), 400],
      ['[]', 400],
      ['"text"', 400],
      ['1e999', 400],
      ['{"__proto__":{"admin":true}}', 400],
      ['{"constructor":{"prototype":{}}}', 400],
      [`${'['.repeat(200_000)}${']'.repeat(200_000)}`, 400],
      [`{"a":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}`, 400],
      ['null', 200],
      ['  ', 200],
    ];
    for (const [body, status] of bodies) {
      const answer = await raw(port, post('/api/app.info', body));
      expect(answer.status, String(body).slice(0, 40)).toBe(status);
      if (status === 200) expect(JSON.parse(answer.body)).toMatchObject({ ok: true });
      else expectEnvelope(answer, status, 'invalid_input');
    }
    // A deeply nested input to a method whose fields hold anything: refused or taken, never a crash.
    const deep = await raw(port, post('/api/donors.list', `{"filter":${'['.repeat(50_000)}${']'.repeat(50_000)}}`));
    expect(deep.status).toBeGreaterThanOrEqual(200);
    expect(deep.status).toBeLessThan(500);
    expect((await appInfo(port)).status).toBe(200);
  });

  it(`takes a call of up to ${MAX_BODY_MB} MB (files of ${MAX_FILES_MB} MB in base64) and answers 413 past it`, async () => {
    const { port } = served;
    // A 20 MB workbook, the largest the import reads, fits in one call with room to spare.
    expect(Math.ceil((20 * 1024 * 1024) / 3) * 4).toBeLessThan(MAX_BODY_BYTES - 1024 * 1024);
    expect(40_000_000).toBeLessThan(MAX_BODY_BYTES - 1024 * 1024);
    const padded = (size: number) => {
      const body = Buffer.alloc(size, 0x61);
      body.write('{"x":"', 0);
      body.write('"}', size - 2);
      return body;
    };
    // At the limit the call is read (and refused by the contract for its unknown field).
    expectEnvelope(await raw(port, post('/api/app.info', padded(MAX_BODY_BYTES))), 400, 'invalid_input');
    const over = expectEnvelope(await raw(port, post('/api/app.info', padded(MAX_BODY_BYTES + 1))), 413, 'too_large');
    expect(over.message.vi).toContain(`${MAX_BODY_MB} MB`);
    expect(over.message.en).toContain(`${MAX_FILES_MB} MB`);
    // Declared too large: answered at once, without reading the body.
    const declared = `POST /api/imports.files HTTP/1.1\r\n${HOST}Content-Type: application/json\r\nContent-Length: ${10 ** 12}\r\n\r\n`;
    expectEnvelope(await raw(port, declared, 'open'), 413, 'too_large');
    const continued = `POST /api/imports.files HTTP/1.1\r\n${HOST}Content-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: ${MAX_BODY_BYTES + 1}\r\n\r\n`;
    expectEnvelope(await raw(port, continued, 'open'), 413, 'too_large');
    // Sent in chunks with no length given: cut off at the limit, answered 413 to a client still sending.
    const chunked = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/api/imports.files',
          method: 'POST',
          headers: { 'content-type': 'application/json' },
        },
        (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode!, body }));
        },
      );
      req.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
      });
      const chunk = Buffer.alloc(1024 * 1024, 0x61);
      let sent = 0;
      const pump = () => {
        while (sent < 2 * MAX_BODY_MB) {
          sent++;
          if (req.destroyed) return;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        req.end();
      };
      pump();
    });
    expect(chunked.status).toBe(413);
    expect(JSON.parse(chunked.body).error.code).toBe('too_large');
    expect((await appInfo(port)).status).toBe(200);
  });

  it('answers requests the HTTP parser refuses, and clients that go away', async () => {
    const { port } = served;
    const refused = [
      'GARBAGE\r\n\r\n',
      'GET\r\n\r\n',
      'GET / HTTP/9.9\r\n\r\n',
      `POST /api/app.info HTTP/1.1\r\n${HOST}Content-Length: abc\r\n\r\n{}`,
      `POST /api/app.info HTTP/1.1\r\n${HOST}Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}`,
      `POST /api/app.info HTTP/1.1\r\n${HOST}Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n{}`,
      `POST /api/app.info HTTP/1.1\r\n${HOST}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`,
      `GET / HTTP/1.1\r\n${HOST}X-\u0001: y\r\n\r\n`,
      `GET /a b HTTP/1.1\r\n${HOST}\r\n`,
      `GET /\u0000 HTTP/1.1\r\n${HOST}\r\n`,
      `GET / HTTP/1.1\r\n${HOST}Bad Header\r\n\r\n`,
    ];
    for (const request of refused) {
      const answer = await raw(port, request);
      expectEnvelope(answer, 400);
    }
    expectEnvelope(await raw(port, `GET / HTTP/1.1\r\n${HOST}X: ${'a'.repeat(100_000)}\r\n\r\n`), 431);
    expect((await raw(port, `POST /api/app.info HTTP/1.1\r\n${HOST}Expect: teapot\r\n\r\n`)).status).toBe(417);
    // Absolute-form addresses are read as their path.
    expectEnvelope(await raw(port, post('http://127.0.0.1/api/%E0', '{}')), 400);
    // Truncated bodies and clients that reset the connection: nobody to answer, and nothing breaks.
    const truncated = `POST /api/app.info HTTP/1.1\r\n${HOST}Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a"`;
    await raw(port, truncated, 'end');
    await raw(port, truncated, 'reset');
    await raw(
      port,
      `POST /api/app.info HTTP/1.1\r\n${HOST}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{"a"`,
      'reset',
    );
    await raw(port, 'GET / HTTP/1.1\r\nHo', 'reset');
    // Upgrades and tunnels are not served.
    await raw(port, `GET / HTTP/1.1\r\n${HOST}Upgrade: websocket\r\nConnection: Upgrade\r\n\r\n`);
    await raw(port, 'CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: 127.0.0.1:22\r\n\r\n');
    expect((await appInfo(port)).status).toBe(200);
    expect(served.child.exitCode).toBeNull();
  });

  it('answers generated malformed requests, and still answers afterwards', async () => {
    const { port } = served;
    const random = randomFor('serve-requests');
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const pieces = [
      '%',
      '%Z',
      '%E0%A4%A',
      '%C3',
      '%C3%A1',
      '%00',
      '%2f',
      '..',
      'á',
      'Sổ',
      '\u00ff',
      '/',
      'api',
      'app.info',
      '?',
      '#',
      ';',
      '%25',
      '\\',
    ];
    const names = ['app.info', 'no.such', 'donors.list', 'totals', ''];
    // Weighted towards what the bridge reads as a call, so refusals come from every step of reading one.
    const methods = [
      'POST',
      'POST',
      'POST',
      'POST',
      'GET',
      'POST',
      'PUT',
      'HEAD',
      'OPTIONS',
      'DELETE',
      'FOO',
      'G ET',
      'post',
      '',
    ];
    const types = [
      'application/json',
      'application/json',
      'application/json',
      'text/plain',
      'application/json; charset=utf-16',
      '',
      'application/json\u0001',
    ];
    const bodies = ['{}', '{', 'null', '{"a":1}', '\u00ff\u00fe', '[[[[', '{"name":"á"}', '', '{"x":"%E0%A4%A"}'];
    const seen = new Map<number | null, number>();
    for (let i = 0; i < 300; i++) {
      const garbled = Array.from({ length: random() < 0.3 ? 0 : Math.floor(random() * 4) }, () => pick(pieces)).join(
        '',
      );
      const path = `/${random() < 0.6 ? `api/${pick(names)}` : ''}${garbled}`;
      const body = Buffer.from(pick(bodies), 'latin1');
      const length = random() < 0.8 ? body.length : pick([0, body.length + 5, -1, 'x', 10 ** 15]);
      const type = pick(types);
      const head = `${pick(methods)} ${path} HTTP/1.1\r\n${random() < 0.9 ? HOST : 'Host: evil\r\nConnection: close\r\n'}${type ? `Content-Type: ${type}\r\n` : ''}Content-Length: ${length}\r\n\r\n`;
      const whole = length === body.length;
      const answer = await raw(port, Buffer.concat([Buffer.from(head, 'latin1'), body]), whole ? 'open' : 'end');
      seen.set(answer.status, (seen.get(answer.status) ?? 0) + 1);
      const what = JSON.stringify(head);
      // An answer whenever the request was whole (a body shorter than declared has nobody to answer).
      if (whole) expect(answer.status, what).not.toBeNull();
      if (answer.status === null) continue;
      expect(answer.status === 200 || (answer.status >= 400 && answer.status < 500), what).toBe(true);
      // A HEAD answer has no body, by HTTP's rules.
      if (answer.status >= 400 && isApi(path) && !head.startsWith('HEAD ')) {
        expect(JSON.parse(answer.body), what).toMatchObject({
          ok: false,
          error: { message: { vi: expect.any(String) } },
        });
      }
    }
    // The generator reaches refusals of every kind.
    for (const status of [400, 404, 405, 415, 421]) expect(seen.get(status), `${status}`).toBeGreaterThan(0);
    expect((await appInfo(port)).status).toBe(200);
    expect(served.output()).not.toMatch(/URIError|Uncaught|TypeError|RangeError/);
  });
});

describe('stopping serve', () => {
  it('stops on SIGTERM with a request under way and an idle connection open', async () => {
    const folder = tempDir();
    const stopping = await startServe(folder.dir);
    try {
      const exited = new Promise<number | null>((resolve) => stopping.child.once('exit', resolve));
      // A keep-alive connection left idle, and a call whose body stalls half-way.
      const idle = connect(stopping.port, '127.0.0.1');
      idle.on('error', () => undefined);
      idle.write(post('/api/app.info', '{}').toString().replace('Connection: close', 'Connection: keep-alive'));
      await new Promise((resolve) => idle.once('data', resolve));
      // Expect: 100-continue makes the server say when it has the request; then half the body comes, and no more.
      const stalled = connect(stopping.port, '127.0.0.1');
      const stalledAnswer: Buffer[] = [];
      stalled.on('error', () => undefined);
      stalled.write(
        `POST /api/app.info HTTP/1.1\r\n${HOST}Content-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: 1000\r\n\r\n`,
      );
      await new Promise((resolve) => stalled.once('data', resolve));
      stalled.write('{"a"');
      stalled.on('data', (chunk) => stalledAnswer.push(chunk));
      const stalledClosed = new Promise((resolve) => stalled.once('close', resolve));
      stopping.child.kill('SIGTERM');
      await stalledClosed;
      expectEnvelope(parseAnswer(Buffer.concat(stalledAnswer)), 503);
      expect(await exited).toBe(0);
      idle.destroy();
    } finally {
      if (stopping.child.exitCode === null) stopping.child.kill('SIGKILL');
      folder.remove();
    }
  });
});
