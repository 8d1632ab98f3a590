import { Injectable } from '@nestjs/common';
import { Database } from '@tongban/database';
import { CONSUMER_GROUPS, KafkaClient } from '@tongban/messaging';
import { OUTBOX_SCHEMAS_SQL } from './ops.sql';

export interface PartitionLag {
  topic: string;
  partition: number;
  /** committed offset of the group; null when the group never committed on this partition */
  committed: string | null;
  high: string;
  lag: number;
}

export interface GroupLag {
  groupId: string;
  state: string;
  members: number;
  totalLag: number;
  partitions: PartitionLag[];
}

export interface OutboxHealth {
  schema: string;
  backlog: number;
  oldestUnpublishedAt: Date | null;
  /** commit-to-publish delay of the most recently published event */
  lastRelayDelaySeconds: number | null;
}

/**
 * Consumer lag from the broker (committed offsets vs. the partitions' high watermarks, kafkajs admin
 * API) and outbox backlog from PostgreSQL. Group and topic names carry the deployment's namespace.
 */
@Injectable()
export class KafkaLagRepository {
  constructor(
    private readonly kafka: KafkaClient,
    private readonly db: Database,
  ) {}

  /** The lag of our consumer groups (every one, or those given). */
  async consumerLag(
    of: ReadonlyArray<{ groupId: string; topics: readonly string[] }> = Object.values(CONSUMER_GROUPS),
  ): Promise<GroupLag[]> {
    const admin = this.kafka.kafka.admin();
    await admin.connect();
    try {
      const groups = of.map((g) => ({
        groupId: g.groupId,
        name: this.kafka.topic(g.groupId),
        topics: g.topics.map((t) => this.kafka.topic(t)),
      }));
      const described = await admin.describeGroups(groups.map((g) => g.name));
      const highs = new Map<string, Map<number, { high: string; low: string }>>();
      for (const topic of new Set(groups.flatMap((g) => g.topics))) {
        const offsets = await admin.fetchTopicOffsets(topic);
        highs.set(topic, new Map(offsets.map((o) => [o.partition, { high: o.high, low: o.low }])));
      }
      const out: GroupLag[] = [];
      for (const g of groups) {
        const committed = await admin.fetchOffsets({ groupId: g.name, topics: g.topics });
        const partitions: PartitionLag[] = [];
        for (const t of committed) {
          for (const p of t.partitions) {
            const mark = highs.get(t.topic)?.get(p.partition);
            if (!mark) continue;
            const has = BigInt(p.offset) >= 0n;
            const lag = BigInt(mark.high) - (has ? BigInt(p.offset) : BigInt(mark.low));
            partitions.push({
              topic: t.topic,
              partition: p.partition,
              committed: has ? p.offset : null,
              high: mark.high,
              lag: Number(lag > 0n ? lag : 0n),
            });
          }
        }
        partitions.sort((a, b) => (a.topic === b.topic ? a.partition - b.partition : a.topic < b.topic ? -1 : 1));
        const d = described.groups.find((x) => x.groupId === g.name);
        out.push({
          groupId: g.name,
          state: d?.state ?? 'Unknown',
          members: d?.members.length ?? 0,
          totalLag: partitions.reduce((n, p) => n + p.lag, 0),
          partitions,
        });
      }
      return out;
    } finally {
      await admin.disconnect();
    }
  }

  /** Every outbox in the database (each domain's event history). */
  async outboxes(): Promise<OutboxHealth[]> {
    const out: OutboxHealth[] = [];
    for (const { schema } of await this.db.query<{ schema: string }>(OUTBOX_SCHEMAS_SQL)) out.push(await this.outbox(schema));
    return out;
  }

  private async outbox(schema: string): Promise<OutboxHealth> {
    if (!/^[a-z][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema ${schema}`);
    const r = await this.db.one<{ backlog: string; oldest: Date | null; last_delay: number | null }>(
      `SELECT (SELECT count(*) FROM ${schema}.outbox WHERE published_at IS NULL) AS backlog,
              (SELECT min(occurred_at) FROM ${schema}.outbox WHERE published_at IS NULL) AS oldest,
              (SELECT extract(epoch FROM published_at - occurred_at)::float8 FROM ${schema}.outbox
                WHERE published_at IS NOT NULL ORDER BY seq DESC LIMIT 1) AS last_delay`,
    );
    return {
      schema,
      backlog: Number(r?.backlog ?? 0),
      oldestUnpublishedAt: r?.oldest ?? null,
      lastRelayDelaySeconds: r?.last_delay ?? null,
    };
  }
}
