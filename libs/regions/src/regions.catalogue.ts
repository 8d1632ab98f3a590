import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, ProblemExtensionsOf } from '@tongban/errors';
import { PROVINCE_CODES, PROVINCE_PREFIXES, REGIONS, RegionEntry, RegionKind } from './regions.data';

const SIX_DIGITS = /^[0-9]{6}$/;

/** True when `code` is a current GB/T 2260 code of a province, city/prefecture or county-level area. */
export function isRegionCode(code: string): boolean {
  return typeof code === 'string' && SIX_DIGITS.test(code) && REGIONS.has(code);
}

/** Throws DomainError(InvalidRegionCode) unless `code` is a current region code. */
export function assertRegionCode(code: string, field?: string): void {
  lookup(code, field);
}

export function regionKind(code: string): RegionKind {
  return lookup(code).kind;
}

/** The province containing `code`, as 'xx0000'. */
export function provinceOf(code: string): string {
  lookup(code);
  return `${code.slice(0, 2)}0000`;
}

/**
 * The city/prefecture as 'xxxx00': the parent of a county, the code itself for a city,
 * undefined for a province.
 */
export function cityOf(code: string): string | undefined {
  const entry = lookup(code);
  if (entry.kind === 'province') return undefined;
  return `${code.slice(0, 4)}00`;
}

/**
 * Whether `code` lies within `area` on the GB/T 2260 hierarchy (county ⊂ city ⊂ province), a code lying
 * within itself: 360102 (东湖区) is within 360100 (南昌市) and 360000 (江西省); 360100 is not within 360102.
 * Both must be current codes.
 */
export function isWithin(code: string, area: string): boolean {
  if (code === area) {
    lookup(code);
    return true;
  }
  const kind = regionKind(area);
  if (kind === 'county') return false;
  if (kind === 'province') return provinceOf(code) === area;
  return cityOf(code) === area;
}

/** Whether two regions denote the same place at the coarser one's level: one lies within the other. */
export function isSamePlace(a: string, b: string): boolean {
  return isWithin(a, b) || isWithin(b, a);
}

/**
 * The name as published in GB/T 2260. Municipality groupings keep their official names,
 * e.g. 110100 is '市辖区'.
 */
export function regionName(code: string): string {
  return lookup(code).name;
}

/** The 31 province-level codes of the mainland, as 'xx0000'. */
export function provinces(): readonly string[] {
  return PROVINCE_CODES;
}

/**
 * Whether `prefix` can be the first six digits of a citizen ID number. Those digits name the region
 * of FIRST ISSUE, which may be a code withdrawn since (counties merged, cities renamed) and kept for
 * life. The dataset holds only current codes and no history, so a prefix is accepted if it is a current
 * code at any level, or — structurally — if its province part is a real province and its city part
 * is 01-99. Unknown provinces (00, 10, 20, 99, …) are rejected.
 */
export function isKnownIdPrefix(prefix: string): boolean {
  if (typeof prefix !== 'string' || !SIX_DIGITS.test(prefix)) return false;
  if (REGIONS.has(prefix)) return true;
  return PROVINCE_PREFIXES.has(prefix.slice(0, 2)) && prefix.slice(2, 4) !== '00';
}

function lookup(code: string, field?: string): RegionEntry {
  const label = field ?? 'region code';
  const extensions: ProblemExtensionsOf<ErrorCode.InvalidRegionCode> = field === undefined ? {} : { field };
  if (typeof code !== 'string' || !SIX_DIGITS.test(code)) {
    const got = typeof code === 'string' ? `${code.length} characters` : typeof code;
    throw new DomainError(ErrorCode.InvalidRegionCode, `${label} must be 6 digits (GB/T 2260); got ${got}`, {
      ...extensions,
      reason: 'format',
    });
  }
  const entry = REGIONS.get(code);
  if (entry === undefined) {
    const why = PROVINCE_PREFIXES.has(code.slice(0, 2))
      ? 'no current province, city or county has this code'
      : `no province has the prefix '${code.slice(0, 2)}'`;
    throw new DomainError(ErrorCode.InvalidRegionCode, `${label} '${code}' is not a current GB/T 2260 region: ${why}`, {
      ...extensions,
      reason: 'unknown',
    });
  }
  return entry;
}

/** Injectable facade over the module-level functions, for code that prefers constructor injection. */
@Injectable()
export class RegionCatalogue {
  isRegionCode(code: string): boolean {
    return isRegionCode(code);
  }
  assertRegionCode(code: string, field?: string): void {
    assertRegionCode(code, field);
  }
  regionKind(code: string): RegionKind {
    return regionKind(code);
  }
  provinceOf(code: string): string {
    return provinceOf(code);
  }
  cityOf(code: string): string | undefined {
    return cityOf(code);
  }
  isWithin(code: string, area: string): boolean {
    return isWithin(code, area);
  }
  isSamePlace(a: string, b: string): boolean {
    return isSamePlace(a, b);
  }
  regionName(code: string): string {
    return regionName(code);
  }
  provinces(): readonly string[] {
    return provinces();
  }
  isKnownIdPrefix(prefix: string): boolean {
    return isKnownIdPrefix(prefix);
  }
}
