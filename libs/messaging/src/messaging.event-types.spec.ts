import * as fs from 'node:fs';
import { parse } from 'yaml';
import { repoPath } from '@tongban/config';
import { EVENT_TYPES, EventType, isProduced, schemaFileOf, SUPERSEDED_EVENT_TYPES, SupersededEventType } from './messaging.event-types';
import { EventValidator } from './messaging.event-validator';
import { assertProduced } from './messaging.outbox-writer';

interface Ref {
  $ref: string;
}
interface AsyncApi {
  channels: Record<string, { address: string; messages: Record<string, Ref> }>;
  operations: Record<string, { action: 'send' | 'receive'; channel: Ref; messages: Ref[] }>;
  components: { messages: Record<string, { name: string; payload: Ref }> };
}

const doc = parse(fs.readFileSync(repoPath('contracts/asyncapi.yaml'), 'utf8')) as AsyncApi;
const types = Object.keys(EVENT_TYPES) as EventType[];
const last = (ref: Ref): string => ref.$ref.split('/').at(-1) as string;
/** The event types an operation names, through its channel's messages. */
const typesOf = (op: AsyncApi['operations'][string]): string[] => {
  const channel = doc.channels[last(op.channel)];
  return op.messages.map((m) => doc.components.messages[last(channel.messages[last(m)])].name).sort();
};
const version = (type: string): number => Number(/\.v(\d+)$/.exec(type)?.[1]);
const family = (type: string): string => type.replace(/\.v\d+$/, '');

describe('the event registry and contracts/asyncapi.yaml agree', () => {
  const validator = new EventValidator();

  it('every registered type has its schema file, and every schema file is registered', () => {
    const files = fs.readdirSync(repoPath('contracts/events')).map((f) => f.replace(/\.json$/, ''));
    expect(files.sort()).toEqual([...types].sort());
  });

  it.each(types)('%s: its schema examples validate', (type) => {
    const schema = JSON.parse(fs.readFileSync(repoPath(schemaFileOf(type)), 'utf8')) as { $id: string; examples: unknown[] };
    expect(schema.$id).toBe(`urn:tongban:event-schema:${type}`);
    expect(schema.examples.length).toBeGreaterThan(0);
    for (const example of schema.examples) expect(() => validator.validate(type, example)).not.toThrow();
  });

  it('asyncapi describes every registered type, each with its own schema file', () => {
    const messages = Object.values(doc.components.messages);
    expect(messages.map((m) => m.name).sort()).toEqual([...types].sort());
    for (const m of messages) expect(m.payload.$ref).toBe(`./${schemaFileOf(m.name as EventType).replace(/^contracts\//, '')}`);
  });

  it('a superseded type is replaced by a newer version of the same event, and the chain ends in a produced one', () => {
    for (const [old, successor] of Object.entries(SUPERSEDED_EVENT_TYPES) as Array<[SupersededEventType, EventType]>) {
      expect(family(successor)).toBe(family(old));
      expect(version(successor)).toBeGreaterThan(version(old));
      let current: EventType = successor;
      while (!isProduced(current)) current = SUPERSEDED_EVENT_TYPES[current as SupersededEventType];
      expect(types.filter((t) => family(t) === family(old) && isProduced(t))).toEqual([current]);
    }
  });

  it("the send operations name exactly the versions written now, on each domain topic; agencies' receive names every version", () => {
    const sent = Object.values(doc.operations).filter((op) => op.action === 'send');
    for (const op of sent) {
      const topic = doc.channels[last(op.channel)].address;
      const produced = types.filter((t) => EVENT_TYPES[t].name === topic && isProduced(t)).sort();
      expect({ topic, types: typesOf(op) }).toEqual({ topic, types: produced });
    }
    expect(sent.flatMap(typesOf).sort()).toEqual(types.filter(isProduced).sort());
    const received = Object.values(doc.operations).filter((op) => op.action === 'receive');
    expect(received.flatMap(typesOf).sort()).toEqual([...types].sort());
  });

  it('the outbox refuses a superseded version', () => {
    expect(() => assertProduced('cn.gov.tongban.social-insurance.contact-letter-issued.v2')).toThrow(
      'event type cn.gov.tongban.social-insurance.contact-letter-issued.v2 is superseded by cn.gov.tongban.social-insurance.contact-letter-issued.v3 and no longer written',
    );
    expect(() => assertProduced('cn.gov.tongban.social-insurance.deadline-changed.v1')).not.toThrow();
  });
});
