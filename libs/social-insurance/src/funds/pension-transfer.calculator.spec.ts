import { caughtDomainError, ErrorCode } from '@tongban/errors';
import fc from 'fast-check';
import { resolveDuplicates } from './duplicate-months.resolver';
import { ContributionMonth, PensionCertificate } from './funds.types';
import { monthFromIndex } from './funds.validation';
import { computePensionTransfer } from './pension-transfer.calculator';
import { loadTransferPolicyV1, parseTransferPolicy } from './transfer-policy.loader';

const policy = loadTransferPolicyV1();

/** Consecutive months from..to (inclusive), all with the same base. */
function months(from: string, to: string, baseFen: number): ContributionMonth[] {
  const result: ContributionMonth[] = [];
  const [fy, fm] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  for (let i = fy * 12 + fm - 1; i <= ty * 12 + tm - 1; i++) result.push({ month: monthFromIndex(i), baseFen });
  return result;
}

describe('computePensionTransfer', () => {
  it('hand-checked: 2019-07..12 at 5,000 yuan and 2020 at 6,000 yuan', () => {
    const cert: PensionCertificate = {
      months: [...months('2019-07', '2019-12', 500_000), ...months('2020-01', '2020-12', 600_000)],
      accountBalanceFen: 1_234_567,
    };
    // 2019: 6 × 500,000 = 3,000,000 fen; × 12 % = 360,000 fen (3,600.00 yuan)
    // 2020: 12 × 600,000 = 7,200,000 fen; × 12 % = 864,000 fen (8,640.00 yuan)
    // pooled 1,224,000 fen; total = 1,234,567 + 1,224,000 = 2,458,567 fen
    const result = computePensionTransfer(cert, policy);
    expect(result.years).toEqual([
      { year: 2019, months: 6, baseTotalFen: 3_000_000, pooledFen: 360_000 },
      { year: 2020, months: 12, baseTotalFen: 7_200_000, pooledFen: 864_000 },
    ]);
    expect(result.pooledFen).toBe(1_224_000);
    expect(result.accountBalanceFen).toBe(1_234_567);
    expect(result.totalFen).toBe(2_458_567);
    expect(result.excludedMonths).toEqual([]);
    expect(result.basis).toEqual({
      policyVersion: 1,
      pooledRatePermille: 120,
      pooledStartYear: 1998,
      rounding: 'half-up to the fen, once per calendar year',
    });
  });

  it('odd bases are rounded half-up to the fen once per year', () => {
    const cert: PensionCertificate = {
      months: [
        // 2021: 333,333 + 333,334 + 333,335 = 1,000,002 fen; × 0.12 = 120,000.24 → 120,000 fen
        { month: '2021-01', baseFen: 333_333 },
        { month: '2021-02', baseFen: 333_334 },
        { month: '2021-03', baseFen: 333_335 },
        // 2022: 6 × 456,789 = 2,740,734 fen; × 0.12 = 328,888.08 → 328,888 fen
        ...months('2022-07', '2022-12', 456_789),
        // 2023: 999,999 fen; × 0.12 = 119,999.88 → 120,000 fen (rounded up)
        { month: '2023-05', baseFen: 999_999 },
      ],
      accountBalanceFen: 0,
    };
    const result = computePensionTransfer(cert, policy);
    expect(result.years.map((y) => [y.year, y.baseTotalFen, y.pooledFen])).toEqual([
      [2021, 1_000_002, 120_000],
      [2022, 2_740_734, 328_888],
      [2023, 999_999, 120_000],
    ]);
    expect(result.pooledFen).toBe(120_000 + 328_888 + 120_000);
    expect(result.totalFen).toBe(568_888);
  });

  it('rounds each year, not the grand total (the total is the sum of the yearly amounts)', () => {
    // Each year: 100,021 × 0.12 = 12,002.52 → 12,003 fen. Sum 24,006 fen.
    // (Rounding the grand total instead would give 200,042 × 0.12 = 24,005.04 → 24,005 fen.)
    const cert = {
      months: [
        { month: '2021-01', baseFen: 100_021 },
        { month: '2022-01', baseFen: 100_021 },
      ],
      accountBalanceFen: 0,
    };
    const result = computePensionTransfer(cert, policy);
    expect(result.years.map((y) => y.pooledFen)).toEqual([12_003, 12_003]);
    expect(result.pooledFen).toBe(24_006);
  });

  it('a half fen rounds up (policy with 125 ‰, where halves occur)', () => {
    const rate125 = parseTransferPolicy({ ...policy, pension: { ...policy.pension, pooledRatePermille: 125 } });
    const pooled = (baseFen: number): number =>
      computePensionTransfer({ months: [{ month: '2024-01', baseFen }], accountBalanceFen: 0 }, rate125).pooledFen;
    expect(pooled(4)).toBe(1); // 0.5 → 1
    expect(pooled(12)).toBe(2); // 1.5 → 2
    expect(pooled(3)).toBe(0); // 0.375 → 0
    expect(pooled(5)).toBe(1); // 0.625 → 1
  });

  it('months before 1998 do not count toward the pooled part', () => {
    const cert = { months: months('1997-11', '1998-02', 300_000), accountBalanceFen: 50_000 };
    // Only 1998-01 and 1998-02: 600,000 × 0.12 = 72,000 fen.
    const result = computePensionTransfer(cert, policy);
    expect(result.years).toEqual([{ year: 1998, months: 2, baseTotalFen: 600_000, pooledFen: 72_000 }]);
    expect(result.excludedMonths).toEqual([
      { month: '1997-11', baseFen: 300_000, reason: 'before-pooled-start' },
      { month: '1997-12', baseFen: 300_000, reason: 'before-pooled-start' },
    ]);
    expect(result.totalFen).toBe(122_000);
  });

  it('duplicate months refunded by the outbound region are excluded, never counted twice', () => {
    const outbound = months('2020-01', '2020-12', 600_000);
    const inbound = months('2020-11', '2021-03', 700_000);
    const resolution = resolveDuplicates(outbound, inbound);
    expect(resolution.months).toEqual(['2020-11', '2020-12']);
    // 2020 without Nov and Dec: 10 × 600,000 = 6,000,000 fen; × 0.12 = 720,000 fen.
    const result = computePensionTransfer({ months: outbound, accountBalanceFen: 0 }, policy, {
      excludeMonths: resolution.months,
    });
    expect(result.years).toEqual([{ year: 2020, months: 10, baseTotalFen: 6_000_000, pooledFen: 720_000 }]);
    expect(result.excludedMonths.map((m) => [m.month, m.reason])).toEqual([
      ['2020-11', 'refunded-duplicate'],
      ['2020-12', 'refunded-duplicate'],
    ]);
  });

  it('rejects a certificate with duplicate months, float money or a negative balance, with field pointers', () => {
    const e = caughtDomainError(() =>
      computePensionTransfer(
        {
          months: [
            { month: '2020-01', baseFen: 500_000 },
            { month: '2020-01', baseFen: 500_000 },
            { month: '2020-02', baseFen: 5000.5 },
          ],
          accountBalanceFen: -1,
        },
        policy,
        { pointer: '/body/pension' },
      ),
    );
    expect(e.code).toBe(ErrorCode.ValidationFailed);
    expect(e.extensions.field).toBe('/body/pension/accountBalanceFen');
    expect((e.extensions.errors as { field: string }[]).map((x) => x.field)).toEqual([
      '/body/pension/accountBalanceFen',
      '/body/pension/months/1/month',
      '/body/pension/months/2/baseFen',
    ]);
  });

  describe('properties', () => {
    // Unique months between 1990-01 and 2035-12, bases up to the absurdity cap.
    const certArb = fc.uniqueArray(fc.integer({ min: 1990 * 12, max: 2035 * 12 + 11 }), { minLength: 1, maxLength: 300 }).chain((indices) =>
      fc.record({
        months: fc.tuple(
          ...[...indices]
            .sort((a, b) => a - b)
            .map((i) => fc.integer({ min: 1, max: 100_000_000 }).map((baseFen) => ({ month: monthFromIndex(i), baseFen }))),
        ),
        accountBalanceFen: fc.integer({ min: 0, max: 10_000_000_000 }),
      }),
    );

    it('pooled total = sum of the yearly parts; every amount is an integer; each year is round-half-up(12 % × bases)', () => {
      fc.assert(
        fc.property(certArb, (cert) => {
          const result = computePensionTransfer(cert, policy);
          expect(result.pooledFen).toBe(result.years.reduce((sum, y) => sum + y.pooledFen, 0));
          expect(result.totalFen).toBe(result.accountBalanceFen + result.pooledFen);
          for (const amount of [result.pooledFen, result.totalFen, ...result.years.flatMap((y) => [y.pooledFen, y.baseTotalFen])]) {
            expect(Number.isSafeInteger(amount)).toBe(true);
          }
          for (const y of result.years) {
            const exact = BigInt(y.baseTotalFen) * 120n; // 1/1000 fen
            expect(BigInt(y.pooledFen)).toBe(exact / 1000n + (exact % 1000n >= 500n ? 1n : 0n));
            expect(y.year).toBeGreaterThanOrEqual(1998);
          }
          // Every certificate month is either counted once or excluded once.
          expect(result.years.reduce((n, y) => n + y.months, 0) + result.excludedMonths.length).toBe(cert.months.length);
        }),
        { numRuns: 200 },
      );
    });

    it('excluding months never increases the pooled part or the total', () => {
      fc.assert(
        fc.property(certArb, fc.array(fc.boolean(), { minLength: 300, maxLength: 300 }), (cert, mask) => {
          const excludeMonths = cert.months.filter((_, i) => mask[i]).map((m) => m.month);
          const all = computePensionTransfer(cert, policy);
          const fewer = computePensionTransfer(cert, policy, { excludeMonths });
          expect(fewer.pooledFen).toBeLessThanOrEqual(all.pooledFen);
          expect(fewer.totalFen).toBeLessThanOrEqual(all.totalFen);
          for (const y of fewer.years) {
            expect(y.pooledFen).toBeLessThanOrEqual(all.years.find((a) => a.year === y.year)!.pooledFen);
          }
        }),
        { numRuns: 200 },
      );
    });
  });
});
