import { createHash, randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client, Pool } from 'pg';
import { addMonths, chinaDay } from '@tongban/calendar';
import { repoPath } from '@tongban/config';
import { loadServiceCatalogue } from '@tongban/catalogue';
import { BenchClient, closedLoop, Latencies, sleep } from '../bench.http';
import { agencyOf, prng, tokenOf } from '../bench.population';
import { MONTHLY_HELD } from '../bench.setup';
import { pipeline } from '@tongban/database';
import { CLAIM_IF_HOLDER_SQL, claimIfHolderValues } from '@tongban/ledger';
import { cpuByProcess, Figure, times } from '../bench.report';
import { cpuDuring } from '../bench.cpu';
import { StatementStats, StatementTimes, topStatements } from '../bench.statements';
import { AppProcess, BenchCluster } from '../bench.cluster';
import { monotonicMicros, newestProfile, profileMarkdown, readProfile } from '../bench.profile';

/** A residence city claims on the person's permit (统一证明材料要求, seed 000 （十二）); extra evidence is harmless elsewhere. */
const BENCH_EVIDENCE = [{ kind: 'residence-permit', reference: 'P-bench' }];

/** A claim through a gateway, as the holder's agency makes it. */
const postClaim = (client: BenchClient, k: ClaimKey): ReturnType<BenchClient['call']> =>
  client.call('POST', '/v1/provision-claims', {
    token: tokenOf(k.region, agencyOf(k.serviceCode)),
    body: { subjectRef: k.subjectRef, serviceCode: k.serviceCode, periodKey: k.periodKey, evidence: BENCH_EVIDENCE },
  });

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
 * The gateway's claim transaction, statement for statement and round trip for round trip, straight
 * on `pg`: BEGIN with the one claim statement (the holder share-locked, the claim inserted unless
 * taken, the entitlement opened for services claimed every period — the very SQL of ClaimRepository),
 * then the audit row with COMMIT, each pair pipelined in one round trip as the gateway's Database
 * sends them, as named prepared statements.
 */
async function directClaim(pool: Pool, k: ClaimKey, item: { basis: string; needsEntitlement: boolean }): Promise<boolean> {
  const c = await pool.connect();
  try {
    const claimedBy = `${k.region}:bench-${k.region}`;
    const [, claimed] = await pipeline(c, [
      { text: 'BEGIN ISOLATION LEVEL READ COMMITTED' },
      {
        name: 'bench_claim',
        text: CLAIM_IF_HOLDER_SQL,
        values: claimIfHolderValues(
          {
            claimId: randomUUID(),
            subjectRef: k.subjectRef,
            serviceCode: k.serviceCode,
            periodKey: k.periodKey,
            region: k.region,
            basis: item.basis,
            heldAt: k.start,
            periodEnd: k.end,
            evidence: BENCH_EVIDENCE,
          },
          claimedBy,
          randomUUID(),
          item.needsEntitlement ? `${k.periodKey}-01` : null,
        ),
      },
    ]);
    await pipeline(c, [{ name: 'bench_audit', text: AUDIT_SQL, values: auditValues(k) }, { text: 'COMMIT' }]);
    return claimed.rows.length === 1;
  } catch (error) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    c.release();
  }
}

/**
 * The transaction as the gateway ran it before the one-statement claim (statement by statement, six
 * round trips: BEGIN, holder share-locked, claim, entitlement, audit row, COMMIT), kept as a reference
 * the earlier ratios were measured against.
 */
async function stepwiseClaim(pool: Pool, k: ClaimKey, item: { basis: string; needsEntitlement: boolean }): Promise<boolean> {
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
        name: 'bench_stepwise_claim',
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
    await c.query({ name: 'bench_audit', text: AUDIT_SQL, values: auditValues(k) });
    await c.query('COMMIT');
    return ok;
  } catch (error) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    c.release();
  }
}

const AUDIT_SQL = `INSERT INTO gateway.audit_log (actor, role, region, request_id, action, resource, status, payload_hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`;
const auditValues = (k: ClaimKey): unknown[] => [
  `${k.region}:bench-${k.region}-${agencyOf(k.serviceCode)}`,
  agencyOf(k.serviceCode),
  k.region,
  randomUUID(),
  'POST /v1/provision-claims',
  '/v1/provision-claims',
  201,
  createHash('sha256').update(JSON.stringify(k)).digest('hex'),
];

/** Seconds one path runs before the next takes its turn. */
const SLICE_SECONDS = 3;

/** One way of making claims, its keys consumed in order across its slices, and what its slices measured, summed. */
interface Path {
  keys: ClaimKey[];
  next: number;
  claim: (k: ClaimKey) => Promise<{ ok: boolean; ms: number }>;
  ok: number;
  seconds: number;
  cpu: Record<string, number>;
  latencies: Latencies;
  statements: StatementTimes;
}

const newPath = (keys: ClaimKey[], claim: Path['claim']): Path => ({
  keys,
  next: 0,
  claim,
  ok: 0,
  seconds: 0,
  cpu: {},
  latencies: new Latencies(),
  statements: new Map(),
});

/** One slice of a path: a closed loop at `concurrency` for SLICE_SECONDS, its CPU by process added to the path's. */
async function runSlice(path: Path, concurrency: number, pids: Record<string, number>, statements?: StatementStats): Promise<void> {
  const from = path.next;
  await statements?.reset();
  const { result, cpu } = await cpuDuring(pids, () =>
    closedLoop(
      concurrency,
      path.keys.length - from,
      async (i) => {
        const { ok, ms } = await path.claim(path.keys[from + i]);
        if (ok) path.ok++;
        path.latencies.add(ms);
      },
      SLICE_SECONDS * 1000,
    ),
  );
  await statements?.read(path.statements);
  path.next = from + result.done;
  path.seconds += result.seconds;
  for (const [k, sec] of Object.entries(cpu)) path.cpu[k] = (path.cpu[k] ?? 0) + sec;
}

export async function claimsFigure(opts: {
  gateway: string;
  databaseUrl: string;
  keys: ClaimKey[];
  concurrency: number;
  gatewayPid: number;
  postgresPid: number;
  seconds: number;
  /** list PostgreSQL's top statements per path (its server preloads pg_stat_statements) */
  statements?: boolean;
  log: (line: string) => void;
  /** a profiled phase after the measured ones: a second gateway under `node --cpu-prof` on this port */
  profile?: { cluster: BenchCluster; port: number; seconds: number; resultsDir: string };
}): Promise<Figure> {
  const { concurrency } = opts;
  const items = new Map(
    loadServiceCatalogue()
      .all()
      .map((i) => [i.code, { basis: i.basis as string, needsEntitlement: i.entitlementNeedsClaimPerPeriod }]),
  );
  // the profiled phase gets its own keys (claims not yet made), so it never changes what is measured
  const profileKeys = opts.profile ? opts.keys.splice(0, Math.floor(Math.min(opts.keys.length / 5, opts.profile.seconds * 1500))) : [];
  // thirds: through the gateway, the same transaction on pg, the stepwise transaction on pg
  const third = Math.floor(opts.keys.length / 3);
  const viaGateway = opts.keys.slice(0, third);
  const direct = opts.keys.slice(third, 2 * third);
  const stepwise = opts.keys.slice(2 * third);

  // warm-up: connections, JIT, plan caches (not counted)
  const client = new BenchClient(opts.gateway, concurrency);
  const warm = viaGateway.splice(0, Math.min(2000, Math.floor(viaGateway.length / 10)));
  await closedLoop(concurrency, warm.length, async (i) => void (await postClaim(client, warm[i])));

  // what the gateway and PostgreSQL spend with no claims (relays, the audit chainer, the other apps'
  // jobs): per claim it weighs more on the slower path, so it is reported to read the costs by
  const { cpu: idleCpu } = await cpuDuring({ gateway: opts.gatewayPid, PostgreSQL: opts.postgresPid }, () => sleep(3000));

  const statuses = new Map<number, number>();
  const viaGatewayClaim = async (k: ClaimKey): Promise<{ ok: boolean; ms: number }> => {
    const res = await postClaim(client, k);
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    return { ok: res.status === 201, ms: res.ms };
  };
  const pools: Pool[] = [];
  const onPg = async (
    keys: ClaimKey[],
    claim: (pool: Pool, k: ClaimKey, item: { basis: string; needsEntitlement: boolean }) => Promise<boolean>,
  ): Promise<Path> => {
    const pool = new Pool({ connectionString: opts.databaseUrl, max: concurrency, application_name: 'bench-direct' });
    pools.push(pool);
    const warmKeys = keys.splice(0, Math.min(2000, Math.floor(keys.length / 10)));
    await closedLoop(concurrency, warmKeys.length, async (i) => void (await claim(pool, warmKeys[i], items.get(warmKeys[i].serviceCode)!)));
    return newPath(keys, async (k) => {
      const t = performance.now();
      const ok = await claim(pool, k, items.get(k.serviceCode)!);
      return { ok, ms: performance.now() - t };
    });
  };
  // The three paths take turns in short slices, so a burst of background work (a checkpoint, autovacuum
  // after the population's load, the audit chainer) falls on all of them alike.
  const paths = {
    gateway: newPath(viaGateway, viaGatewayClaim),
    direct: await onPg(direct, directClaim),
    stepwise: await onPg(stepwise, stepwiseClaim),
  };
  const pids = { gateway: opts.gatewayPid, PostgreSQL: opts.postgresPid };
  const statements = opts.statements ? await StatementStats.open(opts.databaseUrl) : undefined;
  try {
    for (let round = 0; round < Math.ceil(opts.seconds / SLICE_SECONDS); round++)
      for (const path of Object.values(paths)) await runSlice(path, concurrency, pids, statements);
  } finally {
    await statements?.close();
  }
  client.close();
  await Promise.all(pools.map((p) => p.end()));
  const created = paths.gateway.ok;
  const rate = (p: Path): number => p.ok / p.seconds;
  const gatewayRate = rate(paths.gateway);
  const directRate = rate(paths.direct);
  opts.log(
    `claims via gateway: ${created} created in ${paths.gateway.seconds.toFixed(1)} s = ${gatewayRate.toFixed(0)}/s; statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
  );
  opts.log(
    `claims direct on pg (the same transaction): ${paths.direct.ok} in ${paths.direct.seconds.toFixed(1)} s = ${directRate.toFixed(0)}/s`,
  );
  opts.log(
    `claims direct on pg (stepwise): ${paths.stepwise.ok} in ${paths.stepwise.seconds.toFixed(1)} s = ${rate(paths.stepwise).toFixed(0)}/s`,
  );

  const profiled = opts.profile ? await profileClaims({ ...opts.profile, keys: profileKeys, concurrency, log: opts.log }) : undefined;

  const s = paths.gateway.latencies.summary();
  const d = paths.direct.latencies.summary();
  const ratio = gatewayRate / directRate;
  // CPU milliseconds per claim by process: what the two cores are spent on, and so the most claims/s
  // this machine could do at that cost if nothing else ran
  const perClaim = (p: Path): Record<string, number> =>
    Object.fromEntries(Object.entries(p.cpu).map(([k, sec]) => [k, (sec * 1000) / p.ok]));
  const gwCost = perClaim(paths.gateway);
  const directCost = perClaim(paths.direct);
  // on the direct paths the gateway only idles: its CPU is left out of what they cost
  delete directCost.gateway;
  const stepwiseCost = perClaim(paths.stepwise);
  delete stepwiseCost.gateway;
  const sum = (c: Record<string, number>): number => Object.values(c).reduce((a, b) => a + b, 0);
  const cores = os.cpus().length;
  opts.log(`claims CPU ms per claim: via gateway ${JSON.stringify(gwCost)}, direct ${JSON.stringify(directCost)}`);
  const shortfall = [
    ...(ratio < 0.6
      ? [
          `ratio ${ratio.toFixed(2)} is ${times(ratio, 0.6)} short of 0.6: a claim through the gateway costs ${sum(gwCost).toFixed(2)} ms of CPU (${cpuByProcess(gwCost, 'ms')}) against ${sum(directCost).toFixed(2)} ms straight on pg (${cpuByProcess(directCost, 'ms')}); the gateway process's own ${(gwCost.gateway ?? NaN).toFixed(2)} ms is most of the difference`,
        ]
      : []),
    ...(s.p99 > 50
      ? [
          `p99 ${s.p99.toFixed(0)} ms is ${times(s.p99, 50)} the 50 ms target: with ${concurrency} connections always busy the mean latency is ${concurrency} ÷ ${gatewayRate.toFixed(0)} claims/s = ${((concurrency / gatewayRate) * 1000).toFixed(0)} ms (Little's law), and the direct path's own p99 is ${d.p99.toFixed(0)} ms`,
        ]
      : []),
  ];
  return {
    id: 'claims',
    title: `Provision claims through the gateway (${concurrency} keep-alive connections)`,
    value: gatewayRate,
    unit: 'claims/s',
    baseline: { label: `same transaction straight on pg, ${concurrency} connections`, value: directRate },
    ratio,
    target: '≥ 0.6 of direct, p99 ≤ 50 ms',
    met: ratio >= 0.6 && s.p99 <= 50,
    details: {
      'p50 ms': s.p50,
      'p95 ms': s.p95,
      'p99 ms': s.p99,
      created: created,
      'non-201 answers': s.count - created,
      'direct p50 ms': d.p50,
      ...(opts.statements
        ? {
            'PostgreSQL statements by execution time per claim via gateway (pg_stat_statements: ms × calls)': topStatements(
              paths.gateway.statements,
              paths.gateway.ok,
              6,
            ),
            'PostgreSQL statements by execution time per claim direct (pg_stat_statements: ms × calls)': topStatements(
              paths.direct.statements,
              paths.direct.ok,
              6,
            ),
          }
        : {}),
      'direct p95 ms': d.p95,
      'direct p99 ms': d.p99,
      ...Object.fromEntries(Object.entries(gwCost).map(([k, v]) => [`CPU ms per claim via gateway: ${k}`, v])),
      ...Object.fromEntries(Object.entries(directCost).map(([k, v]) => [`CPU ms per claim direct: ${k}`, v])),
      [`claims/s ${cores} cores allow at the gateway path's CPU cost`]: (cores * 1000) / sum(gwCost),
      [`claims/s ${cores} cores allow at the direct path's CPU cost`]: (cores * 1000) / sum(directCost),
      'idle CPU ms per second: gateway': (idleCpu.gateway * 1000) / 3,
      'idle CPU ms per second: PostgreSQL': (idleCpu.PostgreSQL * 1000) / 3,
      'stepwise transaction on pg (six round trips) claims/s': rate(paths.stepwise),
      'ratio to the stepwise transaction': gatewayRate / rate(paths.stepwise),
      'stepwise p50 ms': paths.stepwise.latencies.summary().p50,
      ...Object.fromEntries(Object.entries(stepwiseCost).map(([k, v]) => [`CPU ms per claim stepwise: ${k}`, v])),
      [`slices (s) per path, taken in turns`]: `${Math.ceil(opts.seconds / SLICE_SECONDS)} × ${SLICE_SECONDS}`,
      ...(profiled
        ? {
            'profiled gateway CPU ms per claim (under --cpu-prof)': profiled.msPerClaim,
            'profiled gateway, top packages by self time': profiled.top,
            profile: profiled.file,
          }
        : {}),
    },
    shortfall,
    note:
      "direct = the gateway's transaction (BEGIN + one claim statement, audit row + COMMIT: two round trips) straight on pg; stepwise = the transaction as the gateway ran it before (BEGIN, holder, claim, entitlement, audit, COMMIT: six round trips), for reference. " +
      `The three paths take turns in ${SLICE_SECONDS}-s slices, so background work (the ledger's gap job, a checkpoint) falls on all alike. ` +
      'CPU ms per claim = CPU time of each process tree during the timed run ÷ claims created (PostgreSQL: postmaster and backends; load generator: the bench process)',
  };
}

/**
 * A second gateway under `node --cpu-prof` (on its own port, so the measured runs above ran
 * unprofiled) takes claims for a few seconds; its profile, cut to the timed window by V8's monotonic
 * sample clock (start-up and warm-up left out), is summarized into claims-profile.md.
 */
async function profileClaims(opts: {
  cluster: BenchCluster;
  port: number;
  seconds: number;
  resultsDir: string;
  keys: ClaimKey[];
  concurrency: number;
  log: (line: string) => void;
}): Promise<{ msPerClaim: number; top: string; file: string }> {
  const dir = path.join(opts.cluster.opts.dataRoot, 'profiles');
  fs.mkdirSync(dir, { recursive: true });
  const app = new AppProcess(
    'gateway',
    9,
    opts.port,
    opts.cluster.appEnv,
    path.join(opts.cluster.opts.dataRoot, 'logs', 'gateway-profiled.log'),
    ['--cpu-prof', `--cpu-prof-dir=${dir}`],
  );
  app.start();
  try {
    await app.ready();
    const client = new BenchClient(app.url, opts.concurrency);
    const call = async (k: ClaimKey): Promise<number> => (await postClaim(client, k)).status;
    const warm = opts.keys.splice(0, Math.min(1000, Math.floor(opts.keys.length / 5)));
    await closedLoop(opts.concurrency, warm.length, async (i) => void (await call(warm[i])));
    let created = 0;
    const from = monotonicMicros();
    const { cpu } = await cpuDuring({ gateway: app.pid! }, () =>
      closedLoop(
        opts.concurrency,
        opts.keys.length,
        async (i) => {
          if ((await call(opts.keys[i])) === 201) created++;
        },
        opts.seconds * 1000,
      ),
    );
    const to = monotonicMicros();
    client.close();
    await app.stop(); // an orderly exit writes the profile
    const file = newestProfile(dir, app.pid);
    if (!file) throw new Error(`the profiled gateway wrote no .cpuprofile into ${dir}`);
    const summary = readProfile(file, { from, to });
    const cpuMsPerClaim = (cpu.gateway * 1000) / Math.max(1, created);
    const md = profileMarkdown(summary, {
      title: 'Gateway CPU profile per provision claim',
      units: created,
      unitName: 'claim',
      cpuMsPerUnit: cpuMsPerClaim,
      notes: [
        `${created} claims created in ${((to - from) / 1e6).toFixed(1)} s at ${opts.concurrency} connections by a second gateway under \`node --cpu-prof\` ` +
          `(the measured runs use the unprofiled one); its process CPU meanwhile ${cpuMsPerClaim.toFixed(3)} ms per claim ` +
          `(all threads: GC helpers, libuv, profiler included). Profile: ${path.relative(repoPath('.'), file)}.`,
        "Self time = samples whose top frame is the function; a package's time is the self time of its frames. " +
          'Lines are of the compiled JavaScript under dist/.',
      ],
    });
    fs.mkdirSync(opts.resultsDir, { recursive: true });
    const out = path.join(opts.resultsDir, 'claims-profile.md');
    fs.writeFileSync(out, md);
    opts.log(`claims profile: ${created} claims, ${cpuMsPerClaim.toFixed(3)} ms gateway CPU per claim under the profiler; written ${out}`);
    const top = summary.packages
      .slice(0, 6)
      .map((p) => `${p.pkg} ${((100 * p.selfMs) / summary.busyMs).toFixed(0)} %`)
      .join(', ');
    return { msPerClaim: cpuMsPerClaim, top, file: out };
  } finally {
    await app.stop();
  }
}
