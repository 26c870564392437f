/** The aid items screen's rules, apart from the screen: what the filters chosen ask for, and each stage's colour. */
import type { MethodInput } from '../../../contract';
import type { AidModality, AidStage } from '../../../contract/items';

export const STAGE_COLOURS: Record<AidStage, string> = {
  proposed: 'default',
  appraised: 'purple',
  approved: 'blue',
  implementing: 'gold',
  ended: 'cyan',
  settled: 'green',
  rejected: 'red',
  revoked: 'volcano',
};

/** The filters chosen: words to find, and one modality, sector and stage at most. */
export interface ItemChoices {
  text: string;
  modality?: AidModality | undefined;
  sector?: string | undefined;
  stage?: AidStage | undefined;
}

/** The list asked for: only the filters chosen (words only when there are some besides spaces). */
export function itemListInput({ text, modality, sector, stage }: ItemChoices): MethodInput<'items.list'> {
  return {
    ...(text.trim() ? { text } : {}),
    ...(modality ? { modalities: [modality] } : {}),
    ...(sector ? { sectors: [sector] } : {}),
    ...(stage ? { stages: [stage] } : {}),
  };
}
