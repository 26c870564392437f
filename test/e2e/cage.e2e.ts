/**
 * `serve` reading hostile files: the reading runs in the cage's worker, so the process keeps answering meanwhile —
 * its listing at once, a call to the ledger once the import's transaction is done, and SIGTERM — and each file is
 * refused naming why.
 */
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { loopingXls, mergesXlsx } from '../../scripts/bench/hostile-files';
import { tempDir } from '../helpers';
import { serve } from './serve';

const dir = tempDir();
afterAll(() => dir.remove());

it('serve answers while a workbook that loops its reader is read, and refuses it at its time limit; 1,000 merges over the whole sheet are refused as overlapping', async () => {
  const served = await serve(join(dir.dir, 'ledger.sqlite'));
  const answered: string[] = [];
  const call = async (method: string, input: unknown) => {
    const response = await fetch(`${served.url}api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    answered.push(method);
    return (await response.json()) as { ok: boolean; result?: { files: { errors: { messageEn: string }[] }[] } };
  };
  const preview = (fileName: string, bytes: Buffer) =>
    call('imports.files', { files: [{ fileName, base64: bytes.toString('base64') }], dryRun: true });
  try {
    const looping = preview('vong.xls', await loopingXls());
    // Sent after the import: the listing is answered first, while the reader loops (until terminated, at 3 s).
    const listing = fetch(`${served.url}api`).then(async (r) => {
      answered.push('listing');
      return (await r.json()) as { methods: string[] };
    });
    const info = call('app.info', {});
    const merges = preview('gop.xlsx', mergesXlsx(1_000));
    expect((await listing).methods).toContain('app.info');
    expect((await looping).result!.files[0]!.errors[0]!.messageEn).toMatch(/^Reading the file took over 3 s/);
    expect(answered.indexOf('listing')).toBeLessThan(answered.indexOf('imports.files'));
    expect(await info).toMatchObject({ ok: true, result: { name: expect.stringContaining('Aid Ledger') } });
    expect((await merges).result!.files[0]!.errors[0]!.messageEn).toContain('merged ranges that overlap');
  } finally {
    await served.stop();
  }
});
