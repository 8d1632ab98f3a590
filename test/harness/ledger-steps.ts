import { BRANCH_AGENCY, InsuranceBranch } from '@tongban/catalogue';
import { call, OPERATOR, token } from './http';
import { newCitizenId } from './fixtures';

type Body = Record<string, unknown>;

/** A person registered by their hukou region's public security. */
export interface Registered {
  citizenId: string;
  subjectRef: string;
}

export async function registerPerson(gateway: string, hukouRegion: string, citizenId = newCitizenId()): Promise<Registered> {
  const res = await call<Body>(gateway, 'POST', '/v1/subjects', {
    token: token(hukouRegion, 'public-security'),
    body: { citizenId, hukouRegion },
  });
  if (res.status !== 201) throw new Error(`registration failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { citizenId, subjectRef: String(res.body.subjectRef) };
}

/**
 * The person becomes insured in `region` for one branch: the region's agency of that branch states it,
 * the releasing region's agency consents, and the change is definitive (the ledger then proposes handoffs).
 */
export async function insureIn(
  gateway: string,
  citizenId: string,
  branch: InsuranceBranch,
  region: string,
  since = '2026-01-01',
): Promise<Body> {
  const agency = BRANCH_AGENCY[branch];
  const stated = await call<Body>(gateway, 'POST', '/v1/insured-region-changes', {
    token: token(region, agency),
    body: { citizenId, branch, insuredRegion: region, since },
  });
  if (stated.status !== 202) throw new Error(`statement refused: ${stated.status} ${JSON.stringify(stated.body)}`);
  if (stated.body.status === 'definitive') return stated.body;
  // the stater is not told who releases; operators see it
  const change = await call<Body>(gateway, 'GET', `/v1/fact-changes/${String(stated.body.changeId)}`, { token: OPERATOR });
  const consent = await call<Body>(gateway, 'POST', `/v1/fact-changes/${String(stated.body.changeId)}/consent`, {
    token: token(String(change.body.fromRegion), agency),
  });
  if (consent.status !== 200) throw new Error(`consent refused: ${consent.status} ${JSON.stringify(consent.body)}`);
  return consent.body;
}
