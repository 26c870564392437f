/**
 * The offices area of the contract: the offices this ledger knows and trusts. Each installation has a key pair; its
 * **card** (a small signed file) carries its id, name, role, home place and public key, and a short **code** (a
 * fingerprint of the key) that the office reads aloud over the phone. Accepting a card needs that code typed: a card
 * altered on its way, or sent by someone else, does not match. Bundles are signed; a bundle is merged only from an
 * office accepted here, and only what lies in its scope (see `db/sync/vet/`).
 */
import { z } from 'zod';
import { EmptyInput, Id, oneLine } from './fields';
import { method } from './method';
import { SITE_ROLES, type SiteRole } from './settings';

export const OFFICE_CARD_FORMAT = 'aid-ledger-office';
export const OFFICE_CARD_FORMAT_VERSION = 1;
/** The extension of a card file. */
export const OFFICE_CARD_EXTENSION = '.aidoffice';

/** A site id as the app makes them (a UUID), or as an earlier release may have left it. */
export const SiteId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._-]{1,100}$/);

/** A card as its file holds it (JSON); the signature is checked by the ledger, the rest is read here too. */
export const OfficeCardFile = z.strictObject({
  format: z.literal(OFFICE_CARD_FORMAT),
  formatVersion: z.literal(OFFICE_CARD_FORMAT_VERSION),
  siteId: SiteId,
  name: z.string().min(1).max(100).refine(oneLine),
  role: z.enum(SITE_ROLES),
  place: z.strictObject({ id: Id, name: z.string().min(1).max(300).refine(oneLine) }).nullable(),
  /** Ed25519, SPKI DER, base64. */
  publicKey: z.string().regex(/^[A-Za-z0-9+/]{40,200}={0,2}$/),
  madeAt: z.string().max(40),
  /** Ed25519 over the card's other fields (`cardSignedText`), base64. */
  signature: z.string().regex(/^[A-Za-z0-9+/]{80,100}={0,2}$/),
});
export type OfficeCard = z.infer<typeof OfficeCardFile>;

/** The text a card's signature covers: its fields but the signature, in a fixed order. */
export function cardSignedText(card: Omit<OfficeCard, 'signature'>): string {
  return JSON.stringify([
    card.format,
    card.formatVersion,
    card.siteId,
    card.name,
    card.role,
    card.place?.id ?? null,
    card.place?.name ?? null,
    card.publicKey,
    card.madeAt,
  ]);
}

/** A card file's text read as a card (its signature unchecked: the ledger checks it on accepting), or null. */
export function readCardText(text: string): OfficeCard | null {
  try {
    const parsed = OfficeCardFile.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A code as typed: letters and digits only, upper case ("k7qd 3mxa-p2rt" is "K7QD3MXAP2RT"). */
export function normalizeOfficeCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** A code as shown and read aloud: groups of four ("K7QD-3MXA-P2RT"). */
export function showOfficeCode(code: string): string {
  return (normalizeOfficeCode(code).match(/.{1,4}/g) ?? []).join('-');
}

export const OfficeAcceptInput = z.strictObject({
  /** The card file's text. */
  card: z.string().max(20_000),
  /** The code the office read aloud, as typed (spaces and dashes do not matter). */
  officeCode: z.string().trim().min(1).max(40),
  /** Its home place here (the card proposes one; the province may set another). */
  placeId: Id.nullable().optional(),
  /** Its role here (the card's by default). */
  role: z.enum(SITE_ROLES).optional(),
});

/**
 * An office whose app is of an earlier release (no key, unsigned bundles), recorded from a bundle it sent: its id
 * and name as the bundle gives them, its role and place as the department sets them.
 */
export const OfficeAcceptLegacyInput = z.strictObject({
  fileName: z.string().trim().min(1).max(260),
  /** The bundle's bytes, base64-encoded. */
  base64: z.string().max(40_000_000),
  role: z.enum(SITE_ROLES),
  placeId: Id.nullable(),
});

export const OfficeRevokeInput = z.strictObject({ siteId: SiteId });

/** An office this ledger knows. */
export interface Office {
  siteId: string;
  name: string;
  role: SiteRole;
  /** Its home place here: a district or commune office changes only what lies there. */
  placeId: string | null;
  placeName: string | null;
  /** Its code, null for an office on an earlier release (recorded without a key). */
  code: string | null;
  acceptedAt: string;
  /** The person who accepted it. */
  acceptedBy: string;
  revokedAt: string | null;
}

/** This office's own card, to send to the others, and its code to read them. */
export interface OwnOfficeCard {
  fileName: string;
  /** The card file's text. */
  text: string;
  code: string;
  siteId: string;
  name: string;
  role: SiteRole;
  placeName: string | null;
}

export const officeMethods = {
  'offices.card': method<OwnOfficeCard>()(EmptyInput),
  'offices.list': method<Office[]>()(EmptyInput),
  'offices.accept': method<Office>()(OfficeAcceptInput),
  /** Records an office on an earlier release from one of its unsigned bundles (no key: its bundles taken on purpose). */
  'offices.admit': method<Office>()(OfficeAcceptLegacyInput),
  'offices.revoke': method<Office>()(OfficeRevokeInput),
} as const;
