import type { CityPolicies, ServiceCatalogue, ServiceItem } from '@tongban/catalogue';
import type { SubjectFacts } from './ledger.types';

/** Facts the computation reads, as of a day (time-based conditions are measured to that day). */
export interface ResponsibilityInput {
  facts: Omit<SubjectFacts, 'subjectRef' | 'permitId'>;
  /** ISO date the computation is made for */
  asOf: string;
  /** points in the residence city's scheme (积分), when known */
  points?: number;
}

/** Bases whose responsibility is held in intervals (treatment and emergency are decided per claim). */
export const HELD_BASES: ReadonlySet<string> = new Set(['hukou', 'residence', 'residence-permit', 'insured']);

export const isHeld = (item: ServiceItem): boolean => HELD_BASES.has(item.basis);

function yearsBetween(from: string, to: string): number {
  const ms = Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`);
  return ms / (365.2425 * 24 * 3600 * 1000);
}

/**
 * Whether the residence city's conditions (一城一策) for the item are met. Unknown facts count as not
 * met: the hukou region then keeps the service, so a person is never left without a responsible region.
 */
export function residenceConditionsMet(item: ServiceItem, input: ResponsibilityInput, policies: CityPolicies): boolean {
  const city = input.facts.residenceCity;
  if (city === null) return false;
  const req = policies.requirementsFor(city, item.code);
  if (req.minResidenceYears !== undefined) {
    if (!input.facts.residenceSince || yearsBetween(input.facts.residenceSince, input.asOf) < req.minResidenceYears) return false;
  }
  if (req.minSocialInsuranceYears !== undefined) {
    // years of social insurance in the city are years of employee pension contributions there (社保缴费年限)
    const pension = input.facts.insured.pension;
    if (pension?.region !== city || yearsBetween(pension.since, input.asOf) < req.minSocialInsuranceYears) return false;
  }
  if (req.pointsThreshold !== undefined && (input.points === undefined || input.points < req.pointsThreshold)) return false;
  return true;
}

/**
 * The region responsible for one catalogue item, or null for items decided per claim (treatment place,
 * place of the emergency). Residence-based items go to the city of the active residence permit when
 * that city's conditions are met, otherwise they stay with the hukou region; insured items go to the
 * insured region of their insurance branch once known, else the hukou region.
 */
export function responsibleRegion(item: ServiceItem, input: ResponsibilityInput, policies: CityPolicies): string | null {
  const { hukouRegion, residenceCity, insured } = input.facts;
  switch (item.basis) {
    case 'hukou':
      return hukouRegion;
    case 'residence':
    case 'residence-permit':
      return residenceCity !== null && residenceConditionsMet(item, input, policies) ? residenceCity : hukouRegion;
    case 'insured':
      return (item.insuranceBranch && insured[item.insuranceBranch]?.region) || hukouRegion;
    case 'treatment':
    case 'emergency':
      return null;
  }
}

/** The responsible region of every held service of the catalogue. */
export function computeResponsibilities(
  catalogue: ServiceCatalogue,
  input: ResponsibilityInput,
  policies: CityPolicies,
): Map<string, string> {
  const out = new Map<string, string>();
  for (const item of catalogue.all()) {
    const region = responsibleRegion(item, input, policies);
    if (region !== null) out.set(item.code, region);
  }
  return out;
}
