import { addMonths } from '@tongban/calendar';
import type { AllowedConditionKind, CityPolicies, ServiceBasis, ServiceCatalogue, ServiceItem } from '@tongban/catalogue';
import { cityOf, isRegionCode } from '@tongban/regions';
import type { SubjectFacts } from './ledger.types';

/** Facts the computation reads, as of a day (time-based conditions are measured to that day). */
export interface ResponsibilityInput {
  facts: Omit<SubjectFacts, 'subjectRef' | 'permitId'>;
  /** ISO date the computation is made for */
  asOf: string;
}

/** Bases whose responsibility is held in intervals (treatment and emergency are decided per claim). */
export const HELD_BASES: ReadonlySet<string> = new Set(['hukou', 'residence', 'residence-permit', 'insured']);

export const isHeld = (item: ServiceItem): boolean => HELD_BASES.has(item.basis);

/** Why a held service is where the facts put it. */
export type ResponsibilityRule =
  'hukou-basis' | 'no-residence' | 'residence-conditions-met' | 'residence-conditions-unmet' | 'insured-branch' | 'insured-branch-unknown';

/** One condition of the residence city for a service, checked against the person's facts. */
export interface ConditionCheck {
  kind: AllowedConditionKind;
  /** what the city asks, e.g. `residence ≥ 1 year`, `≥ 85 points (积分制入学)` */
  required: string;
  met: boolean;
  /** the day the condition is (or was) met: the anniversary of a time condition, the day of a points decision; null while unknown */
  metOn: string | null;
  detail: string;
}

/** The computed holder of one held service, with the rule and the conditions that put it there. */
/** The bases of services held in intervals. */
export type HeldBasis = Exclude<ServiceBasis, 'treatment' | 'emergency'>;

export interface ServiceExplanation {
  serviceCode: string;
  basis: HeldBasis;
  region: string;
  rule: ResponsibilityRule;
  explanation: string;
  conditions: ConditionCheck[];
  /** the day the last unmet time condition is met, when time alone is missing (the daily job looks again then) */
  reviewOn: string | null;
}

/**
 * Whole calendar months a condition of `years` asks for (0.5 → 6). A fraction of a month is rounded
 * up, so a condition is never deemed met early.
 */
const monthsOf = (years: number): number => Math.ceil(years * 12 - 1e-9);

/**
 * The day `years` of residence or insurance since `since` are complete: the corresponding day of the
 * final month, or that month's last day when it has none (民法典 Art. 202: periods in years and months
 * end on the corresponding day; 2024-02-29 + 1 year is 2025-02-28). The condition holds from that day
 * on — the anniversary counts — and never by counting 365.x days, which drifts with leap years.
 */
export const anniversary = (since: string, years: number): string => addMonths(since, monthsOf(years));

const yearsText = (years: number): string => (years === 1 ? '1 year' : `${years} years`);
const sameCity = (region: string, city: string): boolean => region === city || (isRegionCode(region) && cityOf(region) === city);

/** The residence city's conditions (一城一策) for the item, each checked on `asOf`. The caller knows a residence city. */
export function checkConditions(item: ServiceItem, input: ResponsibilityInput, policies: CityPolicies, city: string): ConditionCheck[] {
  const { facts, asOf } = input;
  const checks: ConditionCheck[] = [];
  const timed = (kind: AllowedConditionKind, required: string, metOn: string | null, unknown: string): void => {
    checks.push({
      kind,
      required,
      met: metOn !== null && metOn <= asOf,
      metOn,
      detail: metOn === null ? unknown : metOn <= asOf ? `met since ${metOn}` : `met on ${metOn}`,
    });
  };
  for (const c of policies.conditionsFor(city, item.code)) {
    switch (c.kind) {
      case 'residence-permit':
        checks.push({
          kind: c.kind,
          required: 'a residence permit',
          met: true,
          metOn: facts.residenceSince,
          detail: `active permit of ${city}`,
        });
        break;
      case 'residence-years':
        timed(
          c.kind,
          `residence ≥ ${yearsText(c.minYears)}`,
          facts.residenceSince && anniversary(facts.residenceSince, c.minYears),
          'no residence start known',
        );
        break;
      case 'social-insurance-years': {
        // years of social insurance in the city are years of employee pension contributions there (社保缴费年限)
        const pension = facts.insured.pension;
        const here = pension !== undefined && sameCity(pension.region, city);
        timed(
          c.kind,
          `social insurance (pension) in ${city} ≥ ${yearsText(c.minYears)}`,
          here ? anniversary(pension.since, c.minYears) : null,
          pension ? `insured for pension in ${pension.region}, not in ${city}` : 'no pension insurance known in the city',
        );
        break;
      }
      case 'points': {
        // points are the city's decision, never inferred by the ledger: only a recorded allotment meets them
        const allotted = facts.allotments?.find((a) => a.serviceCode === item.code && a.region === city);
        checks.push({
          kind: c.kind,
          required: `≥ ${c.threshold} points${c.scheme ? ` (${c.scheme})` : ''}`,
          met: allotted !== undefined,
          metOn: allotted?.decidedOn ?? null,
          detail: allotted
            ? `allotted by ${city}'s decision ${allotted.decisionRef} (${allotted.points} points)`
            : `allotted only by ${city}'s decision (POST /v1/points-allotments)`,
        });
        break;
      }
    }
  }
  return checks;
}

/**
 * Where one catalogue item is held and why, or null for items decided per claim (treatment place,
 * place of the emergency). Residence-based items go to the city of the active residence permit when
 * all of that city's conditions are met, otherwise they stay with the hukou region (unknown facts count
 * as not met, so a person is never left without a responsible region); insured items go to the insured
 * region of their own insurance branch once known, else the hukou region.
 */
export function explainResponsibility(item: ServiceItem, input: ResponsibilityInput, policies: CityPolicies): ServiceExplanation | null {
  const { hukouRegion, residenceCity, insured } = input.facts;
  const basis = item.basis;
  if (basis === 'treatment' || basis === 'emergency') return null;
  const base = { serviceCode: item.code, basis, conditions: [] as ConditionCheck[], reviewOn: null };
  switch (basis) {
    case 'hukou':
      return { ...base, region: hukouRegion, rule: 'hukou-basis', explanation: `held by the hukou region ${hukouRegion}` };
    case 'residence':
    case 'residence-permit': {
      if (residenceCity === null)
        return {
          ...base,
          region: hukouRegion,
          rule: 'no-residence',
          explanation: `no active residence permit: the hukou region ${hukouRegion}`,
        };
      const conditions = checkConditions(item, input, policies, residenceCity);
      const unmet = conditions.filter((c) => !c.met);
      if (unmet.length === 0)
        return {
          ...base,
          conditions,
          region: residenceCity,
          rule: 'residence-conditions-met',
          explanation:
            conditions.length === 0
              ? `lives in ${residenceCity}, which sets no condition`
              : `lives in ${residenceCity} and meets ${conditions.map((c) => `${c.required} (${c.detail})`).join(', ')}`,
        };
      // only time is missing when every unmet condition is a known anniversary still ahead
      const timeOnly = unmet.every((c) => c.kind !== 'points' && c.metOn !== null);
      return {
        ...base,
        conditions,
        region: hukouRegion,
        rule: 'residence-conditions-unmet',
        reviewOn: timeOnly ? unmet.map((c) => c.metOn as string).sort()[unmet.length - 1] : null,
        explanation: `lives in ${residenceCity} but does not yet meet ${unmet.map((c) => c.required).join(', ')}: the hukou region ${hukouRegion}`,
      };
    }
    case 'insured': {
      const branch = item.insuranceBranch;
      const relation = branch && insured[branch];
      return relation
        ? {
            ...base,
            region: relation.region,
            rule: 'insured-branch',
            explanation: `insured for ${branch} in ${relation.region} since ${relation.since}`,
          }
        : {
            ...base,
            region: hukouRegion,
            rule: 'insured-branch-unknown',
            explanation: `no insured region known for ${branch}: the hukou region ${hukouRegion}`,
          };
    }
  }
}

/** Whether the residence city's conditions for the item are met (false without a residence city). */
export function residenceConditionsMet(item: ServiceItem, input: ResponsibilityInput, policies: CityPolicies): boolean {
  const city = input.facts.residenceCity;
  return city !== null && checkConditions(item, input, policies, city).every((c) => c.met);
}

/** The responsible region for one catalogue item, or null for items decided per claim. */
export function responsibleRegion(item: ServiceItem, input: ResponsibilityInput, policies: CityPolicies): string | null {
  return explainResponsibility(item, input, policies)?.region ?? null;
}

/** Every held service of the catalogue, explained. */
export function explainResponsibilities(
  catalogue: ServiceCatalogue,
  input: ResponsibilityInput,
  policies: CityPolicies,
): ServiceExplanation[] {
  return catalogue.all().flatMap((item) => explainResponsibility(item, input, policies) ?? []);
}

/** The responsible region of every held service of the catalogue. */
export function computeResponsibilities(
  catalogue: ServiceCatalogue,
  input: ResponsibilityInput,
  policies: CityPolicies,
): Map<string, string> {
  return new Map(explainResponsibilities(catalogue, input, policies).map((e) => [e.serviceCode, e.region]));
}

/** The first day after `asOf` on which a time threshold alone moves a service, or null when none will. */
export function nextConditionReview(explanations: readonly ServiceExplanation[]): string | null {
  const days = explanations.flatMap((e) => e.reviewOn ?? []).sort();
  return days[0] ?? null;
}
