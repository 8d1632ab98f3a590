import { EventType, topicOf } from './messaging.event-types';
import { deadLetterTopic, DELIVERY_PARTITIONS, deliveryTopic, DOMAIN_TOPICS, RELAY_POSITIONS, TopicSpec } from './messaging.topics';

interface ConsumerGroupSpec {
  groupId: string;
  /** the event types the group's handlers take, exactly (its consumer refuses to start otherwise) */
  eventTypes: readonly EventType[];
  /** the domain topics carrying them */
  topics: readonly string[];
}

const group = (groupId: string, eventTypes: readonly EventType[]): ConsumerGroupSpec => ({
  groupId,
  eventTypes,
  topics: [...new Set(eventTypes.map(topicOf))],
});

/**
 * Consumer groups of the apps: what each handles, and so subscribes to. This is also what the relays
 * copy onto the domain topics: an event type no group handles is not written there (agencies read the
 * delivery topics), unless it is addressed to no region (then its domain topic is the one place it lands).
 */
export const CONSUMER_GROUPS = {
  /** the ledger app: permit events change the residence facts, a completed transfer the insured region */
  ledger: group('tongban.ledger', [
    'cn.gov.tongban.residence.permit-issued.v1',
    'cn.gov.tongban.residence.permit-endorsed.v1',
    'cn.gov.tongban.residence.permit-renewed.v1',
    'cn.gov.tongban.residence.permit-suspended.v1',
    'cn.gov.tongban.residence.permit-cancelled.v1',
    'cn.gov.tongban.residence.permit-recognised.v1',
    'cn.gov.tongban.social-insurance.transfer-completed.v1',
  ]),
} as const satisfies Record<string, ConsumerGroupSpec>;

const CONSUMED = new Set<string>(Object.values(CONSUMER_GROUPS).flatMap((g) => g.eventTypes));

/** Whether an app consumes this event type (so the relay writes it to its domain topic). */
export function consumedByApps(type: EventType): boolean {
  return CONSUMED.has(type);
}

/**
 * The topics one event is written to: its domain topic when an app consumes the type or when it is
 * addressed to no region, and the delivery topic of every province it is addressed to (once each).
 */
export function topicsFor(type: EventType, recipients: readonly string[]): string[] {
  const provinces = [...new Set(recipients.map(deliveryTopic))];
  return provinces.length === 0 || consumedByApps(type) ? [topicOf(type), ...provinces] : provinces;
}

/** Every topic the system needs, for explicit creation at start (auto-creation is off on our brokers). */
export function allTopics(provinceCodes: readonly string[]): TopicSpec[] {
  return [
    ...Object.values(DOMAIN_TOPICS),
    RELAY_POSITIONS,
    ...provinceCodes.map((p) => ({ name: deliveryTopic(p), partitions: DELIVERY_PARTITIONS })),
    ...Object.values(CONSUMER_GROUPS).map((g) => ({ name: deadLetterTopic(g.groupId), partitions: 1 })),
  ];
}
