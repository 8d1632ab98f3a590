import { DOMAIN_TOPICS, fromKafkaMessage } from '@tongban/messaging';
import { Collected, Suite, header } from '../harness/suite';
import { call, token } from '../harness/http';
import { guangzhouPermit, newCitizenId } from '../harness/fixtures';
import { GATEWAY_APP } from '../../apps/gateway/src/gateway.app';

describe('gateway end to end (real PostgreSQL and Kafka)', () => {
  let suite: Suite;
  let gateway: string;

  beforeAll(async () => {
    suite = await Suite.create('e2e');
    gateway = (await suite.start(GATEWAY_APP)).url;
  });
  afterAll(() => suite.stop());

  it('answers health checks with the request id echoed', async () => {
    const live = await call(gateway, 'GET', '/health/live', { headers: { 'X-Request-Id': 'probe-123' } });
    expect(live.status).toBe(200);
    expect(live.headers.get('x-request-id')).toBe('probe-123');
    const ready = await call(gateway, 'GET', '/health/ready');
    expect(ready.body).toEqual({ status: 'up', checks: { database: 'up', kafka: 'up' } });
    expect(ready.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('turns a permit registered over REST into CloudEvents an independent consumer reads, for both regions', async () => {
    const citizenId = newCitizenId();
    const res = await call(gateway, 'POST', '/v1/residence-permits', {
      token: token('440100', 'public-security'),
      body: guangzhouPermit(citizenId),
    });
    expect(res.status).toBe(201);
    const subjectRef = res.body.subjectRef as string;
    expect(subjectRef).toMatch(/^s1_/);
    expect(JSON.stringify(res.body)).not.toContain(citizenId);

    // the gateway relays the permit's events itself (no other app runs here); keep the permit-issued copies
    const matching = (got: Collected[]): Collected[] =>
      got.filter(
        (g) => g.message.key?.toString() === subjectRef && header(g.message, 'ce_type') === 'cn.gov.tongban.residence.permit-issued.v1',
      );
    const domain = matching(await suite.collect(DOMAIN_TOPICS.residence.name, (got) => matching(got).length >= 1));
    const guangdong = matching(await suite.collect('tongban.deliver.440000.v1', (got) => matching(got).length >= 1));
    const jiangxi = matching(await suite.collect('tongban.deliver.360000.v1', (got) => matching(got).length >= 1));

    for (const { message } of [...domain, ...guangdong, ...jiangxi]) {
      const event = fromKafkaMessage(message.headers, message.value, message.key);
      expect(event.type).toBe('cn.gov.tongban.residence.permit-issued.v1');
      expect(event.source).toBe('440100/residence-permit');
      expect(event.subject).toBe(subjectRef);
      // the addressing travels on the agencies' copies; the domain-topic copy (apps only) carries none
      expect(event.recipients.sort()).toEqual(domain.some((d) => d.message === message) ? [] : ['360100', '440100']);
      expect(header(message, 'traceparent')).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
      expect(event.data).toMatchObject({ permitId: res.body.permitId, hukouRegion: '360100', residenceCity: '440100' });
      const everything = JSON.stringify({
        headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, v?.toString()])),
        value: message.value?.toString(),
        key: message.key?.toString(),
      });
      expect(everything).not.toContain(citizenId);
    }
    // the same event id travels on every copy
    expect(new Set([...domain, ...guangdong, ...jiangxi].map((g) => header(g.message, 'ce_id'))).size).toBe(1);
    // nothing for a province that is not addressed
    const beijing = await suite.collect('tongban.deliver.110000.v1', () => true, 2000);
    expect(matching(beijing)).toHaveLength(0);
  });

  it('lets the issuing city and the hukou region read the permit, and nobody else', async () => {
    const created = await call(gateway, 'POST', '/v1/residence-permits', {
      token: token('440100', 'public-security'),
      body: guangzhouPermit(newCitizenId()),
    });
    const path = `/v1/residence-permits/${String(created.body.permitId)}`;
    expect((await call(gateway, 'GET', path, { token: token('440100', 'public-security') })).status).toBe(200);
    expect((await call(gateway, 'GET', path, { token: token('360100', 'public-security') })).status).toBe(200);
    const other = await call(gateway, 'GET', path, { token: token('110100', 'public-security') });
    expect(other.status).toBe(404);
  });
});
