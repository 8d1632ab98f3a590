import { addMonths, DateWindow } from '@tongban/calendar';
import { cityOf, provinceOf, regionKind } from '@tongban/regions';

/** Pure rules of the medical domain (no I/O), shared by the services and unit-tested on their own. */

/** `YYYY-MM` plus `by` months, on year and month numbers (Date.UTC would read the years 0–99 as 1900–1999). */
export const shiftMonth = (month: string, by: number): string => addMonths(`${month}-01`, by).slice(0, 7);

/**
 * Windows of the dates a region sends, around today in China (stated in contracts/openapi.yaml).
 * A filing may be registered up to a year ahead of a planned stay, or up to a year after its start
 * (补办备案 before discharge covers a stay admitted before the filing); an end date lies at most ten
 * years after the start: a longer stay is an open-ended long-term filing.
 */
export function filingWindows(today: string, validFrom: string): { validFrom: DateWindow; validTo: DateWindow } {
  return {
    validFrom: { notBefore: addMonths(today, -12), notAfter: addMonths(today, 12) },
    validTo: { notBefore: validFrom, notAfter: addMonths(validFrom, 12 * 10) },
  };
}

/**
 * A settlement is recorded at or after discharge, within a year of it; the stay began at most two years
 * ago (a longer stay is settled in parts, 中途结算).
 */
export function stayWindows(today: string): { admissionDate: DateWindow; dischargeDate: DateWindow } {
  return {
    admissionDate: { notBefore: addMonths(today, -24), notAfter: today },
    dischargeDate: { notBefore: addMonths(today, -12), notAfter: today },
  };
}

/** True when `inner` is `outer` or lies inside it (a city or county of a province, a county of a city). */
export function regionWithin(inner: string, outer: string): boolean {
  if (inner === outer) return true;
  switch (regionKind(outer)) {
    case 'province':
      return provinceOf(inner) === outer;
    case 'city':
      return cityOf(inner) === outer;
    default:
      return false;
  }
}

/** Whether a caller's region is concerned by a record of `region`: one lies inside the other. */
export const concerns = (caller: string, region: string): boolean => regionWithin(caller, region) || regionWithin(region, caller);

export interface AmountParts {
  totalFen: number;
  fundPaidFen: number;
  selfPaidFen: number;
}

/** Integer fen only, and the two parts make up the total exactly. */
export function amountsAddUp(a: AmountParts): boolean {
  return [a.totalFen, a.fundPaidFen, a.selfPaidFen].every(Number.isSafeInteger) && a.fundPaidFen + a.selfPaidFen === a.totalFen;
}

export interface CoverageFiling {
  filingId: string;
  insuredRegion: string;
  treatmentRegion: string;
  validFrom: string;
  validTo: string | null;
}

export interface Stay {
  insuredRegion: string;
  treatmentRegion: string;
  admissionDate: string;
  dischargeDate: string;
}

export type Coverage<F extends CoverageFiling> =
  { covered: true; filing: F } | { covered: false; rule: 'filing-required' | 'filing-region' | 'filing-validity'; detail: string };

/**
 * Which active filing covers a stay: registered by (a region containing) the settlement's insured
 * region, for a treatment region containing the settling region, valid on every day from admission
 * to discharge. When none does, the reason names the closest miss, most specific first.
 */
export function coveringFiling<F extends CoverageFiling>(active: readonly F[], stay: Stay): Coverage<F> {
  const insured = active.filter((f) => regionWithin(stay.insuredRegion, f.insuredRegion));
  if (insured.length === 0) {
    return {
      covered: false,
      rule: 'filing-required',
      detail: `no active filing of insured region ${stay.insuredRegion} exists for this person`,
    };
  }
  const here = insured.filter((f) => regionWithin(stay.treatmentRegion, f.treatmentRegion));
  if (here.length === 0) {
    // never name where else the person is filed for treatment: the settling region may be unrelated to them
    return {
      covered: false,
      rule: 'filing-region',
      detail: `no active filing of insured region ${stay.insuredRegion} covers treatment in ${stay.treatmentRegion}`,
    };
  }
  const valid = here.find((f) => f.validFrom <= stay.admissionDate && (f.validTo === null || f.validTo >= stay.dischargeDate));
  if (!valid) {
    const ranges = here.map((f) => `${f.validFrom}..${f.validTo ?? 'open'}`).join(', ');
    return {
      covered: false,
      rule: 'filing-validity',
      detail: `the stay ${stay.admissionDate}..${stay.dischargeDate} is not inside the validity of the filing for ${stay.treatmentRegion} (${ranges})`,
    };
  }
  return { covered: true, filing: valid };
}
