import { randomUUID } from 'node:crypto';
import { addMonths, chinaDay } from '@tongban/calendar';
import { DOMAIN_TOPICS, toKafkaHeaders } from '@tongban/messaging';
import { Suite } from '../harness/suite';
import { call, CallResult, token } from '../harness/http';
import { eventually } from '../harness/eventually';
import { guangzhouPermit, newCitizenId } from '../harness/fixtures';
import { GATEWAY_APP } from '../../apps/gateway/src/gateway.app';
import { LEDGER_APP } from '../../apps/ledger/src/ledger.app';

type Json = Record<string, unknown>;

const NANCHANG = '360100';
const GUANGZHOU = '440100';
/** residence-permit based, monthly, and 广州's policy sets no further condition for it */
const SERVICE = 'assist.minimum-living';
const TODAY = chinaDay(new Date());
const MONTH = TODAY.slice(0, 7);
const NEXT = addMonths(`${MONTH}-01`, 1).slice(0, 7);

describe('the ledger follows the residence permit through its life (real apps, Kafka and PostgreSQL)', () => {
  let suite: Suite;
  let gateway: string;

  const view = (subjectRef: string, region = NANCHANG): Promise<CallResult<Json>> =>
    call<Json>(gateway, 'GET', `/v1/subjects/${subjectRef}/responsibilities`, { token: token(region, 'civil-affairs') });
  const holder = async (subjectRef: string): Promise<string | undefined> =>
    ((await view(subjectRef)).body.holders as Array<{ serviceCode: string; region: string }> | undefined)?.find(
      (h) => h.serviceCode === SERVICE,
    )?.region;
  const claim = (region: string, subjectRef: string, periodKey: string): Promise<CallResult<Json>> =>
    call<Json>(gateway, 'POST', '/v1/provision-claims', {
      token: token(region, 'civil-affairs'),
      body: { subjectRef, serviceCode: SERVICE, periodKey },
    });

  async function pendingHandoff(subjectRef: string, to: string): Promise<string> {
    const pendingOf = async (): Promise<Array<{ handoffId: string; serviceCode: string; toRegion: string }>> =>
      ((await view(subjectRef)).body.pendingHandoffs ?? []) as Array<{ handoffId: string; serviceCode: string; toRegion: string }>;
    const found = (pending: Awaited<ReturnType<typeof pendingOf>>) => pending.find((h) => h.serviceCode === SERVICE && h.toRegion === to);
    const pending = await eventually(pendingOf, (p) => found(p) !== undefined, `a handoff of ${SERVICE} to ${to}`, 30000);
    return (found(pending) as { handoffId: string }).handoffId;
  }

  beforeAll(async () => {
    suite = await Suite.create('lifecycle');
    gateway = (await suite.start(GATEWAY_APP)).url;
    await suite.start(LEDGER_APP); // the gateway relays the permit events, the ledger app consumes them
  });
  afterAll(() => suite.stop());

  it('moves residence-based services from 南昌 to 广州 with the permit and back when 广州 cancels it', async () => {
    // 南昌 hukou, living in 广州: 广州 registers the permit
    const permit = await call<Json>(gateway, 'POST', '/v1/residence-permits', {
      token: token(GUANGZHOU, 'public-security'),
      body: guangzhouPermit(newCitizenId()),
    });
    expect(permit.status).toBe(201);
    const subjectRef = String(permit.body.subjectRef);

    // the ledger proposes 南昌 → 广州; until 广州 accepts, 南昌 stays responsible
    const toGuangzhou = await pendingHandoff(subjectRef, GUANGZHOU);
    expect(await holder(subjectRef)).toBe(NANCHANG);
    expect((await claim(GUANGZHOU, subjectRef, '2026-01')).body).toMatchObject({ code: 'not-responsible', responsibleRegion: NANCHANG });
    expect(
      (
        await call(gateway, 'POST', `/v1/handoffs/${toGuangzhou}/accept`, {
          token: token(GUANGZHOU, 'civil-affairs'),
          body: { effectiveFrom: TODAY },
        })
      ).status,
    ).toBe(200);
    expect(await holder(subjectRef)).toBe(GUANGZHOU);

    // the handoff took effect mid-month: this month was 南昌's at its start, the next is 广州's
    const refused = await claim(GUANGZHOU, subjectRef, MONTH);
    expect([refused.status, refused.body.code, refused.body.responsibleRegion]).toEqual([409, 'not-responsible', NANCHANG]);
    expect((await claim(NANCHANG, subjectRef, MONTH)).status).toBe(201);
    expect((await claim(NANCHANG, subjectRef, NEXT)).body).toMatchObject({ code: 'not-responsible', responsibleRegion: GUANGZHOU });

    // the person leaves 广州: the cancellation sends the service back to the hukou region
    const cancelled = await call<Json>(gateway, 'POST', `/v1/residence-permits/${String(permit.body.permitId)}/cancellation`, {
      token: token(GUANGZHOU, 'public-security'),
      body: { reason: 'left the city', effectiveOn: TODAY },
    });
    expect(cancelled.status).toBe(200);
    const back = await pendingHandoff(subjectRef, NANCHANG);
    expect(await holder(subjectRef)).toBe(GUANGZHOU); // still 广州 until 南昌 accepts: never nobody
    expect(
      (
        await call(gateway, 'POST', `/v1/handoffs/${back}/accept`, {
          token: token(NANCHANG, 'civil-affairs'),
          body: { effectiveFrom: TODAY },
        })
      ).status,
    ).toBe(200);
    expect(await holder(subjectRef)).toBe(NANCHANG);
    // 广州 no longer holds anything for the person nor is their residence: it is not told who holds now
    const former = await claim(GUANGZHOU, subjectRef, NEXT);
    expect([former.status, former.body.responsibleRegion]).toEqual([404, undefined]);
    expect((await claim(NANCHANG, subjectRef, NEXT)).status).toBe(201);
  });

  it('makes the inbound region of a completed pension transfer the insured region of pension only', async () => {
    const registered = await call<Json>(gateway, 'POST', '/v1/subjects', {
      token: token(NANCHANG, 'public-security'),
      body: { citizenId: newCitizenId(), hukouRegion: NANCHANG },
    });
    expect(registered.status).toBe(201);
    const subjectRef = String(registered.body.subjectRef);
    const data = {
      transferId: randomUUID(),
      subjectRef,
      insuranceType: 'pension',
      inboundRegion: GUANGZHOU,
      outboundRegion: NANCHANG,
      state: 'completed',
      transferFen: 1234500,
      completedOn: TODAY,
    };
    const producer = suite.kafka.producer();
    await producer.connect();
    await producer.send({
      topic: suite.topic(DOMAIN_TOPICS.socialInsurance.name),
      messages: [
        {
          key: subjectRef,
          value: JSON.stringify(data),
          headers: toKafkaHeaders({
            id: randomUUID(),
            source: `${GUANGZHOU}/social-insurance`,
            type: 'cn.gov.tongban.social-insurance.transfer-completed.v1',
            subject: subjectRef,
            time: new Date().toISOString(),
            dataschema: 'urn:tongban:event-schema:cn.gov.tongban.social-insurance.transfer-completed.v1',
            recipients: [GUANGZHOU, NANCHANG],
          }),
        },
      ],
    });
    await producer.disconnect();
    const insured = await eventually(
      async () => (await view(subjectRef)).body.insuredRegions as Array<{ branch: string; region: string }>,
      (regions) => regions.length > 0,
      'the completed transfer to reach the ledger',
    );
    expect(insured).toEqual([{ branch: 'pension', region: GUANGZHOU, since: TODAY }]);
    // only the pension branch moves: employee medical insurance stays where it was (seed 000 四)
    const pending = (await view(subjectRef)).body.pendingHandoffs as Array<{ serviceCode: string; toRegion: string }>;
    expect(pending.map((h) => [h.serviceCode, h.toRegion])).toEqual([['elder.employee-pension', GUANGZHOU]]);
  });
});
