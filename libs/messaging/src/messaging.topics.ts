/**
 * Every Kafka topic name lives here, versioned in its name. A topic's contract is never edited in
 * place: an incompatible change adds a `.v2` topic next to the old one.
 *
 * Two kinds of topic:
 *  - domain topics carry the events the apps consume from each other (all regions mixed, keyed by
 *    subject): only the types some consumer group handles, and events addressed to no region
 *    (messaging.consumer-groups.ts);
 *  - delivery topics, one per province (tongban.deliver.<province>.v1), carry a copy of every event
 *    addressed to a region of that province, for that province's agencies. Per-province topics make
 *    "an agency reads only what is addressed to it" enforceable by Kafka ACLs on a topic prefix.
 */
export interface TopicSpec {
  name: string;
  partitions: number;
}

export const DOMAIN_TOPICS = {
  residence: { name: 'tongban.residence.events.v1', partitions: 6 },
  ledger: { name: 'tongban.ledger.events.v1', partitions: 6 },
  socialInsurance: { name: 'tongban.social-insurance.events.v1', partitions: 6 },
  medical: { name: 'tongban.medical.events.v1', partitions: 6 },
} as const satisfies Record<string, TopicSpec>;

export const DELIVERY_PARTITIONS = 3;

/**
 * The partition relays name in their transactional offset commits (the offsets are positions in an
 * outbox, not in this topic, which stays empty; Kafka only requires the topic to exist).
 */
export const RELAY_POSITIONS = { name: 'tongban.relay-positions.v1', partitions: 1 } as const satisfies TopicSpec;

/** A relay's transactional id, and the group its position is committed to: one per outbox schema. */
export const relayId = (schema: string): string => `tongban.relay.${schema}`;

export function deliveryTopic(regionCode: string): string {
  if (!/^\d{6}$/.test(regionCode)) throw new Error(`not a region code: ${regionCode}`);
  return `tongban.deliver.${regionCode.slice(0, 2)}0000.v1`;
}

export function deadLetterTopic(groupId: string): string {
  return `tongban.dlq.${groupId}.v1`;
}
