import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { agencyUser, appUser, applyAcls, deliveryTopic, ensureTopics, tongbanAcls } from '@tongban/messaging';

const PORT = Number(process.env.TEST_KAFKA_SASL_PORT ?? 19192);
const CONTROLLER = PORT + 1;
const ADMIN_PASSWORD = 'admin-secret-test';
const users = { [appUser('gateway')]: 'gw-secret', [agencyUser('440000')]: 'a44-secret', [agencyUser('360000')]: 'a36-secret' };

function kafkaSh(command: 'start' | 'stop', dataDir: string): void {
  const result = spawnSync('bash', [path.resolve(__dirname, '../../deploy/local/kafka.sh'), command], {
    env: {
      ...process.env,
      KAFKA_SECURITY: 'sasl',
      KAFKA_ADMIN_PASSWORD: ADMIN_PASSWORD,
      KAFKA_SCRAM_USERS: Object.entries(users)
        .map(([u, p]) => `${u}:${p}`)
        .join(' '),
      KAFKA_DATA_DIR: dataDir,
      KAFKA_PORT: String(PORT),
      KAFKA_CONTROLLER_PORT: String(CONTROLLER),
    },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`kafka.sh ${command} (sasl) failed: ${result.stdout}${result.stderr}`);
}

const client = (username: string, password: string): Kafka =>
  new Kafka({
    clientId: `acl-test-${username}`,
    brokers: [`127.0.0.1:${PORT}`],
    sasl: { mechanism: 'scram-sha-512', username, password },
    logLevel: logLevel.NOTHING,
    retry: { retries: 2 },
  });

/** Reads one message from a topic as the given user, or fails with Kafka's authorisation error. */
async function readOne(kafka: Kafka, topic: string, group: string): Promise<string> {
  const consumer = kafka.consumer({ groupId: group, maxWaitTimeInMs: 200 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    return await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no message within 15 s')), 15000);
      consumer.on(consumer.events.CRASH, (e) => {
        clearTimeout(timer);
        reject(e.payload.error);
      });
      consumer
        .run({
          eachMessage: async ({ message }) => {
            clearTimeout(timer);
            resolve(message.value?.toString() ?? '');
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
}

describe('Kafka security on a SASL/SCRAM broker with ACLs (real broker)', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-kafka-sasl-'));
  const admin = client('admin', ADMIN_PASSWORD);

  beforeAll(async () => {
    kafkaSh('start', dataDir);
    await ensureTopics(
      admin,
      [deliveryTopic('440000'), deliveryTopic('360000')].map((name) => ({ name, partitions: 1 })),
      1,
    );
    const a = admin.admin();
    await a.connect();
    await applyAcls(a, tongbanAcls('', ['gateway'], ['440000', '360000']));
    await a.disconnect();
    const producer = client(appUser('gateway'), users[appUser('gateway')]).producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    await producer.send({ topic: deliveryTopic('440000'), messages: [{ key: 's1_x', value: 'for 44' }] });
    await producer.send({ topic: deliveryTopic('360000'), messages: [{ key: 's1_y', value: 'for 36' }] });
    await producer.disconnect();
  });
  afterAll(() => {
    kafkaSh('stop', dataDir);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("lets 广东's agency read its province's delivery topic", async () => {
    await expect(
      readOne(client(agencyUser('440000'), users[agencyUser('440000')]), deliveryTopic('440000'), 'agency-440000-main'),
    ).resolves.toBe('for 44');
  });

  it("refuses 广东's agency 江西's events", async () => {
    await expect(
      readOne(client(agencyUser('440000'), users[agencyUser('440000')]), deliveryTopic('360000'), 'agency-440000-spy'),
    ).rejects.toThrow(/authoriz/i);
  });

  it('refuses an agency writing any event', async () => {
    const producer = client(agencyUser('440000'), users[agencyUser('440000')]).producer();
    await producer.connect();
    await expect(producer.send({ topic: deliveryTopic('440000'), messages: [{ value: 'forged' }] })).rejects.toThrow(/authoriz/i);
    await producer.disconnect();
  });

  it('refuses a wrong password', async () => {
    const producer = client(agencyUser('440000'), 'wrong').producer();
    await expect(producer.connect()).rejects.toThrow();
  });
});
