import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { assertDateWithin, ChinaClock } from '@tongban/calendar';
import { Database, PgError, pgConstraint, pgErrorCode } from '@tongban/database';
import { DomainError, ErrorCode } from '@tongban/errors';
import { Actor, actorLabel, parseCitizenId, regionActingAs, SubjectRefs } from '@tongban/identity';
import { SubjectService } from '@tongban/ledger';
import { OutboxWriter } from '@tongban/messaging';
import { assertRegionCode, provinceOf } from '@tongban/regions';
import { FilingRepository } from './filing.repository';
import { concerns, filingWindows } from './medical.rules';
import { CancelFilingCommand, MEDICAL_SCHEMA, MEDICAL_SOURCE, MedicalFiling, RegisterFilingCommand, termOf } from './medical.types';

/**
 * Medical filings (异地就医备案): registered by the person's insured region for medical insurance — the
 * ledger's holder of their employee or resident medical insurance — and cancelled by the region that
 * registered it or by the person's insured region now. No other region can block or unblock a person.
 */
@Injectable()
export class FilingService {
  constructor(
    private readonly db: Database,
    private readonly filings: FilingRepository,
    private readonly outbox: OutboxWriter,
    private readonly subjects: SubjectRefs,
    private readonly ledger: SubjectService,
    private readonly clock: ChinaClock,
  ) {}

  async register(cmd: RegisterFilingCommand, actor: Actor): Promise<MedicalFiling> {
    const insuredRegion = regionActingAs(actor, 'healthcare-security', 'registering a medical filing');
    assertRegionCode(cmd.treatmentRegion, '/body/treatmentRegion');
    if (provinceOf(cmd.treatmentRegion) === provinceOf(insuredRegion)) {
      throw new DomainError(ErrorCode.RuleViolated, 'a cross-region filing names a treatment region in another province', {
        field: '/body/treatmentRegion',
        rule: 'cross-province',
      });
    }
    const term = termOf(cmd.category);
    const validTo = cmd.validTo ?? null;
    if (term === 'temporary' && validTo === null) {
      throw new DomainError(
        ErrorCode.RuleViolated,
        `a temporary filing (${cmd.category}) needs validTo; only a long-term stay may be open-ended`,
        {
          field: '/body/validTo',
          rule: 'temporary-needs-end',
        },
      );
    }
    const windows = filingWindows(this.clock.today(), cmd.validFrom);
    assertDateWithin('/body/validFrom', cmd.validFrom, windows.validFrom, 'a filing starts within a year of today');
    if (validTo !== null && validTo < cmd.validFrom) {
      throw new DomainError(ErrorCode.RuleViolated, 'validTo (the last day of validity) must not be before validFrom', {
        field: '/body/validTo',
        rule: 'validity-order',
      });
    }
    if (validTo !== null)
      assertDateWithin(
        '/body/validTo',
        validTo,
        windows.validTo,
        'a filing ends at most ten years after validFrom (a longer stay is open-ended)',
      );
    const subjectRef = this.subjects.ref(parseCitizenId(cmd.citizenId, { now: this.clock.now() }));
    try {
      return await this.db.tx(async () => {
        await this.requireInsurer(subjectRef, insuredRegion);
        if (term === 'long-term') {
          const overlapping = await this.filings.findOverlappingLongTerm(subjectRef, cmd.validFrom, validTo);
          if (overlapping) throw oneLongTermConflict(overlapping.validFrom, overlapping.validTo);
        }
        const filing = await this.filings.insert(
          {
            filingId: randomUUID(),
            subjectRef,
            insuredRegion,
            treatmentRegion: cmd.treatmentRegion,
            category: cmd.category,
            validFrom: cmd.validFrom,
            validTo,
          },
          actor,
        );
        await this.outbox.append(MEDICAL_SCHEMA, {
          type: 'cn.gov.tongban.medical.filing-registered.v1',
          subject: subjectRef,
          source: `${insuredRegion}/${MEDICAL_SOURCE}`,
          recipients: [filing.treatmentRegion, filing.insuredRegion],
          actor: actorLabel(actor),
          requestId: actor.requestId,
          data: {
            filingId: filing.filingId,
            subjectRef,
            insuredRegion: filing.insuredRegion,
            treatmentRegion: filing.treatmentRegion,
            category: filing.category,
            term: filing.term,
            validFrom: filing.validFrom,
            validTo: filing.validTo,
            registeredAt: filing.registeredAt,
          },
        });
        return filing;
      });
    } catch (error) {
      // a concurrent registration committed first: the exclusion constraint is the last word
      if (pgErrorCode(error) === PgError.ExclusionViolation && pgConstraint(error) === 'filings_one_active_long_term')
        throw oneLongTermConflict();
      throw error;
    }
  }

  /** The caller must insure the person's medical care according to the ledger (which must know the person). */
  private async requireInsurer(subjectRef: string, region: string): Promise<void> {
    const insurers = await this.ledger.medicalInsurers(subjectRef);
    if (insurers === undefined)
      throw new DomainError(
        ErrorCode.NotFound,
        'the ledger does not know this person: the hukou region registers a person first (POST /v1/subjects)',
      );
    if (!insurers.includes(region)) {
      throw new DomainError(
        ErrorCode.Forbidden,
        "only the person's insured region for medical insurance (in the ledger) registers a filing",
        { rule: 'insured-region-only' },
      );
    }
  }

  /** Visible to operators and to regions inside (or containing) the insured or the treatment region. */
  async get(filingId: string, region: string | null): Promise<MedicalFiling> {
    const filing = await this.filings.findById(filingId);
    if (!filing || !visibleTo(filing, region)) throw new DomainError(ErrorCode.NotFound, 'no such medical filing');
    return filing;
  }

  async cancel(filingId: string, cmd: CancelFilingCommand | undefined, actor: Actor): Promise<MedicalFiling> {
    const region = regionActingAs(actor, 'healthcare-security', 'cancelling a medical filing');
    return this.db.tx(async () => {
      const filing = await this.filings.findById(filingId, true);
      if (!filing) throw new DomainError(ErrorCode.NotFound, 'no such medical filing');
      const insurer = filing.insuredRegion === region || (await this.ledger.medicalInsurers(filing.subjectRef))?.includes(region) === true;
      if (!insurer) {
        if (!visibleTo(filing, region)) throw new DomainError(ErrorCode.NotFound, 'no such medical filing');
        throw new DomainError(ErrorCode.Forbidden, "only the region that registered a filing, or the person's insured region, cancels it");
      }
      if (filing.status !== 'active') {
        throw new DomainError(ErrorCode.InvalidTransition, `the filing was cancelled on ${filing.cancelledAt ?? 'an earlier date'}`, {
          currentStatus: filing.status,
        });
      }
      const cancelled = await this.filings.cancel(filingId, cmd?.reason ?? null, actor);
      await this.outbox.append(MEDICAL_SCHEMA, {
        type: 'cn.gov.tongban.medical.filing-cancelled.v1',
        subject: cancelled.subjectRef,
        source: `${region}/${MEDICAL_SOURCE}`,
        recipients: [cancelled.treatmentRegion, cancelled.insuredRegion],
        actor: actorLabel(actor),
        requestId: actor.requestId,
        data: {
          filingId: cancelled.filingId,
          subjectRef: cancelled.subjectRef,
          insuredRegion: cancelled.insuredRegion,
          treatmentRegion: cancelled.treatmentRegion,
          category: cancelled.category,
          cancelledAt: cancelled.cancelledAt as string,
          reason: cancelled.cancellationReason,
        },
      });
      return cancelled;
    });
  }
}

const visibleTo = (f: MedicalFiling, region: string | null): boolean =>
  region === null || concerns(region, f.insuredRegion) || concerns(region, f.treatmentRegion);

function oneLongTermConflict(from?: string, to?: string | null): DomainError {
  const which = from === undefined ? '' : ` (valid ${from}..${to ?? 'open'})`;
  return new DomainError(
    ErrorCode.Conflict,
    `the person already has an active long-term filing overlapping this validity${which}; cancel it first`,
    {
      rule: 'one-active-long-term-filing',
    },
  );
}
