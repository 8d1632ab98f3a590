export type { RegionKind } from './regions.data';
export {
  RegionCatalogue,
  assertRegionCode,
  cityOf,
  isKnownIdPrefix,
  isRegionCode,
  isSamePlace,
  isWithin,
  provinceOf,
  provinces,
  regionKind,
  regionName,
} from './regions.catalogue';
