import { Injectable } from '@nestjs/common';
import { ChinaClock } from '@tongban/calendar';
import { DeadLetterService } from '@tongban/messaging';
import { GroupLag, KafkaLagRepository, OutboxHealth } from './kafka-lag.repository';

export interface KafkaHealth {
  checkedAt: string;
  consumerGroups: GroupLag[];
  outboxes: Array<Omit<OutboxHealth, 'oldestUnpublishedAt'> & { oldestUnpublishedAgeSeconds: number | null }>;
  deadLetters: Array<{ consumer: string; open: number; oldestAgeSeconds: number | null }>;
}

/** Is anything stuck between PostgreSQL and Kafka: consumer lag, outbox backlog and relay delay, dead letters. */
@Injectable()
export class KafkaHealthService {
  constructor(
    private readonly lag: KafkaLagRepository,
    private readonly deadLetters: DeadLetterService,
    private readonly clock: ChinaClock,
  ) {}

  async report(): Promise<KafkaHealth> {
    const now = this.clock.now();
    const age = (at: Date | null): number | null => (at ? Math.max(0, Math.floor((now.getTime() - at.getTime()) / 1000)) : null);
    const consumerGroups = await this.lag.consumerLag();
    const outboxes = (await this.lag.outboxes()).map(({ oldestUnpublishedAt, ...rest }) => ({
      ...rest,
      oldestUnpublishedAgeSeconds: age(oldestUnpublishedAt),
    }));
    const deadLetters = (await this.deadLetters.openByConsumer()).map((d) => ({
      consumer: d.consumer,
      open: d.open,
      oldestAgeSeconds: age(d.oldestAt),
    }));
    return { checkedAt: now.toISOString(), consumerGroups, outboxes, deadLetters };
  }
}
