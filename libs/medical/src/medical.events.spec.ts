import * as fs from 'node:fs';
import { repoPath } from '@tongban/config';
import { EVENT_TYPES, EventType, EventValidator, schemaFileOf } from '@tongban/messaging';

describe('medical event contracts', () => {
  const validator = new EventValidator();
  const medical = (Object.keys(EVENT_TYPES) as EventType[]).filter((t) => t.startsWith('cn.gov.tongban.medical.'));

  it('registers the six medical events on the medical domain topic', () => {
    expect(medical.map((t) => t.split('.')[4]).sort()).toEqual([
      'filing-cancelled',
      'filing-registered',
      'settlement-recorded',
      'statement-confirmed',
      'statement-disputed',
      'statement-issued',
    ]);
    for (const t of medical) expect(EVENT_TYPES[t].name).toBe('tongban.medical.events.v1');
  });

  it.each(medical)('%s: its examples match its schema', (type) => {
    const { examples } = JSON.parse(fs.readFileSync(repoPath(schemaFileOf(type)), 'utf8')) as { examples: unknown[] };
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) expect(() => validator.validate(type, example)).not.toThrow();
  });
});
