/**
 * This installation's key pair (Ed25519), made when the ledger is first opened by a release that signs its bundles,
 * and kept in the ledger's settings: the private key as PKCS#8 DER, the public one as SPKI DER, both base64. A backup
 * carries them; a copy of the ledger file signs as the same office.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Ctx } from '../core/context';
import type { DB } from '../core/schema';
import { prepared } from '../core/statements';

export const PUBLIC_KEY_SETTING = 'site.publicKey';
export const PRIVATE_KEY_SETTING = 'site.privateKey';

/** Makes this installation's key pair if it has none yet (once, at the first opening by this release). */
export async function ensureKeys(db: Kysely<DB>, now: string): Promise<void> {
  const known = await db
    .selectFrom('settings')
    .select('key')
    .where('key', 'in', [PUBLIC_KEY_SETTING, PRIVATE_KEY_SETTING])
    .execute();
  if (known.length === 2) return;
  const pair = generateKeyPairSync('ed25519');
  const values = [
    { key: PRIVATE_KEY_SETTING, value: pair.privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64') },
    { key: PUBLIC_KEY_SETTING, value: pair.publicKey.export({ type: 'spki', format: 'der' }).toString('base64') },
  ];
  await db.transaction().execute(async (trx) => {
    for (const { key, value } of values) {
      await trx
        .insertInto('settings')
        .values({ key, value, updatedAt: now })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value, updatedAt: now }))
        .execute();
    }
  });
}

/** This installation's keys, as stored. */
export function ownKeys(ctx: Pick<Ctx, 'sqlite'>): { publicKey: string; privateKey: KeyObject } {
  const value = (key: string) =>
    (prepared(ctx.sqlite, 'SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  const publicKey = value(PUBLIC_KEY_SETTING);
  const privateKey = value(PRIVATE_KEY_SETTING);
  if (!publicKey || !privateKey) throw new Error('this ledger has no key pair (it is made when the ledger opens)');
  return {
    publicKey,
    privateKey: createPrivateKey({ key: Buffer.from(privateKey, 'base64'), format: 'der', type: 'pkcs8' }),
  };
}

/** An Ed25519 signature of a text, base64. */
export function signText(privateKey: KeyObject, text: string): string {
  return sign(null, Buffer.from(text, 'utf8'), privateKey).toString('base64');
}

/** Whether `signature` (base64) is the signature of `text` by the key `publicKey` (SPKI DER, base64). */
export function verifyText(publicKey: string, text: string, signature: string): boolean {
  let key: KeyObject;
  try {
    key = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
  } catch {
    return false;
  }
  if (key.asymmetricKeyType !== 'ed25519') return false;
  try {
    return verify(null, Buffer.from(text, 'utf8'), key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * A key's code: the first 60 bits of the SHA-256 of the public key, as 12 base32 letters and digits (no 0, 1, 8 or 9
 * to mishear), shown in groups of four. Anyone can read it aloud; a card whose key is not the office's has another.
 */
export function codeOf(publicKey: string): string {
  const digest = createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest();
  let bits = 0n;
  for (const byte of digest.subarray(0, 8)) bits = (bits << 8n) | BigInt(byte);
  let code = '';
  for (let i = 0; i < 12; i++) code += BASE32[Number((bits >> BigInt(64 - 5 * (i + 1))) & 31n)];
  return code;
}
