import { randomBytes } from 'node:crypto';
import { Message, Partitioners, PartitionMetadata } from 'kafkajs';
import { chosenPartitions, murmur2, recordingPartitioner } from './messaging.kafka-client';

const partitions = (n: number): PartitionMetadata[] =>
  Array.from({ length: n }, (_, partitionId) => ({ partitionId, leader: 0, partitionErrorCode: 0, replicas: [0], isr: [0] }));

describe('recordingPartitioner (the partition of a keyed message is the one kafkajs, and Java, choose)', () => {
  const kafkajs = Partitioners.DefaultPartitioner();
  const ours = recordingPartitioner();

  it('chooses what kafkajs chooses for random keys of every length and our partition counts', () => {
    for (let i = 0; i < 5000; i++) {
      const key = i % 2 === 0 ? `s1_${randomBytes(16).toString('hex')}` : randomBytes(i % 41);
      for (const n of [1, 3, 6, 7]) {
        const args = { topic: `t${n}`, partitionMetadata: partitions(n), message: { key, value: '' } };
        expect(ours({ ...args, message: { ...args.message } })).toBe(kafkajs(args));
      }
    }
  });

  it("matches Kafka's murmur2 on known values", () => {
    // org.apache.kafka.common.utils.UtilsTest#testMurmur2
    expect(murmur2(Buffer.from('21'))).toBe(-973932308);
    expect(murmur2(Buffer.from('foobar'))).toBe(-790332482);
    expect(murmur2(Buffer.from('a-little-bit-long-string'))).toBe(-985981536);
    expect(murmur2(Buffer.from('a-little-bit-longer-string'))).toBe(-1486304829);
    expect(murmur2(Buffer.from('lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8'))).toBe(-58897971);
    expect(murmur2(Buffer.from('abc'))).toBe(479470107);
  });

  it('records the partition of each topic one message was copied to', () => {
    const message: Message = { key: 's1_abc', value: '{}' };
    const six = ours({ topic: 'domain', partitionMetadata: partitions(6), message });
    const three = ours({ topic: 'deliver', partitionMetadata: partitions(3), message });
    expect(Object.fromEntries(chosenPartitions.get(message)!)).toEqual({ domain: six, deliver: three });
  });

  it('leaves an explicit partition as it is', () => {
    expect(ours({ topic: 't', partitionMetadata: partitions(6), message: { key: 'k', value: '', partition: 4 } })).toBe(4);
  });
});
