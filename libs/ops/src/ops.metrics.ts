import { Gauge } from 'prom-client';
import { metrics } from '@tongban/metrics';

/** Gauges the ops module adds to the process registry (created once, even when tests start several apps). */
function gauge(name: string, help: string, labelNames: string[]): Gauge {
  const registry = metrics().registry;
  const existing = registry.getSingleMetric(name);
  if (existing) return existing as Gauge;
  return new Gauge({ name, help, labelNames, registers: [registry] });
}

export const opsGauges = (): { consumerLag: Gauge; openDeadLetters: Gauge; queueItems: Gauge } => ({
  consumerLag: gauge('tongban_consumer_lag', 'messages behind the high watermark, per consumer group and partition', [
    'group',
    'topic',
    'partition',
  ]),
  openDeadLetters: gauge('tongban_dead_letters_open', 'dead letters waiting for replay, per consumer group', ['group']),
  queueItems: gauge('tongban_queue_items', 'items waiting in an operator queue', ['queue']),
});
