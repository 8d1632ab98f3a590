export * from './ops.types';
export * from './ops.module';
export * from './ops-queue.service';
export * from './kafka-health.service';
export * from './ops-metrics.updater';
export * from './console.static';
export type { AuditRecord, Decision, HistoryEvent } from './item-history.repository';
export type { GroupLag, OutboxHealth, PartitionLag } from './kafka-lag.repository';
export { OperatorViewsRepository } from './operator-views.repository';
