import { setTimeout as sleep } from 'node:timers/promises';
import { randomUUID } from 'node:crypto';
import { AppConfig, loadConfig } from '@tongban/config';
import { KafkaClient, OutboxRelay, OutboxRelays, DOMAIN_TOPICS, deadLetterTopic, RelayOptions } from '@tongban/messaging';
import { PROBE_GROUP, ProbeModule, probeAttempts, probeBehaviour } from '../harness/probe.module';
import { eventually } from '../harness/eventually';
import { Collected, Suite, header } from '../harness/suite';
import { call, OPERATOR, token } from '../harness/http';
import { guangzhouPermit, newCitizenId, permitIssuedMessage } from '../harness/fixtures';
import { GATEWAY_APP } from '../../apps/gateway/src/gateway.app';

describe('messaging backbone: outbox, inbox, dead letters (real PostgreSQL and Kafka)', () => {
  let suite: Suite;
  let gateway: string;
  let probe: string;
  let config: AppConfig;
  let kafka: KafkaClient;

  const effects = (permitNumber: string): Promise<number> =>
    suite.db
      .one<{ n: string }>(`SELECT count(*) AS n FROM probe.effects WHERE permit_number = $1`, [permitNumber])
      .then((r) => Number(r?.n));
  const unpublished = (): Promise<number> =>
    suite.db.one<{ n: string }>(`SELECT count(*) AS n FROM residence.outbox WHERE published_at IS NULL`).then((r) => Number(r?.n));
  const issue = async (overrides: Record<string, unknown> = {}): Promise<{ permitNumber: string; status: number }> => {
    const body = guangzhouPermit(newCitizenId(), overrides);
    const res = await call(gateway, 'POST', '/v1/residence-permits', { token: token('440100', 'public-security'), body });
    return { permitNumber: String(body.permitNumber), status: res.status };
  };
  /** A counter of the probe's consumer group as its /metrics endpoint reports it, summed over the other labels. */
  const probeCounter = async (name: string, only: (line: string) => boolean = () => true): Promise<number> => {
    const scrape = await fetch(`${probe}/metrics`).then((r) => r.text());
    const mine = scrape
      .split('\n')
      .filter((line) => line.startsWith(`${name}{`) && line.includes(`group="${PROBE_GROUP.groupId}"`) && only(line));
    return mine.reduce((n, line) => n + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
  };
  /** Events the probe has processed: applied, or found in its inbox as applied before (not skipped types). */
  const processed = (): Promise<number> => probeCounter('tongban_events_consumed_total', (line) => !line.includes('outcome="skipped"'));
  const skipped = (): Promise<number> => probeCounter('tongban_events_consumed_total', (line) => line.includes('outcome="skipped"'));
  const relays: OutboxRelay[] = [];
  const relay = (
    hooks: Partial<Pick<RelayOptions, 'afterPublish' | 'beforeCommit' | 'lingerMs' | 'pollMs'>> = {},
    via = kafka,
  ): OutboxRelay => {
    const r = new OutboxRelay(suite.db, via, 'residence', { batchSize: 100, pollMs: 50, ...hooks });
    relays.push(r);
    return r;
  };
  /** A relay's process dies: the database drops its connections (and with them its relay lock); its Kafka producer is left behind. */
  const kill = async (): Promise<void> => {
    await suite.db.query(
      `SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted AND objid::int = hashtext('tongban.relay.residence') AND pid <> pg_backend_pid()`,
    );
  };
  /** The copies of one permit's events on the residence topic, by event id. */
  const copies = async (permitNumber: string, atLeast: number, readUncommitted = false): Promise<string[]> => {
    const mine = (got: Collected[]): Collected[] => got.filter((g) => g.message.value?.toString().includes(permitNumber));
    const got = await suite.collect(DOMAIN_TOPICS.residence.name, (g) => mine(g).length >= atLeast, 20000, readUncommitted);
    return mine(got).map((g) => String(header(g.message, 'ce_id')));
  };
  afterEach(async () => {
    for (const r of relays.splice(0)) await r.stop();
  });

  beforeAll(async () => {
    suite = await Suite.create('backbone');
    // The gateway writes residence outbox rows and would relay them: its relays are stopped, the tests drive the relay.
    const running = await suite.start(GATEWAY_APP);
    await running.app.get(OutboxRelays).stop();
    gateway = running.url;
    probe = (await suite.start({ name: 'residence-permit', module: ProbeModule, consumer: PROBE_GROUP })).url;
    await suite.kafka.admin().createTopics({ topics: [{ topic: suite.topic(deadLetterTopic(PROBE_GROUP.groupId)), numPartitions: 1 }] });
    config = loadConfig({ ...process.env, ...suite.env() });
    kafka = new KafkaClient(config);
  });
  afterAll(async () => {
    await kafka.disconnect();
    await suite.stop();
  });

  it('delivers an event committed while no relay ran, once the relay starts, and the consumer applies it once', async () => {
    const { permitNumber, status } = await issue();
    expect(status).toBe(201);
    expect(await unpublished()).toBeGreaterThan(0);
    expect(await effects(permitNumber)).toBe(0);
    expect(await relay().publishBatch()).toBeGreaterThan(0);
    await eventually(
      () => effects(permitNumber),
      (n) => n === 1,
      'the effect',
    );
    expect(await unpublished()).toBe(0);
  });

  it('lingers after a commit wakes it, so a commit close behind shares its Kafka transaction', async () => {
    const batches: string[][] = [];
    // woken only by the commits' NOTIFY (no polling in the test's time); the second commit comes 200 ms
    // after the first, which a relay reading at once would have published alone
    const lingering = relay({
      pollMs: 60_000,
      lingerMs: 1000,
      afterPublish: async (ids) => {
        batches.push(ids);
      },
    });
    await lingering.start();
    const first = await issue();
    await sleep(200);
    const second = await issue();
    await eventually(unpublished, (n) => n === 0, 'both permits to be published');
    const eventOf = async (permitNumber: string): Promise<string | undefined> =>
      (
        await suite.db.one<{ event_id: string }>(`SELECT event_id FROM residence.outbox WHERE payload::text LIKE '%' || $1 || '%'`, [
          permitNumber,
        ])
      )?.event_id;
    const [a, b] = [await eventOf(first.permitNumber), await eventOf(second.permitNumber)];
    expect(batches.find((batch) => batch.includes(String(a)))).toContain(b);
  });

  it('publishes once a batch whose relay died after its Kafka transaction committed: the successor reads the position from Kafka', async () => {
    const { permitNumber } = await issue();
    const crashing = relay({
      afterPublish: async () => {
        throw new Error('relay killed between the Kafka commit and the database update');
      },
    });
    await expect(crashing.publishBatch()).rejects.toThrow('relay killed');
    expect(await unpublished()).toBe(1); // the database never saw the publish
    await kill();
    const successor = relay();
    await eventually(
      () => successor.publishBatch().then(() => unpublished()),
      (n) => n === 0,
      'the successor to take over and mark the row from the committed position',
    );
    // nothing was sent again: one copy, for read_committed and read_uncommitted readers alike
    expect(await copies(permitNumber, 1)).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 500));
    const all = await copies(permitNumber, 1, true);
    expect(all).toHaveLength(1);
    await eventually(
      () => effects(permitNumber),
      (n) => n === 1,
      'one effect',
    );
  });

  it('aborts the open transaction of a relay that died mid-batch, fences it, and publishes the batch once for read_committed readers', async () => {
    const { permitNumber } = await issue();
    let resume: () => void = () => undefined;
    const hanging = relay({ beforeCommit: () => new Promise<void>((r) => (resume = r)) });
    const stuck = hanging.publishBatch();
    // its records are in the log, uncommitted
    expect(await copies(permitNumber, 1, true)).toHaveLength(1);
    await kill();
    const successor = relay();
    await eventually(
      () => successor.publishBatch().then(() => unpublished()),
      (n) => n === 0,
      'the successor to take over and publish',
    );
    // the predecessor wakes up: its commit is refused (fenced), and it marks nothing
    resume();
    await expect(stuck).rejects.toThrow();
    const committed = await copies(permitNumber, 1);
    await new Promise((r) => setTimeout(r, 500));
    expect(await copies(permitNumber, 1)).toEqual(committed);
    expect(committed).toHaveLength(1);
    // read_uncommitted readers see the aborted copy too (same event id): the inbox keeps their effect single
    const all = await copies(permitNumber, 2, true);
    expect(new Set(all).size).toBe(1);
    await eventually(
      () => effects(permitNumber),
      (n) => n === 1,
      'one effect',
    );
  });

  it('fences the predecessor before reading the position: a commit it tries meanwhile is refused, and the batch is published once', async () => {
    const { permitNumber } = await issue();
    let resume: () => void = () => undefined;
    // a predecessor with its transaction open that, if its commit goes through, dies before telling the database
    const predecessor = relay({
      beforeCommit: () => new Promise<void>((r) => (resume = r)),
      afterPublish: async () => {
        throw new Error('relay killed between the Kafka commit and the database update');
      },
    });
    const stuck = predecessor.publishBatch();
    expect(await copies(permitNumber, 1, true)).toHaveLength(1);
    await kill();
    // the predecessor tries its commit just after the successor has read the position
    const successorKafka = new KafkaClient(config);
    const admin = successorKafka.kafka.admin.bind(successorKafka.kafka);
    let predecessorOutcome: string | undefined;
    jest.spyOn(successorKafka.kafka, 'admin').mockImplementation((...args) => {
      const a = admin(...args);
      const fetchOffsets = a.fetchOffsets.bind(a);
      a.fetchOffsets = async (opts) => {
        const position = await fetchOffsets(opts);
        if (predecessorOutcome === undefined) {
          resume();
          predecessorOutcome = await stuck.then(
            () => 'committed',
            (e: Error) => e.message,
          );
        }
        return position;
      };
      return a;
    });
    try {
      const successor = relay({}, successorKafka);
      await eventually(
        () => successor.publishBatch().then(() => unpublished()),
        (n) => n === 0,
        'the successor to take over and publish',
      );
      const committed = await copies(permitNumber, 1);
      await new Promise((r) => setTimeout(r, 500));
      expect(await copies(permitNumber, 1)).toEqual(committed);
      expect(committed).toHaveLength(1);
      expect(predecessorOutcome).toBeDefined();
      expect(predecessorOutcome).not.toMatch(/relay killed/); // its commit never went through
    } finally {
      for (const r of relays.splice(0)) await r.stop();
      await successorKafka.disconnect();
    }
  });

  it('applies an event delivered twice only once', async () => {
    const producer = await kafka.producer();
    const permitNumber = `DUP-${randomUUID().slice(0, 8)}`;
    const message = permitIssuedMessage(permitNumber);
    const processedBefore = await processed();
    await producer.send({ topic: suite.topic(DOMAIN_TOPICS.residence.name), messages: [message, message] });
    await eventually(
      () => effects(permitNumber),
      (n) => n === 1,
      'the effect',
    );
    // the second copy was processed, not merely not reached yet
    await eventually(processed, (n) => n >= processedBefore + 2, 'the probe to process both copies');
    expect(await effects(permitNumber)).toBe(1);
  });

  it("commits a partition's position (offset + 1) once the effect is stored, also when no message follows (the deferred commit)", async () => {
    const producer = await kafka.producer();
    const permitNumber = `POS-${randomUUID().slice(0, 8)}`;
    const [sent] = await producer.send({ topic: suite.topic(DOMAIN_TOPICS.residence.name), messages: [permitIssuedMessage(permitNumber)] });
    const next = BigInt(sent.baseOffset ?? '0') + 1n;
    const admin = suite.kafka.admin();
    await admin.connect();
    const committed = async (): Promise<bigint> => {
      const [topic] = await admin.fetchOffsets({
        groupId: suite.topic(PROBE_GROUP.groupId),
        topics: [suite.topic(DOMAIN_TOPICS.residence.name)],
      });
      return BigInt(topic.partitions.find((p) => p.partition === sent.partition)?.offset ?? '-1');
    };
    try {
      await eventually(committed, (offset) => offset >= next, 'the position after the message to be committed');
      expect(await effects(permitNumber)).toBe(1);
    } finally {
      await admin.disconnect();
    }
  });

  it('retries a transient failure and applies the event once', async () => {
    const producer = await kafka.producer();
    const permitNumber = `FLAKY-${randomUUID().slice(0, 8)}`;
    const message = permitIssuedMessage(permitNumber);
    const retriesBefore = await probeCounter('tongban_consumer_retries_total');
    await producer.send({ topic: suite.topic(DOMAIN_TOPICS.residence.name), messages: [message] });
    await eventually(
      () => effects(permitNumber),
      (n) => n > 0,
      'the effect after a retry',
    );
    // the consumer itself tried again (a redelivery by Kafka would start over at attempt 1), and said so
    expect(probeAttempts.get(permitNumber)).toEqual([1, 2]);
    expect((await probeCounter('tongban_consumer_retries_total')) - retriesBefore).toBe(1);
    // both attempts wrote the effect; the failed one was rolled back with its inbox row
    expect(await effects(permitNumber)).toBe(1);
    const inbox = await suite.db.one<{ n: string }>(`SELECT count(*) AS n FROM probe.inbox WHERE event_id = $1`, [message.headers.ce_id]);
    expect(Number(inbox?.n)).toBe(1);
    const dead = await suite.db.one<{ n: string }>(`SELECT count(*) AS n FROM messaging.dead_letters WHERE event_id = $1`, [
      message.headers.ce_id,
    ]);
    expect(Number(dead?.n)).toBe(0);
  });

  it('skips an event type it has no handler for without decoding it, and the partition flows on', async () => {
    const producer = await kafka.producer();
    const key = `s1_${'S'.repeat(32)}`;
    const after = `AFTER-${randomUUID().slice(0, 8)}`;
    // not JSON: decoding or validating it would dead-letter it, so its skipping proves the handler came first
    const unhandled = {
      key,
      value: 'not json at all',
      headers: { ...permitIssuedMessage('x').headers, ce_id: randomUUID(), ce_type: 'cn.gov.tongban.residence.permit-endorsed.v1' },
    };
    const skippedBefore = await skipped();
    await producer.send({ topic: suite.topic(DOMAIN_TOPICS.residence.name), messages: [unhandled, permitIssuedMessage(after, key)] });
    await eventually(
      () => effects(after),
      (n) => n === 1,
      'the message behind the unhandled one',
    );
    expect(await skipped()).toBeGreaterThan(skippedBefore);
    const dead = await suite.db.one<{ n: string }>(
      `SELECT count(*) AS n FROM messaging.dead_letters WHERE event_id = $1 AND consumer = $2`,
      [unhandled.headers.ce_id, PROBE_GROUP.groupId],
    );
    expect(Number(dead?.n)).toBe(0);
    const inbox = await suite.db.one<{ n: string }>(`SELECT count(*) AS n FROM probe.inbox WHERE event_id = $1`, [unhandled.headers.ce_id]);
    expect(Number(inbox?.n)).toBe(0);
  });

  it('dead-letters poison messages and keeps the partition flowing; a replay applies the event once', async () => {
    const producer = await kafka.producer();
    const key = `s1_${'P'.repeat(32)}`;
    const poison = `POISON-${randomUUID().slice(0, 8)}`;
    const after = `AFTER-${randomUUID().slice(0, 8)}`;
    const garbage = { key, value: 'not json at all', headers: { ...permitIssuedMessage('x').headers, ce_id: randomUUID() } };
    // same key => same partition, in this order
    await producer.send({
      topic: suite.topic(DOMAIN_TOPICS.residence.name),
      messages: [permitIssuedMessage(poison, key), garbage, permitIssuedMessage(after, key)],
    });
    await eventually(
      () => effects(after),
      (n) => n === 1,
      'the message behind the poison',
    );
    expect(await effects(poison)).toBe(0);

    const list = await call<{
      items: Array<{ id: string; eventType: string | null; errorCode: string; attempts: number; consumer: string }>;
    }>(gateway, 'GET', `/v1/ops/dead-letters?consumer=${PROBE_GROUP.groupId}`, { token: OPERATOR });
    expect(list.status).toBe(200);
    const mine = list.body.items.filter((d) => d.consumer === PROBE_GROUP.groupId);
    expect(mine.map((d) => d.errorCode).sort()).toEqual(['event-schema-violation', 'rule-violated']);
    expect(mine.every((d) => d.attempts === 1)).toBe(true); // permanent failures are not retried
    const dlq = await suite.collect(deadLetterTopic(PROBE_GROUP.groupId), (got) => got.length >= 2);
    expect(dlq.map((g) => header(g.message, 'tongban_dlq_error_code')).sort()).toEqual(['event-schema-violation', 'rule-violated']);
    expect(dlq.every((g) => header(g.message, 'tongban_dlq_topic') === suite.topic(DOMAIN_TOPICS.residence.name))).toBe(true);

    // regions may not touch the operators' queue
    expect((await call(gateway, 'GET', '/v1/ops/dead-letters', { token: token('440100', 'public-security') })).status).toBe(403);

    probeBehaviour.poisonHealed = true;
    const poisonLetter = mine.find((d) => d.errorCode === 'rule-violated')!;
    const replay = await call<{ replayedAt: string | null }>(gateway, 'POST', `/v1/ops/dead-letters/${poisonLetter.id}/replay`, {
      token: OPERATOR,
    });
    expect(replay.status).toBe(200);
    expect(replay.body.replayedAt).not.toBeNull();
    await eventually(
      () => effects(poison),
      (n) => n === 1,
      'the replayed event',
    );
    const again = await call(gateway, 'POST', `/v1/ops/dead-letters/${poisonLetter.id}/replay`, { token: OPERATOR });
    expect(again.status).toBe(409);
    await new Promise((r) => setTimeout(r, 500));
    expect(await effects(poison)).toBe(1);
  });
});
