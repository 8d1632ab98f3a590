import { Injectable } from '@nestjs/common';
import { addDays, addMonths, assertDateWithin, ChinaClock } from '@tongban/calendar';
import {
  CatalogueRegistry,
  CityPolicies,
  formatSeedRef,
  MAX_SCHEDULE_DAYS,
  SERVICE_DOMAINS,
  ServiceCatalogue,
  ServiceItem,
} from '@tongban/catalogue';
import type { Schemas } from '@tongban/contracts';
import { PLACE_KEY_FORMATS } from './claim-key.rules';
import { LEDGER_POLICY } from './ledger.policy';
import { PERIOD_KEY_FORMATS } from './period.rules';

/** The key of a claim of a service without periods that is not bound to a place: any key naming the occurrence. */
const OCCURRENCE_KEY = 'any key of 1-100 characters [A-Za-z0-9:._-] naming the occurrence (a course, an episode), with referenceDate';

/** The period key a claim of the item takes (the ledger's period rules and place-bound keys). */
export const periodKeyFormatOf = (item: ServiceItem): string =>
  PERIOD_KEY_FORMATS[item.periodicity] ?? PLACE_KEY_FORMATS[item.basis]?.format ?? OCCURRENCE_KEY;

/**
 * `GET /v1/catalogue`: the catalogue and city policies in force on a day, as a provincial system needs
 * them to claim — per item its basis, periodicity and period-key format (the ledger's), the conditions
 * each city sets and the evidence a claim must reference.
 */
@Injectable()
export class CatalogueViewService {
  constructor(
    private readonly registry: CatalogueRegistry,
    private readonly clock: ChinaClock,
  ) {}

  view(on?: string): Schemas['Catalogue'] {
    const today = this.clock.today();
    const asOf = on ?? today;
    // back as far as a claim may reach (the claim window), ahead as far as a version may be scheduled
    assertDateWithin(
      '/query/on',
      asOf,
      { notBefore: addMonths(today, -LEDGER_POLICY.claimLookbackMonths), notAfter: addDays(today, MAX_SCHEDULE_DAYS) },
      'the versions of the claim window (12 months back) up to those scheduled a year ahead',
    );
    const catalogue = this.registry.catalogue(asOf);
    const policies = this.registry.policies(asOf);
    const inForce = this.registry.inForce(asOf);
    return {
      version: catalogue.version,
      effectiveFrom: inForce.catalogue.effectiveFrom,
      cityPolicyVersion: inForce.policies.version,
      cityPolicyEffectiveFrom: inForce.policies.effectiveFrom,
      asOf,
      domains: SERVICE_DOMAINS.map((d) => ({ ...catalogue.domain(d) })),
      categories: catalogue.categories().map((c) => ({ ...c, items: [...c.items] })),
      items: catalogue.all().map((item) => itemView(item, catalogue, policies)),
      evidenceKinds: catalogue.evidenceKinds().map((k) => ({ ...k, seedRefs: k.seedRefs.map(formatSeedRef) })),
      transferEvidence: catalogue.transferEvidence().map((t) => ({ ...t, kinds: [...t.kinds] })),
    };
  }
}

function itemView(item: ServiceItem, catalogue: ServiceCatalogue, policies: CityPolicies): Schemas['CatalogueItem'] {
  const evidence = catalogue.evidenceFor(item.code);
  return {
    code: item.code,
    officialItemNo: item.officialItemNo,
    nameZh: item.nameZh,
    nameEn: item.nameEn,
    domain: item.domain,
    category: catalogue.categoryOf(item.code)?.code ?? '',
    periodicity: item.periodicity,
    basis: item.basis,
    agency: item.agency,
    insuranceBranch: item.insuranceBranch ?? null,
    entitlementNeedsClaimPerPeriod: item.entitlementNeedsClaimPerPeriod,
    periodKeyFormat: periodKeyFormatOf(item),
    seedRefs: item.seedRefs.map(formatSeedRef),
    basisNote: item.basisNote,
    evidence:
      evidence === undefined
        ? null
        : {
            kinds: [...evidence.kinds],
            appliesTo: evidence.appliesTo,
            seedRefs: evidence.seedRefs.map(formatSeedRef),
            ...(evidence.note === undefined ? {} : { note: evidence.note }),
          },
    conditions: policies.all().flatMap((city) =>
      city.services
        .filter((s) => s.service === item.code)
        .map((s) => ({
          cityCode: city.cityCode,
          cityNameZh: city.cityNameZh,
          illustrative: city.illustrative,
          conditions: s.conditions.map((c) => ({ ...c })),
          ...(s.note === undefined ? {} : { note: s.note }),
        })),
    ),
  };
}
