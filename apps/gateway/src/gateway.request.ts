import type { Request } from 'express';
import { Caller } from '@tongban/http';
import { Actor } from '@tongban/identity';

/** The acting agency of a region (or operator) of a write, from its credential, with the request id that pino-http assigned. */
export function requestActor(caller: Caller, req: Request): Actor {
  return {
    region: caller.region,
    agency: caller.agency,
    credential: caller.credentialId,
    requestId: typeof req.id === 'string' ? req.id : undefined,
  };
}
