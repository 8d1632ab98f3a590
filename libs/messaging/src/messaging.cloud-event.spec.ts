import { CloudEventDecodeError, fromKafkaMessage, toInternalKafkaHeaders, toKafkaHeaders } from './messaging.cloud-event';

const attributes = {
  id: 'e1',
  source: '440100/residence-permit',
  type: 'cn.gov.tongban.residence.permit-issued.v1' as const,
  subject: 's1_x',
  time: '2026-03-02T08:00:00.000Z',
  dataschema: 'urn:tongban:event-schema:cn.gov.tongban.residence.permit-issued.v1',
  recipients: ['440100', '360100'],
  traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
};

describe('CloudEvents Kafka binary mode', () => {
  it('round-trips attributes through ce_* headers and data through the value', () => {
    const headers = Object.fromEntries(Object.entries(toKafkaHeaders(attributes)).map(([k, v]) => [k, Buffer.from(v)]));
    const event = fromKafkaMessage(headers, Buffer.from(JSON.stringify({ a: 1 })));
    expect(event).toEqual({ ...attributes, data: { a: 1 } });
    expect(headers['content-type'].toString()).toBe('application/json');
    expect(headers.ce_specversion.toString()).toBe('1.0');
  });

  it.each([
    ['a missing id', { ce_id: undefined }],
    ['an unknown type', { ce_type: 'cn.gov.tongban.unknown.v1' }],
    ['another spec version', { ce_specversion: '0.3' }],
  ])('refuses %s', (_, change) => {
    const headers: Record<string, string | undefined> = { ...toKafkaHeaders(attributes), ...change };
    const clean = Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== undefined)) as Record<string, string>;
    expect(() => fromKafkaMessage(clean, Buffer.from('{}'))).toThrow(CloudEventDecodeError);
  });

  it('refuses a value that is not JSON', () => {
    expect(() => fromKafkaMessage(toKafkaHeaders(attributes), Buffer.from('{'))).toThrow(CloudEventDecodeError);
  });
});

describe('a domain-topic copy (lean headers, only the apps read it)', () => {
  it('decodes to the same event but its addressing: the subject from the key, the dataschema from the type', () => {
    const headers = toInternalKafkaHeaders(attributes);
    expect(Object.keys(headers)).toEqual(['ce_specversion', 'ce_id', 'ce_source', 'ce_type', 'ce_time', 'traceparent']);
    expect(fromKafkaMessage(headers, Buffer.from('{"a":1}'), Buffer.from('s1_x'))).toEqual({
      ...attributes,
      recipients: [],
      data: { a: 1 },
    });
  });

  it('refuses one without a key (no subject anywhere)', () => {
    expect(() => fromKafkaMessage(toInternalKafkaHeaders(attributes), Buffer.from('{}'), null)).toThrow('missing header ce_subject');
  });
});
