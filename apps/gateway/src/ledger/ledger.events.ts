import { EventPattern, Payload } from '@nestjs/microservices';
import { PermitIssued, SubjectService } from '@tongban/ledger';
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
    return this.subjects.recordPermitIssued(event.data, event.id, event.source);
  }
}
