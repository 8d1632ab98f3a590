import { ContractValidator, loadContract } from '@tongban/http';
import { ClearingJob } from '@tongban/medical';
import { GATEWAY_ACCESS } from '../../apps/gateway/src/gateway.access';
import { agencyKinds } from '@tongban/identity';
import { Suite } from '../harness/suite';
import { call, OPERATOR, token } from '../harness/http';
import { fill, Fixtures, MONTH, seedVictims, STRANGER, STRANGER_CASES, strangerAgency } from '../harness/victims';
import { GATEWAY_APP } from '../../apps/gateway/src/gateway.app';
import { LEDGER_APP } from '../../apps/ledger/src/ledger.app';
import { MEDICAL_SETTLEMENT_APP } from '../../apps/medical-settlement/src/medical-settlement.app';

type Json = Record<string, unknown>;

describe('authorisation: every operation, wrong roles and strangers (real PostgreSQL and Kafka)', () => {
  let suite: Suite;
  let gateway: string;
  let fixtures: Fixtures;
  const operations = loadContract().operations;

  beforeAll(async () => {
    suite = await Suite.create('authz');
    const running = await suite.start(GATEWAY_APP);
    gateway = running.url;
    expect(running.app.get(ContractValidator).contract.operations.length).toBe(operations.length);
    // the gateway relays permit events to the ledger app, which proposes the handoffs
    await suite.start(LEDGER_APP);
    const medical = await suite.start(MEDICAL_SETTLEMENT_APP);

    fixtures = await seedVictims(gateway, medical.app.get(ClearingJob));
  });
  afterAll(() => suite.stop());

  it('has a stranger case for every operation of the contract open to regions', () => {
    const operatorOnly = (id: string): boolean => {
      const grants = GATEWAY_ACCESS[id].grants;
      return grants !== 'public' && grants.every((g) => g === 'operator');
    };
    expect(Object.keys(STRANGER_CASES).sort()).toEqual(
      operations
        .map((o) => o.operationId)
        .filter((id) => !operatorOnly(id))
        .sort(),
    );
  });

  it('refuses every operation to each agency kind (and operators) the matrix does not grant it, with 403, before any other check', async () => {
    const refused: string[] = [];
    for (const op of operations) {
      const grants = GATEWAY_ACCESS[op.operationId].grants;
      if (grants === 'public') continue;
      for (const grantee of [...agencyKinds(), 'operator' as const]) {
        if (grants.includes(grantee)) continue;
        const credential = grantee === 'operator' ? OPERATOR : token(STRANGER, grantee);
        const res = await call<Json>(gateway, op.method, fill(op.path), { token: credential, body: op.method === 'POST' ? {} : undefined });
        expect([op.operationId, grantee, res.status, res.body?.code]).toEqual([op.operationId, grantee, 403, 'forbidden']);
        refused.push(`${op.operationId}:${grantee}`);
      }
    }
    expect(refused.length).toBeGreaterThan(300);
  });

  it("answers a stranger region on other regions' resources with 404 (or 403 when it names another region as actor), changing nothing", async () => {
    const before = await suite.db.one<Json>(
      `SELECT (SELECT count(*) FROM gateway.audit_log) AS audit, (SELECT count(*) FROM residence.outbox) + (SELECT count(*) FROM ledger.outbox)
              + (SELECT count(*) FROM social_insurance.outbox) + (SELECT count(*) FROM medical.outbox) AS events`,
    );
    for (const op of operations) {
      const c = STRANGER_CASES[op.operationId];
      if (!c || typeof c.expect !== 'number') continue; // operator-only or a legitimate stranger call
      const res = await call<Json>(gateway, op.method, fill(op.path, c.path?.(fixtures)), {
        token: token(STRANGER, strangerAgency(op.operationId)),
        body: c.body?.(fixtures),
      });
      expect([op.operationId, res.status]).toEqual([op.operationId, c.expect]);
      const { instance: _echoedPath, ...answer } = res.body;
      expect(JSON.stringify(answer)).not.toContain(fixtures.subjectRef.slice(3));
    }
    const after = await suite.db.one<Json>(
      `SELECT (SELECT count(*) FROM gateway.audit_log) AS audit, (SELECT count(*) FROM residence.outbox) + (SELECT count(*) FROM ledger.outbox)
              + (SELECT count(*) FROM social_insurance.outbox) + (SELECT count(*) FROM medical.outbox) AS events`,
    );
    expect(after).toEqual(before);
  });

  it('shows a stranger only its own transfers and statements in scoped lists', async () => {
    const transfers = await call<{ items: Json[] }>(gateway, 'GET', '/v1/social-insurance/transfers', {
      token: token(STRANGER, 'human-resources'),
    });
    expect(transfers.status).toBe(200);
    expect(transfers.body.items.map((t) => t.transferId)).not.toContain(fixtures.transferId);
    const clearing = await call<{ statements: Json[] }>(gateway, 'GET', `/v1/medical/clearings/${MONTH}`, {
      token: token(STRANGER, 'healthcare-security'),
    });
    expect(clearing.status).toBe(200);
    expect(clearing.body.statements.map((s) => s.statementId)).not.toContain(fixtures.statementId);
  });
});
