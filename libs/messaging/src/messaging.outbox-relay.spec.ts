import type { Message, RecordMetadata } from 'kafkajs';
import { chosenPartitions } from './messaging.kafka-client';
import { assertAcknowledged, assertAnsweredOnce, withinTopicBytes } from './messaging.outbox-relay';

const message = (key: string, partitions: Record<string, number>): Message => {
  const m: Message = { key, value: '{}' };
  chosenPartitions.set(m, new Map(Object.entries(partitions)));
  return m;
};
const ack = (topicName: string, partition: number): RecordMetadata => ({ topicName, partition, errorCode: 0 });

describe('assertAcknowledged (a batch counts as published only when every partition it was split into acknowledged, exactly once)', () => {
  const a = message('s1_a', { domain: 0, 'deliver.44': 2 });
  const b = message('s1_b', { domain: 3, 'deliver.44': 1 });
  const groups = [
    { topic: 'domain', messages: [a, b] },
    { topic: 'deliver.44', messages: [a, b] },
  ];

  it('accepts a batch whose every (topic, partition) was acknowledged', () => {
    expect(() =>
      assertAcknowledged(groups, [ack('domain', 0), ack('domain', 3), ack('deliver.44', 2), ack('deliver.44', 1)]),
    ).not.toThrow();
  });

  it('refuses a batch kafkajs resolved with a partition missing (its leader moved to a broker that had already answered)', () => {
    expect(() => assertAcknowledged(groups, [ack('domain', 0), ack('domain', 3), ack('deliver.44', 2)])).toThrow('deliver.44/1');
  });

  it('refuses a batch part of which kafkajs sent twice (a retry after its broker objects were replaced)', () => {
    expect(() =>
      assertAcknowledged(groups, [ack('domain', 0), ack('domain', 3), ack('deliver.44', 2), ack('deliver.44', 1), ack('domain', 3)]),
    ).toThrow('domain/3 2 times');
  });

  it('refuses messages whose partition is unknown (not sent through the recording partitioner)', () => {
    expect(() => assertAcknowledged([{ topic: 'domain', messages: [{ key: 'x', value: '{}' }] }], [ack('domain', 0)])).toThrow('domain/?');
  });
});

describe('assertAnsweredOnce (no broker may have taken two Produce requests for one batch)', () => {
  it('accepts one answer per broker, however many brokers', () => {
    expect(() => assertAnsweredOnce(['k1:9092', 'k2:9092', 'k3:9092'])).not.toThrow();
    expect(() => assertAnsweredOnce([])).not.toThrow();
  });

  it('refuses a batch a broker answered twice (a retry began while its first request was still in flight)', () => {
    expect(() => assertAnsweredOnce(['k1:9092', 'k3:9092', 'k1:9092'])).toThrow('broker k1:9092 answered two Produce requests');
  });
});

describe('withinTopicBytes (no topic gets more than the broker accepts in one batch)', () => {
  // each row: one 1,000-byte record on the domain topic and on its province's delivery topic
  const rows = ['44', '44', '36', '44', '36'].map((province, i) => ({ i, province }));
  const messagesOf = (r: { i: number; province: string }) => {
    const m: Message = { key: `s1_${r.i}`, value: 'x'.repeat(1000 - 64 - `s1_${r.i}`.length) };
    return [
      { topic: 'domain', messages: [m] },
      { topic: `deliver.${r.province}`, messages: [m] },
    ];
  };

  it('takes every row when all topics stay within the bound, grouped by topic in row order', () => {
    const { rows: taken, groups } = withinTopicBytes(rows, messagesOf, 10_000);
    expect(taken).toHaveLength(5);
    expect(groups.map((g) => [g.topic, g.messages.map((m) => m.key)])).toEqual([
      ['domain', ['s1_0', 's1_1', 's1_2', 's1_3', 's1_4']],
      ['deliver.44', ['s1_0', 's1_1', 's1_3']],
      ['deliver.36', ['s1_2', 's1_4']],
    ]);
  });

  it('stops at the first row that would take a topic over the bound (the rest wait for the next batch, order kept)', () => {
    expect(withinTopicBytes(rows, messagesOf, 3_000).rows.map((r) => r.i)).toEqual([0, 1, 2]);
    expect(withinTopicBytes(rows, messagesOf, 2_500).rows.map((r) => r.i)).toEqual([0, 1]);
  });

  it('always takes the first row, so an oversized event is sent and refused loudly rather than skipped', () => {
    expect(withinTopicBytes(rows, messagesOf, 10).rows.map((r) => r.i)).toEqual([0]);
  });
});
