import fc from 'fast-check';
import { ChinaClock, chinaDay, startOfChinaDay } from './china.clock';

describe('the China clock', () => {
  it('takes the day in China, whatever the server zone', () => {
    expect(chinaDay(new Date('2026-03-31T16:30:00Z'))).toBe('2026-04-01');
    expect(chinaDay(new Date('2026-03-31T15:59:59.999Z'))).toBe('2026-03-31');
    expect(new Date(startOfChinaDay('2026-04-01')).toISOString()).toBe('2026-03-31T16:00:00.000Z');
  });

  it('agrees with the Asia/Shanghai time zone (property)', () => {
    const shanghai = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
    fc.assert(
      fc.property(fc.date({ min: new Date('1992-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true }), (d) =>
        expect(chinaDay(d)).toBe(shanghai.format(d)),
      ),
    );
  });

  it('can be pinned for a test', () => {
    const clock = new ChinaClock();
    jest.spyOn(clock, 'now').mockReturnValue(new Date('2026-10-09T02:00:00Z'));
    expect(clock.today()).toBe('2026-10-09');
  });
});
