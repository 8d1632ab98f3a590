import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import * as net from 'node:net';
import { repoPath } from '@tongban/config';
import { AuditChainVerifier, AuditLog, RunningApp } from '@tongban/http';
import { LEDGER_OPERATOR_READS } from '@tongban/ledger';
import { MEDICAL_OPERATOR_READS } from '@tongban/medical';
import { CONSUMER_GROUPS, DEAD_LETTER_OPERATOR_READS, EVENT_TYPES } from '@tongban/messaging';
import { OpsMetricsModule, OpsMetricsUpdater } from '@tongban/ops';
import { SOCIAL_INSURANCE_OPERATOR_READS } from '@tongban/social-insurance';
import { GATEWAY_APP } from '../../apps/gateway/src/gateway.app';
import { GatewayModule } from '../../apps/gateway/src/gateway.module';
import { LEDGER_APP } from '../../apps/ledger/src/ledger.app';
import { MEDICAL_SETTLEMENT_APP } from '../../apps/medical-settlement/src/medical-settlement.app';
import { SOCIAL_INSURANCE_APP } from '../../apps/social-insurance/src/social-insurance.app';
import { exposedNames, unknownMetrics } from '../harness/monitoring';
import { Suite } from '../harness/suite';
import { eventually } from '../harness/eventually';

const scrape = (url: string): Promise<string> => fetch(`${url}/metrics`).then((r) => r.text());
const queueIds = (reads: ReadonlyArray<{ queues: ReadonlyArray<{ id: string }> }>): string[] =>
  reads.flatMap((r) => r.queues.map((q) => q.id));

/** `promtool check metrics` on an exposition (Debian package `prometheus`; CI installs it). */
function promtoolCheckMetrics(exposition: string): { status: number | null; output: string } {
  const run = spawnSync('promtool', ['check', 'metrics'], { input: exposition, encoding: 'utf8' });
  if (run.error) throw new Error(`promtool is needed for this test (apt-get install prometheus): ${run.error.message}`);
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe('monitoring: each app exports the signals it owns, under its own name, as promtool wants them (real PostgreSQL and Kafka)', () => {
  let suite: Suite;
  let gateway: RunningApp;
  let ledger: RunningApp;
  let socialInsurance: RunningApp;
  let medical: RunningApp;
  let child: ChildProcess | undefined;
  let childUrl: string;
  let childExited: Promise<void> | undefined;

  beforeAll(async () => {
    suite = await Suite.create('monitoring');
    gateway = await suite.start(GATEWAY_APP);
    ledger = await suite.start(LEDGER_APP);
    socialInsurance = await suite.start(SOCIAL_INSURANCE_APP);
    medical = await suite.start(MEDICAL_SETTLEMENT_APP);
  });
  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await childExited;
    }
    await suite.stop();
  });

  it('the ledger and the adapters own the queue, lag and dead-letter gauges; the gateway exports none of them', async () => {
    const imports = (Reflect.getMetadata('imports', GatewayModule) ?? []) as Array<{ module?: unknown }>;
    expect(imports.some((m) => m.module === OpsMetricsModule)).toBe(false);
    const owners: Array<[RunningApp, string[], string[]]> = [
      [ledger, queueIds([LEDGER_OPERATOR_READS, DEAD_LETTER_OPERATOR_READS]), ['ledger']],
      [socialInsurance, queueIds([SOCIAL_INSURANCE_OPERATOR_READS]), []],
      [medical, queueIds([MEDICAL_OPERATOR_READS]), []],
    ];
    for (const [app, queues, groups] of owners) {
      const updater = app.app.get(OpsMetricsUpdater);
      expect(queueIds(updater.owned.reads)).toEqual(queues);
      expect(updater.owned.consumerGroups).toEqual(groups);
      await updater.refresh();
    }
    // every queue of the console has an owner
    expect(owners.flatMap(([, q]) => q).sort()).toEqual(
      queueIds([DEAD_LETTER_OPERATOR_READS, SOCIAL_INSURANCE_OPERATOR_READS, LEDGER_OPERATOR_READS, MEDICAL_OPERATOR_READS]).sort(),
    );
    const text = await scrape(ledger.url);
    for (const q of owners.flatMap(([, queues]) => queues)) {
      expect(text).toMatch(new RegExp(`tongban_queue_items\\{queue="${q}"[^}]*\\} \\d+\\n`));
      expect(text).toMatch(new RegExp(`tongban_overdue_items\\{queue="${q}"[^}]*\\} \\d+\\n`));
    }
    const group = suite.topic(CONSUMER_GROUPS.ledger.groupId).replace(/\./g, '\\.');
    expect(text).toMatch(new RegExp(`tongban_consumer_lag\\{group="${group}",topic="[^"]+",partition="\\d+"[^}]*\\} \\d+\\n`));
    expect(text).toMatch(/tongban_dead_letters_open\{group="tongban\.ledger"[^}]*\} 0\n/);
  });

  it('has every counter at 0 before the first event or failure: the rates and the dead-letter alert have a series', async () => {
    const text = await scrape(ledger.url);
    const consumed = 'cn.gov.tongban.residence.permit-issued.v1';
    for (const code of ['internal', 'event-schema-violation', 'rule-violated'])
      expect(text).toMatch(new RegExp(`tongban_dead_letters_total\\{group="tongban\\.ledger",code="${code}"[^}]*\\} 0\\n`));
    expect(text).toMatch(new RegExp(`tongban_consumer_retries_total\\{group="tongban\\.ledger",type="${consumed}"[^}]*\\} 0\\n`));
    expect(text).toMatch(
      new RegExp(`tongban_events_consumed_total\\{group="tongban\\.ledger",type="${consumed}",outcome="applied"[^}]*\\} \\d+\\n`),
    );
    // every type of a relayed schema's domain topic, produced or not yet
    for (const type of Object.keys(EVENT_TYPES))
      expect(text).toMatch(new RegExp(`tongban_events_produced_total\\{type="${type.replace(/\./g, '\\.')}"`));
  });

  it('verifies the audit chain on a timer and exports the outcome; an altered entry raises tongban_audit_chain_broken', async () => {
    const audit = gateway.app.get(AuditLog);
    const verifier = gateway.app.get(AuditChainVerifier);
    await audit.append({
      actor: 'monitoring-test',
      role: 'operator',
      region: null,
      action: 'POST',
      resource: '/v1/test',
      status: 201,
      payload: null,
    });
    // the gateway's own chainer may hold the chain's lock at this instant (chain() then yields): chain until none is left
    const unchained = async (): Promise<number> => {
      await audit.chain();
      return Number((await suite.db.one<{ n: string }>(`SELECT count(*) AS n FROM gateway.audit_log WHERE chain_pos IS NULL`))?.n);
    };
    await eventually(unchained, (n) => n === 0, 'every audit entry chained');
    const verifiedFrom = Math.floor(Date.now() / 1000);
    expect((await verifier.verify()).ok).toBe(true);
    let text = await scrape(gateway.url);
    expect(text).toMatch(/tongban_audit_chain_broken\{[^}]*\} 0\n/);
    expect(text).toMatch(/tongban_audit_unchained_entries\{[^}]*\} 0\n/);
    const verifiedAt = Number(/tongban_audit_chain_verified_timestamp_seconds\{[^}]*\} (\S+)\n/.exec(text)?.[1]);
    expect(verifiedAt).toBeGreaterThanOrEqual(verifiedFrom); // this verification's instant, not an earlier one

    await suite.db.query(`UPDATE gateway.audit_log SET actor = 'someone-else' WHERE actor = 'monitoring-test'`);
    expect((await verifier.verify()).ok).toBe(false);
    text = await scrape(gateway.url);
    expect(text).toMatch(/tongban_audit_chain_broken\{[^}]*\} 1\n/);
    await suite.db.query(`UPDATE gateway.audit_log SET actor = 'monitoring-test' WHERE actor = 'someone-else'`);
    expect((await verifier.verify()).ok).toBe(true);
  });

  it('an app started on its own names every series after itself, exports its own queues only, and passes promtool check metrics', async () => {
    const port = await freePort();
    const proc = spawn(
      repoPath('node_modules/.bin/ts-node-transpile-only'),
      ['-r', 'tsconfig-paths/register', '-P', 'tsconfig.json', 'apps/social-insurance/src/main.ts'],
      {
        cwd: repoPath('.'),
        env: { ...process.env, ...suite.env(), SOCIAL_INSURANCE_PORT: String(port) },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    child = proc;
    childExited = new Promise((resolve) => proc.once('exit', () => resolve()));
    let stderr = '';
    proc.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    childUrl = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 120_000;
    let text = '';
    while (!/tongban_queue_items\{queue="si-transfers-receipt"/.test(text)) {
      if (proc.exitCode !== null) throw new Error(`the social-insurance app exited (${proc.exitCode}): ${stderr.slice(-2000)}`);
      if (Date.now() > deadline) throw new Error(`the social-insurance app did not serve its gauges within 120 s: ${stderr.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 500));
      text = await scrape(childUrl).catch(() => '');
    }
    const samples = text.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
    expect(samples.length).toBeGreaterThan(50);
    expect(samples.filter((l) => !l.includes('app="social-insurance"'))).toEqual([]);
    for (const q of queueIds([SOCIAL_INSURANCE_OPERATOR_READS])) expect(text).toMatch(new RegExp(`tongban_queue_items\\{queue="${q}"`));
    for (const q of queueIds([LEDGER_OPERATOR_READS, MEDICAL_OPERATOR_READS, DEAD_LETTER_OPERATOR_READS]))
      expect(text).not.toMatch(new RegExp(`queue="${q}"`));

    const check = promtoolCheckMetrics(text);
    expect(check.output).toBe('');
    expect(check.status).toBe(0);
  });

  it('passes promtool check metrics on the in-process scrape too, and the dashboard and the alert rules name only scraped metrics', async () => {
    const text = await scrape(gateway.url);
    const check = promtoolCheckMetrics(text);
    expect(check.output).toBe('');
    expect(check.status).toBe(0);
    const exposed = exposedNames(text + (childUrl ? await scrape(childUrl).catch(() => '') : ''));
    // the local supervisor's restart counter is its own registry (tools/monitoring.spec.ts checks it)
    exposed.add('tongban_app_restarts_total');
    expect(unknownMetrics(exposed)).toEqual([]);
  });
});
