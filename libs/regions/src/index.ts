export type { RegionKind } from './regions.data';
export {
  RegionCatalogue,
  assertRegionCode,
  cityOf,
  isKnownIdPrefix,
  isRegionCode,
  provinceOf,
  provinces,
  regionKind,
  regionName,
} from './regions.catalogue';
