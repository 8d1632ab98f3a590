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

/** Binary content mode of the CloudEvents Kafka binding: attributes in ce_* headers, data as the value. */
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

function header(headers: IHeaders | undefined, name: string): string | undefined {
  const v = headers?.[name];
  if (v === undefined) return undefined;
  const first = Array.isArray(v) ? v[0] : v;
  return first === undefined ? undefined : first.toString();
}

export function fromKafkaMessage(headers: IHeaders | undefined, value: Buffer | null): CloudEvent {
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
    subject: required('ce_subject'),
    time: required('ce_time'),
    dataschema: required('ce_dataschema'),
    recipients: (header(headers, RECIPIENTS) ?? '').split(',').filter(Boolean),
    traceparent: header(headers, 'traceparent'),
    data,
  };
}

/** A fresh W3C traceparent (version 00, sampled). */
export function newTraceparent(traceId: string, spanId: string): string {
  return `00-${traceId}-${spanId}-01`;
}
