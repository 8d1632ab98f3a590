import { assertDateWithin } from '@tongban/calendar';
import { permitWindows } from './permit.rules';

const TODAY = '2026-11-28';
const within = (window: { notBefore: string; notAfter: string }, day: string): boolean => {
  try {
    assertDateWithin('/body/x', day, window, 'x');
    return true;
  } catch {
    return false;
  }
};

describe('windows of permit dates', () => {
  it('refuses a permit issued in the future, valid for more than ten years, or a residence begun after today', () => {
    expect(permitWindows.issuedOn(TODAY)).toEqual({ notBefore: '2006-11-28', notAfter: TODAY });
    expect(within(permitWindows.issuedOn(TODAY), '2030-01-01')).toBe(false);
    expect(permitWindows.validUntil('2026-02-02')).toEqual({ notBefore: '2026-02-03', notAfter: '2036-02-02' });
    expect(within(permitWindows.validUntil('2026-02-02'), '9999-12-31')).toBe(false);
    expect(permitWindows.residenceSince(TODAY)).toEqual({ notBefore: '1926-11-28', notAfter: TODAY });
  });

  it('refuses endorsements ahead of today, renewals past ten years, departures more than a month ahead', () => {
    expect(within(permitWindows.endorsedOn(TODAY), TODAY)).toBe(true);
    expect(within(permitWindows.endorsedOn(TODAY), '2026-11-29')).toBe(false);
    expect(permitWindows.renewedUntil(TODAY)).toEqual({ notBefore: TODAY, notAfter: '2036-11-28' });
    expect(permitWindows.cancelledOn('2027-01-31')).toEqual({ notBefore: '2007-01-31', notAfter: '2027-02-28' });
    expect(permitWindows.asOf(TODAY)).toEqual({ notBefore: '1926-11-28', notAfter: '2036-11-28' });
  });
});
