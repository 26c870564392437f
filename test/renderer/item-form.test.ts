/** The aid item form's rules, apart from the dialog: values as typed, the sectors offered, money and what is saved. */
import { describe, expect, it } from 'vitest';
import type { Place } from '../../contract';
import type { AidItem } from '../../contract/items';
import { initI18n } from '../../renderer/src/i18n';
import {
  initialCurrencies,
  initialItemValues,
  type ItemFormValues,
  itemInput,
  itemMoneyProblem,
  itemPlaceChoices,
  splitPlacesOf,
  todayInOf,
  itemStartInput,
  NEW_SECTOR,
  proposedStart,
  sectorOptions,
} from '../../renderer/src/components/itemForm';
import { donorLabel } from '../../renderer/src/components/pickerOptions';

/** A project of Plan International in Bảo Lạc: 50,000 USD, with 200,000,000 VND of counterpart funds. */
const school: AidItem = {
  id: 'i1',
  name: 'Trường mầm non Bảo Lạc',
  modality: 'project',
  sector: 'education',
  donorId: 'd1',
  donorName: 'Plan International',
  coDonorIds: ['d2'],
  governingBody: 'UBND tỉnh Cao Bằng',
  aidOwner: null,
  placeIds: ['pl1'],
  todayPlaceIds: {},
  startDate: '2023-01-01',
  endDate: null,
  valueMinor: 5_000_000,
  valueCurrency: 'USD',
  counterpartMinor: 200_000_000,
  counterpartCurrency: 'VND',
  budgetRevenue: true,
  approvalNumber: '123/QĐ-UBND',
  approvalDate: '2022-12-15',
  approvedBy: null,
  stage: 'approved',
  stageDate: '2022-12-15',
  notes: null,
  lineCount: 2,
  committedVnd: 1_150_000_000,
  disbursedVnd: 0,
  createdAt: '2022-12-15T00:00:00.000Z',
  updatedAt: '2022-12-15T00:00:00.000Z',
};

describe('the aid item form', () => {
  it('opens a new item as non-project social aid in VND, proposed today; an existing one written the user’s way', () => {
    const fresh = initialItemValues(undefined, 'vi', '2026-12-07');
    expect(fresh).toEqual({
      modality: 'non_project',
      sector: 'social',
      valueCurrency: 'VND',
      counterpartCurrency: 'VND',
      stage: 'proposed',
      stageDate: '07/12/2026',
    });
    expect(initialCurrencies(fresh)).toEqual({ value: 'VND', counterpart: 'VND' });
    const values = initialItemValues(school, 'en', '2026-12-07');
    expect(values).toMatchObject({
      startDate: '01/01/2023',
      endDate: '',
      valueMinor: '50,000.00',
      valueCurrency: 'USD',
      counterpartMinor: '200,000,000',
      aidOwner: '',
      approvalDate: '15/12/2022',
    });
    expect(values.stage).toBeUndefined();
    expect(initialCurrencies(values)).toEqual({ value: 'USD', counterpart: 'VND' });
  });

  it('offers the ledger’s sectors, the item’s own, and to add a new name typed that is none of them', () => {
    const name = (s: string) => ({ health: 'Y tế', education: 'Giáo dục' })[s] ?? s;
    const offer = (typed: string) => `+ Thêm lĩnh vực mới "${typed}"`;
    expect(sectorOptions(['health'], 'Môi trường', '', name, offer)).toEqual([
      { value: 'health', label: 'Y tế' },
      { value: 'Môi trường', label: 'Môi trường' },
    ]);
    expect(sectorOptions(['health'], undefined, 'y te', name, offer)).toEqual([{ value: 'health', label: 'Y tế' }]);
    // The offer is never the name itself: a picker taking its highlighted option cannot save it as a sector.
    expect(sectorOptions(['health'], 'health', 'Nước sạch', name, offer).at(-1)).toEqual({
      value: NEW_SECTOR,
      label: '+ Thêm lĩnh vực mới "Nước sạch"',
    });
  });

  it('names a co-donor with its short name', () => {
    expect(donorLabel({ name: 'Plan International', shortName: 'Plan' })).toBe('Plan International (Plan)');
    expect(donorLabel({ name: 'Tổ chức Tzu Chi', shortName: null })).toBe('Tổ chức Tzu Chi');
  });

  it('finds nothing wrong with an empty amount, and names what is wrong with an unreadable one', () => {
    const t = initI18n('vi').t;
    expect(itemMoneyProblem('', 'USD', 'vi', t)).toBeNull();
    expect(itemMoneyProblem(undefined, 'USD', 'vi', t)).toBeNull();
    expect(itemMoneyProblem('50.000,00', 'USD', 'vi', t)).toBeNull();
    expect(itemMoneyProblem('năm mươi', 'USD', 'vi', t)).toEqual(expect.any(String));
  });

  it('saves amounts with their currencies, a currency only with its amount, and empty text as none', () => {
    const values: ItemFormValues = {
      name: 'Trường mầm non',
      modality: 'project',
      sector: 'education',
      donorId: 'd1',
      governingBody: '',
      startDate: '01/01/2023',
      valueMinor: '50.000,00',
      counterpartMinor: '',
      approvalNumber: '123/QĐ-UBND',
    };
    expect(itemInput(values, { value: 'USD', counterpart: 'VND' }, 'vi')).toEqual({
      name: 'Trường mầm non',
      modality: 'project',
      sector: 'education',
      donorId: 'd1',
      coDonorIds: [],
      governingBody: null,
      aidOwner: null,
      placeIds: [],
      todayPlaceIds: {},
      startDate: '2023-01-01',
      endDate: null,
      valueMinor: 5_000_000,
      valueCurrency: 'USD',
      counterpartMinor: null,
      counterpartCurrency: null,
      budgetRevenue: false,
      approvalNumber: '123/QĐ-UBND',
      approvalDate: null,
      approvedBy: null,
      notes: null,
    });
  });

  it('opens with its places, saves those chosen, and offers every unit, former ones too, with its parent', () => {
    expect(initialItemValues(school, 'vi', '2026-12-07').placeIds).toEqual(['pl1']);
    const values = { name: 'x', modality: 'project', sector: 'health', donorId: 'd1' } as ItemFormValues;
    const currencies = { value: 'VND', counterpart: 'VND' };
    expect(itemInput({ ...values, placeIds: ['pl1', 'pl2'] }, currencies, 'vi').placeIds).toEqual(['pl1', 'pl2']);
    const place = (id: string, displayName: string, parentId: string | null, validTo: string | null = null) =>
      ({ id, displayName, parentId, validTo, level: parentId ? 'commune' : 'province' }) as Place;
    const choices = itemPlaceChoices(
      [place('p', 'Tỉnh Cao Bằng', null), place('a', 'Xã Đức Hạnh', 'p', '2025-06-30'), place('b', 'Xã Bảo Lạc', 'p')],
      (p) => (p.validTo ? `${p.displayName} (cũ)` : p.displayName),
    );
    expect(choices.map((c) => [c.value, c.label])).toEqual([
      ['p', 'Tỉnh Cao Bằng'],
      ['b', 'Xã Bảo Lạc · Tỉnh Cao Bằng'],
      ['a', 'Xã Đức Hạnh (cũ) · Tỉnh Cao Bằng'],
    ]);
    // Found by its own name or its parent's, accents aside.
    expect(choices.find((c) => c.value === 'a')!.folded).toContain('duc hanh');
  });

  it('offers "nay thuộc" for a place become several, and saves the units chosen for places still the item\'s', () => {
    const place = (id: string, displayName: string, successorIds: string[] = []) =>
      ({ id, displayName, successorIds }) as unknown as Place;
    const places = [
      place('old', 'Xã Cũ', ['a', 'b']),
      place('merged', 'Xã Gộp', ['a']),
      place('a', 'Xã A'),
      place('b', 'Xã B'),
    ];
    expect(splitPlacesOf(places, ['merged', 'a', 'old'])).toEqual([
      {
        id: 'old',
        name: 'Xã Cũ',
        successors: [
          { value: 'a', label: 'Xã A' },
          { value: 'b', label: 'Xã B' },
        ],
      },
    ]);
    expect(todayInOf({ placeIds: ['old'], todayPlaceIds: { old: 'b' } })).toEqual({ old: 'b' });
    // A place taken out takes its choice with it; one left empty says nothing.
    expect(todayInOf({ placeIds: ['a'], todayPlaceIds: { old: 'b' } })).toEqual({});
    expect(todayInOf({ placeIds: ['old'], todayPlaceIds: { old: undefined } })).toEqual({});
    expect(initialItemValues({ ...school, todayPlaceIds: { pl1: 'x' } }, 'vi', '2026-12-07').todayPlaceIds).toEqual({
      pl1: 'x',
    });
  });

  it('starts a new item at the stage chosen (proposed otherwise), on the day typed (today otherwise)', () => {
    const values = { name: 'x', modality: 'project', sector: 'health', donorId: 'd1' } as ItemFormValues;
    expect(itemStartInput(values, '2026-12-07')).toEqual({ stage: 'proposed', stageDate: '2026-12-07' });
    expect(itemStartInput({ ...values, stage: 'approved', stageDate: '15/12/2022' }, '2026-12-07')).toEqual({
      stage: 'approved',
      stageDate: '2022-12-15',
    });
  });

  it('proposes a new item approved on its decision’s date once the number and a readable date are typed', () => {
    const today = '2026-12-07';
    expect(proposedStart({}, today)).toEqual({ stage: 'proposed', stageDate: '07/12/2026' });
    expect(proposedStart({ approvalNumber: '123/QĐ-UBND', approvalDate: '15/12/2022' }, today)).toEqual({
      stage: 'approved',
      stageDate: '15/12/2022',
    });
    // Half a decision approves nothing: no number, no date, or a date that is no day.
    expect(proposedStart({ approvalNumber: '  ', approvalDate: '15/12/2022' }, today).stage).toBe('proposed');
    expect(proposedStart({ approvalNumber: '123/QĐ-UBND', approvalDate: '' }, today).stage).toBe('proposed');
    expect(proposedStart({ approvalNumber: '123/QĐ-UBND', approvalDate: '31/02/2022' }, today)).toEqual({
      stage: 'proposed',
      stageDate: '07/12/2026',
    });
  });
});
