import { chinaDay } from '@tongban/calendar';
import { sleep } from '../bench.http';
import { agencyOf, Person, Population, shiftMonth } from '../bench.population';
import { permitBody } from '../bench.setup';
import { RetryingGateway } from './chaos.client';

type Json = Record<string, unknown>;

/** What the gateway accepted, per kind: the ids the verification looks for in the database. */
export interface AcceptedLog {
  subjects: Array<{ subjectRef: string; hukouCity: string }>;
  permits: Array<{ permitId: string; subjectRef: string; residenceCity: string }>;
  handoffs: Array<{ handoffId: string; subjectRef: string; serviceCode: string; toRegion: string }>;
  claims: Array<{ claimId: string; subjectRef: string; serviceCode: string; periodKey: string; region: string }>;
  transfers: Array<{ transferId: string; subjectRef: string; completed: boolean }>;
  filings: Array<{ filingId: string; subjectRef: string }>;
  settlements: Array<{ settlementId: string; treatmentRegion: string; subjectRef: string; claimId: string }>;
  /** workflows that ended early (a step not accepted): each is a violation */
  incomplete: string[];
  started: number;
}

export const emptyLog = (): AcceptedLog => ({
  subjects: [],
  permits: [],
  handoffs: [],
  claims: [],
  transfers: [],
  filings: [],
  settlements: [],
  incomplete: [],
  started: 0,
});

/** The services the residence city takes over when proposed (their handoffs are accepted), and which are claimed monthly. */
const TAKE_OVER = ['housing.rental-subsidy', 'assist.minimum-living', 'edu.compulsory', 'housing.public-rental'];
const MONTHLY = new Set(['housing.rental-subsidy', 'assist.minimum-living']);

/**
 * One person's whole story, every write with its own Idempotency-Key: registration by the hukou city,
 * a residence permit (→ the ledger proposes handoffs, via Kafka), acceptance of two handoffs, monthly
 * claims by both cities, a pension transfer through all five steps (application, contact letter, certificate, remittance, receipt), a medical filing and a direct
 * settlement. Returns when every step is accepted, or records where it stopped.
 */
export async function personWorkflow(gw: RetryingGateway, p: Person, n: number, tag: string, log: AcceptedLog): Promise<void> {
  const H = p.hukouCity;
  const R = p.residenceCity!;
  const key = (step: string): string => `chaos-${tag}-${n}-${step}`;
  const stop = (why: string): void => {
    log.incomplete.push(`person ${n}: ${why}`);
  };
  const month = chinaDay(new Date()).slice(0, 7);

  const reg = await gw.send('register', 'POST', '/v1/subjects', H, {
    as: 'public-security',
    body: { citizenId: p.citizenId, hukouRegion: H },
    key: key('register'),
    expect: [201],
  });
  if (!reg) return stop('registration not accepted');
  const subjectRef = reg.body.subjectRef as string;
  log.subjects.push({ subjectRef, hukouCity: H });

  const permit = await gw.send('permit', 'POST', '/v1/residence-permits', R, {
    as: 'public-security',
    body: permitBody(p, n),
    key: key('permit'),
    expect: [201],
  });
  if (!permit) return stop('permit not accepted');
  log.permits.push({ permitId: permit.body.permitId as string, subjectRef, residenceCity: R });

  // the hukou city claims its own monthly services meanwhile
  for (let m = 1; m <= 3; m++) {
    const periodKey = shiftMonth(month, -m);
    const c = await gw.send('claim', 'POST', '/v1/provision-claims', H, {
      as: agencyOf('elder.resident-pension'),
      body: { subjectRef, serviceCode: 'elder.resident-pension', periodKey },
      key: key(`claim-h-${m}`),
      expect: [201],
    });
    if (!c) return stop(`hukou claim ${periodKey} not accepted`);
    log.claims.push({ claimId: c.body.claimId as string, subjectRef, serviceCode: 'elder.resident-pension', periodKey, region: H });
  }

  // the residence city learns of the proposals (here by polling the ledger; agencies read the delivery
  // topic); a permit's proposals are written in one transaction, so the first answer with any is complete
  const deadline = Date.now() + 180000;
  let pending: Json[] = [];
  while (Date.now() < deadline) {
    const view = await gw.send<Json>('responsibilities', 'GET', `/v1/subjects/${subjectRef}/responsibilities`, R, {
      as: 'public-security',
      expect: [200, 404],
    });
    pending = view?.status === 200 ? ((view.body.pendingHandoffs as Json[]) ?? []).filter((h) => h.toRegion === R) : [];
    if (pending.length > 0) break;
    await sleep(500);
  }
  const chosen = TAKE_OVER.map((code) => pending.find((h) => h.serviceCode === code)).filter((h): h is Json => h !== undefined);
  if (chosen.length === 0) return stop(`no handoff proposal to ${R} for ${TAKE_OVER.join(', ')} within 180 s (${pending.length} pending)`);
  for (const h of chosen) {
    const handoffId = h.handoffId as string;
    const serviceCode = h.serviceCode as string;
    const a = await gw.send('accept', 'POST', `/v1/handoffs/${handoffId}/accept`, R, {
      as: agencyOf(serviceCode),
      body: { effectiveFrom: chinaDay(new Date()) }, // a workflow may run past midnight (China)
      key: key(`accept-${serviceCode}`),
      expect: [200],
    });
    if (!a) return stop(`handoff ${handoffId} not accepted`);
    log.handoffs.push({ handoffId, subjectRef, serviceCode, toRegion: R });
    if (!MONTHLY.has(serviceCode)) continue;
    // the current month was the hukou city's at its start (the handoff takes effect mid-month): 广州 provides from the next
    for (let m = 1; m <= 1; m++) {
      const periodKey = shiftMonth(month, m);
      const c = await gw.send('claim', 'POST', '/v1/provision-claims', R, {
        as: agencyOf(serviceCode),
        // the residence city provides on the person's permit (统一证明材料要求, seed 000 （十二）)
        body: { subjectRef, serviceCode, periodKey, evidence: [{ kind: 'residence-permit', reference: 'P-chaos' }] },
        key: key(`claim-r-${serviceCode}-${m}`),
        expect: [201],
      });
      if (!c) return stop(`residence claim ${serviceCode} ${periodKey} not accepted`);
      log.claims.push({ claimId: c.body.claimId as string, subjectRef, serviceCode, periodKey, region: R });
    }
  }

  const base = '/v1/social-insurance/transfers';
  const t = await gw.send('transfer', 'POST', base, R, {
    as: 'human-resources',
    // the evidence the catalogue requires of a pension transfer (000-十二): the written application, then the 参保缴费凭证
    body: {
      citizenId: p.citizenId,
      insuranceType: 'pension',
      outboundRegion: H,
      hukouRegion: H,
      evidence: [{ kind: 'transfer-application', reference: `SQ-chaos-${tag}-${n}` }],
    },
    key: key('transfer'),
    expect: [202],
  });
  if (!t) return stop('transfer not accepted');
  const transferId = t.body.transferId as string;
  const entry = { transferId, subjectRef, completed: false };
  log.transfers.push(entry);
  const letter = await gw.send('contact-letter', 'POST', `${base}/${transferId}/contact-letter`, R, {
    as: 'human-resources',
    body: {},
    key: key('contact-letter'),
    expect: [200],
  });
  if (!letter) return stop('contact letter not accepted');
  const months = Array.from({ length: 24 }, (_, i) => ({ month: shiftMonth('2019-01', i), baseFen: 500_000 + 1000 * (n % 50) }));
  const cert = await gw.send('certificate', 'POST', `${base}/${transferId}/certificate`, H, {
    as: 'human-resources',
    body: {
      months,
      accountBalanceFen: 1_000_000 + n,
      evidence: [{ kind: 'contribution-certificate', reference: `JFPZ-chaos-${tag}-${n}` }],
    },
    key: key('certificate'),
    expect: [200],
  });
  if (!cert) return stop('certificate not accepted');
  const amountFen = (cert.body.funds as Json).transferFen as number;
  const rem = await gw.send('remittance', 'POST', `${base}/${transferId}/remittance`, H, {
    as: 'human-resources',
    body: { amountFen, remittedOn: chinaDay(new Date()), reference: `CHAOS-${tag}-${n}` },
    key: key('remittance'),
    expect: [200],
  });
  if (!rem) return stop('remittance not accepted');
  const rec = await gw.send('receipt', 'POST', `${base}/${transferId}/receipt`, R, {
    as: 'human-resources',
    body: { amountFen, receivedOn: chinaDay(new Date()) },
    key: key('receipt'),
    expect: [200],
  });
  if (!rec) return stop('receipt not accepted');
  entry.completed = rec.body.state === 'completed';

  const filing = await gw.send('filing', 'POST', '/v1/medical/filings', H, {
    as: 'healthcare-security',
    body: { citizenId: p.citizenId, category: 'long-term-resident', treatmentRegion: R, validFrom: `${shiftMonth(month, -3)}-01` },
    key: key('filing'),
    expect: [201],
  });
  if (!filing) return stop('filing not accepted');
  log.filings.push({ filingId: filing.body.filingId as string, subjectRef });
  const settlementId = `CH-${tag}-${n}`;
  const last = shiftMonth(month, -1);
  const s = await gw.send('settlement', 'POST', '/v1/medical/settlements', R, {
    as: 'healthcare-security',
    body: {
      settlementId,
      hospitalCode: `H${R}001`,
      citizenId: p.citizenId,
      insuredRegion: H,
      admissionDate: `${last}-05`,
      dischargeDate: `${last}-12`,
      totalFen: 100_000 + n,
      fundPaidFen: 70_000,
      selfPaidFen: 30_000 + n,
    },
    key: key('settlement'),
    expect: [201],
  });
  if (!s) return stop('settlement not accepted');
  log.settlements.push({ settlementId, treatmentRegion: R, subjectRef, claimId: s.body.claimId as string });
}

/** Workers start people's workflows while `more()` says so, then finish what they started. */
export async function runWorkload(
  gw: RetryingGateway,
  opts: { workers: number; more: () => boolean; seed: number; tag: string },
  log: AcceptedLog,
): Promise<void> {
  const population = new Population(opts.seed, 1);
  let n = 0;
  const worker = async (): Promise<void> => {
    while (opts.more()) {
      let p = population.next();
      while (p.residenceCity === null) p = population.next();
      const i = n++;
      log.started++;
      await personWorkflow(gw, p, i, opts.tag, log);
    }
  };
  await Promise.all(Array.from({ length: opts.workers }, worker));
}
