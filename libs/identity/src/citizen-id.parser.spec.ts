import { inspect } from 'node:util';
import fc from 'fast-check';
import { caughtDomainError, DomainError, ErrorCode } from '@tongban/errors';
import { CitizenId, computeCheckCharacter, makeCitizenId, parseCitizenId } from '@tongban/identity';
import { provinces } from '@tongban/regions';

const NOW = new Date('2025-06-15T12:00:00Z');

const rejection = (raw: string, now = NOW): DomainError => caughtDomainError(() => parseCitizenId(raw, { now }));

function expectNoLeak(e: DomainError, number: string): void {
  const rendered = [e.message, e.detail, JSON.stringify(e.extensions), inspect(e)].join('\n');
  expect(rendered).not.toContain(number);
  expect(rendered).not.toContain(number.slice(0, 17));
  // nor the region, birth-date or sequence parts
  expect(rendered).not.toContain(number.slice(0, 6));
  expect(rendered).not.toContain(number.slice(6, 14));
}

const ymd = (d: Date): string => d.toISOString().slice(0, 10).replace(/-/g, '');

// Valid parts: current or structurally plausible region prefixes, birth dates 1900-01-01..NOW.
const regionPrefix = fc.oneof(
  fc.constantFrom('110105', '310115', '440305', '360102', '650102', '540102', '419001'),
  fc
    .tuple(fc.constantFrom(...provinces().map((p) => p.slice(0, 2))), fc.integer({ min: 1, max: 99 }), fc.integer({ min: 0, max: 99 }))
    .map(([p, c, a]) => `${p}${String(c).padStart(2, '0')}${String(a).padStart(2, '0')}`),
);
const birth = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2025-06-15T00:00:00Z'), noInvalidDate: true }).map(ymd);
const seq = fc.integer({ min: 0, max: 999 }).map((n) => String(n).padStart(3, '0'));
const validNumber = fc.tuple(regionPrefix, birth, seq).map(([r, b, s]) => makeCitizenId(r, b, s));

describe('parseCitizenId examples', () => {
  it('accepts the GB 11643 sample 11010519491231002X', () => {
    const id = parseCitizenId('11010519491231002X', { now: NOW });
    expect(id.normalised).toBe('11010519491231002X');
    expect(id.regionOfIssue).toBe('110105');
    expect(id.birthDate).toBe('1949-12-31');
    expect(id.sex).toBe('female');
  });

  it('trims and normalises a lower-case x', () => {
    expect(parseCitizenId('  11010519491231002x\n', { now: NOW }).normalised).toBe('11010519491231002X');
  });

  it('reads sex from the 17th digit', () => {
    expect(parseCitizenId(makeCitizenId('360102', '19800229', '011'), { now: NOW }).sex).toBe('male');
    expect(parseCitizenId(makeCitizenId('360102', '19800229', '012'), { now: NOW }).sex).toBe('female');
  });

  it('accepts a withdrawn city code within a real province, and birth on the current day in China', () => {
    expect(parseCitizenId(makeCitizenId('369901', '19900101', '123'), { now: NOW }).regionOfIssue).toBe('369901');
    // 2025-06-15T20:00Z is already 2025-06-16 in Beijing
    expect(parseCitizenId(makeCitizenId('110105', '20250616', '123'), { now: new Date('2025-06-15T20:00:00Z') }).birthDate).toBe(
      '2025-06-16',
    );
  });

  it.each([
    ['a bad check character', '110105194912310021', 'check-character'],
    ['an unknown province 99', makeCitizenId('990101', '19900101', '123'), 'region'],
    ['a province 00', makeCitizenId('000101', '19900101', '123'), 'region'],
    ['a city part 00 that is not a current code', makeCitizenId('110012', '19900101', '123'), 'region'],
    ['February 30', makeCitizenId('110105', '19900230', '123'), 'birth-date'],
    ['February 29 of a common year', makeCitizenId('110105', '19000229', '123'), 'birth-date'],
    ['month 13', makeCitizenId('110105', '19901301', '123'), 'birth-date'],
    ['a date before 1900', makeCitizenId('110105', '18991231', '123'), 'birth-date'],
    ['a future date', makeCitizenId('110105', '20250616', '123'), 'birth-date'],
    ['a 15-digit first-generation number', '110105491231002', 'legacy-15-digit'],
    ['17 digits', '11010519491231002', 'format'],
    ['19 characters', '11010519491231002X1', 'format'],
    ['an X not in last place', '1101051949123100X2', 'format'],
    ['full-width digits', '１１０１０５１９４９１２３１００２X', 'format'],
    ['an empty string', '', 'format'],
  ])('rejects %s', (_label, raw, reason) => {
    const e = rejection(raw);
    expect(e.code).toBe(ErrorCode.InvalidCitizenId);
    expect(e.extensions).toEqual({ reason });
    if (raw.length >= 15) expectNoLeak(e, raw);
  });

  it('explains the 15-digit rejection', () => {
    expect(rejection('110105491231002').detail).toBe(
      '15-digit first-generation numbers are no longer valid since 2013; send the 18-digit number',
    );
  });

  it('never renders the number implicitly', () => {
    const id = parseCitizenId('11010519491231002X', { now: NOW });
    const rendered = [String(id), `${id}`, JSON.stringify({ id }), inspect(id), inspect({ nested: { id } }), JSON.stringify({ ...id })];
    for (const r of rendered) expect(r).not.toContain('11010519491231002X');
    expect(JSON.stringify({ id })).toBe('{"id":"[citizen-id]"}');
    expect(Object.keys(id)).not.toContain('normalised');
  });

  it('compares by number', () => {
    const a = parseCitizenId('11010519491231002X', { now: NOW });
    expect(a.equals(parseCitizenId('11010519491231002x', { now: NOW }))).toBe(true);
    expect(a.equals(parseCitizenId(makeCitizenId('110105', '19491231', '003'), { now: NOW }))).toBe(false);
  });
});

describe('computeCheckCharacter', () => {
  it('matches the standard sample and refuses bad input', () => {
    expect(computeCheckCharacter('11010519491231002')).toBe('X');
    expect(() => computeCheckCharacter('1101051949123100')).toThrow();
    expect(() => computeCheckCharacter('1101051949123100a')).toThrow();
  });
});

describe('parseCitizenId properties', () => {
  it('accepts every generated valid number and recovers its parts', () => {
    fc.assert(
      fc.property(regionPrefix, birth, seq, (r, b, s) => {
        const id = parseCitizenId(makeCitizenId(r, b, s), { now: NOW });
        expect(id.regionOfIssue).toBe(r);
        expect(id.birthDate.replace(/-/g, '')).toBe(b);
        expect(id.sex).toBe(Number(s[2]) % 2 === 1 ? 'male' : 'female');
      }),
    );
  });

  it('rejects any single-character change, without leaking the number', () => {
    fc.assert(
      fc.property(validNumber, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 10 }), (number, index, shift) => {
        const alphabet = index === 17 ? '0123456789X' : '0123456789';
        const replaced = alphabet[(alphabet.indexOf(number[index]) + shift) % alphabet.length];
        fc.pre(replaced !== number[index]);
        const mutated = number.slice(0, index) + replaced + number.slice(index + 1);
        const e = rejection(mutated);
        expect(e.code).toBe(ErrorCode.InvalidCitizenId);
        expectNoLeak(e, mutated);
        expectNoLeak(e, number);
      }),
    );
  });

  it('never puts arbitrary input into the error', () => {
    fc.assert(
      fc.property(fc.oneof(fc.stringMatching(/^\s?[0-9]{14,19}[0-9Xx]?\s?$/), fc.string({ minLength: 16 })), (raw) => {
        let error: unknown;
        try {
          parseCitizenId(raw, { now: NOW });
        } catch (e) {
          error = e;
        }
        if (error === undefined) return; // happened to be valid
        expect(error).toBeInstanceOf(DomainError);
        const e = error as DomainError;
        const rendered = [e.message, e.detail, JSON.stringify(e.extensions)].join('\n');
        expect(rendered).not.toContain(raw.trim());
      }),
    );
  });

  it('produces a CitizenId instance only for valid input', () => {
    fc.assert(fc.property(validNumber, (n) => expect(parseCitizenId(n.toLowerCase(), { now: NOW })).toBeInstanceOf(CitizenId)));
  });
});
