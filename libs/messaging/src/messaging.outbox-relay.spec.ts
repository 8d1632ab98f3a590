import type { Message, RecordMetadata } from 'kafkajs';
import { chosenPartitions } from './messaging.kafka-client';
import { assertAcknowledged } from './messaging.outbox-relay';

const message = (key: string, partitions: Record<string, number>): Message => {
  const m: Message = { key, value: '{}' };
  chosenPartitions.set(m, new Map(Object.entries(partitions)));
  return m;
};
const ack = (topicName: string, partition: number): RecordMetadata => ({ topicName, partition, errorCode: 0 });

describe('assertAcknowledged (a batch counts as published only when every partition it was split into acknowledged)', () => {
  const a = message('s1_a', { domain: 0, 'deliver.44': 2 });
  const b = message('s1_b', { domain: 3, 'deliver.44': 1 });
  const groups = [
    { topic: 'domain', messages: [a, b] },
    { topic: 'deliver.44', messages: [a, b] },
  ];

  it('accepts a batch whose every (topic, partition) was acknowledged', () => {
    expect(() => assertAcknowledged(groups, [ack('domain', 0), ack('domain', 3), ack('deliver.44', 2), ack('deliver.44', 1)])).not.toThrow();
  });

  it('refuses a batch kafkajs resolved with a partition missing (its leader moved to a broker that had already answered)', () => {
    expect(() => assertAcknowledged(groups, [ack('domain', 0), ack('domain', 3), ack('deliver.44', 2)])).toThrow('deliver.44/1');
  });

  it('refuses messages whose partition is unknown (not sent through the recording partitioner)', () => {
    expect(() => assertAcknowledged([{ topic: 'domain', messages: [{ key: 'x', value: '{}' }] }], [ack('domain', 0)])).toThrow('domain/?');
  });
});
