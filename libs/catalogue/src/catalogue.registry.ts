import { createHash } from 'node:crypto';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ChinaClock, EARLIEST_DATE } from '@tongban/calendar';
import { Database } from '@tongban/database';
import { BUNDLED_CATALOGUE_DOCUMENT, loadServiceCatalogue, parseServiceCatalogue } from './catalogue.loader';
import { ServiceCatalogue } from './catalogue.model';
import { CatalogueRepository, StoredVersion, VersionKind } from './catalogue.repository';
import { BUNDLED_CITY_POLICIES_DOCUMENT, parseCityPolicies } from './city-policy.loader';
import { CityPolicies } from './city-policy.model';

/**
 * The bundled version 1 is in force from the earliest day the contract knows: it is what every build
 * before managed versions compiled in, so no day the ledger records lacks a catalogue.
 */
export const BUNDLED_EFFECTIVE_FROM = EARLIEST_DATE;

/** A version as the apps hold it: its metadata, and for the catalogue the validated model. */
export type VersionInfo = Omit<StoredVersion, 'document'>;
interface CatalogueEntry extends VersionInfo {
  catalogue: ServiceCatalogue;
}
interface PoliciesEntry extends VersionInfo {
  document: unknown;
}

/** The catalogue and city-policy versions in force on a day. */
export interface InForce {
  catalogue: VersionInfo;
  policies: VersionInfo;
}

export const checksumOf = (document: unknown): string => createHash('sha256').update(JSON.stringify(document)).digest('hex');

const bundledInfo = (kind: VersionKind): VersionInfo => ({
  kind,
  version: 1,
  catalogueVersion: kind === 'catalogue' ? null : 1,
  effectiveFrom: BUNDLED_EFFECTIVE_FROM,
  checksum: checksumOf(kind === 'catalogue' ? BUNDLED_CATALOGUE_DOCUMENT : BUNDLED_CITY_POLICIES_DOCUMENT),
  origin: 'bundled',
  publishedAt: BUNDLED_EFFECTIVE_FROM,
  publishedBy: 'bundled',
  note: null,
});

/**
 * Every stored version of the catalogue and of the city policies, validated, in memory; the one in force
 * on a day is picked on each call (the highest version effective by that day, China time), so a version
 * takes effect on its day with no reload. New versions are loaded by `refresh()`: at once in the process
 * that publishes, and in every other process by CatalogueRefreshJob's periodic check. At the first boot
 * the bundled documents become version 1; a stored version that no longer validates stops the start with
 * one line naming the clause (DomainError, see runApp). Until bootstrap the bundled versions serve.
 */
@Injectable()
export class CatalogueRegistry implements OnApplicationBootstrap {
  private readonly logger = new Logger('catalogue');
  private catalogues: CatalogueEntry[] = [{ ...bundledInfo('catalogue'), catalogue: loadServiceCatalogue() }];
  private policyVersions: PoliciesEntry[] = [{ ...bundledInfo('city-policies'), document: BUNDLED_CITY_POLICIES_DOCUMENT }];
  private combined = new Map<string, CityPolicies>();
  private known = { catalogue: 1, policies: 1 };

  constructor(
    private readonly db: Database,
    private readonly repo: CatalogueRepository,
    private readonly clock: ChinaClock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.seedBundled();
    await this.load();
  }

  /** The catalogue in force on `on` (default today in China). */
  catalogue(on: string = this.clock.today()): ServiceCatalogue {
    return this.catalogueEntry(on).catalogue;
  }

  /** The city policies in force on `on`, checked against the catalogue in force then. */
  policies(on: string = this.clock.today()): CityPolicies {
    return combine(this.catalogues, this.policyVersions, on, this.combined);
  }

  /** Which versions are in force on `on`. */
  inForce(on: string = this.clock.today()): InForce {
    return { catalogue: info(this.catalogueEntry(on)), policies: info(pick(this.policyVersions, on)) };
  }

  /** Every version known to this process, oldest first. */
  versions(): { catalogue: VersionInfo[]; policies: VersionInfo[] } {
    return { catalogue: this.catalogues.map(info), policies: this.policyVersions.map(info) };
  }

  /** The stored catalogue document of a version known to this process (for compatibility checks). */
  catalogueVersion(version: number): ServiceCatalogue | undefined {
    return this.catalogues.find((c) => c.version === version)?.catalogue;
  }

  /** The stored city-policy documents that are, or will be, in force on or after `from`. */
  policiesFrom(from: string): Array<{ version: number; document: unknown }> {
    return fromDay(this.policyVersions, from).map((p) => ({ version: p.version, document: p.document }));
  }

  /** The catalogue versions that are, or will be, in force on or after `from`. */
  cataloguesFrom(from: string): Array<{ version: number; catalogue: ServiceCatalogue }> {
    return fromDay(this.catalogues, from).map((c) => ({ version: c.version, catalogue: c.catalogue }));
  }

  /** Loads the stored versions when a newer one exists; true when something changed. */
  async refresh(): Promise<boolean> {
    const latest = await this.repo.latestNumbers();
    if (latest.catalogue === this.known.catalogue && latest.policies === this.known.policies) return false;
    await this.load();
    return true;
  }

  /**
   * Loads and validates every stored version, and checks every catalogue / city-policy pair that is or
   * will be in force (publication checks it; this catches data stored behind the API's back) before
   * anything this process serves changes: a version that does not validate throws, and the process
   * keeps what it had (at boot: the start stops).
   */
  private async load(): Promise<void> {
    const [catalogues, policies] = await Promise.all([this.repo.all('catalogue'), this.repo.all('city-policies')]);
    if (catalogues.length === 0 || policies.length === 0) return;
    const nextCatalogues = catalogues.map(({ document, ...meta }) => ({
      ...meta,
      catalogue: parseServiceCatalogue(document, `service catalogue v${meta.version} (stored, ${meta.origin})`),
    }));
    const nextPolicies = policies.map(({ document, ...meta }) => ({ ...meta, document }));
    const today = this.clock.today();
    const combined = new Map<string, CityPolicies>();
    const days = [...fromDay(nextCatalogues, today), ...fromDay(nextPolicies, today)].map((v) => maxDay(v.effectiveFrom, today));
    for (const day of new Set([today, ...days])) combine(nextCatalogues, nextPolicies, day, combined);
    this.catalogues = nextCatalogues;
    this.policyVersions = nextPolicies;
    this.combined = combined;
    this.known = { catalogue: nextCatalogues[nextCatalogues.length - 1].version, policies: nextPolicies[nextPolicies.length - 1].version };
    this.logger.log({ inForce: this.inForce(), known: this.known }, 'catalogue versions loaded');
  }

  /**
   * The bundled documents become version 1 at the first boot (validated first: a bundle that does not
   * validate stops the start); a build whose bundle differs from the stored bundled version refreshes it.
   */
  private async seedBundled(): Promise<void> {
    const catalogue = parseServiceCatalogue(BUNDLED_CATALOGUE_DOCUMENT, 'service-catalogue.v1.json');
    parseCityPolicies(BUNDLED_CITY_POLICIES_DOCUMENT, catalogue, 'city-policies.v1.json');
    await this.db.tx(async () => {
      await this.repo.lockVersions();
      for (const kind of ['catalogue', 'city-policies'] as const) {
        const document = kind === 'catalogue' ? BUNDLED_CATALOGUE_DOCUMENT : BUNDLED_CITY_POLICIES_DOCUMENT;
        const checksum = checksumOf(document);
        const stored = await this.repo.find(kind, 1);
        if (stored === undefined) {
          await this.repo.insert({ ...bundledInfo(kind), document, checksum });
        } else if (stored.origin === 'bundled' && stored.checksum !== checksum) {
          await this.repo.refreshBundled(kind, 1, document, checksum);
          this.logger.warn({ kind, from: stored.checksum, to: checksum }, `bundled ${kind} v1 refreshed from this build`);
        }
      }
    });
  }

  private catalogueEntry(on: string): CatalogueEntry {
    return pick(this.catalogues, on);
  }
}

/** The highest version effective by `on` (effective days never decrease with the version); the first before any. */
function pick<T extends VersionInfo>(list: readonly T[], on: string): T {
  let found = list[0];
  for (const v of list) if (v.effectiveFrom <= on) found = v;
  return found;
}

const maxDay = (a: string, b: string): string => (a > b ? a : b);

/** The city policies in force on `on` checked against the catalogue in force then, built once per pair. */
function combine(
  catalogues: readonly CatalogueEntry[],
  policies: readonly PoliciesEntry[],
  on: string,
  cache: Map<string, CityPolicies>,
): CityPolicies {
  const c = pick(catalogues, on);
  const p = pick(policies, on);
  const key = `${c.version}/${p.version}`;
  let built = cache.get(key);
  if (built === undefined) {
    built = parseCityPolicies(p.document, c.catalogue, `city policies v${p.version} (with catalogue v${c.version})`);
    cache.set(key, built);
  }
  return built;
}

/** The version in force on `from` and every later-dated one. */
function fromDay<T extends VersionInfo>(list: readonly T[], from: string): T[] {
  const current = pick(list, from);
  return list.filter((v) => v.version >= current.version);
}

function info<T extends VersionInfo>(v: T): VersionInfo {
  return {
    kind: v.kind,
    version: v.version,
    catalogueVersion: v.catalogueVersion,
    effectiveFrom: v.effectiveFrom,
    checksum: v.checksum,
    origin: v.origin,
    publishedAt: v.publishedAt,
    publishedBy: v.publishedBy,
    note: v.note,
  };
}
