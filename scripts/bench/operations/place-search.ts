/**
 * `--only place-search`: what the place picker does at each keystroke on a national ledger (the whole country's
 * 14,000 units, today's and former), with the picker's own code (`firstMatches` over the names folded once, the first
 * 200 matches handed to the list), against a bare loop over the same folded names with the same cut. Each repetition
 * types "xa truc hung" a letter at a time: the first letters match hundreds of units at once, the last few only one,
 * so every name is read. Target < 50 ms a keystroke.
 */
import { join } from 'node:path';
import { foldPlaceText } from '../../../contract/text';
import { openLedger } from '../../../db/core/open';
import { createLedgerService } from '../../../db/service';
import { firstMatches } from '../../../renderer/src/components/pickerOptions';
import type { BenchOperation } from '../operation';

/** Typed a letter at a time, as an officer looking for a former commune would. */
const WORD = 'xa truc hung';
const KEYSTROKES = WORD.length;

export const placeSearch: BenchOperation = {
  only: 'place-search',
  target: { ratio: 1.5, ms: 50 * KEYSTROKES },
  ledger: 'own',
  ownFiles: true,
  async *lines({ work }) {
    const file = join(work, 'place-search.sqlite');
    const ledger = await openLedger(file, { create: true, siteName: 'Bench' });
    const service = createLedgerService(ledger);
    await service.invoke('places.choose', { province: 'all' });
    const places = await service.invoke('places.list', {});
    await ledger.close();
    const byId = new Map(places.map((p) => [p.id, p]));
    // As the picker holds them: each unit's name and its parent's, folded once when the list is loaded.
    const options = places.map((p) => ({
      value: p.id,
      folded: foldPlaceText(`${p.displayName} ${p.parentId ? (byId.get(p.parentId)?.displayName ?? '') : ''}`),
    }));
    const folded = options.map((o) => o.folded);
    let shown = 0;
    let floorShown = 0;
    yield {
      name: `place search: "${WORD}" typed, ${KEYSTROKES} keystrokes among the country's ${options.length} units`,
      ours: async () => {
        shown = 0;
        for (let i = 1; i <= KEYSTROKES; i++)
          shown += firstMatches(options, WORD.slice(0, i), 200, foldPlaceText).length;
      },
      floor: async () => {
        floorShown = 0;
        for (let i = 1; i <= KEYSTROKES; i++) {
          const wanted = WORD.slice(0, i);
          let found = 0;
          for (const text of folded) if (text.includes(wanted) && ++found >= 200) break;
          floorShown += found;
        }
      },
    };
    if (shown !== floorShown) throw new Error(`place search: ${shown} units shown, the floor ${floorShown}`);
  },
};
