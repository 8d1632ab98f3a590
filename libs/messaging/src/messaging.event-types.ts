import { DOMAIN_TOPICS, TopicSpec } from './messaging.topics';

/**
 * The event catalogue: CloudEvents type -> domain topic and JSON Schema (contracts/events/<type>.json).
 * Types are reverse-DNS and versioned; a new version is a new entry, never an edit of an old one.
 */
export const EVENT_TYPES = {
  'cn.gov.tongban.residence.permit-issued.v1': DOMAIN_TOPICS.residence,
  'cn.gov.tongban.residence.permit-endorsed.v1': DOMAIN_TOPICS.residence,
  'cn.gov.tongban.residence.permit-suspended.v1': DOMAIN_TOPICS.residence,
  'cn.gov.tongban.residence.permit-renewed.v1': DOMAIN_TOPICS.residence,
  'cn.gov.tongban.residence.permit-cancelled.v1': DOMAIN_TOPICS.residence,
  'cn.gov.tongban.residence.permit-recognised.v1': DOMAIN_TOPICS.residence,
  'cn.gov.tongban.ledger.responsibility-changed.v1': DOMAIN_TOPICS.ledger,
  'cn.gov.tongban.ledger.handoff-proposed.v1': DOMAIN_TOPICS.ledger,
  'cn.gov.tongban.ledger.handoff-proposed.v2': DOMAIN_TOPICS.ledger,
  'cn.gov.tongban.ledger.handoff-accepted.v1': DOMAIN_TOPICS.ledger,
  'cn.gov.tongban.ledger.handoff-rejected.v1': DOMAIN_TOPICS.ledger,
  'cn.gov.tongban.ledger.handoff-objected.v1': DOMAIN_TOPICS.ledger,
  'cn.gov.tongban.ledger.handoff-reminder.v1': DOMAIN_TOPICS.ledger,
  'cn.gov.tongban.ledger.handoff-reminder.v2': DOMAIN_TOPICS.ledger,
  'cn.gov.tongban.ledger.handoff-escalated.v1': DOMAIN_TOPICS.ledger,
  'cn.gov.tongban.ledger.handoff-escalated.v2': DOMAIN_TOPICS.ledger,
  'cn.gov.tongban.ledger.handoff-withdrawn.v1': DOMAIN_TOPICS.ledger,
  'cn.gov.tongban.ledger.handoff-deadline-changed.v1': DOMAIN_TOPICS.ledger,
  'cn.gov.tongban.ledger.handoff-case-proposed.v1': DOMAIN_TOPICS.ledger,
  'cn.gov.tongban.ledger.handoff-case-updated.v1': DOMAIN_TOPICS.ledger,
  'cn.gov.tongban.ledger.gap-detected.v1': DOMAIN_TOPICS.ledger,
  'cn.gov.tongban.ledger.fact-change-stated.v1': DOMAIN_TOPICS.ledger,
  'cn.gov.tongban.ledger.fact-change-stated.v2': DOMAIN_TOPICS.ledger,
  'cn.gov.tongban.ledger.fact-change-objected.v1': DOMAIN_TOPICS.ledger,
  'cn.gov.tongban.ledger.fact-change-decided.v1': DOMAIN_TOPICS.ledger,
  'cn.gov.tongban.ledger.fact-change-deadline-changed.v1': DOMAIN_TOPICS.ledger,
  'cn.gov.tongban.social-insurance.contact-letter-issued.v1': DOMAIN_TOPICS.socialInsurance,
  'cn.gov.tongban.social-insurance.contact-letter-issued.v2': DOMAIN_TOPICS.socialInsurance,
  'cn.gov.tongban.social-insurance.contact-letter-issued.v3': DOMAIN_TOPICS.socialInsurance,
  'cn.gov.tongban.social-insurance.certificate-received.v1': DOMAIN_TOPICS.socialInsurance,
  'cn.gov.tongban.social-insurance.certificate-received.v2': DOMAIN_TOPICS.socialInsurance,
  'cn.gov.tongban.social-insurance.funds-computed.v1': DOMAIN_TOPICS.socialInsurance,
  'cn.gov.tongban.social-insurance.funds-computed.v2': DOMAIN_TOPICS.socialInsurance,
  'cn.gov.tongban.social-insurance.funds-computed.v3': DOMAIN_TOPICS.socialInsurance,
  'cn.gov.tongban.social-insurance.transfer-remitted.v1': DOMAIN_TOPICS.socialInsurance,
  'cn.gov.tongban.social-insurance.transfer-remitted.v2': DOMAIN_TOPICS.socialInsurance,
  'cn.gov.tongban.social-insurance.transfer-received.v1': DOMAIN_TOPICS.socialInsurance,
  'cn.gov.tongban.social-insurance.transfer-completed.v1': DOMAIN_TOPICS.socialInsurance,
  'cn.gov.tongban.social-insurance.transfer-refused.v1': DOMAIN_TOPICS.socialInsurance,
  'cn.gov.tongban.social-insurance.transfer-refused.v2': DOMAIN_TOPICS.socialInsurance,
  'cn.gov.tongban.social-insurance.transfer-cancelled.v1': DOMAIN_TOPICS.socialInsurance,
  'cn.gov.tongban.social-insurance.transfer-cancelled.v2': DOMAIN_TOPICS.socialInsurance,
  'cn.gov.tongban.social-insurance.deadline-reminder.v1': DOMAIN_TOPICS.socialInsurance,
  'cn.gov.tongban.social-insurance.deadline-reminder.v2': DOMAIN_TOPICS.socialInsurance,
  'cn.gov.tongban.social-insurance.deadline-reminder.v3': DOMAIN_TOPICS.socialInsurance,
  'cn.gov.tongban.social-insurance.deadline-overdue.v1': DOMAIN_TOPICS.socialInsurance,
  'cn.gov.tongban.social-insurance.deadline-overdue.v2': DOMAIN_TOPICS.socialInsurance,
  'cn.gov.tongban.social-insurance.deadline-overdue.v3': DOMAIN_TOPICS.socialInsurance,
  'cn.gov.tongban.social-insurance.deadline-changed.v1': DOMAIN_TOPICS.socialInsurance,
  'cn.gov.tongban.medical.filing-registered.v1': DOMAIN_TOPICS.medical,
  'cn.gov.tongban.medical.filing-cancelled.v1': DOMAIN_TOPICS.medical,
  'cn.gov.tongban.medical.settlement-recorded.v1': DOMAIN_TOPICS.medical,
  'cn.gov.tongban.medical.statement-issued.v1': DOMAIN_TOPICS.medical,
  'cn.gov.tongban.medical.statement-confirmed.v1': DOMAIN_TOPICS.medical,
  'cn.gov.tongban.medical.statement-disputed.v1': DOMAIN_TOPICS.medical,
} as const satisfies Record<string, TopicSpec>;

export type EventType = keyof typeof EVENT_TYPES;

/**
 * Versions no longer written, each with the version that replaced it. A release writes only the newest version
 * of an event (no version is written beside its successor); the old schemas stay registered so that events
 * already on the topics, and dead letters replayed, still decode and validate. contracts/asyncapi.yaml lists
 * the same (its send operations carry the produced versions only; messaging.event-types.spec.ts checks both).
 */
export const SUPERSEDED_EVENT_TYPES = {
  // replaced when the pension application step came (issue 15, item 3: the contact-letter step and state applied)
  'cn.gov.tongban.social-insurance.contact-letter-issued.v1': 'cn.gov.tongban.social-insurance.contact-letter-issued.v2',
  'cn.gov.tongban.social-insurance.certificate-received.v1': 'cn.gov.tongban.social-insurance.certificate-received.v2',
  'cn.gov.tongban.social-insurance.funds-computed.v1': 'cn.gov.tongban.social-insurance.funds-computed.v2',
  'cn.gov.tongban.social-insurance.transfer-refused.v1': 'cn.gov.tongban.social-insurance.transfer-refused.v2',
  'cn.gov.tongban.social-insurance.transfer-cancelled.v1': 'cn.gov.tongban.social-insurance.transfer-cancelled.v2',
  'cn.gov.tongban.social-insurance.deadline-reminder.v1': 'cn.gov.tongban.social-insurance.deadline-reminder.v2',
  'cn.gov.tongban.social-insurance.deadline-overdue.v1': 'cn.gov.tongban.social-insurance.deadline-overdue.v2',
  // replaced when deadlines past the official holiday schedule became provisional dates (issue 15, item 7)
  'cn.gov.tongban.social-insurance.contact-letter-issued.v2': 'cn.gov.tongban.social-insurance.contact-letter-issued.v3',
  'cn.gov.tongban.social-insurance.funds-computed.v2': 'cn.gov.tongban.social-insurance.funds-computed.v3',
  'cn.gov.tongban.social-insurance.transfer-remitted.v1': 'cn.gov.tongban.social-insurance.transfer-remitted.v2',
  'cn.gov.tongban.social-insurance.deadline-reminder.v2': 'cn.gov.tongban.social-insurance.deadline-reminder.v3',
  'cn.gov.tongban.social-insurance.deadline-overdue.v2': 'cn.gov.tongban.social-insurance.deadline-overdue.v3',
  'cn.gov.tongban.ledger.handoff-proposed.v1': 'cn.gov.tongban.ledger.handoff-proposed.v2',
  'cn.gov.tongban.ledger.handoff-reminder.v1': 'cn.gov.tongban.ledger.handoff-reminder.v2',
  'cn.gov.tongban.ledger.handoff-escalated.v1': 'cn.gov.tongban.ledger.handoff-escalated.v2',
  'cn.gov.tongban.ledger.fact-change-stated.v1': 'cn.gov.tongban.ledger.fact-change-stated.v2',
} as const satisfies Partial<Record<EventType, EventType>>;

export type SupersededEventType = keyof typeof SUPERSEDED_EVENT_TYPES;
/** The versions a release writes. */
export type ProducedEventType = Exclude<EventType, SupersededEventType>;

export function isProduced(type: EventType): type is ProducedEventType {
  return !Object.prototype.hasOwnProperty.call(SUPERSEDED_EVENT_TYPES, type);
}

export function isEventType(type: string): type is EventType {
  return Object.prototype.hasOwnProperty.call(EVENT_TYPES, type);
}

export function topicOf(type: EventType): string {
  return EVENT_TYPES[type].name;
}

export function schemaFileOf(type: EventType): string {
  return `contracts/events/${type}.json`;
}
