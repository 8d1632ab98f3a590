import chineseDaysDataset from 'chinese-days/dist/chinese-days.json';
import { statutoryDaysOff } from './statutory-holidays.rules';

const days = (year: number, holiday: string): string[] =>
  statutoryDaysOff(year)
    .filter((d) => d.holiday === holiday)
    .map((d) => `${d.date}${d.substitute ? '*' : ''}`);

describe('statutory days off (全国年节及纪念日放假办法, as amended 2024)', () => {
  it('2027: the seven holidays of Art. 2, lunar dates from lunar-typescript, weekend days given back (Art. 6, marked *)', () => {
    expect(days(2027, '元旦')).toEqual(['2027-01-01']); // Friday
    // 除夕 Fri 02-05, 初一 Sat 02-06, 初二 Sun 02-07, 初三 Mon 02-08; the weekend two given back Tue and Wed.
    expect(days(2027, '春节')).toEqual(['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09*', '2027-02-10*']);
    expect(days(2027, '清明节')).toEqual(['2027-04-05']); // the 清明 solar term, a Monday
    expect(days(2027, '劳动节')).toEqual(['2027-05-01', '2027-05-02', '2027-05-03*', '2027-05-04*']); // Sat, Sun
    expect(days(2027, '端午节')).toEqual(['2027-06-09']);
    expect(days(2027, '中秋节')).toEqual(['2027-09-15']);
    // Oct 1 Friday, Oct 2–3 the weekend: given back Mon Oct 4 and Tue Oct 5.
    expect(days(2027, '国庆节')).toEqual(['2027-10-01', '2027-10-02', '2027-10-03', '2027-10-04*', '2027-10-05*']);
  });

  it('a holiday on another holiday’s day is given back too (中秋节 on 2028-10-03, inside 国庆节)', () => {
    expect(days(2028, '国庆节')).toEqual(['2028-10-01', '2028-10-02', '2028-10-03', '2028-10-04*']); // Oct 1 a Sunday
    expect(days(2028, '中秋节')).toEqual(['2028-10-05*']);
  });

  it('thirteen holiday days a year, every year (Art. 2)', () => {
    for (let year = 2025; year <= 2060; year++) {
      const own = statutoryDaysOff(year).filter((d) => !d.substitute);
      const given = statutoryDaysOff(year).filter((d) => d.substitute);
      const weekend = own.filter((d) => [0, 6].includes(new Date(`${d.date}T00:00:00Z`).getUTCDay()));
      expect(own.length + given.length - weekend.length).toBe(13);
    }
  });

  it('every day it gives off in 2025 and 2026 is a day off on the official schedule (the chinese-days dataset)', () => {
    const official = chineseDaysDataset.holidays as Record<string, string>;
    for (const year of [2025, 2026]) {
      const missing = statutoryDaysOff(year).filter((d) => !(d.date in official));
      expect(missing).toEqual([]);
    }
  });

  it('refuses years before the amended regulation applies', () => {
    expect(() => statutoryDaysOff(2024)).toThrow(/2025-01-01/);
  });
});
