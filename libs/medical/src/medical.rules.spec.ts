import fc from 'fast-check';
import { amountsAddUp, chinaMonth, chinaToday, concerns, CoverageFiling, coveringFiling, regionWithin, shiftMonth } from './medical.rules';
import { billPeriodKey, termOf } from './medical.types';

const filing = (over: Partial<CoverageFiling> = {}): CoverageFiling => ({
  filingId: 'f1',
  insuredRegion: '360100',
  treatmentRegion: '440100',
  validFrom: '2026-03-01',
  validTo: '2026-03-31',
  ...over,
});
const stay = { insuredRegion: '360100', treatmentRegion: '440100', admissionDate: '2026-03-05', dischargeDate: '2026-03-12' };

describe('medical rules', () => {
  it('places regions inside provinces and cities', () => {
    expect(regionWithin('440106', '440000')).toBe(true);
    expect(regionWithin('440106', '440100')).toBe(true);
    expect(regionWithin('440100', '440100')).toBe(true);
    expect(regionWithin('440300', '440100')).toBe(false);
    expect(regionWithin('440000', '440100')).toBe(false);
    expect(concerns('440000', '440100')).toBe(true);
    expect(concerns('440100', '440000')).toBe(true);
    expect(concerns('360100', '440100')).toBe(false);
  });

  it('takes the day and month in China time', () => {
    expect(chinaToday(new Date('2026-03-31T16:30:00Z'))).toBe('2026-04-01');
    expect(chinaMonth(new Date('2026-03-31T15:59:59Z'))).toBe('2026-03');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
  });

  it('accepts amounts only when the fund-paid and self-paid parts make up the total exactly (property)', () => {
    fc.assert(
      fc.property(fc.nat({ max: 1e11 }), fc.nat({ max: 1e11 }), (fund, self) => {
        expect(amountsAddUp({ totalFen: fund + self, fundPaidFen: fund, selfPaidFen: self })).toBe(true);
        expect(amountsAddUp({ totalFen: fund + self + 1, fundPaidFen: fund, selfPaidFen: self })).toBe(false);
      }),
    );
    expect(amountsAddUp({ totalFen: 10.5, fundPaidFen: 5.25, selfPaidFen: 5.25 })).toBe(false);
  });

  it('finds the covering filing or names the closest miss', () => {
    expect(coveringFiling([filing()], stay)).toEqual({ covered: true, filing: filing() });
    expect(coveringFiling([filing({ treatmentRegion: '440000', validTo: null })], stay).covered).toBe(true);
    expect(coveringFiling([], stay)).toMatchObject({ covered: false, rule: 'filing-required' });
    expect(coveringFiling([filing({ insuredRegion: '310100' })], stay)).toMatchObject({ covered: false, rule: 'filing-required' });
    expect(coveringFiling([filing({ treatmentRegion: '310100' })], stay)).toMatchObject({ covered: false, rule: 'filing-region' });
    expect(coveringFiling([filing({ validTo: '2026-03-10' })], stay)).toMatchObject({ covered: false, rule: 'filing-validity' });
    expect(coveringFiling([filing({ validFrom: '2026-03-06' })], stay)).toMatchObject({ covered: false, rule: 'filing-validity' });
  });

  it('covers a stay exactly when the validity contains every day of it (property)', () => {
    const day = fc.integer({ min: 0, max: 400 }).map((n) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, day, day, (a, b, c, d) => {
        const [validFrom, validTo] = [a, b].sort();
        const [admissionDate, dischargeDate] = [c, d].sort();
        const result = coveringFiling([filing({ validFrom, validTo })], { ...stay, admissionDate, dischargeDate });
        expect(result.covered).toBe(validFrom <= admissionDate && dischargeDate <= validTo);
      }),
    );
  });

  it('names terms and the ledger period key of a bill', () => {
    expect(termOf('posted-worker')).toBe('long-term');
    expect(termOf('emergency')).toBe('temporary');
    expect(billPeriodKey('440100', 'GZ-1')).toBe('bill:440100:GZ-1');
  });
});
