import { Injectable } from '@nestjs/common';
import { assertDateWithin, ChinaClock } from '@tongban/calendar';
import { Database } from '@tongban/database';
import { DomainError, ErrorCode, FieldError } from '@tongban/errors';
import { Actor, actorLabel, parseCitizenId, regionActingAs, SubjectRefs } from '@tongban/identity';
import { ProvisionClaimService, SubjectService } from '@tongban/ledger';
import { OutboxWriter } from '@tongban/messaging';
import { assertRegionCode, provinceOf } from '@tongban/regions';
import { FilingRepository } from './filing.repository';
import { amountsAddUp, concerns, coveringFiling, stayWindows } from './medical.rules';
import {
  billPeriodKey,
  MEDICAL_SCHEMA,
  MEDICAL_SOURCE,
  MedicalSettlement,
  RecordSettlementCommand,
  SETTLEMENT_SERVICE_CODE,
} from './medical.types';
import { NewSettlement, SettlementRepository } from './settlement.repository';

export interface RecordedSettlement {
  settlement: MedicalSettlement;
  /** false when the same settlement was recorded before (the original is answered) */
  created: boolean;
}

/** The fields whose equality makes a repeated settlement id the same settlement. */
const CONTENT: ReadonlyArray<keyof NewSettlement & keyof MedicalSettlement> = [
  'hospitalCode',
  'subjectRef',
  'insuredRegion',
  'admissionType',
  'admissionDate',
  'dischargeDate',
  'totalFen',
  'fundPaidFen',
  'selfPaidFen',
];

/**
 * Direct settlements (直接结算) recorded by the treatment region: once per (treatment region,
 * settlement id), under a covering filing (an emergency counts as filed), each bill holding the
 * ledger's provision claim so it cannot also be reimbursed by hand in the insured region.
 */
@Injectable()
export class SettlementService {
  constructor(
    private readonly db: Database,
    private readonly settlements: SettlementRepository,
    private readonly filings: FilingRepository,
    private readonly claims: ProvisionClaimService,
    private readonly outbox: OutboxWriter,
    private readonly subjects: SubjectRefs,
    private readonly ledger: SubjectService,
    private readonly clock: ChinaClock,
  ) {}

  async record(cmd: RecordSettlementCommand, actor: Actor): Promise<RecordedSettlement> {
    const treatmentRegion = regionActingAs(actor, 'healthcare-security', 'recording a settlement');
    assertRegionCode(cmd.insuredRegion, '/body/insuredRegion');
    this.checkAmountsAndDates(cmd);
    const insuredProvince = provinceOf(cmd.insuredRegion);
    const treatmentProvince = provinceOf(treatmentRegion);
    if (insuredProvince === treatmentProvince) {
      throw new DomainError(
        ErrorCode.RuleViolated,
        'a cross-region settlement is between two provinces: the insured region lies in the treatment province',
        {
          field: '/body/insuredRegion',
          rule: 'cross-province',
        },
      );
    }
    const draft: NewSettlement = {
      treatmentRegion,
      settlementId: cmd.settlementId,
      subjectRef: this.subjects.ref(parseCitizenId(cmd.citizenId, { now: this.clock.now() })),
      insuredRegion: cmd.insuredRegion,
      insuredProvince,
      treatmentProvince,
      hospitalCode: cmd.hospitalCode,
      admissionType: cmd.admissionType ?? 'planned',
      filingId: null,
      admissionDate: cmd.admissionDate,
      dischargeDate: cmd.dischargeDate,
      totalFen: cmd.totalFen,
      fundPaidFen: cmd.fundPaidFen,
      selfPaidFen: cmd.selfPaidFen,
    };
    return this.db.tx(async () => {
      const earlier = await this.settlements.find(treatmentRegion, cmd.settlementId);
      if (earlier) return { settlement: sameOrConflict(earlier, draft), created: false };
      await this.requireInsuredIn(draft.subjectRef, draft.insuredRegion);
      if (draft.admissionType === 'planned') draft.filingId = await this.coveringFilingId(draft);
      const inserted = await this.settlements.insertIfNew(draft, actor);
      if (!inserted) {
        // a concurrent request with this id committed first
        const winner = (await this.settlements.find(treatmentRegion, cmd.settlementId)) as MedicalSettlement;
        return { settlement: sameOrConflict(winner, draft), created: false };
      }
      const claim = await this.claims.claim(
        { subjectRef: draft.subjectRef, serviceCode: SETTLEMENT_SERVICE_CODE, periodKey: billPeriodKey(treatmentRegion, cmd.settlementId) },
        actor,
      );
      await this.settlements.setClaim(treatmentRegion, cmd.settlementId, claim.claimId);
      const settlement: MedicalSettlement = { ...inserted, claimId: claim.claimId };
      await this.outbox.append(MEDICAL_SCHEMA, {
        type: 'cn.gov.tongban.medical.settlement-recorded.v1',
        subject: settlement.subjectRef,
        source: `${treatmentRegion}/${MEDICAL_SOURCE}`,
        recipients: [settlement.insuredRegion, settlement.treatmentRegion],
        actor: actorLabel(actor),
        requestId: actor.requestId,
        data: settlement,
      });
      return { settlement, created: true };
    });
  }

  private checkAmountsAndDates(cmd: RecordSettlementCommand): void {
    if (!amountsAddUp(cmd)) {
      const errors: FieldError[] = [
        {
          field: '/body/fundPaidFen',
          message: `fund-paid ${cmd.fundPaidFen} + self-paid ${cmd.selfPaidFen} = ${cmd.fundPaidFen + cmd.selfPaidFen} fen`,
        },
        { field: '/body/selfPaidFen', message: `must make up totalFen ${cmd.totalFen} with fundPaidFen` },
      ];
      throw new DomainError(ErrorCode.RuleViolated, `fundPaidFen + selfPaidFen must equal totalFen (${cmd.totalFen} fen)`, {
        rule: 'amounts-add-up',
        errors,
      });
    }
    if (cmd.dischargeDate < cmd.admissionDate) {
      throw new DomainError(ErrorCode.RuleViolated, `dischargeDate ${cmd.dischargeDate} is before admissionDate ${cmd.admissionDate}`, {
        rule: 'discharge-after-admission',
        errors: [{ field: '/body/dischargeDate', message: 'must not be before admissionDate' }],
      });
    }
    const windows = stayWindows(this.clock.today());
    assertDateWithin(
      '/body/admissionDate',
      cmd.admissionDate,
      windows.admissionDate,
      'a stay settled now began at most two years ago (China time)',
    );
    assertDateWithin(
      '/body/dischargeDate',
      cmd.dischargeDate,
      windows.dischargeDate,
      'a settlement is recorded at or after discharge, within a year of it (China time)',
    );
  }

  /**
   * The named insured region must insure the person's medical care in the ledger: a treatment region
   * cannot bill a region that is not the person's insurer (clearing statements follow the settlement).
   */
  private async requireInsuredIn(subjectRef: string, insuredRegion: string): Promise<void> {
    const insurers = await this.ledger.medicalInsurers(subjectRef);
    if (insurers === undefined)
      throw new DomainError(
        ErrorCode.NotFound,
        'the ledger does not know this person: a settlement needs a person registered by the hukou region',
      );
    if (!insurers.some((r) => concerns(insuredRegion, r))) {
      throw new DomainError(
        ErrorCode.RuleViolated,
        `the person is not insured for medical care in ${insuredRegion} according to the ledger`,
        {
          rule: 'not-insured-there',
          errors: [{ field: '/body/insuredRegion', message: "not the person's medical insurer" }],
        },
      );
    }
  }

  /**
   * A planned admission needs a filing registered before the settlement is recorded (so a late
   * filing made before discharge counts) whose validity covers admission to discharge.
   */
  private async coveringFilingId(s: NewSettlement): Promise<string> {
    const active = await this.filings.findActiveForSettlement(s.subjectRef);
    const coverage = coveringFiling(
      active.map((f) => ({ ...f, validTo: f.validTo ?? null })),
      {
        insuredRegion: s.insuredRegion,
        treatmentRegion: s.treatmentRegion,
        admissionDate: s.admissionDate,
        dischargeDate: s.dischargeDate,
      },
    );
    if (!coverage.covered) {
      throw new DomainError(
        ErrorCode.RuleViolated,
        `${coverage.detail}; settle an emergency with admissionType 'emergency' or register a filing first`,
        {
          rule: coverage.rule,
        },
      );
    }
    return coverage.filing.filingId;
  }
}

function sameOrConflict(earlier: MedicalSettlement, draft: NewSettlement): MedicalSettlement {
  const differing = CONTENT.filter((k) => earlier[k] !== draft[k]);
  if (differing.length === 0) return earlier;
  throw new DomainError(
    ErrorCode.Conflict,
    `settlement ${draft.settlementId} of ${draft.treatmentRegion} was recorded on ${earlier.recordedAt} with different content`,
    {
      settlementId: draft.settlementId,
      differingFields: differing.map((k) => `/body/${k}`),
    },
  );
}
