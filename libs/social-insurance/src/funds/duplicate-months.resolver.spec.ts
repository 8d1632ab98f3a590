import { detectDuplicateMonths, resolveDuplicates } from './duplicate-months.resolver';
import { ContributionMonth } from './funds.types';

describe('duplicate contribution months (重复缴费)', () => {
  it('detects months present in both regions, ascending and unique', () => {
    const feb: ContributionMonth = { month: '2021-02', baseFen: 1 };
    const dec: ContributionMonth = { month: '2020-12', baseFen: 1 };
    expect(detectDuplicateMonths(['2021-03', '2020-12', '2021-01', { month: '2021-02' }], [feb, dec, '2021-05', '2021-02'])).toEqual([
      '2020-12',
      '2021-02',
    ]);
    expect(detectDuplicateMonths(['2020-01'], ['2020-02'])).toEqual([]);
  });

  it('keeps the inbound months and has the outbound region refund its duplicates', () => {
    const resolution = resolveDuplicates(['2020-10', '2020-11', '2020-12'], ['2020-12', '2021-01']);
    expect(resolution).toMatchObject({ kept: 'inbound', refundBy: 'outbound', months: ['2020-12'] });
    expect(resolution.explanation).toContain('outbound region refunds');
    expect(resolveDuplicates(['2020-10'], ['2020-11']).months).toEqual([]);
  });

  it('rejects malformed months', () => {
    expect(() => detectDuplicateMonths(['2020-1'], [])).toThrow(RangeError);
  });
});
