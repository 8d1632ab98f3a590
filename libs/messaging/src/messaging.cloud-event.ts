import type { IHeaders } from 'kafkajs';
import { EventType, isEventType } from './messaging.event-types';

/** A CloudEvents 1.0 event as the apps handle it; `recipients` is our extension (ce_tongbanrecipients). */
export interface CloudEvent<T = unknown> {
  id: string;
  source: string;
  type: EventType;
  subject: string;
  time: string;
  dataschema: string;
  recipients: string[];
  traceparent?: string;
  data: T;
}

export class CloudEventDecodeError extends Error {}

const RECIPIENTS = 'ce_tongbanrecipients';

/** The dataschema of every event of a type: its JSON Schema's $id (contracts/events/<type>.json). */
export const dataschemaOf = (type: EventType): string => `urn:tongban:event-schema:${type}`;

/**
 * Binary content mode of the CloudEvents Kafka binding: attributes in ce_* headers, data as the value.
 * Every attribute, as contracts/asyncapi.yaml promises agencies on their delivery topics.
 */
export function toKafkaHeaders(e: Omit<CloudEvent, 'data'>): Record<string, string> {
  const headers: Record<string, string> = {
    ce_specversion: '1.0',
    ce_id: e.id,
    ce_source: e.source,
    ce_type: e.type,
    ce_subject: e.subject,
    ce_time: e.time,
    ce_dataschema: e.dataschema,
    [RECIPIENTS]: e.recipients.join(','),
    'content-type': 'application/json',
  };
  if (e.traceparent) headers.traceparent = e.traceparent;
  return headers;
}

/**
 * The headers of a domain-topic copy, which only the apps read (ACLs): the attributes the CloudEvents
 * binding requires (specversion, id, source, type), time and the trace. The subject is the key, the
 * dataschema follows from the type, the content type is always JSON, and the recipients only address
 * the delivery copies: `fromKafkaMessage` restores the first three.
 */
export function toInternalKafkaHeaders(e: Omit<CloudEvent, 'data' | 'subject' | 'dataschema' | 'recipients'>): Record<string, string> {
  const headers: Record<string, string> = {
    ce_specversion: '1.0',
    ce_id: e.id,
    ce_source: e.source,
    ce_type: e.type,
    ce_time: e.time,
  };
  if (e.traceparent) headers.traceparent = e.traceparent;
  return headers;
}

function header(headers: IHeaders | undefined, name: string): string | undefined {
  const v = headers?.[name];
  if (v === undefined) return undefined;
  const first = Array.isArray(v) ? v[0] : v;
  return first === undefined ? undefined : first.toString();
}

/**
 * Decodes either copy of an event: a delivery copy (every attribute in its headers) or a domain-topic
 * copy (`toInternalKafkaHeaders`: the subject from the key, the dataschema from the type, no recipients).
 */
export function fromKafkaMessage(headers: IHeaders | undefined, value: Buffer | null, key?: Buffer | string | null): CloudEvent {
  const required = (name: string): string => {
    const v = header(headers, name);
    if (!v) throw new CloudEventDecodeError(`missing header ${name}`);
    return v;
  };
  if (required('ce_specversion') !== '1.0') throw new CloudEventDecodeError('ce_specversion must be 1.0');
  const type = required('ce_type');
  if (!isEventType(type)) throw new CloudEventDecodeError(`unknown event type ${type}`);
  const contentType = header(headers, 'content-type');
  if (contentType && !contentType.startsWith('application/json'))
    throw new CloudEventDecodeError(`unsupported content-type ${contentType}`);
  let data: unknown;
  try {
    data = JSON.parse((value ?? Buffer.alloc(0)).toString('utf8'));
  } catch {
    throw new CloudEventDecodeError('value is not JSON');
  }
  return {
    id: required('ce_id'),
    source: required('ce_source'),
    type,
    subject: header(headers, 'ce_subject') || (key ? key.toString() : required('ce_subject')),
    time: required('ce_time'),
    dataschema: header(headers, 'ce_dataschema') || dataschemaOf(type),
    recipients: (header(headers, RECIPIENTS) ?? '').split(',').filter(Boolean),
    traceparent: header(headers, 'traceparent'),
    data,
  };
}

/** A fresh W3C traceparent (version 00, sampled). */
export function newTraceparent(traceId: string, spanId: string): string {
  return `00-${traceId}-${spanId}-01`;
}
