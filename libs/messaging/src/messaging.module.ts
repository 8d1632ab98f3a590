import { DynamicModule, Global, Module } from '@nestjs/common';
import { KafkaClient } from './messaging.kafka-client';
import { EventValidator } from './messaging.event-validator';
import { OutboxWriter } from './messaging.outbox-writer';
import { DeadLetterService } from './messaging.dead-letters';
import { OUTBOX_SCHEMAS, OutboxRelays } from './messaging.relays';

@Global()
@Module({})
export class MessagingModule {
  /** outboxSchemas: the schemas whose outbox this app relays to Kafka */
  static forRoot(outboxSchemas: string[]): DynamicModule {
    return {
      module: MessagingModule,
      providers: [
        KafkaClient,
        EventValidator,
        OutboxWriter,
        DeadLetterService,
        OutboxRelays,
        { provide: OUTBOX_SCHEMAS, useValue: outboxSchemas },
      ],
      exports: [KafkaClient, EventValidator, OutboxWriter, DeadLetterService, OutboxRelays],
    };
  }
}
