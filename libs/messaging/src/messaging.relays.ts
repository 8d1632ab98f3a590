import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '@tongban/config';
import { Database } from '@tongban/database';
import { metrics } from '@tongban/metrics';
import { EVENT_TYPES } from './messaging.event-types';
import { KafkaClient } from './messaging.kafka-client';
import { OutboxRelay } from './messaging.outbox-relay';

export const OUTBOX_SCHEMAS = 'TONGBAN_OUTBOX_SCHEMAS';

/** The relays of the schemas this app can publish (active or standby); started after boot, stopped in the shutdown sequence. */
@Injectable()
export class OutboxRelays {
  readonly relays: OutboxRelay[];

  constructor(db: Database, kafka: KafkaClient, config: AppConfig, @Inject(OUTBOX_SCHEMAS) schemas: string[]) {
    this.relays = schemas.map((s) => new OutboxRelay(db, kafka, s, config.outbox));
  }

  private gauge: NodeJS.Timeout | undefined;

  async start(): Promise<void> {
    // the produced-events counter of every type a relayed schema publishes (its domain topic), at 0
    for (const r of this.relays) {
      const topic = `tongban.${r.schema.replace(/_/g, '-')}.events.v1`;
      for (const [type, spec] of Object.entries(EVENT_TYPES)) if (spec.name === topic) metrics().eventsProduced.inc({ type }, 0);
    }
    await Promise.all(this.relays.map((r) => r.start()));
    this.gauge = setInterval(() => {
      for (const r of this.relays) {
        r.backlog().then(
          (n) => metrics().outboxBacklog.set({ schema: r.schema }, n),
          () => undefined,
        );
      }
    }, 5000);
    this.gauge.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.gauge);
    await Promise.all(this.relays.map((r) => r.stop()));
  }
}
