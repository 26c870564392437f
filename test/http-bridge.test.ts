/** The loopback HTTP transport: the contract over POST /api/<method>, loopback-only, JSON-only. */
import type { AddressInfo } from 'node:net';
import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHODS } from '../contract';
import { createBridge } from '../scripts/http-bridge';
import { tempLedger, type TestLedger } from './helpers';

let t: TestLedger;
let server: ReturnType<typeof createBridge>;
let port: number;

beforeAll(async () => {
  t = await tempLedger();
  const staticDir = join(t.dir, 'static');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Sổ</title>');
  writeFileSync(join(t.dir, 'secret.txt'), 'secret');
  server = createBridge(t.service, staticDir);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await t.close();
});

function send(path: string, options: { method?: string; body?: string; headers?: Record<string, string> } = {}) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

const post = (method: string, input: unknown, headers: Record<string, string> = {}) =>
  send(`/api/${method}`, {
    method: 'POST',
    body: JSON.stringify(input),
    headers: { 'content-type': 'application/json', ...headers },
  });

describe('http bridge', () => {
  it('lists the methods and answers contract calls', async () => {
    const list = await send('/api');
    expect(JSON.parse(list.body)).toEqual({ methods: METHODS });
    const created = await post('donors.create', {
      name: "Blue Dragon Children's Foundation",
      kind: 'foreign_ngo',
      country: 'Australia',
    });
    expect(created.status).toBe(200);
    expect(JSON.parse(created.body)).toMatchObject({ ok: true, result: { name: "Blue Dragon Children's Foundation" } });
    const info = JSON.parse((await post('app.info', {})).body);
    expect(info.result.counts.donors).toBe(1);
  });

  it('answers typed errors', async () => {
    const bad = await post('donors.create', { name: '', kind: 'foreign_ngo' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'name', message: { vi: expect.any(String), en: expect.any(String) } },
    });
    expect((await post('no.such', {})).status).toBe(404);
    const notJson = await send('/api/app.info', {
      method: 'POST',
      body: '{',
      headers: { 'content-type': 'application/json' },
    });
    expect(notJson.status).toBe(400);
    expect((await send('/api/app.info', { method: 'GET' })).status).toBe(405);
  });

  it('refuses calls a foreign page could make', async () => {
    // A cross-site form post cannot send JSON; a script on another origin is refused by Origin; a rebound host name by Host.
    expect(
      (await send('/api/app.info', { method: 'POST', body: '{}', headers: { 'content-type': 'text/plain' } })).status,
    ).toBe(415);
    expect((await post('app.info', {}, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await post('app.info', {}, { origin: `http://127.0.0.1:${port}` })).status).toBe(200);
    expect((await post('app.info', {}, { host: 'evil.example' })).status).toBe(421);
  });

  it('serves the UI with its CSP and nothing outside its folder', async () => {
    const page = await send('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('Sổ');
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(String(page.headers['content-security-policy'])).not.toContain('unsafe-eval');
    const traversal = await send('/..%2fsecret.txt');
    expect(traversal.body).not.toContain('secret');
  });
});
