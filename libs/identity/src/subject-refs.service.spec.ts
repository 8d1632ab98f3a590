import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import fc from 'fast-check';
import { DomainError, ErrorCode } from '@tongban/errors';
import { CitizenId, makeCitizenId, parseCitizenId, parseSubjectKeys, SubjectRefs } from '@tongban/identity';

const NOW = new Date('2025-06-15T12:00:00Z');
const key1 = { version: 1, secret: Buffer.alloc(32, 1) };
const key2 = { version: 2, secret: Buffer.alloc(32, 2) };
const key3 = { version: 3, secret: Buffer.alloc(48, 3) };

const citizen = fc
  .tuple(
    fc.constantFrom('110105', '310115', '440305', '360102'),
    fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2025-01-01T00:00:00Z'), noInvalidDate: true }),
    fc.integer({ min: 0, max: 999 }),
  )
  .map(([r, d, s]) =>
    parseCitizenId(makeCitizenId(r, d.toISOString().slice(0, 10).replace(/-/g, ''), String(s).padStart(3, '0')), { now: NOW }),
  );

const sample = (): CitizenId => parseCitizenId('11010519491231002X', { now: NOW });

describe('SubjectRefs', () => {
  it('makes a versioned 32-character base64url reference', () => {
    const ref = new SubjectRefs([key1, key2], 2).ref(sample());
    expect(ref).toMatch(/^s2_[A-Za-z0-9_-]{32}$/);
    expect(ref).not.toContain('11010519491231002X');
  });

  it('is deterministic per key and differs across keys', () => {
    const a = new SubjectRefs([key1, key2, key3], 2);
    const b = new SubjectRefs([key1, key2, key3], 2);
    fc.assert(
      fc.property(citizen, (id) => {
        expect(a.ref(id)).toBe(b.ref(id));
        const refs = a.refsFor(id);
        expect(refs[0]).toBe(a.ref(id));
        expect(refs.map((r) => a.parseRef(r))).toEqual([2, 3, 1]);
        const macs = refs.map((r) => r.slice(r.indexOf('_') + 1));
        expect(new Set(macs).size).toBe(3);
        // the same key yields the same MAC whichever version is current
        expect(new SubjectRefs([key1, key2, key3], 1).ref(id)).toBe(refs[2]);
      }),
    );
  });

  it('separates different people', () => {
    const refs = new SubjectRefs([key1], 1);
    fc.assert(
      fc.property(citizen, citizen, (x, y) => {
        fc.pre(!x.equals(y));
        expect(refs.ref(x)).not.toBe(refs.ref(y));
      }),
    );
  });

  it('parses references', () => {
    const refs = new SubjectRefs([key1], 1);
    expect(refs.parseRef(`s12_${'A'.repeat(32)}`)).toBe(12);
    expect(refs.hasVersion(12)).toBe(false);
    expect(refs.hasVersion(1)).toBe(true);
    for (const bad of [
      '',
      's1_',
      `s_${'A'.repeat(32)}`,
      `s1_${'A'.repeat(31)}`,
      `s1_${'A'.repeat(33)}`,
      `s1_${'A'.repeat(31)}=`,
      `x1_${'A'.repeat(32)}`,
    ]) {
      expect(() => refs.parseRef(bad)).toThrow(DomainError);
    }
    expect(() => refs.parseRef('nope')).toThrow(expect.objectContaining({ code: ErrorCode.ValidationFailed }));
  });

  it('refuses inconsistent key sets', () => {
    expect(() => new SubjectRefs([], 1)).toThrow(/at least one key/);
    expect(() => new SubjectRefs([key1], 2)).toThrow(/current version 2/);
    expect(() => new SubjectRefs([key1, { ...key2, version: 1 }], 1)).toThrow(/twice/);
    expect(() => new SubjectRefs([{ version: 1, secret: Buffer.alloc(31) }], 1)).toThrow(/32 bytes/);
    expect(() => new SubjectRefs([{ version: 0, secret: Buffer.alloc(32) }], 0)).toThrow(/positive/);
  });

  it('does not show its secrets', () => {
    const secret = randomBytes(32);
    const refs = new SubjectRefs([{ version: 1, secret }], 1);
    expect(JSON.stringify(refs)).not.toContain(secret.toString('base64'));
    expect(inspect(refs, { showHidden: true, depth: 5 })).not.toContain(secret.toString('hex').slice(0, 16));
  });
});

describe('parseSubjectKeys', () => {
  const b64 = (n: number, fill = 7): string => Buffer.alloc(n, fill).toString('base64');

  it('parses versions and secrets', () => {
    const keys = parseSubjectKeys(` 1:${b64(32)} , 2:${b64(64, 9)}`);
    expect(keys.map((k) => k.version)).toEqual([1, 2]);
    expect(keys[0].secret.equals(Buffer.alloc(32, 7))).toBe(true);
    expect(keys[1].secret.length).toBe(64);
    expect(new SubjectRefs(keys, 2).ref(sample())).toMatch(/^s2_/);
  });

  it.each([
    ['', /no key configured/],
    [`${b64(32)}`, /entry 1 is not/],
    [`0:${b64(32)}`, /entry 1 has a version that is not a positive integer/],
    [`x:${b64(32)}`, /entry 1 has a version/],
    [`1:${b64(32)},1:${b64(32)}`, /entry 2 repeats version 1/],
    ['1:not base64!', /entry 1 \(version 1\) has a secret that is not base64/],
    [`1:${b64(32)},2:${b64(31)}`, /entry 2 \(version 2\) has a 31-byte secret; at least 32 bytes/],
  ])('rejects %j', (spec, message) => {
    expect(() => parseSubjectKeys(spec)).toThrow(message);
  });

  it('never quotes a secret in its errors', () => {
    const short = b64(16, 5);
    expect(() => parseSubjectKeys(`1:${short}`)).toThrow(/16-byte secret/);
    expect(() => parseSubjectKeys(`1:${short}`)).not.toThrow(short);
  });
});
