import type { AgencyKind } from '@tongban/identity';

/**
 * Types of the national basic public service catalogue. The catalogue itself is versioned DATA
 * (libs/catalogue/data/service-catalogue.v1.json, validated against service-catalogue.schema.json);
 * these constants mirror the schema's enums and a unit test keeps the two in step.
 */

/** The 9 domains of the national basic public service standard (国家基本公共服务标准). */
export const SERVICE_DOMAINS = [
  'childcare',
  'education',
  'employment',
  'medical',
  'elderly',
  'housing',
  'assistance',
  'veterans',
  'culture-sports',
] as const;
export type ServiceDomain = (typeof SERVICE_DOMAINS)[number];

export const SERVICE_DOMAIN_NAMES_ZH: Readonly<Record<ServiceDomain, string>> = Object.freeze({
  childcare: '幼有所育',
  education: '学有所教',
  employment: '劳有所得',
  medical: '病有所医',
  elderly: '老有所养',
  housing: '住有所居',
  assistance: '弱有所扶',
  veterans: '优军服务保障',
  'culture-sports': '文体服务保障',
});

/**
 * Which region is responsible for an item:
 * - hukou: the household-registration region (户籍地);
 * - residence: the residence region (常住地), no permit needed (an ID card is enough);
 * - residence-permit: the residence region, residence evidenced by a residence permit (居住证);
 * - insured: the employment / insured region (就业地 / 参保地);
 * - treatment: the region where medical treatment happens (就医地);
 * - emergency: the place where the emergency happened (急难发生地), whatever the hukou or residence.
 */
export const SERVICE_BASES = ['hukou', 'residence', 'residence-permit', 'insured', 'treatment', 'emergency'] as const;
export type ServiceBasis = (typeof SERVICE_BASES)[number];

/** Bases under which a city may attach residence conditions (一城一策, tiered supply per seed 000 clause 八). */
export const RESIDENCE_BASES: readonly ServiceBasis[] = Object.freeze(['residence', 'residence-permit']);

/**
 * Social-insurance branches (险种). Each has its own insured region: a retiree's pension may be paid
 * in one region while employee medical insurance stays in another (seed 000 四). Maternity insurance
 * is part of employee medical insurance (国办发〔2019〕10号).
 */
export const INSURANCE_BRANCHES = ['pension', 'medical', 'unemployment', 'work-injury', 'occupational-injury'] as const;
export type InsuranceBranch = (typeof INSURANCE_BRANCHES)[number];

/** The agency kind that states a person's insured region in a branch: 医保 for medical insurance, 人社 for the rest. */
export const BRANCH_AGENCY: Readonly<Record<InsuranceBranch, AgencyKind>> = Object.freeze({
  pension: 'human-resources',
  medical: 'healthcare-security',
  unemployment: 'human-resources',
  'work-injury': 'human-resources',
  'occupational-injury': 'human-resources',
});

export const isInsuranceBranch = (v: unknown): v is InsuranceBranch =>
  typeof v === 'string' && (INSURANCE_BRANCHES as readonly string[]).includes(v);

export const PERIODICITIES = ['monthly', 'school-term', 'yearly', 'one-off', 'continuous'] as const;
export type Periodicity = (typeof PERIODICITIES)[number];

/** The seed documents in /work/shared/seeds (see the README there). */
export const SEED_IDS = ['000', '001', '002', '003', '004'] as const;
export type SeedId = (typeof SEED_IDS)[number];

/**
 * A clause of a seed document. `clause` is the Chinese numeral of the continuously numbered item
 * （一）（二）… of the document, written without brackets: { seed: '000', clause: '八' } is item
 * （八） of 国发〔2026〕11号 and prints as '000-八'. Section headings (一、二、…) are never cited.
 */
export interface SeedRef {
  readonly seed: SeedId;
  readonly clause: string;
}

export interface ServiceItem {
  /** Our own stable slug, `<domain-prefix>.<name>` (e.g. `edu.compulsory`). Never reused. */
  readonly code: string;
  /** The item number in the national standard; null until sourced from the national list. */
  readonly officialItemNo: string | null;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly domain: ServiceDomain;
  readonly periodicity: Periodicity;
  readonly basis: ServiceBasis;
  /** The kind of agency that provides the item: it claims it and answers its handoffs. */
  readonly agency: AgencyKind;
  /** For `insured` items (only): the insurance branch whose insured region holds it. */
  readonly insuranceBranch?: InsuranceBranch;
  /**
   * True when every period of an entitlement must see exactly one provision claim, so that a period
   * closing with no claim is a gap (a month's allowance, a school term's place). False for on-demand or
   * event-driven provision (a training course, a bill, an emergency): claims may still be made per
   * occurrence to stop duplicates, but a missing one is not a gap.
   */
  readonly entitlementNeedsClaimPerPeriod: boolean;
  readonly seedRefs: readonly SeedRef[];
  /** Why this basis, with the seed wording it rests on. */
  readonly basisNote: string;
}

export interface DomainEntry {
  readonly code: ServiceDomain;
  readonly nameZh: string;
  readonly nameEn: string;
}

/** The document shape of service-catalogue.v<N>.json. */
export interface ServiceCatalogueDocument {
  readonly $schema?: string;
  readonly version: number;
  readonly publishedAt: string;
  readonly description?: string;
  readonly domains: readonly DomainEntry[];
  readonly items: readonly ServiceItem[];
}
