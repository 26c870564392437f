/**
 * The floors of the UI bench: the same contract calls the page made in a run, made directly in Node through the
 * ledger's service, one after the other as the bridge answers them; and for the place picker, its own matching over
 * the same folded names with no page around it. Timed as the page's runs are: each run on its own, the median kept.
 */
import { foldPlaceText } from '../../contract/text';
import { openLedger } from '../../db/core/open';
import { createLedgerService } from '../../db/service';
import { firstMatches } from '../../renderer/src/components/pickerOptions';
import { PICKER_WORD } from './scenarios';
import type { PageCall } from './page';

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** The median time of making each run's calls directly, after one untimed pass over the first run's. */
export async function callsFloor(file: string, runs: readonly PageCall[][]): Promise<number> {
  const ledger = await openLedger(file);
  try {
    const service = createLedgerService(ledger);
    const make = async (calls: readonly PageCall[]) => {
      for (const { method, input } of calls) {
        const answer = await service.call(method, input);
        if (!answer.ok) throw new Error(`floor: ${method} refused: ${JSON.stringify(answer.error)}`);
      }
    };
    if (runs[0]) await make(runs[0]);
    const times: number[] = [];
    for (const calls of runs) {
      const start = performance.now();
      await make(calls);
      times.push(performance.now() - start);
    }
    return median(times);
  } finally {
    await ledger.close();
  }
}

/** The picker's matching of each keystroke of `PICKER_WORD` over the ledger's units, as the picker holds them. */
export async function pickerFloor(file: string, reps: number): Promise<number> {
  const ledger = await openLedger(file);
  const places = await createLedgerService(ledger).invoke('places.list', {});
  await ledger.close();
  const byId = new Map(places.map((p) => [p.id, p]));
  const options = places.map((p) => ({
    value: p.id,
    folded: foldPlaceText(`${p.displayName} ${p.parentId ? (byId.get(p.parentId)?.displayName ?? '') : ''}`),
  }));
  const times: number[] = [];
  for (let i = 0; i <= reps; i++)
    for (let k = 1; k <= PICKER_WORD.length; k++) {
      const start = performance.now();
      firstMatches(options, PICKER_WORD.slice(0, k), 200, foldPlaceText);
      if (i > 0) times.push(performance.now() - start);
    }
  return median(times);
}
