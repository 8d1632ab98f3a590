import { DomainError, ErrorCode } from '@tongban/errors';
import { CheckedCategories, CheckedEvidence, checkCategories, checkEvidence } from './catalogue.sections';
import {
  CategoryEntry,
  DomainEntry,
  EvidenceKind,
  SERVICE_DOMAINS,
  SERVICE_DOMAIN_NAMES_ZH,
  ServiceBasis,
  ServiceCatalogueDocument,
  ServiceDomain,
  ServiceEvidence,
  ServiceItem,
  TransferEvidence,
  TransferType,
} from './catalogue.types';
import { formatSeedRef, seedRefProblem } from './seed-ref.rules';

/**
 * The service catalogue: an immutable, validated view of one catalogue document. Plain class, built from
 * data (see loadServiceCatalogue for the bundled version); construction checks what a JSON Schema cannot
 * (unique codes, cited clauses exist, the domain table matches the 9 domains) and throws
 * DomainError(ValidationFailed) otherwise.
 */
export class ServiceCatalogue {
  readonly version: number;
  readonly publishedAt: string;
  private readonly items: readonly ServiceItem[];
  private readonly byCode: ReadonlyMap<string, ServiceItem>;
  private readonly domains: ReadonlyMap<ServiceDomain, DomainEntry>;
  private readonly sections: { categories: CheckedCategories; evidence: CheckedEvidence };

  constructor(document: ServiceCatalogueDocument, source = `service catalogue v${document.version}`) {
    this.version = document.version;
    this.publishedAt = document.publishedAt;
    this.domains = checkDomains(document.domains, source);

    const byCode = new Map<string, ServiceItem>();
    document.items.forEach((item, i) => {
      const at = `${source} /items/${i} (${item.code})`;
      if (byCode.has(item.code)) fail(`${at}: duplicate service code '${item.code}'`, source, `/items/${i}/code`);
      if (item.seedRefs.length === 0) fail(`${at}: at least one seed reference is required`, source, `/items/${i}/seedRefs`);
      if ((item.basis === 'insured') !== (item.insuranceBranch !== undefined)) {
        fail(`${at}: an insured item names its insurance branch, and only an insured item does`, source, `/items/${i}/insuranceBranch`);
      }
      item.seedRefs.forEach((ref, j) => {
        const problem = seedRefProblem(ref);
        if (problem !== undefined) fail(`${at}: seed reference ${formatSeedRef(ref)}: ${problem}`, source, `/items/${i}/seedRefs/${j}`);
      });
      byCode.set(item.code, freezeItem(item));
    });
    this.byCode = byCode;
    this.items = Object.freeze([...byCode.values()]);
    this.sections = {
      categories: checkCategories(document.categories, byCode, source),
      evidence: checkEvidence(document.evidence, byCode, source),
    };
  }

  /** The item with `code`; throws DomainError(NotFound) for a code not in this catalogue version. */
  get(code: string): ServiceItem {
    const item = this.byCode.get(code);
    if (item === undefined) {
      throw new DomainError(ErrorCode.NotFound, `service code '${code}' is not in service catalogue v${this.version}`, {
        service: code,
        catalogueVersion: this.version,
      });
    }
    return item;
  }

  /** The item with `code`, or undefined. */
  find(code: string): ServiceItem | undefined {
    return this.byCode.get(code);
  }

  has(code: string): boolean {
    return this.byCode.has(code);
  }

  /** Every item, in catalogue order. */
  all(): readonly ServiceItem[] {
    return this.items;
  }

  codes(): readonly string[] {
    return this.items.map((i) => i.code);
  }

  byBasis(basis: ServiceBasis): readonly ServiceItem[] {
    return this.items.filter((i) => i.basis === basis);
  }

  byDomain(domain: ServiceDomain): readonly ServiceItem[] {
    return this.items.filter((i) => i.domain === domain);
  }

  /** The 22 categories of the national standard, in document order, each with its items. */
  categories(): readonly CategoryEntry[] {
    return this.sections.categories.list;
  }

  /** The category holding the item (every item is in exactly one); undefined for a code not in this version. */
  categoryOf(code: string): CategoryEntry | undefined {
    return this.sections.categories.byItem.get(code);
  }

  /** The evidence kinds this version knows. */
  evidenceKinds(): readonly EvidenceKind[] {
    return [...this.sections.evidence.kinds.values()];
  }

  /** The evidence a claim of the item must reference, if any (统一证明材料要求, 000-十二). */
  evidenceFor(code: string): ServiceEvidence | undefined {
    return this.sections.evidence.services.get(code);
  }

  /** The evidence required by the steps of a transfer type (every type when none is given). */
  transferEvidence(type?: TransferType): readonly TransferEvidence[] {
    const all = this.sections.evidence.transfers;
    return type === undefined ? all : all.filter((t) => t.insuranceType === type);
  }

  /** The domain's names as published in this catalogue version (e.g. 学有所教 / Education). */
  domain(code: ServiceDomain): DomainEntry {
    const entry = this.domains.get(code);
    // checkDomains guarantees all 9 are present
    if (entry === undefined) throw new DomainError(ErrorCode.Internal, `domain '${code}' missing from catalogue v${this.version}`);
    return entry;
  }
}

function checkDomains(entries: readonly DomainEntry[], source: string): ReadonlyMap<ServiceDomain, DomainEntry> {
  const map = new Map<ServiceDomain, DomainEntry>();
  entries.forEach((d, i) => {
    if (map.has(d.code)) fail(`${source} /domains/${i}: duplicate domain '${d.code}'`, source, `/domains/${i}/code`);
    const expected = SERVICE_DOMAIN_NAMES_ZH[d.code];
    if (d.nameZh !== expected) {
      fail(`${source} /domains/${i}: domain '${d.code}' is ${expected}, not '${d.nameZh}'`, source, `/domains/${i}/nameZh`);
    }
    map.set(d.code, Object.freeze({ ...d }));
  });
  const missing = SERVICE_DOMAINS.filter((d) => !map.has(d));
  if (missing.length > 0) fail(`${source} /domains: missing domain(s) ${missing.join(', ')}`, source, '/domains');
  return map;
}

function freezeItem(item: ServiceItem): ServiceItem {
  return Object.freeze({ ...item, seedRefs: Object.freeze(item.seedRefs.map((r) => Object.freeze({ ...r }))) });
}

function fail(detail: string, source: string, pointer: string): never {
  throw new DomainError(ErrorCode.ValidationFailed, detail, { source, pointer });
}
