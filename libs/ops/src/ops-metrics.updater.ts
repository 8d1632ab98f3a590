import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { metrics } from '@tongban/metrics';
import { KafkaHealthService } from './kafka-health.service';
import { opsGauges } from './ops.metrics';
import { OpsQueueService } from './ops-queue.service';

export const OPS_METRICS_INTERVAL_MS = 15_000;

/**
 * Refreshes the queue and Kafka gauges periodically (a scrape never waits on the broker). Each
 * gateway instance exports the same values; dashboards take max() across instances.
 */
@Injectable()
export class OpsMetricsUpdater implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ops-metrics');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly queues: OpsQueueService,
    private readonly kafka: KafkaHealthService,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running ??= this.refresh().finally(() => {
        this.running = undefined;
      });
    }, OPS_METRICS_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  async refresh(): Promise<void> {
    const gauges = opsGauges();
    try {
      for (const q of (await this.queues.summaries()).queues) {
        metrics().overdueItems.set({ queue: q.id }, q.overdue);
        gauges.queueItems.set({ queue: q.id }, q.total);
      }
      const health = await this.kafka.report();
      gauges.consumerLag.reset();
      for (const g of health.consumerGroups) for (const p of g.partitions) gauges.consumerLag.set({ group: g.groupId, topic: p.topic, partition: String(p.partition) }, p.lag);
      gauges.openDeadLetters.reset();
      for (const d of health.deadLetters) gauges.openDeadLetters.set({ group: d.consumer }, d.open);
      for (const o of health.outboxes) metrics().outboxBacklog.set({ schema: o.schema }, o.backlog);
    } catch (error) {
      this.logger.warn({ err: error }, 'ops gauges not refreshed; retried at the next interval');
    }
  }
}
