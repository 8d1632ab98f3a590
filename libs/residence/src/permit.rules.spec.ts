import { assertDateWithin } from '@tongban/calendar';
import { DomainError } from '@tongban/errors';
import { permitWindows } from './permit.rules';

const TODAY = '2026-11-28';
/** The services' check of `day` against `window`, to run under expect. */
const checking = (window: { notBefore: string; notAfter: string }, day: string) => (): void =>
  assertDateWithin('/body/x', day, window, 'x');

describe('windows of permit dates', () => {
  it('refuses a permit issued in the future, valid for more than ten years, or a residence begun after today', () => {
    expect(permitWindows.issuedOn(TODAY)).toEqual({ notBefore: '2006-11-28', notAfter: TODAY });
    expect(checking(permitWindows.issuedOn(TODAY), '2030-01-01')).toThrow(DomainError);
    expect(permitWindows.validUntil('2026-02-02')).toEqual({ notBefore: '2026-02-03', notAfter: '2036-02-02' });
    expect(checking(permitWindows.validUntil('2026-02-02'), '9999-12-31')).toThrow(DomainError);
    expect(permitWindows.residenceSince(TODAY)).toEqual({ notBefore: '1926-11-28', notAfter: TODAY });
  });

  it('refuses endorsements ahead of today, renewals past ten years, departures more than a month ahead', () => {
    expect(checking(permitWindows.endorsedOn(TODAY), TODAY)).not.toThrow();
    expect(checking(permitWindows.endorsedOn(TODAY), '2026-11-29')).toThrow(DomainError);
    expect(permitWindows.renewedUntil(TODAY)).toEqual({ notBefore: TODAY, notAfter: '2036-11-28' });
    expect(permitWindows.cancelledOn('2027-01-31')).toEqual({ notBefore: '2007-01-31', notAfter: '2027-02-28' });
    expect(permitWindows.asOf(TODAY)).toEqual({ notBefore: '1926-11-28', notAfter: '2036-11-28' });
  });
});
