import { OperatorReads } from '@tongban/database';
import { DeadLetterService } from '@tongban/messaging';
import { OperatorViewsRepository } from './operator-views.repository';
import { ItemFacts, ItemKind, OpsSource, QueueCounts, QueueFilter, QueueRow } from './ops.types';

/** A lib's queues and pages, read from its operator views. */
export class ViewSource implements OpsSource {
  readonly kinds: readonly ItemKind[];

  constructor(
    readonly reads: OperatorReads,
    protected readonly views: OperatorViewsRepository,
  ) {
    this.kinds = [...new Set([...reads.queues.map((q) => q.kind), ...reads.itemKinds])];
  }

  counts(queueId: string, today: string, filter: QueueFilter): Promise<QueueCounts> {
    return this.views.counts(this.reads, queueId, today, filter);
  }

  rows(queueId: string, today: string, filter: QueueFilter, limit: number, offset: number): Promise<QueueRow[]> {
    return this.views.rows(this.reads, queueId, today, filter, limit, offset);
  }

  find(kind: ItemKind, id: string): Promise<ItemFacts | undefined> {
    return this.views.item(this.reads, kind, id);
  }
}

/** 死信: the queue from messaging's view; a page through DeadLetterService, which scrubs the original message. */
export class DeadLetterSource extends ViewSource {
  constructor(
    reads: OperatorReads,
    views: OperatorViewsRepository,
    private readonly deadLetters: DeadLetterService,
  ) {
    super(reads, views);
  }

  override async find(_kind: ItemKind, id: string): Promise<ItemFacts | undefined> {
    const d = await this.deadLetters.detail(id);
    if (!d) return undefined;
    const { id: _id, messageKey, ...facts } = d;
    return {
      kind: 'dead-letter',
      id: d.id,
      title: `${d.eventType ?? '(undecodable message)'} · ${d.errorCode}`,
      subjectRef: messageKey,
      status: d.replayedAt ? 'replayed' : 'open',
      decidable: d.replayedAt === null,
      facts,
      history: d.eventId ? [{ schema: '*', eventId: d.eventId }] : [],
      auditPaths: [`/v1/ops/dead-letters/${d.id}`, `/v1/ops/items/dead-letter/${d.id}`],
      requestIds: [],
    };
  }
}
