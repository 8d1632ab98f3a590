import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ServiceCatalogue, ServiceItem } from '@tongban/catalogue';
import { Database } from '@tongban/database';
import { DomainError, ErrorCode } from '@tongban/errors';
import { Actor, SubjectRefs } from '@tongban/identity';
import { ClaimRepository } from './claim.repository';
import { ClaimCommand, ProvisionClaim } from './ledger.types';
import { PERIOD_KEY_FORMATS, periodOf } from './period.rules';
import { ResponsibilityRepository } from './responsibility.repository';

const PERIOD_KEY = /^[A-Za-z0-9][A-Za-z0-9:._-]{0,99}$/;

/** Bases not held by intervals: the claiming region asserts it is the place of treatment / of the emergency. */
export const PLACE_BASES: ReadonlySet<string> = new Set(['treatment', 'emergency']);

/**
 * Provision claims: before providing a service for a period, a region claims it. Exactly one claim per
 * (subject, service, period) exists (unique constraint); for services held by intervals only the region
 * holding the service at the claim's instant may claim. Joins the caller's transaction when there is one.
 */
@Injectable()
export class ProvisionClaimService {
  constructor(
    private readonly db: Database,
    private readonly claims: ClaimRepository,
    private readonly responsibilities: ResponsibilityRepository,
    private readonly catalogue: ServiceCatalogue,
    private readonly subjects: SubjectRefs,
  ) {}

  async claim(cmd: ClaimCommand, actor: Actor): Promise<ProvisionClaim> {
    if (actor.region === null) throw new DomainError(ErrorCode.Forbidden, 'only a region provides services; operators cannot claim');
    this.subjects.parseRef(cmd.subjectRef);
    const item = this.itemOf(cmd.serviceCode);
    const period = this.checkPeriodKey(item, cmd.periodKey);
    const region = actor.region;
    return this.db.tx(async () => {
      let responsibilityId: string | null = null;
      if (!PLACE_BASES.has(item.basis)) {
        const holder = await this.responsibilities.currentLocked(cmd.subjectRef, item.code);
        if (!holder) {
          throw new DomainError(ErrorCode.NotFound, 'the ledger does not know this person: a residence permit or a registration by the hukou region comes first', {
            subjectRef: cmd.subjectRef,
          });
        }
        if (holder.region !== region) {
          throw new DomainError(ErrorCode.NotResponsible, `region ${holder.region} is responsible for ${item.code} for this person since ${holder.since}`, {
            responsibleRegion: holder.region,
            since: holder.since,
            serviceCode: item.code,
          });
        }
        responsibilityId = holder.responsibilityId;
      }
      const claim = await this.claims.insertIfFree(
        { claimId: randomUUID(), subjectRef: cmd.subjectRef, serviceCode: item.code, periodKey: cmd.periodKey, region, basis: item.basis },
        responsibilityId,
        actor,
      );
      if (!claim) {
        const existing = await this.claims.find(cmd.subjectRef, item.code, cmd.periodKey);
        throw new DomainError(ErrorCode.AlreadyClaimed, `${item.code} for period ${cmd.periodKey} is already claimed${existing ? ` by region ${existing.region}` : ''}`, {
          claimedBy: existing?.region ?? null,
          claimId: existing?.claimId ?? null,
          claimedAt: existing?.claimedAt ?? null,
        });
      }
      if (item.entitlementNeedsClaimPerPeriod && period) await this.claims.openEntitlement(cmd.subjectRef, item.code, period.start, actor);
      return claim;
    });
  }

  private itemOf(code: string): ServiceItem {
    const item = this.catalogue.find(code);
    if (!item) {
      throw new DomainError(ErrorCode.ValidationFailed, `service code '${code}' is not in service catalogue v${this.catalogue.version}`, {
        errors: [{ field: '/body/serviceCode', message: 'unknown service code' }],
      });
    }
    return item;
  }

  private checkPeriodKey(item: ServiceItem, key: string): ReturnType<typeof periodOf> {
    const bad = (message: string): DomainError =>
      new DomainError(ErrorCode.ValidationFailed, `periodKey: ${message}`, { errors: [{ field: '/body/periodKey', message }] });
    if (!PERIOD_KEY.test(key)) throw bad('1-100 characters of [A-Za-z0-9:._-]');
    const format = PERIOD_KEY_FORMATS[item.periodicity];
    if (!format) return undefined;
    const period = periodOf(item.periodicity, key);
    if (!period) throw bad(`${item.code} is ${item.periodicity}: the period key is ${format}`);
    return period;
  }
}
