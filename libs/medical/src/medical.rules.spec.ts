import fc from 'fast-check';
import {
  amountsAddUp,
  concerns,
  CoverageFiling,
  coveringFiling,
  filingWindows,
  regionWithin,
  shiftMonth,
  stayWindows,
} from './medical.rules';
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

  it('shifts clearing months across years', () => {
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
  });

  it('shifts months on year and month numbers: the years 0–99 stay themselves (Date.UTC made them 1900–1999)', () => {
    expect(shiftMonth('0000-12', 1)).toBe('0001-01');
    expect(shiftMonth('0099-12', 1)).toBe('0100-01');
    expect(shiftMonth('0050-03', -2)).toBe('0050-01');
    expect(shiftMonth('2199-12', 1)).toBe('2200-01');
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 9000 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: -1200, max: 1200 }),
        (y, m, by) => {
          const month = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
          const shifted = shiftMonth(month, by);
          const [sy, sm] = [Number(shifted.slice(0, -3)), Number(shifted.slice(-2))];
          // the same month index, and a shift back returns the month
          expect(sy * 12 + sm - 1).toBe(y * 12 + m - 1 + by);
          expect(shiftMonth(shifted, -by)).toBe(month);
        },
      ),
    );
  });

  it('windows the dates of filings and settlements around today', () => {
    expect(filingWindows('2026-11-28', '2026-12-01')).toEqual({
      validFrom: { notBefore: '2025-11-28', notAfter: '2027-11-28' },
      validTo: { notBefore: '2026-12-01', notAfter: '2036-12-01' },
    });
    expect(filingWindows('2024-02-29', '2024-02-29').validFrom).toEqual({ notBefore: '2023-02-28', notAfter: '2025-02-28' });
    expect(stayWindows('2026-11-28')).toEqual({
      admissionDate: { notBefore: '2024-11-28', notAfter: '2026-11-28' },
      dischargeDate: { notBefore: '2025-11-28', notAfter: '2026-11-28' },
    });
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
