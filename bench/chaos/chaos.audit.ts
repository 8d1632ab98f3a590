import { execFile, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { repoPath } from '@tongban/config';

/** Every copy of every ce_id on the audited topics: `<topic> <ce_id>` → its locations (`topic/partition@offset`). */
export type Copies = Map<string, string[]>;

/**
 * Reads the topics to their end with Kafka's own Java consumer (isolation.level=read_committed), the
 * client an agency would use, so the duplicate check does not depend on the client our services use:
 * kafkajs 2.2.4's read_committed filter hands over records of aborted transactions when several
 * producers' aborted transactions overlap a fetch (it leaves at most one aborted transaction per record
 * it reads), which the fault run met after broker kills. Our consumers still take each effect once
 * (inbox by event id; an aborted record is always published again with the same id).
 */
export async function readCommitted(brokers: string, topics: string[]): Promise<Copies> {
  const { stdout: classpath } = await promisify(execFile)('bash', [repoPath('deploy/local/kafka.sh'), 'classpath']);
  const java = spawn(
    'java',
    [
      '-cp',
      classpath.trim(),
      `-Dlog4j.configuration=file:${repoPath('deploy/local/kafka/log4j.properties')}`,
      repoPath('bench/chaos/ReadCommittedAudit.java'),
      brokers.split(',')[0],
      ...topics,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  java.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const exited = new Promise<number>((resolve) => java.on('close', (code) => resolve(code ?? 1)));
  const copies: Copies = new Map();
  for await (const line of createInterface({ input: java.stdout })) {
    const [topic, partition, offset, id] = line.split('\t');
    if (!id) continue;
    const key = `${topic} ${id}`;
    copies.set(key, [...(copies.get(key) ?? []), `${topic}/${partition}@${offset}`]);
  }
  const code = await exited;
  if (code !== 0) throw new Error(`the read_committed auditor (Kafka's Java consumer) exited ${code}: ${stderr}`);
  return copies;
}
