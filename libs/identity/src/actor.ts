import { DomainError, ErrorCode } from '@tongban/errors';
import type { AgencyKind } from './agency';

/** Who made a write, stored with it: the acting region's credential (never the body) and the request id. */
export interface Actor {
  /** GB/T 2260 code of the acting region; null for operators and the system's own jobs */
  region: string | null;
  /** the kind of agency acting for the region; null for operators and jobs */
  agency: AgencyKind | null;
  credential: string;
  requestId?: string;
}

export const actorLabel = (a: Actor): string => `${a.region ?? 'operator'}:${a.credential}`;

/**
 * The acting region of an agency of the given kind, or 403: a fact is accepted only from the kind of
 * agency entitled to state it (the matrix admits several kinds to an operation; the service knows which
 * one this resource needs).
 */
export function regionActingAs(actor: Actor, kind: AgencyKind, what: string): string {
  if (actor.region === null || actor.agency !== kind) {
    throw new DomainError(
      ErrorCode.Forbidden,
      `${what} is for the ${kind} agency of a region${actor.agency ? `, not ${actor.agency}` : ''}`,
      { requiredAgency: kind },
    );
  }
  return actor.region;
}
