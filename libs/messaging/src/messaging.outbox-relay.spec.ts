import type { Message, RecordMetadata } from 'kafkajs';
import { chosenPartitions } from './messaging.kafka-client';
import { fromKafkaMessage } from './messaging.cloud-event';
import { assertAcknowledged, assertAnsweredOnce, messagesFor, OutboxRow, withinTopicBytes } from './messaging.outbox-relay';

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

describe('messagesFor (one record per addressed province, and a lean domain-topic record only where an app reads it)', () => {
  const row = (event_type: OutboxRow['event_type'], recipients: string[]): OutboxRow => ({
    seq: '7',
    event_id: '0b6f3f0e-7a53-4c1e-9d7f-8f3e0e5b1a21',
    event_type,
    subject: 's1_abc',
    source: '440100/residence-permit',
    recipients,
    payload: { a: 1 },
    traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    occurred_at: new Date('2026-11-29T08:00:00Z'),
  });
  const decoded = (m: Message) =>
    fromKafkaMessage(
      Object.fromEntries(Object.entries(m.headers ?? {}).map(([k, v]) => [k, Buffer.from(String(v))])),
      m.value as Buffer,
      m.key as string,
    );

  it('a type an app consumes: the domain copy with the lean headers, then each province with every attribute', () => {
    const copies = messagesFor(row('cn.gov.tongban.residence.permit-issued.v1', ['440100', '360100', '440300']));
    expect(copies.map((c) => c.topic)).toEqual(['tongban.residence.events.v1', 'tongban.deliver.440000.v1', 'tongban.deliver.360000.v1']);
    const [domain, delivery] = [copies[0].messages[0], copies[1].messages[0]];
    expect(Object.keys(domain.headers!)).toEqual(['ce_specversion', 'ce_id', 'ce_source', 'ce_type', 'ce_time', 'traceparent']);
    expect(Object.keys(delivery.headers!).sort()).toEqual(
      [
        'ce_specversion',
        'ce_id',
        'ce_source',
        'ce_type',
        'ce_subject',
        'ce_time',
        'ce_dataschema',
        'ce_tongbanrecipients',
        'content-type',
        'traceparent',
      ].sort(),
    );
    expect(copies[2].messages[0]).toBe(delivery); // one message object for every province: encoded and hashed once
    // both decode to the same event; the domain copy without its addressing
    expect({ ...decoded(domain), recipients: ['440100', '360100', '440300'] }).toEqual(decoded(delivery));
    expect(decoded(delivery)).toMatchObject({
      subject: 's1_abc',
      dataschema: 'urn:tongban:event-schema:cn.gov.tongban.residence.permit-issued.v1',
      data: { a: 1 },
    });
  });

  it('a type no app consumes goes to the addressed provinces only', () => {
    const copies = messagesFor(row('cn.gov.tongban.ledger.handoff-accepted.v1', ['440100', '360100']));
    expect(copies.map((c) => c.topic)).toEqual(['tongban.deliver.440000.v1', 'tongban.deliver.360000.v1']);
  });

  it('an event addressed to no region lands on its domain topic', () => {
    const copies = messagesFor(row('cn.gov.tongban.ledger.gap-detected.v1', []));
    expect(copies.map((c) => c.topic)).toEqual(['tongban.ledger.events.v1']);
  });
});
