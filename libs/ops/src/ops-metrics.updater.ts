import { DynamicModule, Inject, Injectable, Module } from '@nestjs/common';
import { CalendarModule, ChinaClock } from '@tongban/calendar';
import { OperatorReads, PeriodicJob } from '@tongban/database';
import { CONSUMER_GROUPS, DeadLetterService } from '@tongban/messaging';
import { metrics } from '@tongban/metrics';
import { KafkaLagRepository } from './kafka-lag.repository';
import { OperatorViewsRepository } from './operator-views.repository';

export const OPS_METRICS_INTERVAL_MS = 15_000;
export type ConsumerGroupName = keyof typeof CONSUMER_GROUPS;

/** What an app exports gauges for: the operator queues of the libs it runs, its own consumer groups. */
export interface OwnedSignals {
  reads: readonly OperatorReads[];
  consumerGroups: readonly ConsumerGroupName[];
}
const OWNED_SIGNALS = 'TONGBAN_OWNED_SIGNALS';

/**
 * Refreshes the gauges of what this app owns (a scrape never waits on PostgreSQL or the broker): the
 * waiting and overdue items of its operator queues, its consumer groups' lag and open dead letters.
 * The owner exports them, not the gateway, so an operations alert stays alive while any one app is
 * down; every instance of the owner exports the same values (aggregate with max()).
 */
@Injectable()
export class OpsMetricsUpdater extends PeriodicJob {
  constructor(
    @Inject(OWNED_SIGNALS) readonly owned: OwnedSignals,
    private readonly views: OperatorViewsRepository,
    private readonly lag: KafkaLagRepository,
    private readonly deadLetters: DeadLetterService,
    private readonly clock: ChinaClock,
  ) {
    super('ops-metrics', OPS_METRICS_INTERVAL_MS);
  }

  override onApplicationBootstrap(): void {
    // a series for every owned queue and group from the first scrape, before any work arrives
    const m = metrics();
    for (const q of this.owned.reads.flatMap((r) => r.queues)) {
      m.queueItems.set({ queue: q.id }, 0);
      m.overdueItems.set({ queue: q.id }, 0);
    }
    for (const g of this.groups()) m.openDeadLetters.set({ group: g.groupId }, 0);
    super.onApplicationBootstrap();
    void this.refresh().catch((error: unknown) => this.logger.warn({ err: error }, 'first refresh of the owned gauges failed'));
  }

  /** One refresh of every owned gauge (also called directly by tests). */
  async refresh(): Promise<void> {
    await this.work();
  }

  protected async work(): Promise<void> {
    const m = metrics();
    const today = this.clock.today();
    for (const reads of this.owned.reads) {
      for (const q of reads.queues) {
        const counts = await this.views.counts(reads, q.id, today, {});
        m.queueItems.set({ queue: q.id }, counts.total);
        m.overdueItems.set({ queue: q.id }, counts.overdue);
      }
    }
    const groups = this.groups();
    if (groups.length === 0) return;
    for (const g of await this.lag.consumerLag(groups)) {
      for (const p of g.partitions) m.consumerLag.set({ group: g.groupId, topic: p.topic, partition: String(p.partition) }, p.lag);
    }
    const open = new Map((await this.deadLetters.openByConsumer()).map((d) => [d.consumer, d.open]));
    for (const g of groups) m.openDeadLetters.set({ group: g.groupId }, open.get(g.groupId) ?? 0);
  }

  private groups(): Array<(typeof CONSUMER_GROUPS)[ConsumerGroupName]> {
    return this.owned.consumerGroups.map((name) => CONSUMER_GROUPS[name]);
  }
}

/**
 * The owned gauges for one app (apps/<app>/src/<app>.module.ts): the queue counts read the libs'
 * operator views with the operators' decisions, so the app migrates the `ops` schema too (OPS_MIGRATIONS).
 */
@Module({})
export class OpsMetricsModule {
  static forOwner(owned: OwnedSignals): DynamicModule {
    return {
      module: OpsMetricsModule,
      imports: [CalendarModule],
      providers: [{ provide: OWNED_SIGNALS, useValue: owned }, OperatorViewsRepository, KafkaLagRepository, OpsMetricsUpdater],
      exports: [OpsMetricsUpdater],
    };
  }
}
