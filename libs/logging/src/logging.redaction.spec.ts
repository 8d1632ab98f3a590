import { scrubCitizenIds } from './logging.redaction';

describe('scrubCitizenIds', () => {
  it('removes 18-character ID numbers from free text', () => {
    expect(scrubCitizenIds('person 11010519491231002X failed, 11010519491231002x too')).toBe(
      'person [citizen-id] failed, [citizen-id] too',
    );
    expect(scrubCitizenIds('order 1234567')).toBe('order 1234567');
  });
});
