import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { loadServiceCatalogue } from '@tongban/catalogue';
import { isHeld } from '@tongban/ledger';
import { deliveryTopic, DOMAIN_TOPICS, EventType, topicsFor } from '@tongban/messaging';
import { provinces } from '@tongban/regions';
import { sleep } from '../bench.http';
import { AcceptedLog } from './chaos.workload';
import { Unexpected } from './chaos.client';
import { Copies, readCommitted } from './chaos.audit';

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export const OUTBOX_SCHEMAS = ['gateway', 'ledger', 'residence', 'social_insurance', 'medical'];

const n = async (db: Client, sql: string, values: unknown[] = []): Promise<number> =>
  Number((await db.query<{ n: string }>(sql, values)).rows[0].n);

/** Waits until every outbox row is published and the ledger consumer has applied every permit event. */
export async function quiesce(db: Client, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    let unpublished = 0;
    for (const s of OUTBOX_SCHEMAS) unpublished += await n(db, `SELECT count(*) AS n FROM ${s}.outbox WHERE published_at IS NULL`);
    const permitsEvents = await n(
      db,
      `SELECT count(*) AS n FROM residence.outbox WHERE event_type = 'cn.gov.tongban.residence.permit-issued.v1'`,
    );
    const applied = await n(
      db,
      `SELECT count(*) AS n FROM ledger.inbox WHERE consumer = 'tongban.ledger' AND event_type = 'cn.gov.tongban.residence.permit-issued.v1'`,
    );
    const dead = await n(db, `SELECT count(*) AS n FROM messaging.dead_letters`);
    if (unpublished === 0 && applied + dead >= permitsEvents) return true;
    await sleep(1000);
  }
  return false;
}

/**
 * Copies of each ce_id as our services' client (kafkajs, read_committed) reads them: a fresh group,
 * from the beginning, until every expected copy was seen and then no new record arrived for 3 s (a
 * transactional log ends in commit markers no consumer is handed, so the high watermark cannot serve
 * as the end). Compared with the independent reader to show what kafkajs' filter lets through.
 */
async function readWithKafkajs(brokers: string, expected: Map<string, Set<string>>): Promise<Copies> {
  const copies: Copies = new Map();
  const kafka = new Kafka({ clientId: 'chaos-auditor', brokers: brokers.split(','), logLevel: logLevel.NOTHING });
  let outstanding = [...expected.values()].reduce((n, ids) => n + ids.size, 0);
  let lastRecordAt = Date.now();
  const consumer = kafka.consumer({
    groupId: `chaos-auditor-${randomBytes(4).toString('hex')}`,
    maxWaitTimeInMs: 200,
    readUncommitted: false,
  });
  await consumer.connect();
  await consumer.subscribe({ topics: [...expected.keys()], fromBeginning: true });
  await consumer.run({
    eachBatch: async ({ batch }) => {
      for (const m of batch.messages) {
        lastRecordAt = Date.now();
        const id = m.headers?.ce_id?.toString();
        if (!id) continue;
        const key = `${batch.topic} ${id}`;
        const before = copies.get(key) ?? [];
        copies.set(key, [...before, `${batch.topic}/${batch.partition}@${m.offset}`]);
        if (before.length === 0 && expected.get(batch.topic)?.has(id)) outstanding--;
      }
    },
  });
  const deadline = Date.now() + 180000;
  while ((outstanding > 0 || Date.now() - lastRecordAt < 3000) && Date.now() < deadline) await sleep(200);
  await consumer.disconnect();
  return copies;
}

/** The invariants after the storm, each printed; any failure fails the run. */
export async function verify(
  db: Client,
  brokers: string,
  log: AcceptedLog,
  unexpected: Unexpected[],
  note: (line: string) => void,
): Promise<Check[]> {
  const checks: Check[] = [];
  const check = (name: string, ok: boolean, detail: string): void => {
    checks.push({ name, ok, detail });
  };
  const missingOrDouble = async (label: string, sql: string, ids: string[]): Promise<void> => {
    const rows = (await db.query<{ id: string; c: string }>(sql, [ids])).rows;
    const byId = new Map(rows.map((r) => [r.id, Number(r.c)]));
    const missing = ids.filter((id) => !byId.has(id));
    const doubled = [...byId].filter(([, c]) => c !== 1);
    check(
      `every accepted ${label} has exactly one row`,
      missing.length === 0 && doubled.length === 0,
      `${ids.length} accepted, ${missing.length} missing, ${doubled.length} with more than one row${missing.length ? ` (e.g. ${missing[0]})` : ''}`,
    );
  };

  check(
    'every request got its expected answer (after client retries)',
    unexpected.length === 0,
    unexpected.length === 0
      ? 'none unexpected'
      : unexpected
          .slice(0, 5)
          .map((u) => `${u.what}: ${u.status} ${u.detail}`)
          .join(' | '),
  );
  check(
    'every started workflow ran to its end',
    log.incomplete.length === 0,
    `${log.started} started, ${log.incomplete.length} incomplete${log.incomplete.length ? `: ${log.incomplete.slice(0, 3).join('; ')}` : ''}`,
  );

  const refs = log.subjects.map((s) => s.subjectRef);
  await missingOrDouble(
    'registration',
    `SELECT subject_ref AS id, count(*) AS c FROM ledger.subjects WHERE subject_ref = ANY($1) GROUP BY 1`,
    refs,
  );
  await missingOrDouble(
    'residence permit',
    `SELECT permit_id::text AS id, count(*) AS c FROM residence.permits WHERE permit_id::text = ANY($1) GROUP BY 1`,
    log.permits.map((p) => p.permitId),
  );
  const extraPermits = await n(
    db,
    `SELECT count(*) AS n FROM (SELECT subject_ref FROM residence.permits WHERE subject_ref = ANY($1) GROUP BY 1 HAVING count(*) > 1) x`,
    [refs],
  );
  check('no person got a second permit from a retried request', extraPermits === 0, `${extraPermits} people with more than one permit`);
  await missingOrDouble(
    'provision claim',
    `SELECT claim_id::text AS id, count(*) AS c FROM ledger.provision_claims WHERE claim_id::text = ANY($1) GROUP BY 1`,
    log.claims.map((c) => c.claimId),
  );
  const claimRows = await n(db, `SELECT count(*) AS n FROM ledger.provision_claims WHERE subject_ref = ANY($1)`, [refs]);
  // each accepted settlement also claimed its bill (med.cross-region-settlement) for the person
  const expectedClaims = log.claims.length + log.settlements.length;
  check(
    'no claim row beyond the accepted ones',
    claimRows === expectedClaims,
    `${claimRows} claim rows for the workload's people, ${expectedClaims} accepted (claims and settlement bills)`,
  );
  const doubleClaims = await n(
    db,
    `SELECT count(*) AS n FROM (SELECT 1 FROM ledger.provision_claims GROUP BY subject_ref, service_code, period_key HAVING count(*) > 1) x`,
  );
  check('no (person, service, period) claimed twice', doubleClaims === 0, `${doubleClaims} keys with more than one claim`);

  const accepted = (
    await db.query<{ id: string; status: string }>(
      `SELECT handoff_id::text AS id, status FROM ledger.handoffs WHERE handoff_id::text = ANY($1)`,
      [log.handoffs.map((h) => h.handoffId)],
    )
  ).rows;
  const notAccepted = log.handoffs.length - accepted.filter((h) => h.status === 'accepted').length;
  check(
    'every accepted handoff is accepted in the ledger',
    notAccepted === 0,
    `${log.handoffs.length} accepted by the residence city, ${notAccepted} not in state accepted`,
  );
  const wrongHolder = await n(
    db,
    `SELECT count(*) AS n FROM unnest($1::text[], $2::text[], $3::text[]) AS h(subject_ref, service_code, region)
      WHERE NOT EXISTS (SELECT 1 FROM ledger.responsibilities r WHERE r.subject_ref = h.subject_ref AND r.service_code = h.service_code AND upper_inf(r.during) AND r.region = h.region)`,
    [log.handoffs.map((h) => h.subjectRef), log.handoffs.map((h) => h.serviceCode), log.handoffs.map((h) => h.toRegion)],
  );
  check(
    'the accepting region holds every handed-over service',
    wrongHolder === 0,
    `${wrongHolder} services not held by the accepting region`,
  );
  const doubleProposals = await n(
    db,
    `SELECT count(*) AS n FROM (SELECT 1 FROM ledger.handoffs WHERE cause_event_id IS NOT NULL GROUP BY cause_event_id, service_code HAVING count(*) > 1) x`,
  );
  check(
    'each permit event proposed each handoff once (consumer effect applied once)',
    doubleProposals === 0,
    `${doubleProposals} (event, service) pairs with more than one proposal`,
  );

  const overlaps = await n(
    db,
    `SELECT count(*) AS n FROM ledger.responsibilities a JOIN ledger.responsibilities b
       ON a.subject_ref = b.subject_ref AND a.service_code = b.service_code AND a.responsibility_id < b.responsibility_id AND a.during && b.during`,
  );
  check('no responsibility intervals overlap', overlaps === 0, `${overlaps} overlapping pairs`);
  const badOpen = await n(
    db,
    `SELECT count(*) AS n FROM (SELECT 1 FROM ledger.responsibilities GROUP BY subject_ref, service_code HAVING count(*) FILTER (WHERE upper_inf(during)) <> 1) x`,
  );
  const holes = await n(
    db,
    `SELECT count(*) AS n FROM ledger.responsibilities r WHERE NOT upper_inf(r.during)
       AND NOT EXISTS (SELECT 1 FROM ledger.responsibilities x WHERE x.subject_ref = r.subject_ref AND x.service_code = r.service_code AND lower(x.during) = upper(r.during))`,
  );
  const held = loadServiceCatalogue()
    .all()
    .filter(isHeld)
    .map((i) => i.code);
  const uncovered = await n(
    db,
    `SELECT count(*) AS n FROM ledger.subjects s CROSS JOIN unnest($1::text[]) AS svc(code)
      WHERE NOT EXISTS (SELECT 1 FROM ledger.responsibilities r WHERE r.subject_ref = s.subject_ref AND r.service_code = svc.code AND r.during @> now())`,
    [held],
  );
  check(
    'no entitled person left uncovered (one open holder, no holes, every held service held now)',
    badOpen === 0 && holes === 0 && uncovered === 0,
    `${badOpen} (person, service) without exactly one open interval, ${holes} holes, ${uncovered} uncovered (person, service) now`,
  );

  const transferStates = (
    await db.query<{ id: string; state: string; steps: string; distinct_steps: string }>(
      `SELECT t.transfer_id::text AS id, t.state, count(s.id) AS steps, count(DISTINCT s.step) AS distinct_steps
       FROM social_insurance.transfers t LEFT JOIN social_insurance.transfer_steps s ON s.transfer_id = t.transfer_id
      WHERE t.transfer_id::text = ANY($1) GROUP BY 1, 2`,
      [log.transfers.map((t) => t.transferId)],
    )
  ).rows;
  const badTransfers = transferStates.filter((t) => t.state !== 'completed' || t.steps !== '5' || t.distinct_steps !== '5');
  check(
    'every transfer completed, each of its five steps recorded once',
    transferStates.length === log.transfers.length && badTransfers.length === 0,
    `${log.transfers.length} accepted, ${transferStates.length} found, ${badTransfers.length} not completed or with steps missing/repeated${badTransfers[0] ? ` (e.g. ${badTransfers[0].state}, ${badTransfers[0].steps} steps)` : ''}`,
  );
  const extraTransfers = await n(db, `SELECT count(*) AS n FROM social_insurance.transfers WHERE subject_ref = ANY($1)`, [refs]);
  check(
    'no transfer beyond the accepted ones',
    extraTransfers === log.transfers.length,
    `${extraTransfers} transfers for ${log.transfers.length} accepted`,
  );
  await missingOrDouble(
    'medical filing',
    `SELECT filing_id::text AS id, count(*) AS c FROM medical.filings WHERE filing_id::text = ANY($1) AND status = 'active' GROUP BY 1`,
    log.filings.map((f) => f.filingId),
  );
  await missingOrDouble(
    'settlement',
    `SELECT settlement_id AS id, count(*) AS c FROM medical.settlements WHERE settlement_id = ANY($1) GROUP BY 1`,
    log.settlements.map((s) => s.settlementId),
  );
  const billClaims = await n(db, `SELECT count(*) AS n FROM ledger.provision_claims WHERE period_key = ANY($1)`, [
    log.settlements.map((s) => `bill:${s.treatmentRegion}:${s.settlementId}`),
  ]);
  check(
    'every settlement claimed its bill once',
    billClaims === log.settlements.length,
    `${billClaims} bill claims for ${log.settlements.length} settlements`,
  );

  let unpublished = 0;
  for (const s of OUTBOX_SCHEMAS) unpublished += await n(db, `SELECT count(*) AS n FROM ${s}.outbox WHERE published_at IS NULL`);
  check('every outbox row published', unpublished === 0, `${unpublished} unpublished`);
  const dead = await n(db, `SELECT count(*) AS n FROM messaging.dead_letters`);
  check('no dead letters (no event given up on)', dead === 0, `${dead} dead letters`);
  const permitEvents = (
    await db.query<{ event_id: string }>(
      `SELECT event_id::text FROM residence.outbox WHERE event_type = 'cn.gov.tongban.residence.permit-issued.v1'`,
    )
  ).rows.map((r) => r.event_id);
  const inbox = (
    await db.query<{ event_id: string; c: string }>(
      `SELECT event_id, count(*) AS c FROM ledger.inbox WHERE consumer = 'tongban.ledger' GROUP BY 1`,
    )
  ).rows;
  const inboxIds = new Map(inbox.map((r) => [r.event_id, Number(r.c)]));
  const notApplied = permitEvents.filter((id) => !inboxIds.has(id));
  check(
    'the ledger consumer applied every permit event exactly once (inbox)',
    notApplied.length === 0 && inbox.every((r) => r.c === '1'),
    `${permitEvents.length} permit events, ${notApplied.length} not applied, ${inbox.filter((r) => r.c !== '1').length} inbox duplicates`,
  );

  const events: Array<{ id: string; type: EventType; recipients: string[] }> = [];
  for (const s of OUTBOX_SCHEMAS)
    events.push(
      ...(
        await db.query<{ id: string; type: EventType; recipients: string[] }>(
          `SELECT event_id::text AS id, event_type AS type, recipients FROM ${s}.outbox`,
        )
      ).rows,
    );
  const expected = new Map<string, Set<string>>(
    [...Object.values(DOMAIN_TOPICS).map((t) => t.name), ...provinces().map((p) => deliveryTopic(p))].map((t) => [t, new Set<string>()]),
  );
  for (const e of events) for (const t of topicsFor(e.type, e.recipients)) expected.get(t)?.add(e.id);
  const copies = await readCommitted(brokers, [...expected.keys()]);
  const missing: string[] = [];
  for (const [topic, ids] of expected) for (const id of ids) if (!copies.has(`${topic} ${id}`)) missing.push(`${id} on ${topic}`);
  check(
    "an independent read_committed consumer (Kafka's Java client) sees every event (each ce_id on every addressed province topic, and on its domain topic if an app consumes it or it is unaddressed)",
    missing.length === 0,
    `${events.length} outbox events, ${missing.length} (event, topic) copies missing${missing.length ? `: ${missing.slice(0, 3).join('; ')}` : ''}`,
  );
  const twice: string[] = [];
  let records = 0;
  for (const [key, where] of copies) {
    records += where.length;
    if (where.length > 1) twice.push(`${key.split(' ')[1]} ×${where.length} (${where.join('; ')})`);
  }
  check(
    'no ce_id appears twice on any topic (read_committed, as agencies read)',
    twice.length === 0,
    `${records} records read, ${twice.length} duplicated${twice.length ? `: ${twice.slice(0, 3).join('; ')}` : ''}`,
  );
  const leaked = [...(await readWithKafkajs(brokers, expected))].flatMap(([key, where]) =>
    where.filter((w) => !(copies.get(key) ?? []).includes(w)),
  );
  note(
    `kafkajs' read_committed consumer (our services' client) was handed ${leaked.length} records of aborted transactions` +
      `${leaked.length ? ` (e.g. ${leaked.slice(0, 3).join('; ')})` : ''}; our consumers take each effect once by event id`,
  );
  return checks;
}
