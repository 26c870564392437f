/**
 * Data from the ledger through react-query: cached per method and input; a write refreshes the reads it changes, as
 * `contract/refreshes.ts` declares them.
 */
import { keepPreviousData, QueryClient, useMutation, useQuery } from '@tanstack/react-query';
import type { FormInstance } from 'antd';
import type { Method, MethodInput, MethodResult } from '../../contract';
import { refreshesAfter } from '../../contract/refreshes';
import { api, ClientError } from './api';

export const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 60_000, retry: false, refetchOnWindowFocus: false } },
});

type Call<M extends Method> = (input: MethodInput<M>) => Promise<MethodResult<M>>;

export function call<M extends Method>(method: M, input: MethodInput<M>): Promise<MethodResult<M>> {
  return (api[method] as Call<M>)(input);
}

export function useLedger<M extends Method>(
  method: M,
  input: MethodInput<M>,
  options: { enabled?: boolean; keepPrevious?: boolean } = {},
) {
  return useQuery<MethodResult<M>, ClientError>({
    queryKey: [method, input],
    queryFn: () => call(method, input),
    enabled: options.enabled ?? true,
    // Keeps the last answer on screen while a changed filter loads, instead of flashing empty.
    placeholderData: options.keepPrevious ? keepPreviousData : undefined,
  });
}

/**
 * Reads again what a write changed (`REFRESHES` in contract/refreshes.ts): the reads on screen at once, the others
 * when a screen next shows them. Everything for a write that declares no refreshes. The reads are asked for in the
 * order declared: the ledger answers one call at a time, so the first (the ledger's rows after a pledge is saved) is
 * not kept waiting behind a slower one (its sums over a million pledges).
 */
export async function refreshAfter(method: Method): Promise<void> {
  const reads = refreshesAfter(method);
  if (reads === 'all') return queryClient.invalidateQueries();
  await Promise.all(
    reads.map((read) => queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] === read })),
  );
}

/**
 * A write; on success the reads it changes are refreshed, so tables and charts show it at once. The write is done when
 * the ledger has answered: the dialog that made it closes then, while the screens behind it are read again (waiting
 * for every screen's reads kept the dialog open, its Save spinning, for as long as the slowest of them took).
 */
export function useLedgerMutation<M extends Method>(method: M) {
  return useMutation<MethodResult<M>, ClientError, MethodInput<M>>({
    mutationFn: (input) => call(method, input),
    onSuccess: () => {
      void refreshAfter(method);
    },
  });
}

/**
 * Shows a failed save where the user will look: on the form field the ledger named (renamed where the form calls it
 * otherwise), or through `elsewhere` when the field is not on the form.
 */
export function showSaveError(
  form: FormInstance,
  error: unknown,
  language: string,
  fields: readonly string[],
  elsewhere: (text: string) => void,
  rename: Record<string, string> = {},
): void {
  const text = errorText(error, language);
  const field = error instanceof ClientError ? error.shape.field : undefined;
  const name = field === undefined ? undefined : (rename[field] ?? field);
  if (name !== undefined && fields.includes(name)) {
    form.setFields([{ name, errors: [text] }]);
    // The cursor goes to the field the ledger refused.
    form.focusField(name);
  } else elsewhere(text);
}

/** The message of a failed call in the user's language. */
export function errorText(error: unknown, language: string): string {
  if (error instanceof ClientError) return error.shape.message[language === 'en' ? 'en' : 'vi'];
  return error instanceof Error ? error.message : String(error);
}
