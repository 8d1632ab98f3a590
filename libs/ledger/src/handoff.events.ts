import { Injectable } from '@nestjs/common';
import { ChinaClock } from '@tongban/calendar';
import { AppConfig } from '@tongban/config';
import type { EventDataByType } from '@tongban/contracts';
import { Actor, actorLabel } from '@tongban/identity';
import { OutboxWriter, ProducedEventType } from '@tongban/messaging';
import { caseProposedEvent, caseUpdatedEvent, CaseStep, handoffData, LedgerEvent } from './ledger.outgoing-events';
import { HandoffRepository } from './handoff.repository';
import { Handoff, LEDGER_SCHEMA, LEDGER_SOURCE } from './ledger.types';

type CaseStepExtra = Parameters<typeof caseUpdatedEvent>[3];

type PerServiceType = Extract<ProducedEventType, `cn.gov.tongban.ledger.handoff-${string}`> &
  `cn.gov.tongban.ledger.handoff-${'proposed' | 'accepted' | 'rejected' | 'objected' | 'reminder' | 'escalated' | 'withdrawn'}.${string}`;

/**
 * What the ledger tells the two regions of a handoff: one case event per step of a move
 * (handoff-case-proposed.v1, handoff-case-updated.v1) and — until LEDGER_PER_SERVICE_EVENTS_UNTIL, for
 * agencies still reading them — the per-service events that came before (handoff-proposed.v2 …,
 * responsibility-changed.v1). Written in the caller's transaction.
 */
@Injectable()
export class HandoffEvents {
  constructor(
    private readonly outbox: OutboxWriter,
    private readonly config: AppConfig,
    private readonly clock: ChinaClock,
    private readonly handoffs: HandoffRepository,
  ) {}

  /** The per-service events are still written (the last day included). */
  perServiceWritten(): boolean {
    return this.clock.today() <= this.config.ledger.perServiceEventsUntil;
  }

  async caseProposed(c: { caseId: string; reason: string; proposedOn: string }, hs: readonly Handoff[], actor: Actor): Promise<void> {
    await this.append(caseProposedEvent(c, hs), hs[0].subjectRef, actor);
  }

  async caseStep(
    step: CaseStep,
    changed: readonly Handoff[],
    ofCase: readonly Handoff[],
    actor: Actor,
    extra?: CaseStepExtra,
  ): Promise<void> {
    if (changed.length === 0) return;
    await this.append(caseUpdatedEvent(step, changed, ofCase, extra), changed[0].subjectRef, actor);
  }

  /**
   * One case event per case of the handoffs a step changed (a withdrawal or a job's batch may span
   * cases), each naming what of its case is still open after the step.
   */
  async caseSteps<H extends Handoff>(
    step: CaseStep,
    changed: readonly H[],
    actor: Actor,
    extra: (ofStep: H[]) => CaseStepExtra = () => ({}),
  ): Promise<void> {
    const byCase = new Map<string, H[]>();
    for (const h of changed) byCase.set(h.caseId, [...(byCase.get(h.caseId) ?? []), h]);
    for (const [caseId, group] of byCase) {
      await this.caseStep(step, group, await this.handoffs.ofCase(group[0].subjectRef, caseId), actor, extra(group));
    }
  }

  /** A per-service event of one handoff (while they are written). */
  async perService<T extends PerServiceType>(type: T, h: Handoff, actor: Actor, extra: Partial<EventDataByType[T]>): Promise<void> {
    if (!this.perServiceWritten()) return;
    const data = { ...handoffData(h), ...extra } as EventDataByType[T];
    await this.append({ type, data, recipients: [h.fromRegion, h.toRegion] } as LedgerEvent, h.subjectRef, actor);
  }

  /** responsibility-changed.v1 of an accepted handoff (while the per-service events are written). */
  async responsibilityChanged(h: Handoff, effectiveAt: string, actor: Actor): Promise<void> {
    if (!this.perServiceWritten()) return;
    const event: LedgerEvent<'cn.gov.tongban.ledger.responsibility-changed.v1'> = {
      type: 'cn.gov.tongban.ledger.responsibility-changed.v1',
      data: {
        subjectRef: h.subjectRef,
        serviceCode: h.serviceCode,
        fromRegion: h.fromRegion,
        toRegion: h.toRegion,
        effectiveAt,
        handoffId: h.handoffId,
        reason: h.reason.slice(0, 500),
      },
      recipients: [h.fromRegion, h.toRegion],
    };
    await this.append(event, h.subjectRef, actor);
  }

  private async append(event: LedgerEvent, subjectRef: string, actor: Actor): Promise<void> {
    await this.outbox.append(LEDGER_SCHEMA, {
      type: event.type,
      subject: subjectRef,
      source: `${actor.region ?? 'operator'}/${LEDGER_SOURCE}`,
      recipients: event.recipients,
      actor: actorLabel(actor),
      requestId: actor.requestId,
      data: event.data,
    });
  }
}
