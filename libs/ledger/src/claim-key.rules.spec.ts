import { placeOfKey } from './claim-key.rules';

describe('place-bound claim keys', () => {
  it('reads the place a bill or an emergency case key names', () => {
    expect(placeOfKey('treatment', 'bill:440100:S-2026-001')).toBe('440100');
    expect(placeOfKey('emergency', 'case:310100:2026-11-20-fire')).toBe('310100');
  });

  it('refuses keys of another shape, another basis, or no place', () => {
    expect(placeOfKey('treatment', 'case:440100:S1')).toBeUndefined();
    expect(placeOfKey('emergency', 'emergency:2026-11-20:fire')).toBeUndefined();
    expect(placeOfKey('treatment', 'bill:4401:S1')).toBeUndefined();
    expect(placeOfKey('treatment', 'bill:440100:')).toBeUndefined();
    expect(placeOfKey('hukou', 'bill:440100:S1')).toBeUndefined();
  });
});
