import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ServiceCatalogue, ServiceItem } from '@tongban/catalogue';
import { Database } from '@tongban/database';
import { DomainError, ErrorCode } from '@tongban/errors';
import { Actor, regionActingAs, SubjectRefs } from '@tongban/identity';
import { ClaimRepository } from './claim.repository';
import { PLACE_KEY_FORMATS, placeOfKey } from './claim-key.rules';
import { ClaimCommand, MEDICAL_INSURANCE_SERVICES, ProvisionClaim } from './ledger.types';
import { PERIOD_KEY_FORMATS, periodOf } from './period.rules';
import { ResponsibilityRepository } from './responsibility.repository';
import { SubjectRepository } from './subject.repository';

const PERIOD_KEY = /^[A-Za-z0-9][A-Za-z0-9:._-]{0,99}$/;

/** Bases not held by intervals: the claiming region is the place of treatment / of the emergency named in the key. */
export const PLACE_BASES: ReadonlySet<string> = new Set(['treatment', 'emergency']);


const unknownPerson = (): DomainError => new DomainError(ErrorCode.NotFound, 'the ledger does not know this person: a residence permit or a registration by the hukou region comes first');

/**
 * Provision claims: before providing a service for a period, a region claims it. Exactly one claim per
 * (subject, service, period) exists (unique constraint). A claim is made by the agency that provides
 * the service (catalogue `agency`); for services held by intervals only the region holding the service
 * at the claim's instant may claim, and a region not related to the person is answered as if the person
 * were unknown; for place-based services the key names the place, and only that place (or, for a bill,
 * the person's medical insurer) may claim it. Joins the caller's transaction when there is one.
 */
@Injectable()
export class ProvisionClaimService {
  constructor(
    private readonly db: Database,
    private readonly claims: ClaimRepository,
    private readonly responsibilities: ResponsibilityRepository,
    private readonly subjects: SubjectRepository,
    private readonly catalogue: ServiceCatalogue,
    private readonly refs: SubjectRefs,
  ) {}

  async claim(cmd: ClaimCommand, actor: Actor): Promise<ProvisionClaim> {
    if (actor.region === null) throw new DomainError(ErrorCode.Forbidden, 'only a region provides services; operators cannot claim');
    const version = this.refs.parseRef(cmd.subjectRef);
    if (!this.refs.hasVersion(version)) {
      throw new DomainError(ErrorCode.ValidationFailed, `subjectRef: key version ${version} does not exist`, { errors: [{ field: '/body/subjectRef', message: 'unknown key version' }] });
    }
    const item = this.itemOf(cmd.serviceCode);
    const region = regionActingAs(actor, item.agency, `claiming ${item.code}`);
    const period = this.checkPeriodKey(item, cmd.periodKey);
    return this.db.tx(async () => {
      const responsibilityId = PLACE_BASES.has(item.basis) ? await this.checkPlace(item, cmd, region) : await this.checkHolder(item, cmd.subjectRef, region);
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

  /** The interval holding the service now must be the caller's; who holds it is told only to a related region. */
  private async checkHolder(item: ServiceItem, subjectRef: string, region: string): Promise<string> {
    const holder = await this.responsibilities.currentLocked(subjectRef, item.code);
    if (!holder) throw unknownPerson();
    if (holder.region === region) return holder.responsibilityId;
    if (!(await this.subjects.isRelated(subjectRef, region))) throw unknownPerson();
    throw new DomainError(ErrorCode.NotResponsible, `region ${holder.region} is responsible for ${item.code} for this person since ${holder.since}`, {
      responsibleRegion: holder.region,
      since: holder.since,
      serviceCode: item.code,
    });
  }

  /**
   * A place-based key names its place; the caller must be that place (or, for a bill, the person's
   * medical insurer), for a person the ledger knows. (A held service's holder lookup already tells an
   * unknown person, so only this path asks.)
   */
  private async checkPlace(item: ServiceItem, cmd: ClaimCommand, region: string): Promise<null> {
    if (!(await this.subjects.exists(cmd.subjectRef))) throw unknownPerson();
    const place = placeOfKey(item.basis, cmd.periodKey);
    const format = PLACE_KEY_FORMATS[item.basis]?.format ?? '';
    if (place === undefined) {
      throw new DomainError(ErrorCode.ValidationFailed, `periodKey: ${item.code} is claimed with a key ${format}`, { errors: [{ field: '/body/periodKey', message: format }] });
    }
    if (place === region) return null;
    if (item.basis === 'treatment' && (await this.responsibilities.currentRegions(cmd.subjectRef, MEDICAL_INSURANCE_SERVICES)).includes(region)) return null;
    throw new DomainError(ErrorCode.RuleViolated, `the key names region ${place}: only that region${item.basis === 'treatment' ? " or the person's medical insurer" : ''} claims it`, {
      rule: 'place-bound-key',
      errors: [{ field: '/body/periodKey', message: `bound to region ${place}` }],
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
