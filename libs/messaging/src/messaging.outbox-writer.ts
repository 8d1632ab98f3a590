import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EventDataByType } from '@tongban/contracts';
import { Database } from '@tongban/database';
import { EventType, isProduced, ProducedEventType, SUPERSEDED_EVENT_TYPES } from './messaging.event-types';
import { EventValidator } from './messaging.event-validator';
import { newTraceparent } from './messaging.cloud-event';

export interface EventDraft<T extends EventType = EventType> {
  type: T;
  /** pseudonymous subject reference (or a resource id when no person is concerned): the Kafka key */
  subject: string;
  /** `<region>/<app>` of the writer */
  source: string;
  /** region codes the event is addressed to; each gets it on its province's delivery topic */
  recipients: string[];
  data: EventDataByType[T];
  actor?: string;
  requestId?: string;
  traceparent?: string;
}

const SCHEMA = /^[a-z][a-z0-9_]*$/;

/** The NOTIFY payload of a commit that appended to `schema`'s outbox: it wakes the schema's active relay. */
export const outboxWakePayload = (schema: string): string => schema;

/** A superseded version is never written (contracts/asyncapi.yaml says which versions are produced). */
export function assertProduced(type: EventType): void {
  if (!isProduced(type)) throw new Error(`event type ${type} is superseded by ${SUPERSEDED_EVENT_TYPES[type]} and no longer written`);
}

/** Appends events to a schema's outbox inside the caller's transaction (never on its own). */
@Injectable()
export class OutboxWriter {
  constructor(
    private readonly db: Database,
    private readonly validator: EventValidator,
  ) {}

  async append<T extends ProducedEventType>(schema: string, draft: EventDraft<T>): Promise<string> {
    if (!SCHEMA.test(schema)) throw new Error(`invalid schema ${schema}`);
    if (!this.db.inTransaction) throw new Error('outbox rows must be written in the transaction of the state change');
    assertProduced(draft.type);
    this.validator.validate(draft.type, draft.data);
    const id = randomUUID();
    const traceparent = draft.traceparent ?? newTraceparent(randomBytes(16).toString('hex'), randomBytes(8).toString('hex'));
    // The row and the relay's wake-up call, sent with the COMMIT (no round trip of its own; nothing
    // reads an event back in the transaction that wrote it). NOTIFY is delivered at commit only, so
    // the relay never wakes for a row it cannot see yet.
    await this.db.atCommit(
      `WITH appended AS (
         INSERT INTO ${schema}.outbox (event_id, event_type, subject, source, recipients, payload, traceparent, actor, request_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING 1)
       SELECT pg_notify('tongban_outbox', $10) FROM appended`,
      [
        id,
        draft.type,
        draft.subject,
        draft.source,
        [...new Set(draft.recipients)],
        JSON.stringify(draft.data),
        traceparent,
        draft.actor ?? null,
        draft.requestId ?? null,
        outboxWakePayload(schema),
      ],
    );
    return id;
  }
}
