import { randomUUID } from 'node:crypto';
import { addDays, addMonths, ChinaClock, chinaDay } from '@tongban/calendar';
import { BUNDLED_CATALOGUE_DOCUMENT, BUNDLED_CITY_POLICIES_DOCUMENT, CatalogueRegistry } from '@tongban/catalogue';
import { RunningApp, startFailure } from '@tongban/http';
import { parseCitizenId, SubjectRefs } from '@tongban/identity';
import { CatalogueBackfillService, SubjectService } from '@tongban/ledger';
import { Suite } from '../harness/suite';
import { call, CallResult, OPERATOR, token } from '../harness/http';
import { eventually } from '../harness/eventually';
import { newCitizenId } from '../harness/fixtures';
import { registerPerson } from '../harness/ledger-steps';
import { GATEWAY_APP } from '../../apps/gateway/src/gateway.app';
import { LEDGER_APP } from '../../apps/ledger/src/ledger.app';
import { LedgerScheduler } from '../../apps/ledger/src/ledger.scheduler';

type Json = Record<string, unknown>;
type Doc = Json & { version: number; items: Json[]; categories: Array<Json & { code: string; items: string[] }>; cities?: Json[] };

const NANCHANG = '360100';
const GUANGZHOU = '440100';
const TODAY = chinaDay(new Date());
const MONTH = TODAY.slice(0, 7);
/** the item a test catalogue version adds: monthly, hukou-based, claimed by 民政 */
const NEW_ITEM = 'assist.test-winter-allowance';

const copy = <T>(v: unknown): T => JSON.parse(JSON.stringify(v)) as T;

/** The bundled catalogue as version `version`, with one more item (in 社会救助服务). */
function catalogueWithNewItem(version: number): Doc {
  const doc = copy<Doc>(BUNDLED_CATALOGUE_DOCUMENT);
  doc.version = version;
  doc.items.push({
    code: NEW_ITEM,
    officialItemNo: null,
    nameZh: '冬季取暖补贴（测试）',
    nameEn: 'Winter heating allowance (test)',
    domain: 'assistance',
    periodicity: 'monthly',
    basis: 'hukou',
    agency: 'civil-affairs',
    entitlementNeedsClaimPerPeriod: true,
    seedRefs: [{ seed: '000', clause: '六' }],
    basisNote: 'a test item',
  });
  doc.categories.find((c) => c.code === 'assistance.social-assistance')?.items.push(NEW_ITEM);
  return doc;
}

/**
 * The catalogue and the city policies are managed data: operators publish versions through the
 * gateway (validated at submission, audited, effective from a day), the ledger app picks them up
 * without a redeploy, a new item gets holders for people registered before it, claims carry the
 * evidence the catalogue requires, and a stored policy that does not validate stops a start with one
 * line naming the clause.
 */
describe('catalogue and city policies as managed versions (real PostgreSQL and Kafka)', () => {
  let suite: Suite;
  let gateway: string;
  let gw: RunningApp;
  let ledger: RunningApp;

  beforeAll(async () => {
    suite = await Suite.create('catalogue');
    gw = await suite.start(GATEWAY_APP);
    gateway = gw.url;
    ledger = await suite.start(LEDGER_APP);
    // the test drives the backfill pass itself
    await ledger.app.get(LedgerScheduler).stop();
  });
  afterAll(() => suite.stop());

  const publish = (what: 'catalogue' | 'city-policies', document: unknown, effectiveFrom = TODAY): Promise<CallResult<Json>> =>
    call<Json>(gateway, 'POST', `/v1/ops/${what}/versions`, { token: OPERATOR, body: { document, effectiveFrom, note: 'test' } });
  const claim = (
    region: string,
    subjectRef: string,
    serviceCode: string,
    periodKey: string,
    evidence?: Json[],
  ): Promise<CallResult<Json>> =>
    call<Json>(gateway, 'POST', '/v1/provision-claims', {
      token: token(region, 'civil-affairs'),
      body: { subjectRef, serviceCode, periodKey, ...(evidence ? { evidence } : {}) },
    });

  it('GET /v1/catalogue: items with basis, periodicity, period-key format, category, conditions and evidence', async () => {
    const res = await call<Json>(gateway, 'GET', '/v1/catalogue', { token: token(GUANGZHOU, 'education') });
    expect(res.status).toBe(200);
    const body = res.body as { version: number; categories: unknown[]; items: Json[]; transferEvidence: Json[]; domains: unknown[] };
    expect(body).toMatchObject({ version: 1, cityPolicyVersion: 1, effectiveFrom: '1900-01-01', asOf: TODAY });
    expect(body.domains).toHaveLength(9);
    expect(body.categories).toHaveLength(22);
    const compulsory = body.items.find((i) => i.code === 'edu.compulsory');
    expect(compulsory).toMatchObject({
      basis: 'residence-permit',
      periodicity: 'school-term',
      periodKeyFormat: 'YYYY-spring or YYYY-autumn',
      category: 'education.compulsory',
      officialItemNo: null,
      evidence: { kinds: ['residence-permit'], appliesTo: 'residence-place' },
    });
    expect(compulsory?.conditions).toEqual(
      expect.arrayContaining([expect.objectContaining({ cityCode: '310100', conditions: [expect.objectContaining({ kind: 'points' })] })]),
    );
    expect(body.items.find((i) => i.code === 'med.cross-region-settlement')).toMatchObject({
      periodKeyFormat: 'bill:<treatment region>:<settlement id>',
    });
    expect(body.transferEvidence).toEqual(expect.arrayContaining([expect.objectContaining({ insuranceType: 'pension', step: 'request' })]));
  });

  it('a city policy conditioning a basic service on education, title or tax is refused at submission naming clause 000-八; nothing is stored', async () => {
    for (const [kind, extra] of [
      ['education', { minLevel: 'bachelor' }],
      ['professional-title', {}],
      ['tax', { minAnnualAmountYuan: 10000 }],
    ] as const) {
      const doc = copy<Doc & { cities: Array<{ services: Array<{ conditions: Json[] }> }> }>(BUNDLED_CITY_POLICIES_DOCUMENT);
      doc.version = 2;
      doc.cities[0].services[0].conditions.push({ kind, ...extra });
      const res = await publish('city-policies', doc);
      expect(res.status).toBe(422);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(res.body).toMatchObject({
        code: 'policy-rejected',
        clause: '000-八',
        city: '110100',
        service: 'edu.compulsory',
        condition: kind,
      });
      expect(String(res.body.detail)).toMatch(/不得设置学历、职称、纳税贡献等限制条件/);
    }
    const versions = await call<Json>(gateway, 'GET', '/v1/ops/catalogue/versions', { token: OPERATOR });
    expect(versions.body).toMatchObject({ inForce: { catalogue: 1, policies: 1 } });
    expect(versions.body.policies).toHaveLength(1);
  });

  it('refuses a version that is not the next one, one effective in the past, and a malformed document naming the pointer', async () => {
    expect((await publish('catalogue', catalogueWithNewItem(3))).body).toMatchObject({
      code: 'validation-failed',
      errors: [{ field: '/body/document/version' }],
    });
    expect((await publish('catalogue', catalogueWithNewItem(2), addDays(TODAY, -1))).body).toMatchObject({
      code: 'validation-failed',
      errors: [{ field: '/body/effectiveFrom' }],
    });
    const homeless = catalogueWithNewItem(2);
    homeless.categories.forEach((c) => (c.items = c.items.filter((i) => i !== NEW_ITEM)));
    const refused = await publish('catalogue', homeless);
    expect(refused.status).toBe(422);
    expect(String(refused.body.detail)).toMatch(/assist\.test-winter-allowance are in no category/);
  });

  it('a new item: published (audited), in force at once in the gateway and, without a redeploy, in the ledger app; claims work for people registered before', async () => {
    const before = await registerPerson(gateway, NANCHANG);
    const other = await registerPerson(gateway, NANCHANG);
    const unknown = await claim(NANCHANG, before.subjectRef, NEW_ITEM, MONTH);
    expect(unknown).toMatchObject({ status: 422, body: { code: 'validation-failed' } });

    const published = await publish('catalogue', catalogueWithNewItem(2));
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({
      kind: 'catalogue',
      version: 2,
      effectiveFrom: TODAY,
      origin: 'published',
      publishedBy: expect.stringMatching(/^operator:/),
    });
    const audit = await suite.db.query<{ action: string; status: number }>(
      `SELECT action, status FROM gateway.audit_log WHERE action = 'POST /v1/ops/catalogue/versions' ORDER BY id`,
    );
    expect(audit.map((a) => a.status)).toContain(201);
    const view = await call<Json>(gateway, 'GET', '/v1/catalogue', { token: token(NANCHANG, 'civil-affairs') });
    expect(view.body).toMatchObject({ version: 2, effectiveFrom: TODAY });

    const registry = ledger.app.get(CatalogueRegistry);
    await eventually(
      async () => registry.inForce().catalogue.version,
      (v) => v === 2,
      'the ledger app to load catalogue v2 by its periodic check',
      15000,
    );

    // a claim before the backfill pass reached the person: its holder (the hukou region) is opened on the spot
    const first = await claim(NANCHANG, before.subjectRef, NEW_ITEM, MONTH);
    expect(first).toMatchObject({ status: 201, body: { region: NANCHANG, serviceCode: NEW_ITEM } });

    // the ledger app's backfill pass gives every other person their holder, once
    const backfill = ledger.app.get(CatalogueBackfillService);
    const run = await backfill.run();
    expect(run).toMatchObject({ ran: true, finished: true });
    expect(run.opened).toBeGreaterThanOrEqual(1);
    expect(run.passKey).toMatch(/^c2:/);
    expect(await backfill.run()).toMatchObject({ ran: true, opened: 0, people: 0, finished: true });
    const responsibilities = await call<{ holders: Json[] }>(gateway, 'GET', `/v1/subjects/${other.subjectRef}/responsibilities`, {
      token: token(NANCHANG, 'civil-affairs'),
    });
    expect(responsibilities.body.holders).toEqual(
      expect.arrayContaining([expect.objectContaining({ serviceCode: NEW_ITEM, region: NANCHANG })]),
    );
    expect(await claim(NANCHANG, other.subjectRef, NEW_ITEM, MONTH)).toMatchObject({ status: 201 });
  });

  it('a version scheduled for a later day is in force from that day, with no reload', async () => {
    const scheduled = await publish('catalogue', { ...catalogueWithNewItem(3), publishedAt: TODAY }, addDays(TODAY, 10));
    expect(scheduled.status).toBe(201);
    const now = await call<Json>(gateway, 'GET', '/v1/catalogue', { token: OPERATOR });
    const later = await call<Json>(gateway, 'GET', `/v1/catalogue?on=${addDays(TODAY, 10)}`, { token: OPERATOR });
    expect([now.body.version, later.body.version]).toEqual([2, 3]);
    const clock = gw.app.get(ChinaClock);
    const spy = jest.spyOn(clock, 'now').mockReturnValue(new Date(`${addDays(TODAY, 10)}T09:00:00+08:00`));
    try {
      expect(gw.app.get(CatalogueRegistry).inForce().catalogue.version).toBe(3);
    } finally {
      spy.mockRestore();
    }
  });

  it('the residence city claiming a residence-permit item must reference the permit (000-十二); the hukou region need not', async () => {
    const subjects = gw.app.get(SubjectService);
    const refs = gw.app.get(SubjectRefs);
    const subjectRef = refs.ref(parseCitizenId(newCitizenId()));
    const permitId = randomUUID();
    await subjects.recordPermitIssued(
      {
        permitId,
        permitNumber: `P-${permitId.slice(0, 8)}`,
        subjectRef,
        hukouRegion: NANCHANG,
        residenceCity: GUANGZHOU,
        basis: 'employment',
        residenceSince: '2024-01-01',
        issuedOn: '2024-08-01',
        validUntil: '2030-01-01',
      },
      { id: randomUUID(), source: `${GUANGZHOU}/residence-permit`, time: new Date().toISOString() },
    );
    const view = await call<{ pendingHandoffs: Array<{ handoffId: string; serviceCode: string }> }>(
      gateway,
      'GET',
      `/v1/subjects/${subjectRef}/responsibilities`,
      { token: OPERATOR },
    );
    const proposal = view.body.pendingHandoffs.find((h) => h.serviceCode === 'assist.minimum-living');
    expect(proposal).toBeDefined();
    const accepted = await call<Json>(gateway, 'POST', `/v1/handoffs/${String(proposal?.handoffId)}/accept`, {
      token: token(GUANGZHOU, 'civil-affairs'),
      body: { effectiveFrom: TODAY },
    });
    expect(accepted.status).toBe(200);
    const next = addMonths(`${MONTH}-01`, 1).slice(0, 7);
    const bare = await claim(GUANGZHOU, subjectRef, 'assist.minimum-living', next);
    expect(bare).toMatchObject({
      status: 422,
      body: { code: 'rule-violated', rule: 'evidence-required', clause: '000-十二', missing: ['residence-permit'] },
    });
    const withPermit = await claim(GUANGZHOU, subjectRef, 'assist.minimum-living', next, [
      { kind: 'residence-permit', reference: permitId },
    ]);
    expect(withPermit).toMatchObject({ status: 201, body: { evidence: [{ kind: 'residence-permit', reference: permitId }] } });
  });

  it('a stored city policy that does not validate stops a start with one line naming the clause, no stack', async () => {
    const doc = copy<Doc & { cities: Array<{ services: Array<{ conditions: Json[] }> }> }>(BUNDLED_CITY_POLICIES_DOCUMENT);
    doc.version = 2;
    doc.cities[0].services[0].conditions.push({ kind: 'tax' });
    // written behind the API's back (the API refuses it, see above)
    await suite.db.query(
      `INSERT INTO catalogue.city_policy_versions (version, catalogue_version, effective_from, document, checksum, origin, published_by)
       VALUES (2, 1, $1, $2, 'x', 'published', 'test')`,
      [TODAY, JSON.stringify(doc)],
    );
    // what a start does once migrations ran (runApp prints startFailure of what it throws)
    const failure = await gw.app
      .get(CatalogueRegistry)
      .onApplicationBootstrap()
      .then(
        () => undefined,
        (error: unknown) => startFailure(error),
      );
    expect(failure).toMatch(/^policy-rejected: .*tax contribution \(纳税贡献\).*\(clause 000-八\)$/);
    expect(failure).not.toMatch(/\n|    at /);
    // the running process keeps serving what it had
    expect(gw.app.get(CatalogueRegistry).inForce().policies.version).toBe(1);
  });
});
