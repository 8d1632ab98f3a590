import type { Request } from 'express';
import { Caller } from '@tongban/http';
import { Actor } from '@tongban/identity';

/** The acting region of a write, from its credential, with the request id that pino-http assigned. */
export function requestActor(caller: Caller, req: Request): Actor {
  return { region: caller.region, credential: caller.credentialId, requestId: typeof req.id === 'string' ? req.id : undefined };
}
