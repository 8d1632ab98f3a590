import { Injectable } from '@nestjs/common';
import { addDays, assertDateWithin, ChinaClock } from '@tongban/calendar';
import { Database, pgErrorCode, PgError } from '@tongban/database';
import { DomainError, ErrorCode } from '@tongban/errors';
import { Actor, actorLabel } from '@tongban/identity';
import { parseServiceCatalogue } from './catalogue.loader';
import { CatalogueRegistry, checksumOf, VersionInfo } from './catalogue.registry';
import { CatalogueRepository, VersionKind } from './catalogue.repository';
import { parseCityPolicies } from './city-policy.loader';

/** A version submitted by operators: the whole document, the day it takes effect, why. */
export interface PublishCommand {
  document: unknown;
  effectiveFrom: string;
  note?: string;
}

/** How far ahead a version may be scheduled: a year, enough for a school year's or a budget year's change. */
export const MAX_SCHEDULE_DAYS = 366;

/**
 * Publishes new versions of the catalogue and of the city policies. A submission is validated in full
 * before anything is stored — the document's schema, the catalogue's own rules, and for city policies
 * the clauses of seed 000 (a condition on education, professional title or tax is refused naming
 * 000-八) — against every version it will be in force with, and is the next version, effective from
 * today or later and not before any earlier version. The request is audited by the gateway (the audit
 * interceptor records every POST in the same transaction). This process sees the new version at once;
 * the others at their next periodic check.
 */
@Injectable()
export class CataloguePublisher {
  constructor(
    private readonly db: Database,
    private readonly repo: CatalogueRepository,
    private readonly registry: CatalogueRegistry,
    private readonly clock: ChinaClock,
  ) {}

  async publishCatalogue(cmd: PublishCommand, actor: Actor): Promise<VersionInfo> {
    this.checkDay(cmd.effectiveFrom);
    const version = versionOf(cmd.document);
    const catalogue = parseServiceCatalogue(cmd.document, `service catalogue v${version ?? '?'}`);
    return this.store('catalogue', cmd, actor, catalogue.version, null, () => {
      // the city policies in force with it (now or scheduled) must stay valid against it
      for (const p of this.registry.policiesFrom(cmd.effectiveFrom)) {
        parseCityPolicies(p.document, catalogue, `city policies v${p.version}, in force with service catalogue v${catalogue.version}`);
      }
    });
  }

  async publishCityPolicies(cmd: PublishCommand, actor: Actor): Promise<VersionInfo> {
    this.checkDay(cmd.effectiveFrom);
    const version = versionOf(cmd.document) ?? 0;
    const written = catalogueVersionOf(cmd.document);
    const against = written === undefined ? undefined : this.registry.catalogueVersion(written);
    // the catalogue it names first (precise schema and clause errors), then every catalogue it will be in force with
    parseCityPolicies(cmd.document, against ?? this.registry.catalogue(cmd.effectiveFrom), `city policies v${version}`);
    if (written !== undefined && against === undefined) {
      throw invalid('/body/document/catalogueVersion', `service catalogue v${written} does not exist`);
    }
    return this.store('city-policies', cmd, actor, version, written ?? null, () => {
      for (const c of this.registry.cataloguesFrom(cmd.effectiveFrom)) {
        parseCityPolicies(cmd.document, c.catalogue, `city policies v${version}, in force with service catalogue v${c.version}`);
      }
    });
  }

  /** Every version, oldest first, and which are in force today. */
  versions(): { catalogue: VersionInfo[]; policies: VersionInfo[]; inForce: { catalogue: number; policies: number } } {
    const inForce = this.registry.inForce();
    return { ...this.registry.versions(), inForce: { catalogue: inForce.catalogue.version, policies: inForce.policies.version } };
  }

  private async store(
    kind: VersionKind,
    cmd: PublishCommand,
    actor: Actor,
    version: number,
    catalogueVersion: number | null,
    compatible: () => void,
  ): Promise<VersionInfo> {
    const stored = await this.db.tx(async () => {
      await this.repo.lockVersions();
      await this.registry.refresh();
      const latest = this.registry.versions()[kind === 'catalogue' ? 'catalogue' : 'policies'].at(-1) as VersionInfo;
      if (version !== latest.version + 1) {
        throw invalid('/body/document/version', `must be ${latest.version + 1}, the next version after v${latest.version}`);
      }
      if (cmd.effectiveFrom < latest.effectiveFrom) {
        throw invalid('/body/effectiveFrom', `must not be before ${latest.effectiveFrom}, the day v${latest.version} takes effect`);
      }
      compatible();
      try {
        const { document: _document, ...row } = await this.repo.insert({
          kind,
          version,
          catalogueVersion,
          effectiveFrom: cmd.effectiveFrom,
          document: cmd.document,
          checksum: checksumOf(cmd.document),
          origin: 'published',
          publishedBy: actorLabel(actor),
          note: cmd.note ?? null,
        });
        return row;
      } catch (error) {
        if (pgErrorCode(error) === PgError.UniqueViolation) {
          throw new DomainError(ErrorCode.Conflict, `${kind} v${version} was published meanwhile; submit v${version + 1}`);
        }
        throw error;
      }
    });
    await this.registry.refresh();
    return stored;
  }

  private checkDay(effectiveFrom: string): void {
    const today = this.clock.today();
    assertDateWithin(
      '/body/effectiveFrom',
      effectiveFrom,
      { notBefore: today, notAfter: addDays(today, MAX_SCHEDULE_DAYS) },
      'a version takes effect from today up to a year ahead (history is not rewritten)',
    );
  }
}

function versionOf(document: unknown): number | undefined {
  const v = isRecord(document) ? document.version : undefined;
  return typeof v === 'number' && Number.isInteger(v) ? v : undefined;
}

function catalogueVersionOf(document: unknown): number | undefined {
  const v = isRecord(document) ? document.catalogueVersion : undefined;
  return typeof v === 'number' && Number.isInteger(v) ? v : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalid(field: string, message: string): DomainError {
  return new DomainError(ErrorCode.ValidationFailed, `${field.split('/').pop() ?? field}: ${message}`, { errors: [{ field, message }] });
}
