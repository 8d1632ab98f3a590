import { DOMAIN_TOPICS, TopicSpec } from './messaging.topics';

/**
 * The event catalogue: CloudEvents type -> domain topic and JSON Schema (contracts/events/<type>.json).
 * Types are reverse-DNS and versioned; a new version is a new entry, never an edit of an old one.
 */
export const EVENT_TYPES = {
  'cn.gov.tongban.residence.permit-issued.v1': DOMAIN_TOPICS.residence,
} as const satisfies Record<string, TopicSpec>;

export type EventType = keyof typeof EVENT_TYPES;

export function isEventType(type: string): type is EventType {
  return Object.prototype.hasOwnProperty.call(EVENT_TYPES, type);
}

export function topicOf(type: EventType): string {
  return EVENT_TYPES[type].name;
}

export function schemaFileOf(type: EventType): string {
  return `contracts/events/${type}.json`;
}
