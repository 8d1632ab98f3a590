import './paths';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startInfra } from '../../tools/infra';

/**
 * Starts the real infrastructure once per test run: an embedded PostgreSQL and a local Kafka broker
 * (or the external ones named by DATABASE_URL / KAFKA_BROKERS), on ports apart from the development
 * defaults. If they cannot start, this throws and every integration test fails with the reason.
 */
export default async function globalSetup(): Promise<void> {
  const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-test-'));
  fs.chmodSync(dataRoot, 0o755); // PostgreSQL runs as its own user when we are root
  const log = (line: string): void => {
    process.stdout.write(`[test-infra] ${line}\n`);
  };
  const infra = await startInfra({
    dataRoot,
    pgPort: Number(process.env.TEST_PG_PORT ?? 15433),
    kafkaPort: Number(process.env.TEST_KAFKA_PORT ?? 19092),
    kafkaControllerPort: Number(process.env.TEST_KAFKA_CONTROLLER_PORT ?? 19093),
    ephemeral: true,
    log,
  });
  process.env.DATABASE_URL = infra.databaseUrl;
  process.env.KAFKA_BROKERS = infra.kafkaBrokers;
  (globalThis as { __tongbanInfra?: unknown }).__tongbanInfra = { infra, dataRoot };
}
