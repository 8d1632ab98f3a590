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

/**
 * The 22 categories (大类) of the national basic public service standard, 2023 revision (seed 001: 9
 * domains, 22 categories, 81 items), by domain. The names are the standard's; the codes are ours. A
 * catalogue document lists exactly these, each with the item codes it holds.
 */
export const SERVICE_CATEGORIES: Readonly<Record<string, { domain: ServiceDomain; nameZh: string }>> = Object.freeze({
  'childcare.prenatal': { domain: 'childcare', nameZh: '优孕优生服务' },
  'childcare.child-health': { domain: 'childcare', nameZh: '儿童健康服务' },
  'childcare.child-care': { domain: 'childcare', nameZh: '儿童关爱服务' },
  'education.preschool-aid': { domain: 'education', nameZh: '学前教育助学服务' },
  'education.compulsory': { domain: 'education', nameZh: '义务教育服务' },
  'education.high-school-aid': { domain: 'education', nameZh: '普通高中助学服务' },
  'education.vocational-aid': { domain: 'education', nameZh: '中等职业教育助学服务' },
  'employment.jobs-entrepreneurship': { domain: 'employment', nameZh: '就业创业服务' },
  'employment.injury-unemployment-insurance': { domain: 'employment', nameZh: '工伤失业保险服务' },
  'medical.public-health': { domain: 'medical', nameZh: '公共卫生服务' },
  'medical.medical-insurance': { domain: 'medical', nameZh: '医疗保险服务' },
  'medical.family-planning-assistance': { domain: 'medical', nameZh: '计划生育扶助服务' },
  'elderly.elderly-care': { domain: 'elderly', nameZh: '养老助老服务' },
  'elderly.pension-insurance': { domain: 'elderly', nameZh: '养老保险服务' },
  'housing.public-rental': { domain: 'housing', nameZh: '公租房服务' },
  'housing.renovation': { domain: 'housing', nameZh: '住房改造服务' },
  'assistance.social-assistance': { domain: 'assistance', nameZh: '社会救助服务' },
  'assistance.public-legal': { domain: 'assistance', nameZh: '公共法律服务' },
  'assistance.disability': { domain: 'assistance', nameZh: '扶残助残服务' },
  'veterans.preferential-care': { domain: 'veterans', nameZh: '优军优抚服务' },
  'culture-sports.public-culture': { domain: 'culture-sports', nameZh: '公共文化服务' },
  'culture-sports.public-sports': { domain: 'culture-sports', nameZh: '公共体育服务' },
});

export interface CategoryEntry {
  readonly code: string;
  readonly domain: ServiceDomain;
  readonly nameZh: string;
  readonly nameEn: string;
  /** the codes of the items in this category; every item is in exactly one category */
  readonly items: readonly string[];
  /** why an item is placed here, or why the category has no item */
  readonly note?: string;
}

/** A kind of evidence (证明材料) a request may have to reference. */
export interface EvidenceKind {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  /** the seed clause or national regulation (with article) naming it */
  readonly source: string;
  readonly seedRefs: readonly SeedRef[];
  /** false when the source is not among the seeds and was not checked against the regulation's text */
  readonly verified: boolean;
}

/**
 * When a catalogue item's evidence is required: `residence-place` when a region other than the
 * person's hukou region provides it (the residence permit evidences the residence, 000-十三);
 * `any-provider` always.
 */
export type EvidenceAppliesTo = 'residence-place' | 'any-provider';

export interface ServiceEvidence {
  readonly service: string;
  readonly kinds: readonly string[];
  readonly appliesTo: EvidenceAppliesTo;
  readonly seedRefs: readonly SeedRef[];
  readonly note?: string;
}

/** The social-insurance transfers whose steps may require evidence. */
export const TRANSFER_TYPES = ['pension', 'medical'] as const;
export type TransferType = (typeof TRANSFER_TYPES)[number];

/**
 * The transfer steps whose requests carry evidence references (the transfer request, the outbound region's
 * certificate): evidence for another step needs its request to carry references first (contract and service).
 */
export const TRANSFER_EVIDENCE_STEPS = ['request', 'certificate'] as const;
export type TransferEvidenceStep = (typeof TRANSFER_EVIDENCE_STEPS)[number];

export interface TransferEvidence {
  readonly insuranceType: TransferType;
  /** the transfer step whose request must carry the evidence */
  readonly step: TransferEvidenceStep;
  readonly kinds: readonly string[];
  readonly source: string;
  readonly note?: string;
}

/** One list of required evidence for all regions (统一证明材料要求, seed 000 clause 十二). */
export interface EvidenceSection {
  readonly description?: string;
  readonly kinds: readonly EvidenceKind[];
  readonly services: readonly ServiceEvidence[];
  readonly transfers: readonly TransferEvidence[];
}

/** A reference to one piece of evidence, as a request carries it. */
export interface EvidenceRef {
  readonly kind: string;
  /** the document's number or id in the providing region's records (never a citizen ID number) */
  readonly reference: string;
}

/** The document shape of service-catalogue.v<N>.json. */
export interface ServiceCatalogueDocument {
  readonly $schema?: string;
  readonly version: number;
  readonly publishedAt: string;
  readonly description?: string;
  readonly domains: readonly DomainEntry[];
  readonly items: readonly ServiceItem[];
  readonly categories: readonly CategoryEntry[];
  readonly evidence: EvidenceSection;
}
