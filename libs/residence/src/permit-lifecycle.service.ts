import { Injectable } from '@nestjs/common';
import { addDays, assertDateWithin, ChinaClock } from '@tongban/calendar';
import { Database, PgError, pgErrorCode } from '@tongban/database';
import { DomainError, ErrorCode } from '@tongban/errors';
import { Actor, actorLabel } from '@tongban/identity';
import type { EventDataByType } from '@tongban/contracts';
import { OutboxWriter, ProducedEventType } from '@tongban/messaging';
import { PERMIT_EVENT_SOURCE, lifecycleData, permitRecipients } from './permit.events';
import { PermitRepository } from './permit.repository';
import {
  ENDORSEMENT_GRACE_DAYS,
  ENDORSEMENT_RULE,
  ENDORSEMENT_WINDOW_DAYS,
  cityLabel,
  lapseDate,
  permitWindows,
  windowOpens,
} from './permit.rules';
import { addYears, isBefore } from './residence.dates';
import { CancelPermitCommand, EndorsePermitCommand, Permit, RESIDENCE_SCHEMA, RenewPermitCommand } from './residence.types';

const JOB_ACTOR = 'residence-permit:suspension-job';

/**
 * The life of a permit after issue (居住证暂行条例 第十四条, 第十五条): yearly endorsement, suspension
 * when it is missed, renewal, cancellation. Only the issuing city changes its permit. Every change
 * is one transaction with its event, under a row lock so changes of one permit serialise.
 */
@Injectable()
export class PermitLifecycleService {
  constructor(
    private readonly db: Database,
    private readonly permits: PermitRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: ChinaClock,
  ) {}

  async endorse(permitId: string, cmd: EndorsePermitCommand, actor: Actor): Promise<Permit> {
    try {
      return await this.db.tx(async () => {
        let permit = await this.lockForChange(permitId, actor);
        const on = cmd.endorsedOn;
        assertDateWithin(
          '/body/endorsedOn',
          on,
          permitWindows.endorsedOn(this.clock.today()),
          'an endorsement is recorded once made, never ahead',
        );
        if (on > permit.validUntil) {
          throw new DomainError(
            ErrorCode.InvalidTransition,
            `the permit's validity ended on ${permit.validUntil}; renew it before endorsing`,
            { validUntil: permit.validUntil },
          );
        }
        const earliest = [permit.issuedOn, permit.lastEndorsedOn ?? permit.issuedOn].sort().at(-1)!;
        if (on < earliest) {
          throw new DomainError(ErrorCode.RuleViolated, `endorsedOn ${on} is before the permit's last issue or endorsement (${earliest})`, {
            field: '/body/endorsedOn',
            rule: 'endorsement-order',
          });
        }
        const dueOn = permit.endorsementDue;
        if (on < windowOpens(dueOn)) {
          throw new DomainError(
            ErrorCode.RuleViolated,
            `the endorsement due ${dueOn} can be made from ${windowOpens(dueOn)} (within ${ENDORSEMENT_WINDOW_DAYS} days before each full year, ${ENDORSEMENT_RULE})`,
            { field: '/body/endorsedOn', rule: 'endorsement-window', dueOn, windowOpens: windowOpens(dueOn) },
          );
        }
        const late = on > addDays(dueOn, ENDORSEMENT_GRACE_DAYS);
        const lapsedOn = late ? lapseDate(dueOn) : null;
        if (late && permit.status === 'active') {
          // The suspension job has not run yet: the lapse is recorded first, so consumers see it.
          permit = await this.suspend(permit, actorLabel(actor), actor.requestId);
        }
        await this.permits.insertEndorsement({ permitId, dueOn, endorsedOn: on, late, lapsedOn }, actor);
        const next: Permit = {
          ...permit,
          status: 'active',
          suspendedOn: null,
          lastEndorsedOn: on,
          endorsementDue: late ? addYears(on, 1) : addYears(dueOn, 1),
          residenceYearsCountFrom: late ? on : permit.residenceYearsCountFrom,
        };
        await this.permits.update(next, actor);
        await this.emit(next, actor, 'cn.gov.tongban.residence.permit-endorsed.v1', {
          ...lifecycleData(next, on),
          endorsedOn: on,
          dueOn,
          late,
          lapsedOn,
          nextEndorsementDue: next.endorsementDue,
        });
        return next;
      });
    } catch (error) {
      if (pgErrorCode(error) === PgError.UniqueViolation)
        throw new DomainError(ErrorCode.Conflict, 'this endorsement was recorded concurrently');
      throw error;
    }
  }

  async renew(permitId: string, cmd: RenewPermitCommand, actor: Actor): Promise<Permit> {
    return this.db.tx(async () => {
      const permit = await this.lockForChange(permitId, actor);
      const today = this.clock.today();
      assertDateWithin(
        '/body/validUntil',
        cmd.validUntil,
        permitWindows.renewedUntil(today),
        'a renewed permit is valid from today for at most ten years',
      );
      if (permit.status === 'suspended') {
        throw new DomainError(
          ErrorCode.InvalidTransition,
          `the permit is suspended since ${permit.suspendedOn} (missed endorsement due ${permit.endorsementDue}); endorse it before renewing`,
          {
            currentStatus: permit.status,
          },
        );
      }
      if (cmd.validUntil <= permit.validUntil) {
        throw new DomainError(
          ErrorCode.RuleViolated,
          `the new validUntil ${cmd.validUntil} must be after the current one, ${permit.validUntil}`,
          {
            field: '/body/validUntil',
            rule: 'renewal-extends',
          },
        );
      }
      const next: Permit = { ...permit, validUntil: cmd.validUntil };
      await this.permits.update(next, actor);
      await this.emit(next, actor, 'cn.gov.tongban.residence.permit-renewed.v1', {
        ...lifecycleData(next, today),
        previousValidUntil: permit.validUntil,
      });
      return next;
    });
  }

  async cancel(permitId: string, cmd: CancelPermitCommand, actor: Actor): Promise<Permit> {
    return this.db.tx(async () => {
      const permit = await this.lockForChange(permitId, actor);
      assertDateWithin(
        '/body/effectiveOn',
        cmd.effectiveOn,
        permitWindows.cancelledOn(this.clock.today()),
        'a departure is recorded once made or up to a month ahead',
      );
      const end = addDays(permit.validUntil, 1);
      if (isBefore(cmd.effectiveOn, permit.residenceSince) || isBefore(end, cmd.effectiveOn)) {
        throw new DomainError(
          ErrorCode.RuleViolated,
          `effectiveOn ${cmd.effectiveOn} must be between residenceSince ${permit.residenceSince} and the end of validity ${end}`,
          {
            field: '/body/effectiveOn',
            rule: 'cancellation-date',
          },
        );
      }
      const next: Permit = { ...permit, status: 'cancelled', cancelledOn: cmd.effectiveOn, cancellationReason: cmd.reason };
      await this.permits.update(next, actor);
      await this.emit(next, actor, 'cn.gov.tongban.residence.permit-cancelled.v1', {
        ...lifecycleData(next, cmd.effectiveOn),
        reason: cmd.reason,
        cancelledOn: cmd.effectiveOn,
      });
      return next;
    });
  }

  /**
   * Suspends up to `limit` active permits whose endorsement lapsed on or before `asOf`, in the
   * caller's transaction (the job holds the advisory lock). Returns how many were suspended.
   */
  async suspendLapsed(asOf: string, limit = 500): Promise<number> {
    const lapsed = await this.permits.lockLapsed(addDays(asOf, -ENDORSEMENT_GRACE_DAYS), limit);
    for (const permit of lapsed) await this.suspend(permit, JOB_ACTOR);
    return lapsed.length;
  }

  private async suspend(permit: Permit, actor: string, requestId?: string): Promise<Permit> {
    const suspendedOn = lapseDate(permit.endorsementDue);
    const next: Permit = { ...permit, status: 'suspended', suspendedOn };
    await this.permits.update(next, actor);
    await this.outbox.append(RESIDENCE_SCHEMA, {
      type: 'cn.gov.tongban.residence.permit-suspended.v1',
      subject: next.subjectRef,
      source: `${next.residenceCity}/${PERMIT_EVENT_SOURCE}`,
      recipients: permitRecipients(next),
      actor,
      requestId,
      data: { ...lifecycleData(next, suspendedOn), reason: 'endorsement-missed', dueOn: next.endorsementDue, suspendedOn },
    });
    return next;
  }

  /** 404 for a region that may not see the permit; 403 for the hukou region; 409 once cancelled. */
  private async lockForChange(permitId: string, actor: Actor): Promise<Permit> {
    const permit = await this.permits.lock(permitId);
    if (!permit || (actor.region !== permit.residenceCity && actor.region !== permit.hukouRegion)) {
      throw new DomainError(ErrorCode.NotFound, 'no such residence permit');
    }
    if (actor.region !== permit.residenceCity) {
      throw new DomainError(ErrorCode.Forbidden, `only the issuing city ${cityLabel(permit.residenceCity)} may change this permit`, {
        issuingCity: permit.residenceCity,
      });
    }
    if (permit.status === 'cancelled') {
      throw new DomainError(ErrorCode.InvalidTransition, `the permit was cancelled on ${permit.cancelledOn}`, {
        currentStatus: permit.status,
      });
    }
    return permit;
  }

  private async emit<T extends ProducedEventType>(permit: Permit, actor: Actor, type: T, data: EventDataByType[T]): Promise<void> {
    await this.outbox.append(RESIDENCE_SCHEMA, {
      type,
      data,
      subject: permit.subjectRef,
      source: `${actor.region}/${PERMIT_EVENT_SOURCE}`,
      recipients: permitRecipients(permit),
      actor: actorLabel(actor),
      requestId: actor.requestId,
    });
  }
}
