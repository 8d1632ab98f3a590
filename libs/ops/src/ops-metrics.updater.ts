import { Injectable } from '@nestjs/common';
import { PeriodicJob } from '@tongban/database';
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
export class OpsMetricsUpdater extends PeriodicJob {
  constructor(
    private readonly queues: OpsQueueService,
    private readonly kafka: KafkaHealthService,
  ) {
    super('ops-metrics', OPS_METRICS_INTERVAL_MS);
  }

  /** One refresh of every gauge (also called directly by tests). */
  async refresh(): Promise<void> {
    await this.work();
  }

  protected async work(): Promise<void> {
    const gauges = opsGauges();
    for (const q of (await this.queues.summaries()).queues) {
      metrics().overdueItems.set({ queue: q.id }, q.overdue);
      gauges.queueItems.set({ queue: q.id }, q.total);
    }
    const health = await this.kafka.report();
    gauges.consumerLag.reset();
    for (const g of health.consumerGroups)
      for (const p of g.partitions) gauges.consumerLag.set({ group: g.groupId, topic: p.topic, partition: String(p.partition) }, p.lag);
    gauges.openDeadLetters.reset();
    for (const d of health.deadLetters) gauges.openDeadLetters.set({ group: d.consumer }, d.open);
    for (const o of health.outboxes) metrics().outboxBacklog.set({ schema: o.schema }, o.backlog);
  }
}
