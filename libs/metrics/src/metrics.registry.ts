import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The process's Prometheus metrics. Labels carry routes, event types, consumer groups and queue
 * names only — never a person, an ID number or a subjectRef.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly httpDuration = new Histogram({
    name: 'tongban_http_request_duration_seconds',
    help: 'HTTP request latency by route template and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  readonly eventsProduced = new Counter({
    name: 'tongban_events_produced_total',
    help: 'events published by outbox relays',
    labelNames: ['type'],
    registers: [this.registry],
  });
  readonly eventsConsumed = new Counter({
    name: 'tongban_events_consumed_total',
    help: 'events seen by consumers: applied, duplicate (in the inbox already) or skipped (a type the group does not handle)',
    labelNames: ['group', 'type', 'outcome'],
    registers: [this.registry],
  });
  readonly consumerRetries = new Counter({
    name: 'tongban_consumer_retries_total',
    help: 'retried event deliveries',
    labelNames: ['group', 'type'],
    registers: [this.registry],
  });
  readonly deadLetters = new Counter({
    name: 'tongban_dead_letters_total',
    help: 'messages sent to a dead-letter topic',
    labelNames: ['group', 'code'],
    registers: [this.registry],
  });
  readonly outboxBacklog = new Gauge({
    name: 'tongban_outbox_backlog',
    help: 'unpublished outbox rows',
    labelNames: ['schema'],
    registers: [this.registry],
  });
  readonly relayDelay = new Histogram({
    name: 'tongban_outbox_relay_delay_seconds',
    help: 'time from commit to publish',
    labelNames: ['schema'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5, 30],
    registers: [this.registry],
  });
  // The operator queues, consumer lag and open dead letters: exported by the app that owns each (the
  // ledger app for its group and queues, each adapter for its domain's queues), never by the gateway alone.
  readonly overdueItems = new Gauge({
    name: 'tongban_overdue_items',
    help: 'items past their statutory deadline, per operator queue',
    labelNames: ['queue'],
    registers: [this.registry],
  });
  readonly queueItems = new Gauge({
    name: 'tongban_queue_items',
    help: 'items waiting in an operator queue',
    labelNames: ['queue'],
    registers: [this.registry],
  });
  readonly consumerLag = new Gauge({
    name: 'tongban_consumer_lag',
    help: 'messages behind the high watermark, per consumer group and partition',
    labelNames: ['group', 'topic', 'partition'],
    registers: [this.registry],
  });
  readonly openDeadLetters = new Gauge({
    name: 'tongban_dead_letters_open',
    help: 'dead letters waiting for replay, per consumer group',
    labelNames: ['group'],
    registers: [this.registry],
  });
  // The audit chain as the gateway last verified it (every instance walks the chain on its own timer).
  readonly auditChainBroken = new Gauge({
    name: 'tongban_audit_chain_broken',
    help: '1 when the last verification of the audit hash chain found a broken link, else 0',
    registers: [this.registry],
  });
  readonly auditChainVerifiedAt = new Gauge({
    name: 'tongban_audit_chain_verified_timestamp_seconds',
    help: 'when the audit hash chain was last verified (Unix time), whatever the outcome',
    registers: [this.registry],
  });
  readonly auditUnchained = new Gauge({
    name: 'tongban_audit_unchained_entries',
    help: 'audit entries appended but not yet linked into the hash chain',
    registers: [this.registry],
  });

  constructor(app: string) {
    this.registry.setDefaultLabels({ app });
    collectDefaultMetrics({ register: this.registry });
    // prom-client's gauges named *_total break the exposition naming rules (promtool check metrics):
    // the per-type gauges they sum stay (nodejs_active_handles{type}, …); sum() gives the total.
    for (const name of DEFAULT_GAUGES_NAMED_AS_COUNTERS) this.registry.removeSingleMetric(name);
  }
}

const DEFAULT_GAUGES_NAMED_AS_COUNTERS = ['nodejs_active_handles_total', 'nodejs_active_requests_total', 'nodejs_active_resources_total'];

let instance: Metrics | undefined;
let processName: string | undefined;

/** One registry per process (the apps run one app per process; tests may start several, sharing it). */
export function metrics(): Metrics {
  instance ??= new Metrics(processName ?? 'tongban');
  return instance;
}

/**
 * Names the process in every series (`app="gateway"`), whenever its registry was created: the first app
 * started in a process names it (production runs one app per process; a test process starting several
 * keeps the first name).
 */
export function nameProcess(app: string): void {
  processName ??= app;
  metrics().registry.setDefaultLabels({ app: processName });
}
