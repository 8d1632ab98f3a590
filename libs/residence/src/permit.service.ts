import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Database, PgError, pgConstraint, pgErrorCode } from '@tongban/database';
import { DomainError, ErrorCode } from '@tongban/errors';
import { Actor, actorLabel, parseCitizenId, SubjectRefs } from '@tongban/identity';
import { OutboxWriter } from '@tongban/messaging';
import { assertRegionCode, regionKind } from '@tongban/regions';
import { PermitRepository } from './permit.repository';
import { IssuePermitCommand, Permit, RESIDENCE_SCHEMA } from './residence.types';

const SOURCE = 'residence-permit';

function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** Residence permits (居住证暂行条例): issued by the city of residence after six months' residence. */
@Injectable()
export class PermitService {
  constructor(
    private readonly db: Database,
    private readonly permits: PermitRepository,
    private readonly outbox: OutboxWriter,
    private readonly subjects: SubjectRefs,
  ) {}

  async issue(cmd: IssuePermitCommand, actor: Actor): Promise<Permit> {
    assertRegionCode(cmd.residenceCity, '/body/residenceCity');
    assertRegionCode(cmd.hukouRegion, '/body/hukouRegion');
    if (regionKind(cmd.residenceCity) !== 'city') {
      throw new DomainError(ErrorCode.InvalidRegionCode, 'residenceCity must be a city-level code (xxxx00)', { field: '/body/residenceCity' });
    }
    if (actor.region !== cmd.residenceCity) {
      throw new DomainError(ErrorCode.Forbidden, 'only the city of residence issues its residence permits');
    }
    if (cmd.validUntil <= cmd.issuedOn) {
      throw new DomainError(ErrorCode.RuleViolated, 'validUntil must be after issuedOn', { field: '/body/validUntil' });
    }
    const earliest = addMonths(cmd.residenceSince, 6);
    if (cmd.issuedOn < earliest) {
      throw new DomainError(ErrorCode.RuleViolated, `a permit needs six months' residence: residence since ${cmd.residenceSince} allows issue from ${earliest}`, {
        field: '/body/issuedOn',
        rule: 'six-months-residence',
      });
    }
    const subjectRef = this.subjects.ref(parseCitizenId(cmd.citizenId));
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
    };
    try {
      return await this.db.tx(async () => {
        const active = await this.permits.findActiveBySubject(subjectRef);
        if (active) {
          throw new DomainError(ErrorCode.Conflict, 'the person holds an active permit of another city; it must be cancelled first', {
            activeCity: active.residenceCity,
          });
        }
        await this.permits.insert(permit, actor);
        await this.outbox.append(RESIDENCE_SCHEMA, {
          type: 'cn.gov.tongban.residence.permit-issued.v1',
          subject: subjectRef,
          source: `${actor.region}/${SOURCE}`,
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
        return permit;
      });
    } catch (error) {
      if (pgErrorCode(error) === PgError.UniqueViolation) {
        const detail =
          pgConstraint(error) === 'permits_one_active_per_subject'
            ? 'the person already holds an active permit'
            : `permit number ${cmd.permitNumber} is already registered by ${cmd.residenceCity}`;
        throw new DomainError(ErrorCode.Conflict, detail);
      }
      throw error;
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
