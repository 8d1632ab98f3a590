import { decodeSeqs, encodeSeqs, withinPositionBytes } from './messaging.relay-position';

describe('relay position (the seqs a committed relay transaction published)', () => {
  it('encodes runs as ranges and decodes them back', () => {
    const seqs = [5n, 1n, 2n, 3n, 9n, 10n, 12n];
    expect(encodeSeqs(seqs)).toBe('seqs:1-3,5,9-10,12');
    expect(decodeSeqs(encodeSeqs(seqs))).toEqual([1n, 2n, 3n, 5n, 9n, 10n, 12n]);
  });

  it('reads no position from empty or foreign metadata, and refuses a corrupt one', () => {
    expect(decodeSeqs(null)).toEqual([]);
    expect(decodeSeqs('')).toEqual([]);
    expect(decodeSeqs('something else')).toEqual([]);
    expect(() => decodeSeqs('seqs:1-x')).toThrow('unreadable');
    expect(() => decodeSeqs('seqs:9-3')).toThrow('unreadable');
  });

  it('cuts a batch of scattered seqs so its position fits in the offset metadata', () => {
    const scattered = Array.from({ length: 1000 }, (_, i) => ({ seq: String(1_000_000_000 + i * 2) }));
    const taken = withinPositionBytes(scattered, 3000);
    expect(taken.length).toBeGreaterThan(0);
    expect(taken.length).toBeLessThan(1000);
    expect(encodeSeqs(taken.map((r) => BigInt(r.seq))).length).toBeLessThanOrEqual(3000);
    const dense = Array.from({ length: 1000 }, (_, i) => ({ seq: String(i + 1) }));
    expect(withinPositionBytes(dense, 3000)).toHaveLength(1000);
  });
});
