/** The one error shape every transport returns: a code, the message in both languages, and the field at fault. */
export type LedgerErrorCode =
  | 'invalid_input'
  | 'unknown_method'
  | 'not_found'
  | 'duplicate'
  | 'in_use'
  | 'over_delivered'
  | 'amount_mismatch'
  | 'rate_missing'
  | 'schema_too_new'
  | 'ledger_damaged'
  | 'too_large'
  /** A bundle of an earlier release (unsigned): merged only on purpose, from an office recorded as such. */
  | 'unsigned_bundle'
  /** A bundle or card from an office this ledger has not accepted (or has revoked). */
  | 'unknown_office'
  /** A bundle from an office this ledger revoked. */
  | 'office_revoked'
  /** A bundle's deletions need the user's confirmation; nothing was written. */
  | 'confirmation_required'
  /** The ledger is open read-only here (held by another program, on a network or synced folder, on read-only media). */
  | 'read_only'
  /** Another program was writing the ledger for longer than the wait: nothing was changed; try again. */
  | 'busy'
  | 'internal';

export interface Bilingual {
  vi: string;
  en: string;
}

export interface LedgerErrorShape {
  code: LedgerErrorCode;
  message: Bilingual;
  field?: string;
}

export class LedgerError extends Error {
  readonly code: LedgerErrorCode;
  readonly bilingual: Bilingual;
  readonly field?: string;

  constructor(code: LedgerErrorCode, message: Bilingual, field?: string) {
    super(message.en);
    this.name = 'LedgerError';
    this.code = code;
    this.bilingual = message;
    if (field !== undefined) this.field = field;
  }

  toShape(): LedgerErrorShape {
    return this.field === undefined
      ? { code: this.code, message: this.bilingual }
      : { code: this.code, message: this.bilingual, field: this.field };
  }

  static fromShape(shape: LedgerErrorShape): LedgerError {
    return new LedgerError(shape.code, shape.message, shape.field);
  }
}

export type Envelope<R> = { ok: true; result: R } | { ok: false; error: LedgerErrorShape };
