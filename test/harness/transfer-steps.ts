import { call, CallResult, token } from './http';

type Body = Record<string, unknown>;

/**
 * The evidence the bundled catalogue requires of a pension transfer (统一证明材料要求, 000-十二): the request references
 * the written application (国办发〔2009〕66号 第八条（一）), the outbound region's certificate the 参保缴费凭证 it
 * issues (第三条). Medical transfers require none.
 */
export const PENSION_APPLICATION_EVIDENCE = [{ kind: 'transfer-application', reference: 'RS-SQ-2026-000001' }];
export const PENSION_CERTIFICATE_EVIDENCE = [{ kind: 'contribution-certificate', reference: 'RS-JFPZ-2026-000001' }];

/**
 * A pension application by `inbound`'s 人社 for a person the ledger knows: the person is registered first by
 * the public security of their hukou region (`hukouRegion` in the body, 360100 by default), as the transfer
 * takes the hukou region from the ledger. The application references PENSION_APPLICATION_EVIDENCE unless the body
 * says otherwise. Answers the application (202, state `applied`) or its refusal.
 */
export async function applyForPension(gateway: string, inbound: string, body: Body): Promise<CallResult> {
  const hukouRegion = typeof body.hukouRegion === 'string' ? body.hukouRegion : '360100';
  const registered = await call(gateway, 'POST', '/v1/subjects', {
    token: token(hukouRegion, 'public-security'),
    body: { citizenId: body.citizenId, hukouRegion },
  });
  if (registered.status !== 201) throw new Error(`registration failed: ${registered.status} ${JSON.stringify(registered.body)}`);
  return call(gateway, 'POST', '/v1/social-insurance/transfers', {
    token: token(inbound, 'human-resources'),
    body: { insuranceType: 'pension', evidence: PENSION_APPLICATION_EVIDENCE, ...body },
  });
}

/**
 * A pension transfer awaiting the outbound region's certificate: applied for (see applyForPension) and its
 * contact letter issued the same day by the inbound region. Answers the contact letter (200, state
 * `requested`), or the application's refusal.
 */
export async function requestPensionTransfer(gateway: string, inbound: string, body: Body): Promise<CallResult> {
  const applied = await applyForPension(gateway, inbound, body);
  if (applied.status !== 202) return applied;
  return call(gateway, 'POST', `/v1/social-insurance/transfers/${String(applied.body.transferId)}/contact-letter`, {
    token: token(inbound, 'human-resources'),
    body: {},
  });
}
