/** Who made a write, stored with it: the acting region's credential (never the body) and the request id. */
export interface Actor {
  /** GB/T 2260 code of the acting region; null for operators */
  region: string | null;
  credential: string;
  requestId?: string;
}

export const actorLabel = (a: Actor): string => `${a.region ?? 'operator'}:${a.credential}`;
