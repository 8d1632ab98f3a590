import * as path from 'node:path';
import { repoPath } from '@tongban/config';
import { startInfra } from './infra';
import { Supervisor } from './supervisor';

/**
 * TONGBAN_INSTANCES=2 runs two instances of every app (the second on port + 100), and
 * TONGBAN_KAFKA_CLUSTER=3 a three-node Kafka cluster (replication 3, min.insync.replicas 2).
 *
 * The main job: real PostgreSQL and Kafka (embedded/local unless DATABASE_URL / KAFKA_BROKERS are
 * set), topics, then the gateway, the ledger and every adapter as separate processes, supervised: an
 * app that exits unexpectedly is restarted with backoff while the others keep running. Only Ctrl-C or
 * SIGTERM stops everything: the gateway first (HTTP), then the ledger and the adapters (each drains
 * its consumer and relays), then Kafka, then PostgreSQL, and leaves no process behind.
 */
const APPS = ['gateway', 'ledger', 'residence-permit', 'social-insurance', 'medical-settlement'] as const;
const log = (line: string): void => {
  process.stdout.write(`[tongban] ${line}\n`);
};

async function main(): Promise<void> {
  const infra = await startInfra({
    dataRoot: process.env.TONGBAN_DATA_DIR ?? repoPath('.data'),
    pgPort: Number(process.env.PG_PORT ?? 15432),
    kafkaPort: Number(process.env.KAFKA_PORT ?? 9092),
    kafkaControllerPort: Number(process.env.KAFKA_CONTROLLER_PORT ?? 9093),
    kafkaCluster: process.env.TONGBAN_KAFKA_CLUSTER === '3',
    log,
  });
  const instances = Number(process.env.TONGBAN_INSTANCES ?? 1);
  const supervisor = new Supervisor({ log });
  let stopping = false;
  const stopAll = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log('stopping: gateway, ledger, adapters, Kafka, PostgreSQL');
    await supervisor.stop(APPS);
    await infra.stop();
    log('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stopAll());
  process.on('SIGTERM', () => void stopAll());
  const ports: Record<(typeof APPS)[number], string> = {
    gateway: 'GATEWAY_PORT',
    'residence-permit': 'RESIDENCE_PERMIT_PORT',
    'social-insurance': 'SOCIAL_INSURANCE_PORT',
    'medical-settlement': 'MEDICAL_SETTLEMENT_PORT',
    ledger: 'LEDGER_PORT',
  };
  const defaults = { gateway: 8080, 'residence-permit': 8081, 'social-insurance': 8082, 'medical-settlement': 8083, ledger: 8084 };
  for (const name of APPS) {
    for (let i = 0; i < instances; i++) {
      const port = Number(process.env[ports[name]] ?? defaults[name]) + 100 * i;
      supervisor.start({
        key: `${name}#${i}`,
        app: name,
        command: process.execPath,
        args: ['-r', repoPath('tools/paths.js'), path.join(repoPath('dist'), 'apps', name, 'src', 'main.js')],
        env: {
          ...process.env,
          DATABASE_URL: infra.databaseUrl,
          KAFKA_BROKERS: infra.kafkaBrokers,
          [ports[name]]: String(port),
          ...(process.env.TONGBAN_KAFKA_CLUSTER === '3' ? { KAFKA_REPLICATION_FACTOR: '3' } : {}),
        },
      });
    }
  }
  const metricsPort = await supervisor.serveMetrics(Number(process.env.SUPERVISOR_METRICS_PORT ?? 8089));
  log(
    `started ${APPS.join(', ')}; gateway on http://${process.env.HTTP_HOST ?? '127.0.0.1'}:${process.env.GATEWAY_PORT ?? 8080}; ` +
      `restarts counted on http://127.0.0.1:${metricsPort}/metrics; Ctrl-C stops everything`,
  );
}

main().catch((error: unknown) => {
  log(`start failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
