import { caughtDomainError, ErrorCode } from '@tongban/errors';
import fc from 'fast-check';
import { detectDuplicateMonths, DUPLICATE_MONTHS_SOURCE, individualAccountShare, resolveDuplicates } from './duplicate-months.resolver';
import { ContributionMonth } from './funds.types';
import { monthFromIndex } from './funds.validation';
import { loadTransferPolicyV1, loadTransferPolicyV2 } from './transfer-policy.loader';

const rates = loadTransferPolicyV2().pension.individualAccountRates;

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

  it('by default the inbound region keeps the months and the outbound region clears and refunds them', () => {
    const resolution = resolveDuplicates(['2020-10', '2020-11', '2020-12'], ['2020-12', '2021-01']);
    expect(resolution).toMatchObject({ kept: 'inbound', refundBy: 'outbound', months: ['2020-12'] });
    expect(resolution.explanation).toContain('the outbound region clears them');
    expect(resolution.source).toBe(DUPLICATE_MONTHS_SOURCE);
    expect(resolution.source).toContain('先转后清');
    expect(resolution.rule).toContain('agreed with the person');
    expect(resolveDuplicates(['2020-10'], ['2020-11']).months).toEqual([]);
  });

  it('kept by the outbound region (as agreed with the person): the inbound region clears its own months', () => {
    const resolution = resolveDuplicates(['2020-11', '2020-12'], ['2020-12', '2021-01'], 'outbound');
    expect(resolution).toMatchObject({ kept: 'outbound', refundBy: 'inbound', months: ['2020-12'] });
    expect(resolution.explanation).toContain('the inbound region clears its own contributions');
  });

  it('rejects malformed months', () => {
    expect(() => detectDuplicateMonths(['2020-1'], [])).toThrow(RangeError);
  });
});

describe('individualAccountShare (refund of cleared months, fen)', () => {
  it('prices each month at the account rate in force: 11 % to 2005, 8 % from 2006 (国发〔1997〕26号, 〔2005〕38号)', () => {
    const share = individualAccountShare(
      [
        { month: '2005-12', baseFen: 300_000 }, // 11 % → 33,000
        { month: '2006-01', baseFen: 300_000 }, // 8 % → 24,000
        { month: '2026-08', baseFen: 700_000 }, // 8 % → 56,000
      ],
      rates,
    );
    expect(share.months).toEqual([
      { month: '2005-12', baseFen: 300_000, ratePermille: 110, shareFen: 33_000 },
      { month: '2006-01', baseFen: 300_000, ratePermille: 80, shareFen: 24_000 },
      { month: '2026-08', baseFen: 700_000, ratePermille: 80, shareFen: 56_000 },
    ]);
    expect(share.totalFen).toBe(113_000);
  });

  it('rounds half-up to the fen once per month and sums exactly', () => {
    // 8 % of 333,337 = 26,666.96 → 26,667; of 100,006 = 8,000.48 → 8,000
    const share = individualAccountShare(
      [
        { month: '2024-01', baseFen: 333_337 },
        { month: '2024-02', baseFen: 100_006 },
        { month: '2024-03', baseFen: 6_250 }, // 500.0 exactly
        { month: '2024-04', baseFen: 6_256 }, // 500.48 → 500
        { month: '2024-05', baseFen: 6_257 }, // 500.56 → 501
      ],
      rates,
    );
    expect(share.months.map((m) => m.shareFen)).toEqual([26_667, 8_000, 500, 500, 501]);
    expect(share.totalFen).toBe(26_667 + 8_000 + 500 + 500 + 501);
    expect(individualAccountShare([], rates)).toEqual({ months: [], totalFen: 0 });
  });

  it('refuses to guess: a month before the first rate, or a policy without rates (v1), is 422 naming the month', () => {
    const before = caughtDomainError(() => individualAccountShare([{ month: '1997-12', baseFen: 100_000 }], rates, '/body/months'));
    expect(before.code).toBe(ErrorCode.RuleViolated);
    expect(before.extensions).toMatchObject({ field: '/body/months', month: '1997-12' });
    expect(before.detail).toContain('1998-01');
    const v1 = loadTransferPolicyV1().pension.individualAccountRates;
    expect(caughtDomainError(() => individualAccountShare([{ month: '2020-01', baseFen: 1 }], v1)).code).toBe(ErrorCode.RuleViolated);
  });

  it('property: every share is an integer, the total is their sum, and it never exceeds 11 % of the bases', () => {
    const monthsArb = fc
      .uniqueArray(fc.integer({ min: 1998 * 12, max: 2035 * 12 + 11 }), { maxLength: 120 })
      .chain((idx) =>
        fc.tuple(
          ...[...idx]
            .sort((a, b) => a - b)
            .map((i) => fc.integer({ min: 1, max: 100_000_000 }).map((baseFen) => ({ month: monthFromIndex(i), baseFen }))),
        ),
      );
    fc.assert(
      fc.property(monthsArb, (months) => {
        const share = individualAccountShare(months, rates);
        expect(share.totalFen).toBe(share.months.reduce((n, m) => n + m.shareFen, 0));
        for (const m of share.months) expect(Number.isSafeInteger(m.shareFen)).toBe(true);
        const bases = months.reduce((n, m) => n + m.baseFen, 0);
        expect(share.totalFen).toBeLessThanOrEqual(Math.round(bases * 0.11) + months.length);
      }),
      { numRuns: 100 },
    );
  });
});
