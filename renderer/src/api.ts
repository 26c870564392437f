/**
 * The renderer's only way to the ledger: the Electron preload's named methods when present,
 * otherwise the loopback HTTP bridge. Both answer envelopes; failures become ClientError.
 */
import type { Envelope, LedgerErrorShape } from '../../contract/errors';
import type { LedgerBridge, LedgerClient, Method } from '../../contract';

declare global {
  interface Window {
    ledger?: LedgerBridge;
  }
}

export class ClientError extends Error {
  constructor(readonly shape: LedgerErrorShape) {
    super(shape.message.en);
  }
}

async function overHttp(method: string, input: unknown): Promise<Envelope<unknown>> {
  const response = await fetch(`/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input ?? {}),
  });
  return (await response.json()) as Envelope<unknown>;
}

export function createClient(bridge: LedgerBridge | undefined = window.ledger): LedgerClient {
  const send = (method: string, input: unknown): Promise<Envelope<unknown>> =>
    bridge ? (bridge[method as Method] as (i: unknown) => Promise<Envelope<unknown>>)(input) : overHttp(method, input);
  return new Proxy({} as LedgerClient, {
    get: (_target, method: string | symbol) =>
      typeof method !== 'string' || method === 'then'
        ? undefined
        : async (input: unknown) => {
            const envelope = await send(method, input);
            if (!envelope.ok) throw new ClientError(envelope.error);
            return envelope.result;
          },
  });
}

export const api = createClient();
