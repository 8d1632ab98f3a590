import { DomainError, ErrorCode } from '@tongban/errors';
import {
  CategoryEntry,
  EvidenceKind,
  EvidenceSection,
  RESIDENCE_BASES,
  SERVICE_CATEGORIES,
  ServiceEvidence,
  ServiceItem,
  TransferEvidence,
} from './catalogue.types';
import { formatSeedRef, seedRefProblem } from './seed-ref.rules';

/** The categories of a catalogue document, checked: the 22 of the national standard, every item in exactly one. */
export interface CheckedCategories {
  readonly list: readonly CategoryEntry[];
  /** item code → its category */
  readonly byItem: ReadonlyMap<string, CategoryEntry>;
}

/** The evidence section, checked and indexed. */
export interface CheckedEvidence {
  readonly kinds: ReadonlyMap<string, EvidenceKind>;
  readonly services: ReadonlyMap<string, ServiceEvidence>;
  readonly transfers: readonly TransferEvidence[];
}

/**
 * What a JSON Schema cannot say about the categories: exactly the 22 categories of the national standard
 * (seed 001) with their domains and names, each item of the catalogue in exactly one, of its own domain.
 */
export function checkCategories(
  categories: readonly CategoryEntry[],
  items: ReadonlyMap<string, ServiceItem>,
  source: string,
): CheckedCategories {
  const seen = new Set<string>();
  const byItem = new Map<string, CategoryEntry>();
  const list = categories.map((c, i) => {
    const at = `${source} /categories/${i}`;
    const expected = SERVICE_CATEGORIES[c.code] as { domain: string; nameZh: string } | undefined;
    if (expected === undefined)
      fail(`${at}: '${c.code}' is not one of the 22 categories of the national standard`, source, `/categories/${i}/code`);
    if (seen.has(c.code)) fail(`${at}: category '${c.code}' is listed twice`, source, `/categories/${i}/code`);
    seen.add(c.code);
    if (c.domain !== expected.domain || c.nameZh !== expected.nameZh) {
      fail(
        `${at}: category '${c.code}' is ${expected.nameZh} of domain ${expected.domain}, not '${c.nameZh}' of ${c.domain}`,
        source,
        `/categories/${i}`,
      );
    }
    const entry: CategoryEntry = Object.freeze({ ...c, items: Object.freeze([...c.items]) });
    c.items.forEach((code, j) => {
      const item = items.get(code);
      const pointer = `/categories/${i}/items/${j}`;
      if (item === undefined) fail(`${at}: item '${code}' is not in the catalogue`, source, pointer);
      const other = byItem.get(code);
      if (other !== undefined)
        fail(`${at}: item '${code}' is already in category '${other.code}'; an item is in exactly one`, source, pointer);
      if (item.domain !== c.domain) fail(`${at}: item '${code}' is of domain ${item.domain}, the category of ${c.domain}`, source, pointer);
      byItem.set(code, entry);
    });
    return entry;
  });
  const missing = Object.keys(SERVICE_CATEGORIES).filter((code) => !seen.has(code));
  if (missing.length > 0) fail(`${source} /categories: missing category(ies) ${missing.join(', ')}`, source, '/categories');
  const homeless = [...items.keys()].filter((code) => !byItem.has(code));
  if (homeless.length > 0) fail(`${source} /categories: item(s) ${homeless.join(', ')} are in no category`, source, '/categories');
  return { list: Object.freeze(list), byItem };
}

/**
 * The evidence section: unique kinds citing existing clauses, service entries for catalogued items only
 * (residence-place evidence only on residence-based items, which are the only ones a non-hukou region
 * provides on residence), each naming known kinds; transfer entries naming known kinds, one per step.
 */
export function checkEvidence(evidence: EvidenceSection, items: ReadonlyMap<string, ServiceItem>, source: string): CheckedEvidence {
  const kinds = new Map<string, EvidenceKind>();
  evidence.kinds.forEach((k, i) => {
    if (kinds.has(k.code))
      fail(`${source} /evidence/kinds/${i}: evidence kind '${k.code}' is listed twice`, source, `/evidence/kinds/${i}/code`);
    k.seedRefs.forEach((ref, j) => {
      const problem = seedRefProblem(ref);
      if (problem !== undefined) {
        fail(
          `${source} /evidence/kinds/${i}: seed reference ${formatSeedRef(ref)}: ${problem}`,
          source,
          `/evidence/kinds/${i}/seedRefs/${j}`,
        );
      }
    });
    kinds.set(k.code, Object.freeze({ ...k, seedRefs: Object.freeze(k.seedRefs.map((r) => Object.freeze({ ...r }))) }));
  });
  const knownKinds = (list: readonly string[], pointer: string): void => {
    list.forEach((kind, j) => {
      if (!kinds.has(kind))
        fail(`${source} ${pointer}/kinds/${j}: evidence kind '${kind}' is not in /evidence/kinds`, source, `${pointer}/kinds/${j}`);
    });
  };
  const services = new Map<string, ServiceEvidence>();
  evidence.services.forEach((s, i) => {
    const pointer = `/evidence/services/${i}`;
    const item = items.get(s.service);
    if (item === undefined) fail(`${source} ${pointer}: service '${s.service}' is not in the catalogue`, source, `${pointer}/service`);
    if (services.has(s.service)) fail(`${source} ${pointer}: service '${s.service}' is listed twice`, source, `${pointer}/service`);
    if (s.appliesTo === 'residence-place' && !RESIDENCE_BASES.includes(item.basis)) {
      fail(
        `${source} ${pointer}: '${s.service}' has basis '${item.basis}': only a residence-based item is provided at the residence place`,
        source,
        `${pointer}/appliesTo`,
      );
    }
    knownKinds(s.kinds, pointer);
    s.seedRefs.forEach((ref, j) => {
      const problem = seedRefProblem(ref);
      if (problem !== undefined)
        fail(`${source} ${pointer}: seed reference ${formatSeedRef(ref)}: ${problem}`, source, `${pointer}/seedRefs/${j}`);
    });
    services.set(s.service, Object.freeze({ ...s, kinds: Object.freeze([...s.kinds]), seedRefs: Object.freeze([...s.seedRefs]) }));
  });
  const steps = new Set<string>();
  const transfers = evidence.transfers.map((t, i) => {
    const pointer = `/evidence/transfers/${i}`;
    const key = `${t.insuranceType}/${t.step}`;
    if (steps.has(key)) fail(`${source} ${pointer}: the ${t.insuranceType} step '${t.step}' is listed twice`, source, `${pointer}/step`);
    steps.add(key);
    knownKinds(t.kinds, pointer);
    return Object.freeze({ ...t, kinds: Object.freeze([...t.kinds]) });
  });
  return { kinds, services, transfers: Object.freeze(transfers) };
}

function fail(detail: string, source: string, pointer: string): never {
  throw new DomainError(ErrorCode.ValidationFailed, detail, { source, pointer });
}
