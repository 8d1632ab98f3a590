import fc from 'fast-check';
import { citizenIdsIn, containsCitizenId, makeCitizenId } from '@tongban/identity';

describe('citizen ID numbers in free text', () => {
  const id = makeCitizenId('110105', '19491231', '002');

  it('finds a valid number alone, inside text, and hidden in a longer run of digits', () => {
    expect(citizenIdsIn(id)).toEqual([id]);
    expect(citizenIdsIn(`the person ${id} lives here`)).toEqual([id]);
    expect(citizenIdsIn(`req-${id}-7`)).toEqual([id]);
    expect(citizenIdsIn(`0042${id}17`)).toEqual([id]);
    expect(containsCitizenId(`x${id.toLowerCase()}`)).toBe(true);
  });

  it('ignores 18-character strings that are not valid numbers (check character, region, birth date)', () => {
    const wrongCheck = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    expect(containsCitizenId(wrongCheck)).toBe(false);
    expect(containsCitizenId(makeCitizenId('990101', '19900517', '123'))).toBe(false);
    expect(containsCitizenId(makeCitizenId('110105', '19900231', '123'))).toBe(false);
    expect(containsCitizenId('2026-11-28T10:00:00.000Z 1795853951440')).toBe(false);
  });

  it('property: any valid number embedded anywhere in any text is found', () => {
    const region = fc.constantFrom('110105', '310101', '360102', '440106', '510104');
    const birth = fc
      .integer({ min: 0, max: 30000 })
      .map((d) => new Date(Date.UTC(1920, 0, 1) + d * 86400000).toISOString().slice(0, 10).replace(/-/g, ''));
    const seq = fc.integer({ min: 0, max: 999 }).map((n) => String(n).padStart(3, '0'));
    fc.assert(
      fc.property(region, birth, seq, fc.string(), fc.string(), (r, b, s, before, after) => {
        const embedded = makeCitizenId(r, b, s);
        expect(containsCitizenId(`${before}${embedded}${after}`)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
