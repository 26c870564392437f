/**
 * The first-start chooser finds every one of the 63 provinces before the reform: typed without accents, a former
 * province offers the province it joined ("ha giang" → "Tỉnh Tuyên Quang — gồm tỉnh Hà Giang cũ"), a province that
 * continued offers itself. Which province each became is the catalogue's (the units' successors), not a list here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Place, PlacesSetup } from '../../contract';
import { foldText } from '../../contract/text';
import { provinceMatches, provinceOptions } from '../../renderer/src/components/provinceChoice';
import { initI18n } from '../../renderer/src/i18n';
import { type TestLedger, tempLedger } from '../helpers';

const i18n = initI18n('vi');
const vi = i18n.getFixedT('vi');
const en = i18n.getFixedT('en');

let country: TestLedger;
let setup: PlacesSetup;
let provinces: Place[];
beforeAll(async () => {
  country = await tempLedger({ seed: false });
  setup = await country.service.invoke('places.setup', {});
  await country.service.invoke('places.choose', { province: 'all' });
  provinces = (await country.service.invoke('places.list', {})).filter((p) => p.level === 'province');
}, 120_000);
afterAll(async () => {
  await country.close();
});

/** The provinces offered for what is typed. */
const offered = (typed: string) =>
  provinceOptions(setup.provinces, vi)
    .filter((o) => provinceMatches(typed, o))
    .map((o) => o.value);

describe('the province chooser', () => {
  it('finds each of the 63 provinces before the reform, offering the one each became', () => {
    const before = provinces.filter((p) => p.validFrom === null);
    expect(new Set(before.map((p) => p.displayName)).size).toBe(63);
    const byId = new Map(provinces.map((p) => [p.id, p]));
    for (const province of before) {
      // A province that continued is today's; one merged away became the one its successor names.
      const became = province.validTo === null ? [province] : province.successorIds.map((id) => byId.get(id)!);
      expect(became.length, province.displayName).toBeGreaterThan(0);
      for (const typed of [foldText(province.name), province.displayName]) {
        const found = offered(typed);
        for (const today of became) expect(found, `${typed} → ${today.displayName}`).toContain(today.code);
      }
    }
  });

  it('names the former provinces beside the one they joined, in both languages', () => {
    const tuyenQuang = (t: typeof vi) =>
      provinceOptions(setup.provinces, t).find((o) => o.label === 'Tỉnh Tuyên Quang')!;
    expect(tuyenQuang(vi).merged).toBe('gồm tỉnh Hà Giang cũ');
    expect(tuyenQuang(en).merged).toBe('including the former Hà Giang province');
    expect(offered('ha giang')).toEqual([tuyenQuang(vi).value]);
    expect(offered('tinh ha giang')).toEqual([tuyenQuang(vi).value]);
    // Several merged into one: each is named.
    const hcm = provinceOptions(setup.provinces, vi).find((o) => o.label === 'Thành phố Hồ Chí Minh')!;
    expect(hcm.merged).toMatch(/^gồm tỉnh .+ cũ, tỉnh .+ cũ$/);
    expect(offered('binh duong')).toEqual([hcm.value]);
    expect(offered('vung tau')).toEqual([hcm.value]);
    expect(offered('xyz')).toEqual([]);
  });
});
