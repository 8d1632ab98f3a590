import { FieldErrors, monthIndex } from './funds.validation';
import { isRegionCode, isSamePlace, isWithin } from '@tongban/regions';
import { loadCurrentTransferPolicy, TransferPolicy } from './transfer-policy.loader';

/** A period during which the person's basic pension relation was in `region`. */
export interface InsuredPeriod {
  /** GB/T 2260 code of the insured place (统筹地区): a county, city or province; compared on the hierarchy. */
  readonly region: string;
  /** YYYY-MM, inclusive */
  readonly from: string;
  /** YYYY-MM, inclusive */
  readonly to: string;
}

export interface InsuranceHistory {
  readonly hukouRegion: string;
  /** In chronological order, not overlapping; the last one is where the relation is now. */
  readonly periods: readonly InsuredPeriod[];
}

export type CollectionRule = 'hukou' | 'last-10-years' | 'previous-10-years' | 'hukou-fallback';

export interface CollectionRegionDecision {
  readonly region: string;
  readonly rule: CollectionRule;
  readonly explanation: string;
  /** Accumulated contribution months per insured place (see collectionPlaces), in order of first appearance. */
  readonly monthsByRegion: Readonly<Record<string, number>>;
}

/**
 * Where the pension is collected (待遇领取地), 国办发〔2009〕66号 Art. 6 — for information; the agencies decide:
 *   (1) the basic pension relation is in the hukou region (the last insured place is the hukou region)
 *       → the hukou region;                                                                       'hukou'
 *   (2) not in the hukou region, and ≥ 10 accumulated contribution years in the place where it is (the last
 *       insured place) → that place;                                                              'last-10-years'
 *   (3) not in the hukou region, < 10 years there → back to the previous insured place with ≥ 10 accumulated
 *       years (the most recent one);                                                              'previous-10-years'
 *   (4) not in the hukou region and < 10 years in every place → the relation and funds are gathered in the
 *       hukou region.                                                                             'hukou-fallback'
 *
 * Places are regions on the GB/T 2260 hierarchy (county ⊂ city ⊂ province), never compared as strings: a hukou
 * in 360102 (a 南昌 district) is in the place 360100 (南昌), and the other way round (see `collectionPlaces`).
 * Years are accumulated per place over all its periods (not necessarily consecutive), counted in months
 * (10 years = 120 months; the threshold comes from the policy). Temporary contribution accounts (Art. 5,
 * 临时基本养老保险缴费账户) are not modelled: give only periods in which the relation itself was in the region.
 */
export function pensionCollectionRegion(
  history: InsuranceHistory,
  policy: TransferPolicy = loadCurrentTransferPolicy(),
  pointer = '/body',
): CollectionRegionDecision {
  const periods = validateHistory(history, pointer);
  const threshold = policy.pension.collectionMinContributionYears * 12;
  const placeOf = collectionPlaces(periods.map((p) => p.region));
  const monthsByRegion: Record<string, number> = {};
  for (const p of periods) monthsByRegion[placeOf(p.region)] = (monthsByRegion[placeOf(p.region)] ?? 0) + p.to - p.from + 1;

  const { hukouRegion } = history;
  const current = placeOf(periods[periods.length - 1].region);
  const minYears = policy.pension.collectionMinContributionYears;
  const years = (place: string): string => formatYears(monthsByRegion[place]);
  const decide = (region: string, rule: CollectionRule, explanation: string): CollectionRegionDecision => ({
    region,
    rule,
    explanation: `国办发〔2009〕66号 Art. 6(${ruleArticle[rule]}): ${explanation}`,
    monthsByRegion,
  });

  if (isSamePlace(current, hukouRegion)) {
    const where =
      current === hukouRegion ? `the hukou region ${hukouRegion}` : `${current}, the same place as the hukou region ${hukouRegion}`;
    return decide(current, 'hukou', `the basic pension relation is in ${where}`);
  }
  if (monthsByRegion[current] >= threshold) {
    return decide(
      current,
      'last-10-years',
      `the relation is in ${current}, not the hukou region ${hukouRegion}, with ${years(current)} accumulated there (≥ ${minYears})`,
    );
  }
  for (let i = periods.length - 2; i >= 0; i--) {
    const place = placeOf(periods[i].region);
    if (place !== current && monthsByRegion[place] >= threshold) {
      return decide(
        place,
        'previous-10-years',
        `the relation is in ${current}, not the hukou region ${hukouRegion}, with only ${years(current)}; it goes back to ${place}, the previous insured place with ${years(place)} accumulated (≥ ${minYears})`,
      );
    }
  }
  return decide(
    hukouRegion,
    'hukou-fallback',
    `the relation is not in the hukou region and fewer than ${minYears} accumulated years in every insured place; the relation and funds are gathered in the hukou region ${hukouRegion}`,
  );
}

/**
 * The insured places of a history: each region counts toward the widest region of the history it lies within
 * (periods in 360102 and in 360100 are one place, 360100; with a period recorded for 360000 as well, all three
 * are the province). Regions on separate branches (360100 and 360200) stay separate places. The hukou region
 * takes no part: it is compared with the current place by containment either way.
 */
export function collectionPlaces(regions: readonly string[]): (region: string) => string {
  const distinct = [...new Set(regions)];
  const widest = new Map<string, string>();
  for (const r of distinct) {
    widest.set(
      r,
      distinct.filter((other) => isWithin(r, other)).reduce((w, other) => (isWithin(w, other) ? other : w), r),
    );
  }
  return (region) => widest.get(region) ?? region;
}

const ruleArticle: Record<CollectionRule, string> = {
  hukou: '1',
  'last-10-years': '2',
  'previous-10-years': '3',
  'hukou-fallback': '4',
};

function formatYears(months: number): string {
  const y = Math.floor(months / 12);
  const m = months % 12;
  return m === 0 ? `${y} years` : `${y} years ${m} months`;
}

interface Period {
  readonly region: string;
  readonly from: number;
  readonly to: number;
}

function validateHistory(history: InsuranceHistory, pointer: string): Period[] {
  const errors = new FieldErrors();
  const validRegion = (value: unknown): value is string => typeof value === 'string' && isRegionCode(value);
  if (!validRegion(history.hukouRegion)) errors.add(`${pointer}/hukouRegion`, 'must be a current GB/T 2260 region code');
  const raw: unknown = history.periods;
  const periods: Period[] = [];
  if (!Array.isArray(raw) || raw.length === 0) {
    errors.add(`${pointer}/periods`, 'must be a non-empty array of insured periods');
  } else {
    let previousTo: number | undefined;
    raw.forEach((entry: unknown, i) => {
      const at = `${pointer}/periods/${i}`;
      const p = (typeof entry === 'object' && entry !== null ? entry : {}) as Partial<Record<keyof InsuredPeriod, unknown>>;
      const from = monthIndex(p.from);
      const to = monthIndex(p.to);
      if (!validRegion(p.region)) errors.add(`${at}/region`, 'must be a current GB/T 2260 region code');
      if (from === undefined) errors.add(`${at}/from`, 'must be a month in YYYY-MM form');
      if (to === undefined) errors.add(`${at}/to`, 'must be a month in YYYY-MM form');
      if (from === undefined || to === undefined) return;
      if (to < from) errors.add(`${at}/to`, 'must not be before from');
      else if (previousTo !== undefined && from <= previousTo) {
        errors.add(`${at}/from`, 'must come after the previous period (chronological, not overlapping)');
      }
      previousTo = Math.max(previousTo ?? to, to);
      if (validRegion(p.region)) periods.push({ region: p.region, from, to });
    });
  }
  errors.throwIfAny('invalid insurance history');
  return periods;
}
