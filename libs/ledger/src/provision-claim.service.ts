import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { addDays, ChinaClock, chinaDay, startOfChinaDay } from '@tongban/calendar';
import { assertEvidence, EvidenceRef, missingKinds, requiredServiceEvidence, ServiceCatalogue, ServiceItem } from '@tongban/catalogue';
import { Database } from '@tongban/database';
import { DomainError, ErrorCode, ProblemExtensionsOf } from '@tongban/errors';
import { Actor, regionActingAs, SubjectRefs } from '@tongban/identity';
import { CatalogueBackfillService } from './catalogue-backfill.service';
import { ClaimRepository } from './claim.repository';
import { PLACE_KEY_FORMATS, placeOfKey } from './claim-key.rules';
import { LEDGER_POLICY } from './ledger.policy';
import { ClaimCommand, Entitlement, MEDICAL_INSURANCE_SERVICES, ProvisionClaim } from './ledger.types';
import { claimWindow, inClaimWindow, PERIOD_KEY_FORMATS, referenceInClaimWindow, periodContaining, periodOf } from './period.rules';
import { isHeld } from './responsibility.rules';
import { ResponsibilityRepository } from './responsibility.repository';
import { SubjectRepository } from './subject.repository';

const PERIOD_KEY = /^[A-Za-z0-9][A-Za-z0-9:._-]{0,99}$/;

/** Bases not held by intervals: the claiming region is the place of treatment / of the emergency named in the key. */
export const PLACE_BASES: ReadonlySet<string> = new Set(['treatment', 'emergency']);

/** The days a claim concerns: [start, end); the holder at the start owns it. */
interface Span {
  start: string;
  end: string;
}

const unknownPerson = (): DomainError =>
  new DomainError(
    ErrorCode.NotFound,
    'the ledger does not know this person: a residence permit or a registration by the hukou region comes first',
  );
const invalid = (field: string, message: string, extra: ProblemExtensionsOf<ErrorCode.ValidationFailed> = {}): DomainError =>
  new DomainError(ErrorCode.ValidationFailed, `${field.split('/').pop() ?? field}: ${message}`, { errors: [{ field, message }], ...extra });

/**
 * Provision claims: before providing a service for a period, a region claims it. Exactly one claim per
 * (subject, service, period) exists (unique constraint). A claim is made by the agency that provides
 * the service (catalogue `agency`) and belongs to the region that held the service at the start of the
 * period claimed — or, for a service without periods, at the claim's reference date — within the claim
 * window (12 months back, one period ahead). A region not related to the person is answered as if the
 * person were unknown. Place-based keys name their place, and only that place (or, for a bill, the
 * person's medical insurer) may claim them. Entitlements are opened here too: by a first claim, or by
 * the region responsible for the entitlement's first period. Joins the caller's transaction.
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
    private readonly clock: ChinaClock,
    private readonly backfill: CatalogueBackfillService,
  ) {}

  async claim(cmd: ClaimCommand, actor: Actor, now: Date = this.clock.now()): Promise<ProvisionClaim> {
    if (actor.region === null) throw new DomainError(ErrorCode.Forbidden, 'only a region provides services; operators cannot claim');
    this.checkKeyVersion(cmd.subjectRef);
    const item = this.itemOf(cmd.serviceCode);
    const region = regionActingAs(actor, item.agency, `claiming ${item.code}`);
    const span = this.spanOf(item, cmd, chinaDay(now));
    const evidence = cmd.evidence ?? [];
    const newClaim = {
      claimId: randomUUID(),
      subjectRef: cmd.subjectRef,
      serviceCode: item.code,
      periodKey: cmd.periodKey,
      region,
      basis: item.basis,
      heldAt: startOfChinaDay(span.start),
      periodEnd: startOfChinaDay(span.end),
      evidence,
    };
    return this.db.tx(async () => {
      // The common case in one statement: a held service claimed by its holder, on a free key, with
      // evidence that needs no read of the person. Otherwise (nothing written) step by step below,
      // which finds the reason and answers it exactly as before.
      if (!PLACE_BASES.has(item.basis) && this.evidenceSufficesAlone(item, evidence)) {
        const claimed = await this.claims.claimIfHolder(newClaim, actor, item.entitlementNeedsClaimPerPeriod ? span.start : null);
        if (claimed) return claimed;
      }
      const responsibilityId = PLACE_BASES.has(item.basis)
        ? await this.checkPlace(item, cmd, region)
        : await this.checkHolder(item, cmd.subjectRef, region, span.start, now);
      await this.checkEvidence(item, cmd.subjectRef, region, evidence);
      const claim = await this.claims.insertIfFree(newClaim, responsibilityId, actor);
      if (!claim) {
        const existing = await this.claims.find(cmd.subjectRef, item.code, cmd.periodKey);
        throw new DomainError(
          ErrorCode.AlreadyClaimed,
          `${item.code} for period ${cmd.periodKey} is already claimed${existing ? ` by region ${existing.region}` : ''}`,
          {
            claimedBy: existing?.region ?? null,
            claimId: existing?.claimId ?? null,
            claimedAt: existing?.claimedAt ?? null,
          },
        );
      }
      if (item.entitlementNeedsClaimPerPeriod)
        await this.claims.openEntitlement(cmd.subjectRef, item.code, span.start, 'first claim', actor);
      return claim;
    });
  }

  /**
   * The region responsible for a periodic service at the start of a period opens the person's
   * entitlement from that period, so a period closing without any claim is a gap from the first one
   * ("both skip" is seen before anyone has provided). An earlier start moves it back; a later one
   * leaves it.
   */
  async openEntitlement(
    cmd: { subjectRef: string; serviceCode: string; sincePeriod: string },
    actor: Actor,
    now: Date = this.clock.now(),
  ): Promise<Entitlement> {
    if (actor.region === null) throw new DomainError(ErrorCode.Forbidden, 'only a region opens an entitlement');
    this.checkKeyVersion(cmd.subjectRef);
    const item = this.itemOf(cmd.serviceCode);
    const region = regionActingAs(actor, item.agency, `opening an entitlement to ${item.code}`);
    if (!item.entitlementNeedsClaimPerPeriod) {
      throw new DomainError(ErrorCode.RuleViolated, `${item.code} is provided on demand, not every period: it has no entitlement to open`, {
        rule: 'not-periodic',
      });
    }
    const span = this.spanOf(item, { ...cmd, periodKey: cmd.sincePeriod }, chinaDay(now), '/body/sincePeriod');
    return this.db.tx(async () => {
      await this.checkHolder(item, cmd.subjectRef, region, span.start);
      const opened = await this.claims.openEntitlement(
        cmd.subjectRef,
        item.code,
        span.start,
        `opened by the responsible region ${region}`,
        actor,
      );
      const sincePeriod = periodContaining(item.periodicity, opened.since)?.key ?? cmd.sincePeriod;
      return { subjectRef: cmd.subjectRef, serviceCode: item.code, sincePeriod, since: opened.since, openedBy: opened.openedBy };
    });
  }

  /**
   * The interval holding the service at the start of the claimed period must be the caller's; who holds
   * it is told only to a related region. A period before the ledger's first interval has no holder.
   */
  private async checkHolder(item: ServiceItem, subjectRef: string, region: string, start: string, now?: Date): Promise<string> {
    const at = startOfChinaDay(start);
    let holder = await this.responsibilities.heldAtLocked(subjectRef, item.code, at);
    // a service of a newer catalogue version the backfill pass has not brought to this person yet
    if (!holder && now !== undefined && isHeld(item) && (await this.backfill.openIfNeverHeld(subjectRef, item.code, now))) {
      holder = await this.responsibilities.heldAtLocked(subjectRef, item.code, at);
    }
    if (holder?.region === region) return holder.responsibilityId;
    if (!(await this.subjects.isRelated(subjectRef, region))) throw unknownPerson();
    if (!holder) {
      throw new DomainError(
        ErrorCode.RuleViolated,
        `no region held ${item.code} for this person on ${start}: the period began before the ledger knew the person`,
        { rule: 'before-ledger' },
      );
    }
    throw new DomainError(
      ErrorCode.NotResponsible,
      `region ${holder.region} held ${item.code} for this person on ${start}, the start of the period claimed`,
      {
        responsibleRegion: holder.region,
        since: holder.since,
        serviceCode: item.code,
        periodStart: start,
      },
    );
  }

  /**
   * The evidence the catalogue requires for the item (统一证明材料要求, 000-十二) must be referenced: a
   * residence-place requirement (the residence permit) applies when the claiming region is the person's
   * residence city providing on the permit — not to the hukou region, nor to a region still holding the
   * service while its handoff is pending (a former hukou region after a move has no permit to cite, and
   * refusing it would leave the service unprovided). The person is only read when a required kind is missing.
   */
  private async checkEvidence(item: ServiceItem, subjectRef: string, region: string, evidence: readonly EvidenceRef[]): Promise<void> {
    const entry = this.catalogue.evidenceFor(item.code);
    let required = entry?.kinds ?? [];
    if (entry?.appliesTo === 'residence-place' && missingKinds(required, evidence).length > 0) {
      const facts = await this.subjects.find(subjectRef);
      required = requiredServiceEvidence(this.catalogue, item.code, facts?.residenceCity === region && facts.hukouRegion !== region);
    }
    assertEvidence(required, evidence, `a claim of ${item.code}`);
  }

  /** Evidence the catalogue's entry accepts as it stands (every kind it names referenced): no read of the person can refuse it. */
  private evidenceSufficesAlone(item: ServiceItem, evidence: readonly EvidenceRef[]): boolean {
    try {
      assertEvidence(this.catalogue.evidenceFor(item.code)?.kinds ?? [], evidence, `a claim of ${item.code}`);
      return true;
    } catch {
      return false;
    }
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
    if (place === undefined) throw invalid('/body/periodKey', `${item.code} is claimed with a key ${format}`);
    if (place === region) return null;
    if (
      item.basis === 'treatment' &&
      (await this.responsibilities.currentRegions(cmd.subjectRef, MEDICAL_INSURANCE_SERVICES)).includes(region)
    )
      return null;
    throw new DomainError(
      ErrorCode.RuleViolated,
      `the key names region ${place}: only that region${item.basis === 'treatment' ? " or the person's medical insurer" : ''} claims it`,
      {
        rule: 'place-bound-key',
        errors: [{ field: '/body/periodKey', message: `bound to region ${place}` }],
      },
    );
  }

  private checkKeyVersion(subjectRef: string): void {
    const version = this.refs.parseRef(subjectRef);
    if (!this.refs.hasVersion(version)) throw invalid('/body/subjectRef', `key version ${version} does not exist`);
  }

  private itemOf(code: string): ServiceItem {
    const item = this.catalogue.find(code);
    if (!item) throw invalid('/body/serviceCode', `service code '${code}' is not in service catalogue v${this.catalogue.version}`);
    return item;
  }

  /**
   * The days a claim concerns, inside the claim window: a periodic service's period (its key), or the
   * reference date of a service without periods (today by default).
   */
  private spanOf(item: ServiceItem, cmd: ClaimCommand, today: string, keyField = '/body/periodKey'): Span {
    if (!PERIOD_KEY.test(cmd.periodKey)) throw invalid(keyField, '1-100 characters of [A-Za-z0-9:._-]');
    const window = claimWindow(item.periodicity, today, LEDGER_POLICY.claimLookbackMonths, LEDGER_POLICY.claimPeriodsAhead);
    const outside = (field: string, what: string): DomainError =>
      invalid(
        field,
        `${what} is outside the claim window: periods ending after ${window.notBefore} and starting by ${window.lastStart} (${LEDGER_POLICY.claimLookbackMonths} months back, ${LEDGER_POLICY.claimPeriodsAhead} period ahead)`,
        {
          notBefore: window.notBefore,
          lastStart: window.lastStart,
        },
      );
    const format = PERIOD_KEY_FORMATS[item.periodicity];
    if (format) {
      if (cmd.referenceDate !== undefined)
        throw invalid(
          '/body/referenceDate',
          `${item.code} is ${item.periodicity}: a claim is judged at its period's start, named by the period key`,
        );
      const period = periodOf(item.periodicity, cmd.periodKey);
      if (!period) throw invalid(keyField, `${item.code} is ${item.periodicity}: the period key is ${format}`);
      if (!inClaimWindow(period, window)) throw outside(keyField, `period ${cmd.periodKey}`);
      return { start: period.start, end: period.end };
    }
    const date = cmd.referenceDate ?? today;
    if (!referenceInClaimWindow(date, window)) throw outside('/body/referenceDate', `reference date ${date}`);
    return { start: date, end: addDays(date, 1) };
  }
}
