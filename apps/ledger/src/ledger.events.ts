import { EventPattern, Payload } from '@nestjs/microservices';
import { PermitChanged, PermitIssued, PermitRecognised, SubjectService, TransferCompleted } from '@tongban/ledger';
import { CloudEvent, EventController } from '@tongban/messaging';

/**
 * Events that change the facts the ledger computes responsibility from: one service call each. The
 * payload is the whole (validated) CloudEvent; its id and source are recorded on what the event causes.
 */
@EventController()
export class LedgerEventsController {
  constructor(private readonly subjects: SubjectService) {}

  @EventPattern('cn.gov.tongban.residence.permit-issued.v1')
  permitIssued(@Payload() event: CloudEvent<PermitIssued>): Promise<void> {
    return this.subjects.recordPermitIssued(event.data, event);
  }

  @EventPattern('cn.gov.tongban.residence.permit-endorsed.v1')
  permitEndorsed(@Payload() event: CloudEvent<PermitChanged>): Promise<void> {
    return this.subjects.recordPermitChanged(event.data, event);
  }

  @EventPattern('cn.gov.tongban.residence.permit-renewed.v1')
  permitRenewed(@Payload() event: CloudEvent<PermitChanged>): Promise<void> {
    return this.subjects.recordPermitChanged(event.data, event);
  }

  @EventPattern('cn.gov.tongban.residence.permit-suspended.v1')
  permitSuspended(@Payload() event: CloudEvent<PermitChanged>): Promise<void> {
    return this.subjects.recordPermitChanged(event.data, event);
  }

  @EventPattern('cn.gov.tongban.residence.permit-cancelled.v1')
  permitCancelled(@Payload() event: CloudEvent<PermitChanged>): Promise<void> {
    return this.subjects.recordPermitChanged(event.data, event);
  }

  @EventPattern('cn.gov.tongban.residence.permit-recognised.v1')
  permitRecognised(@Payload() event: CloudEvent<PermitRecognised>): Promise<void> {
    return this.subjects.recordPermitRecognised(event.data, event);
  }

  @EventPattern('cn.gov.tongban.social-insurance.transfer-completed.v1')
  transferCompleted(@Payload() event: CloudEvent<TransferCompleted>): Promise<void> {
    return this.subjects.recordTransferCompleted(event.data, event);
  }
}
