import { createHash, randomUUID } from 'node:crypto';
import * as os from 'node:os';
import { Client, Pool } from 'pg';
import { addMonths, chinaDay } from '@tongban/calendar';
import { loadServiceCatalogue } from '@tongban/catalogue';
import { BenchClient, closedLoop, Latencies } from '../bench.http';
import { agencyOf, prng, tokenOf } from '../bench.population';
import { MONTHLY_HELD } from '../bench.setup';
import { Figure } from '../bench.report';
import { cpuDuring } from '../bench.cpu';

/** A residence city claims on the person's permit (统一证明材料要求, seed 000 （十二）); extra evidence is harmless elsewhere. */
const BENCH_EVIDENCE = [{ kind: 'residence-permit', reference: 'P-bench' }];

export interface ClaimKey {
  subjectRef: string;
  serviceCode: string;
  periodKey: string;
  region: string;
  /** the period's first and next month's first instant (China): whose holder owns the claim */
  start: string;
  end: string;
}

const monthStart = (key: string): string => `${key}-01T00:00:00+08:00`;

/**
 * Claimable keys: every monthly held service of the given people for the 13 months of the claim window
 * that are claimable whatever the day (11 back, this one, the next), by the holder at each month's start.
 */
export async function claimKeys(db: Client, subjectRefs: string[], seed: number): Promise<ClaimKey[]> {
  const thisMonth = chinaDay(new Date()).slice(0, 7);
  const months = Array.from({ length: 14 }, (_, i) => addMonths(`${thisMonth}-01`, i - 11).slice(0, 7));
  const holders = (
    await db.query<{ subject_ref: string; service_code: string; region: string; period_key: string }>(
      `SELECT r.subject_ref, r.service_code, r.region, m.key AS period_key
         FROM ledger.responsibilities r JOIN unnest($3::text[], $4::timestamptz[]) AS m(key, at) ON r.during @> m.at
        WHERE r.service_code = ANY($1) AND r.subject_ref = ANY($2)`,
      [MONTHLY_HELD, subjectRefs, months.slice(0, 13), months.slice(0, 13).map(monthStart)],
    )
  ).rows;
  const next = new Map(months.slice(0, 13).map((m, i) => [m, months[i + 1]]));
  const keys: ClaimKey[] = holders.map((h) => ({
    subjectRef: h.subject_ref,
    serviceCode: h.service_code,
    periodKey: h.period_key,
    region: h.region,
    start: monthStart(h.period_key),
    end: monthStart(next.get(h.period_key) as string),
  }));
  const random = prng(seed);
  for (let i = keys.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [keys[i], keys[j]] = [keys[j], keys[i]];
  }
  return keys;
}

/**
 * The gateway's claim transaction, statement for statement (ProvisionClaimService.claim inside the
 * AuditInterceptor's transaction): the holder row share-locked, the claim inserted unless taken, the
 * entitlement opened for services claimed every period, the audit row — run straight on `pg`, as
 * named prepared statements like the gateway's Database does.
 */
async function directClaim(pool: Pool, k: ClaimKey, item: { basis: string; needsEntitlement: boolean }): Promise<boolean> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN ISOLATION LEVEL READ COMMITTED');
    const holder = await c.query<{ responsibility_id: string; region: string }>({
      name: 'bench_holder',
      text: `SELECT responsibility_id, service_code, region, to_char(lower(during) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS since
         FROM ledger.responsibilities WHERE subject_ref = $1 AND service_code = $2 AND during @> $3::timestamptz FOR SHARE`,
      values: [k.subjectRef, k.serviceCode, k.start],
    });
    const row = holder.rows[0];
    let ok = false;
    if (row && row.region === k.region) {
      const inserted = await c.query({
        name: 'bench_claim',
        text: `INSERT INTO ledger.provision_claims (claim_id, subject_ref, service_code, period_key, region, basis, responsibility_id, claimed_by, request_id, held_at, period_end)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (subject_ref, service_code, period_key) DO NOTHING
         RETURNING claim_id, subject_ref, service_code, period_key, region, basis, claimed_at, held_at, period_end`,
        values: [
          randomUUID(),
          k.subjectRef,
          k.serviceCode,
          k.periodKey,
          k.region,
          item.basis,
          row.responsibility_id,
          `${k.region}:bench-${k.region}`,
          randomUUID(),
          k.start,
          k.end,
        ],
      });
      ok = inserted.rowCount === 1;
      if (ok && item.needsEntitlement) {
        await c.query({
          name: 'bench_entitlement',
          text: `INSERT INTO ledger.entitlements (subject_ref, service_code, since_period, opened_by) VALUES ($1, $2, $3, $4)
           ON CONFLICT (subject_ref, service_code) DO UPDATE SET since_period = LEAST(entitlements.since_period, EXCLUDED.since_period)`,
          values: [k.subjectRef, k.serviceCode, `${k.periodKey}-01`, `${k.region}:bench-${k.region}`],
        });
      }
    }
    await c.query({
      name: 'bench_audit',
      text: `INSERT INTO gateway.audit_log (actor, role, region, request_id, action, resource, status, payload_hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      values: [
        `${k.region}:bench-${k.region}-${agencyOf(k.serviceCode)}`,
        agencyOf(k.serviceCode),
        k.region,
        randomUUID(),
        'POST /v1/provision-claims',
        '/v1/provision-claims',
        201,
        createHash('sha256').update(JSON.stringify(k)).digest('hex'),
      ],
    });
    await c.query('COMMIT');
    return ok;
  } catch (error) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    c.release();
  }
}

export async function claimsFigure(opts: {
  gateway: string;
  databaseUrl: string;
  keys: ClaimKey[];
  concurrency: number;
  gatewayPid: number;
  postgresPid: number;
  seconds: number;
  log: (line: string) => void;
}): Promise<Figure> {
  const { concurrency } = opts;
  const items = new Map(
    loadServiceCatalogue()
      .all()
      .map((i) => [i.code, { basis: i.basis as string, needsEntitlement: i.entitlementNeedsClaimPerPeriod }]),
  );
  const half = Math.floor(opts.keys.length / 2);
  const viaGateway = opts.keys.slice(0, half);
  const direct = opts.keys.slice(half);

  // warm-up: connections, JIT, plan caches (not counted)
  const client = new BenchClient(opts.gateway, concurrency);
  const warm = viaGateway.splice(0, Math.min(2000, Math.floor(viaGateway.length / 10)));
  await closedLoop(concurrency, warm.length, async (i) => {
    const k = warm[i];
    await client.call('POST', '/v1/provision-claims', {
      token: tokenOf(k.region, agencyOf(k.serviceCode)),
      body: { subjectRef: k.subjectRef, serviceCode: k.serviceCode, periodKey: k.periodKey, evidence: BENCH_EVIDENCE },
    });
  });

  const gw = new Latencies();
  const statuses = new Map<number, number>();
  const { result: run, cpu: gatewayCpu } = await cpuDuring({ gateway: opts.gatewayPid, PostgreSQL: opts.postgresPid }, () =>
    closedLoop(
      concurrency,
      viaGateway.length,
      async (i) => {
        const k = viaGateway[i];
        const res = await client.call('POST', '/v1/provision-claims', {
          token: tokenOf(k.region, agencyOf(k.serviceCode)),
          body: { subjectRef: k.subjectRef, serviceCode: k.serviceCode, periodKey: k.periodKey, evidence: BENCH_EVIDENCE },
        });
        gw.add(res.ms);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      },
      opts.seconds * 1000,
    ),
  );
  client.close();
  const created = statuses.get(201) ?? 0;
  const gatewayRate = created / run.seconds;
  opts.log(
    `claims via gateway: ${created} created in ${run.seconds.toFixed(1)} s = ${gatewayRate.toFixed(0)}/s; statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
  );

  const pool = new Pool({ connectionString: opts.databaseUrl, max: concurrency, application_name: 'bench-direct' });
  const db = new Latencies();
  let directOk = 0;
  const warmDirect = direct.splice(0, Math.min(2000, Math.floor(direct.length / 10)));
  await closedLoop(
    concurrency,
    warmDirect.length,
    async (i) => void (await directClaim(pool, warmDirect[i], items.get(warmDirect[i].serviceCode)!)),
  );
  const { result: directRun, cpu: directCpu } = await cpuDuring({ PostgreSQL: opts.postgresPid }, () =>
    closedLoop(
      concurrency,
      direct.length,
      async (i) => {
        const t = performance.now();
        if (await directClaim(pool, direct[i], items.get(direct[i].serviceCode)!)) directOk++;
        db.add(performance.now() - t);
      },
      opts.seconds * 1000,
    ),
  );
  await pool.end();
  const directRate = directOk / directRun.seconds;
  opts.log(`claims direct on pg: ${directOk} in ${directRun.seconds.toFixed(1)} s = ${directRate.toFixed(0)}/s`);

  const s = gw.summary();
  const d = db.summary();
  const ratio = gatewayRate / directRate;
  // CPU milliseconds per claim by process: what the two cores are spent on, and so the most claims/s
  // this machine could do at that cost if nothing else ran
  const perClaim = (cpu: Record<string, number>, n: number): Record<string, number> =>
    Object.fromEntries(Object.entries(cpu).map(([k, sec]) => [k, (sec * 1000) / n]));
  const gwCost = perClaim(gatewayCpu, created);
  const directCost = perClaim(directCpu, directOk);
  const sum = (c: Record<string, number>): number => Object.values(c).reduce((a, b) => a + b, 0);
  const cores = os.cpus().length;
  opts.log(`claims CPU ms per claim: via gateway ${JSON.stringify(gwCost)}, direct ${JSON.stringify(directCost)}`);
  return {
    id: 'claims',
    title: `Provision claims through the gateway (${concurrency} keep-alive connections)`,
    value: gatewayRate,
    unit: 'claims/s',
    baseline: { label: `same transaction straight on pg, ${concurrency} connections`, value: directRate },
    ratio,
    target: '≥ 3,000/s, p99 ≤ 25 ms, ≥ 0.5 of direct',
    met: gatewayRate >= 3000 && s.p99 <= 25 && ratio >= 0.5,
    details: {
      'p50 ms': s.p50,
      'p95 ms': s.p95,
      'p99 ms': s.p99,
      created: created,
      'non-201 answers': s.count - created,
      'direct p50 ms': d.p50,
      'direct p95 ms': d.p95,
      'direct p99 ms': d.p99,
      ...Object.fromEntries(Object.entries(gwCost).map(([k, v]) => [`CPU ms per claim via gateway: ${k}`, v])),
      ...Object.fromEntries(Object.entries(directCost).map(([k, v]) => [`CPU ms per claim direct: ${k}`, v])),
      [`claims/s ${cores} cores allow at the gateway path's CPU cost`]: (cores * 1000) / sum(gwCost),
      [`claims/s ${cores} cores allow at the direct path's CPU cost`]: (cores * 1000) / sum(directCost),
    },
    note: 'CPU ms per claim = CPU time of each process tree during the timed run ÷ claims created (PostgreSQL: postmaster and backends; load generator: the bench process)',
  };
}
