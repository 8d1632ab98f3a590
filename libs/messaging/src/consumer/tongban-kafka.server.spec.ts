import type { Database } from '@tongban/database';
import type { EventValidator } from '../messaging.event-validator';
import type { KafkaClient } from '../messaging.kafka-client';
import { DOMAIN_TOPICS } from '../messaging.topics';
import { CONSUMER_GROUPS } from '../messaging.consumer-groups';
import { TongbanKafkaServer } from './tongban-kafka.server';

/** listen() up to the first Kafka call: the subscription check comes before any connection. */
async function listenWith(topics: string[], handled: string[], eventTypes?: string[]): Promise<unknown> {
  const connect = jest.fn(() => Promise.reject(new Error('connected')));
  const kafka = { kafka: { consumer: () => ({ connect }) }, topic: (t: string) => t } as unknown as KafkaClient;
  const server = new TongbanKafkaServer({} as Database, kafka, {} as EventValidator, {
    groupId: 'tongban.test',
    topics,
    eventTypes,
    inboxSchema: 'test',
    maxAttempts: 1,
    backoffMs: 1,
  });
  for (const type of handled) server.addHandler(type, () => Promise.resolve(), true);
  return new Promise((resolve) => void server.listen(resolve));
}

describe('TongbanKafkaServer: no subscription without a handler', () => {
  it('refuses to subscribe to a topic carrying no event type the app handles', async () => {
    const error = await listenWith(
      [DOMAIN_TOPICS.residence.name, DOMAIN_TOPICS.medical.name],
      ['cn.gov.tongban.residence.permit-issued.v1'],
    );
    expect(String(error)).toContain(`subscribes to ${DOMAIN_TOPICS.medical.name} but handles no event type of it`);
  });

  it('subscribes when every topic carries a handled type', async () => {
    const error = await listenWith([DOMAIN_TOPICS.residence.name], ['cn.gov.tongban.residence.permit-issued.v1']);
    expect(String(error)).toContain('connected'); // got past the check to the broker
  });
});

describe('TongbanKafkaServer: a declared group handles exactly its declared event types', () => {
  const issued = 'cn.gov.tongban.residence.permit-issued.v1';
  const renewed = 'cn.gov.tongban.residence.permit-renewed.v1';

  it('refuses a handler for a type the group does not declare (the relay would never put it on the domain topic)', async () => {
    const error = await listenWith([DOMAIN_TOPICS.residence.name], [issued, renewed], [issued]);
    expect(String(error)).toContain(`handles ${renewed} beyond its declared event types`);
  });

  it('refuses a declared type without a handler', async () => {
    const error = await listenWith([DOMAIN_TOPICS.residence.name], [issued], [issued, renewed]);
    expect(String(error)).toContain(`misses ${renewed}`);
  });

  it("starts when handlers and declaration agree, as the ledger app's group does", async () => {
    const ledger = CONSUMER_GROUPS.ledger;
    const error = await listenWith([...ledger.topics], [...ledger.eventTypes], [...ledger.eventTypes]);
    expect(String(error)).toContain('connected');
  });
});
