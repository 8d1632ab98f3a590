import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { addMonths, assertDateWithin, ChinaClock } from '@tongban/calendar';
import { Database, PgError, pgConstraint, pgErrorCode } from '@tongban/database';
import { DomainError, ErrorCode } from '@tongban/errors';
import { Actor, actorLabel, parseCitizenId, SubjectRefs } from '@tongban/identity';
import { OutboxWriter } from '@tongban/messaging';
import { assertRegionCode, regionKind } from '@tongban/regions';
import { PERMIT_EVENT_SOURCE } from './permit.events';
import { PermitRepository } from './permit.repository';
import { cityLabel, permitWindows } from './permit.rules';
import { loadRecognitionGroups, RecognitionGroups } from './recognition-groups.loader';
import { addYears, isBefore } from './residence.dates';
import { countedInterval, recognise } from './residence-history.rules';
import { IssuePermitCommand, Permit, RESIDENCE_SCHEMA } from './residence.types';

/** Residence permits (居住证暂行条例): issued by the city of residence after six months' residence. */
@Injectable()
export class PermitService {
  private readonly groups: RecognitionGroups = loadRecognitionGroups();

  constructor(
    private readonly db: Database,
    private readonly permits: PermitRepository,
    private readonly outbox: OutboxWriter,
    private readonly subjects: SubjectRefs,
    private readonly clock: ChinaClock,
  ) {}

  async issue(cmd: IssuePermitCommand, actor: Actor): Promise<Permit> {
    assertRegionCode(cmd.residenceCity, '/body/residenceCity');
    assertRegionCode(cmd.hukouRegion, '/body/hukouRegion');
    if (regionKind(cmd.residenceCity) !== 'city') {
      throw new DomainError(ErrorCode.InvalidRegionCode, 'residenceCity must be a city-level code (xxxx00)', {
        field: '/body/residenceCity',
      });
    }
    if (actor.region !== cmd.residenceCity) {
      throw new DomainError(ErrorCode.Forbidden, 'only the city of residence issues its residence permits');
    }
    const today = this.clock.today();
    assertDateWithin(
      '/body/residenceSince',
      cmd.residenceSince,
      permitWindows.residenceSince(today),
      'a residence began within the last hundred years, not after today',
    );
    assertDateWithin(
      '/body/issuedOn',
      cmd.issuedOn,
      permitWindows.issuedOn(today),
      'a permit is recorded once issued, within the last twenty years',
    );
    if (!isBefore(cmd.issuedOn, cmd.validUntil)) {
      throw new DomainError(ErrorCode.RuleViolated, `validUntil ${cmd.validUntil} must be after issuedOn ${cmd.issuedOn}`, {
        field: '/body/validUntil',
        rule: 'validity-after-issue',
      });
    }
    assertDateWithin(
      '/body/validUntil',
      cmd.validUntil,
      permitWindows.validUntil(cmd.issuedOn),
      'a permit is valid for at most ten years from its issue',
    );
    const earliest = addMonths(cmd.residenceSince, 6);
    if (isBefore(cmd.issuedOn, earliest)) {
      throw new DomainError(
        ErrorCode.RuleViolated,
        `a permit needs six months' residence: residence since ${cmd.residenceSince} allows issue from ${earliest}`,
        {
          field: '/body/issuedOn',
          rule: 'six-months-residence',
        },
      );
    }
    const subjectRef = this.subjects.ref(parseCitizenId(cmd.citizenId, { now: this.clock.now() }));
    const permit: Permit = {
      permitId: randomUUID(),
      permitNumber: cmd.permitNumber,
      subjectRef,
      hukouRegion: cmd.hukouRegion,
      residenceCity: cmd.residenceCity,
      basis: cmd.basis,
      residenceSince: cmd.residenceSince,
      issuedOn: cmd.issuedOn,
      validUntil: cmd.validUntil,
      status: 'active',
      residenceYearsCountFrom: cmd.residenceSince,
      endorsementDue: addYears(cmd.issuedOn, 1),
      lastEndorsedOn: null,
      suspendedOn: null,
      cancelledOn: null,
      cancellationReason: null,
    };
    try {
      return await this.db.tx(async () => {
        // Decision (README): a second permit is refused while another city's permit is held; that
        // city cancels it first (the move is the cancellation followed by the new permit). Which city
        // is not said: a city holding an ID number is not yet related to the person (the person knows).
        const held = await this.permits.findHeldBySubject(subjectRef);
        if (held) {
          const whose = held.residenceCity === cmd.residenceCity ? `of ${cityLabel(held.residenceCity)} (this city)` : 'of another city';
          throw new DomainError(
            ErrorCode.Conflict,
            `the person holds a ${held.status} residence permit ${whose}; the issuing city must cancel it first`,
            {
              reason: 'second-active-permit',
            },
          );
        }
        const earlier = await this.permits.findBySubject(subjectRef);
        await this.permits.insert(permit, actor);
        await this.outbox.append(RESIDENCE_SCHEMA, {
          type: 'cn.gov.tongban.residence.permit-issued.v1',
          subject: subjectRef,
          source: `${actor.region}/${PERMIT_EVENT_SOURCE}`,
          recipients: [permit.residenceCity, permit.hukouRegion],
          actor: actorLabel(actor),
          requestId: actor.requestId,
          data: {
            permitId: permit.permitId,
            permitNumber: permit.permitNumber,
            subjectRef,
            hukouRegion: permit.hukouRegion,
            residenceCity: permit.residenceCity,
            basis: permit.basis,
            residenceSince: permit.residenceSince,
            issuedOn: permit.issuedOn,
            validUntil: permit.validUntil,
          },
        });
        await this.recogniseEarlierYears(permit, earlier, actor);
        return permit;
      });
    } catch (error) {
      if (pgErrorCode(error) === PgError.UniqueViolation) {
        const detail =
          pgConstraint(error) === 'permits_one_held_per_subject'
            ? 'the person already holds a permit (registered concurrently); it must be cancelled first'
            : `permit number ${cmd.permitNumber} is already registered by ${cmd.residenceCity}`;
        throw new DomainError(ErrorCode.Conflict, detail);
      }
      throw error;
    }
  }

  /**
   * Decision (README): recognition is automatic. When a permit is issued in a member city of a
   * recognition group, the months the person held in other member cities (from the date both are
   * members) are recognised at once, and the new city, the hukou region and the source cities are told.
   */
  private async recogniseEarlierYears(permit: Permit, earlier: readonly Permit[], actor: Actor): Promise<void> {
    const intervals = earlier.filter((p) => p.residenceCity !== permit.residenceCity).map((p) => countedInterval(p, permit.issuedOn));
    for (const group of this.groups.groupsOf(permit.residenceCity)) {
      const sources = recognise(intervals, this.groups, group.id, permit.residenceCity);
      if (sources.length === 0) continue;
      const byId = new Map(intervals.map((iv) => [iv.permitId, iv]));
      await this.outbox.append(RESIDENCE_SCHEMA, {
        type: 'cn.gov.tongban.residence.permit-recognised.v1',
        subject: permit.subjectRef,
        source: `${actor.region}/${PERMIT_EVENT_SOURCE}`,
        recipients: [permit.residenceCity, permit.hukouRegion, ...sources.map((s) => s.city)],
        actor: actorLabel(actor),
        requestId: actor.requestId,
        data: {
          permitId: permit.permitId,
          permitNumber: permit.permitNumber,
          subjectRef: permit.subjectRef,
          hukouRegion: permit.hukouRegion,
          residenceCity: permit.residenceCity,
          effectiveOn: permit.issuedOn,
          groupId: group.id,
          groupNameZh: group.nameZh,
          recognisedMonths: sources.reduce((s, x) => s + x.months, 0),
          sources: sources.map((s) => ({
            permitId: s.permitId,
            city: s.city,
            countedFrom: byId.get(s.permitId)!.countedFrom,
            countedTo: s.recognisedTo,
            recognisedFrom: s.recognisedFrom,
            recognisedMonths: s.months,
          })),
        },
      });
    }
  }

  /** A region sees a permit only when it issued it or is the person's hukou region. */
  async get(permitId: string, region: string | null): Promise<Permit> {
    const permit = await this.permits.findById(permitId);
    if (!permit || (region !== null && region !== permit.residenceCity && region !== permit.hukouRegion)) {
      throw new DomainError(ErrorCode.NotFound, 'no such residence permit');
    }
    return permit;
  }
}
