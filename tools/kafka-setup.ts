import { Kafka, logLevel } from 'kafkajs';
import { allTopics, applyAcls, ensureTopics, tongbanAcls } from '@tongban/messaging';
import { provinces } from '@tongban/regions';

/**
 * Creates every topic (with its partitions and KAFKA_REPLICATION_FACTOR) and, on a secured cluster
 * (KAFKA_SASL_USERNAME = the admin), the ACLs of the apps and the provinces' agencies. Idempotent;
 * the production deploy runs it as a Job before the apps (deploy/production/kafka-setup-job.yaml).
 */
async function main(): Promise<void> {
  const brokers = (process.env.KAFKA_BROKERS ?? '').split(',').filter(Boolean);
  if (brokers.length === 0) throw new Error('KAFKA_BROKERS is required');
  const username = process.env.KAFKA_SASL_USERNAME;
  const password = process.env.KAFKA_SASL_PASSWORD;
  const kafka = new Kafka({
    clientId: 'tongban-setup',
    brokers,
    logLevel: logLevel.WARN,
    sasl: username && password ? { mechanism: 'scram-sha-512', username, password } : undefined,
  });
  const namespace = process.env.KAFKA_NAMESPACE ?? '';
  const created = await ensureTopics(kafka, allTopics(provinces()), Number(process.env.KAFKA_REPLICATION_FACTOR ?? 1), namespace);
  console.log(`topics created: ${created.length}`);
  if (username) {
    const admin = kafka.admin();
    await admin.connect();
    await applyAcls(
      admin,
      tongbanAcls(namespace, ['gateway', 'ledger', 'residence-permit', 'social-insurance', 'medical-settlement'], provinces()),
    );
    await admin.disconnect();
    console.log('ACLs applied');
  }
}

main().catch((error: unknown) => {
  console.error(`kafka-setup: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
