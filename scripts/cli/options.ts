import type { AidModality, AidStage } from '../../contract/items';

/** An option with a value. A name that several commands take is declared alike by each (one parse reads them all). */
export const text = { type: 'string' } as const;
/** An option without a value: false unless given. */
export const flag = { type: 'boolean', default: false } as const;

/** --sector, --modality and --stage: the aid items a result is of. */
export const ITEM_SCOPE_OPTIONS = { sector: text, modality: text, stage: text };

/** The aid items chosen by --sector, --modality and --stage (checked at the contract, like any input). */
export function itemScopeOf(values: {
  sector?: string | undefined;
  modality?: string | undefined;
  stage?: string | undefined;
}) {
  return {
    ...(values.sector ? { sectors: [values.sector] } : {}),
    ...(values.modality ? { modalities: [values.modality as AidModality] } : {}),
    ...(values.stage ? { stages: [values.stage as AidStage] } : {}),
  };
}
