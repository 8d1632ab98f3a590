import { FieldErrors, monthIndex } from './funds.validation';
import { loadTransferPolicyV1, TransferPolicy } from './transfer-policy.loader';

/** A period during which the person's basic pension relation was in `region`. */
export interface InsuredPeriod {
  /** Region code of the pooling area (统筹地区), compared as given. */
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
  /** Accumulated contribution months per region, in order of first appearance. */
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
 * Years are accumulated per region over all its periods (not necessarily consecutive), counted in months
 * (10 years = 120 months; the threshold comes from the policy). Temporary contribution accounts (Art. 5,
 * 临时基本养老保险缴费账户) are not modelled: give only periods in which the relation itself was in the region.
 */
export function pensionCollectionRegion(
  history: InsuranceHistory,
  policy: TransferPolicy = loadTransferPolicyV1(),
  pointer = '/body',
): CollectionRegionDecision {
  const periods = validateHistory(history, pointer);
  const threshold = policy.pension.collectionMinContributionYears * 12;
  const monthsByRegion: Record<string, number> = {};
  for (const p of periods) monthsByRegion[p.region] = (monthsByRegion[p.region] ?? 0) + p.to - p.from + 1;

  const { hukouRegion } = history;
  const current = periods[periods.length - 1].region;
  const years = (region: string): string => formatYears(monthsByRegion[region]);
  const decide = (region: string, rule: CollectionRule, explanation: string): CollectionRegionDecision => ({
    region,
    rule,
    explanation: `国办发〔2009〕66号 Art. 6(${ruleArticle[rule]}): ${explanation}`,
    monthsByRegion,
  });

  if (current === hukouRegion) {
    return decide(hukouRegion, 'hukou', `the basic pension relation is in the hukou region ${hukouRegion}`);
  }
  if (monthsByRegion[current] >= threshold) {
    return decide(
      current,
      'last-10-years',
      `the relation is in ${current}, not the hukou region, with ${years(current)} accumulated there (≥ ${policy.pension.collectionMinContributionYears})`,
    );
  }
  for (let i = periods.length - 2; i >= 0; i--) {
    const { region } = periods[i];
    if (region !== current && monthsByRegion[region] >= threshold) {
      return decide(
        region,
        'previous-10-years',
        `the relation is in ${current} with only ${years(current)}; it goes back to ${region}, the previous insured place with ${years(region)} accumulated (≥ ${policy.pension.collectionMinContributionYears})`,
      );
    }
  }
  return decide(
    hukouRegion,
    'hukou-fallback',
    `fewer than ${policy.pension.collectionMinContributionYears} accumulated years in every insured place; the relation and funds are gathered in the hukou region ${hukouRegion}`,
  );
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
  const validRegion = (value: unknown): value is string => typeof value === 'string' && value.trim().length > 0;
  if (!validRegion(history.hukouRegion)) errors.add(`${pointer}/hukouRegion`, 'must be a region code');
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
      if (!validRegion(p.region)) errors.add(`${at}/region`, 'must be a region code');
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
