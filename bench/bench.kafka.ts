import { spawnSync } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoPath } from '@tongban/config';

/** The Kafka jars deploy/local/kafka.sh fetched (Kafka's own tools run from them). */
export function kafkaLibs(): string {
  return path.join(
    process.env.TONGBAN_CACHE ?? path.join(os.homedir(), '.cache', 'tongban'),
    `kafka-${process.env.KAFKA_VERSION ?? '3.9.1'}`,
    'libs',
  );
}

/** Runs one of Kafka's Java tools on the fetched jars. */
export function kafkaTool(main: string, args: string[], timeoutMs: number): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(
    'java',
    ['-Xmx512m', `-Dlog4j.configuration=file:${repoPath('deploy/local/kafka/log4j.properties')}`, '-cp', `${kafkaLibs()}/*`, main, ...args],
    { encoding: 'utf8', timeout: timeoutMs },
  );
  return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

/**
 * Requests the broker has handled so far, by API (Produce, Fetch, EndTxn, ...), read from its JMX
 * request metrics with Kafka's JmxTool (the broker runs with KAFKA_JMX_PORT). Two readings around a
 * run say what each request of the run cost the broker in requests.
 */
export function kafkaRequestCounts(jmxPort: number): Record<string, number> {
  const out = kafkaTool(
    'org.apache.kafka.tools.JmxTool',
    [
      '--jmx-url',
      `service:jmx:rmi:///jndi/rmi://127.0.0.1:${jmxPort}/jmxrmi`,
      '--object-name',
      'kafka.network:type=RequestMetrics,name=RequestsPerSec,request=*,version=*',
      '--attributes',
      'Count',
      '--one-time',
      'true',
      '--report-format',
      'properties',
    ],
    60000,
  );
  const counts: Record<string, number> = {};
  for (const line of out.stdout.split('\n')) {
    const m = /request=([A-Za-z]+),version=\d+:Count=(\d+)/.exec(line);
    // FetchConsumer and FetchFollower are Fetch counted again by who asked
    if (m && m[1] !== 'FetchConsumer' && m[1] !== 'FetchFollower') counts[m[1]] = (counts[m[1]] ?? 0) + Number(m[2]);
  }
  if (Object.keys(counts).length === 0) throw new Error(`JmxTool read no request counts (exit ${out.status}): ${out.stderr.slice(-400)}`);
  return counts;
}
