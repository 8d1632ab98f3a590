import { checkContributionMonths } from './contribution-months.validator';
import { Fen, PensionCertificate } from './funds.types';
import { checkFen, FieldErrors, MAX_ACCOUNT_BALANCE_FEN, requireMonthIndex } from './funds.validation';
import { TransferPolicy } from './transfer-policy.loader';

/**
 * Funds transferred with a basic pension relation (国办发〔2009〕66号 Art. 4):
 *   - the individual account balance (个人账户储存额), in full;
 *   - the pooled-fund part (统筹基金): 12 % of the actual contribution base of every year from 1998 on; a
 *     partial year counts only its contribution months (pro rata by month).
 *
 * Arithmetic is exact: bases are summed per calendar year in fen (bigint), multiplied by the rate in permille,
 * giving an exact amount in 1/1000 fen; that amount is rounded ONCE PER YEAR, half-up, to the fen. Each year's
 * pooled amount is therefore an amount of money in its own right (as on the certificate), and the pooled total
 * is exactly the sum of the yearly amounts (never re-rounded). Rounding per year may differ by at most one fen
 * per year from rounding a grand total; with the 120 ‰ rate a half-fen never occurs, so half-up versus
 * half-even does not matter in practice.
 */

export interface PensionYearBreakdown {
  readonly year: number;
  /** Contribution months of the year counted toward the pooled part. */
  readonly months: number;
  readonly baseTotalFen: Fen;
  readonly pooledFen: Fen;
}

export type ExclusionReason = 'before-pooled-start' | 'refunded-duplicate';

export interface ExcludedMonth {
  readonly month: string;
  readonly baseFen: Fen;
  readonly reason: ExclusionReason;
}

export interface PensionTransferResult {
  readonly accountBalanceFen: Fen;
  /** Sum of `years[].pooledFen`. */
  readonly pooledFen: Fen;
  /** accountBalanceFen + pooledFen */
  readonly totalFen: Fen;
  readonly years: readonly PensionYearBreakdown[];
  /** Months of the certificate left out of the pooled part, and why. */
  readonly excludedMonths: readonly ExcludedMonth[];
  readonly basis: {
    readonly policyVersion: number;
    readonly pooledRatePermille: number;
    readonly pooledStartYear: number;
    readonly rounding: 'half-up to the fen, once per calendar year';
  };
}

export interface PensionTransferOptions {
  /**
   * Months to leave out of the pooled part because the outbound region refunds them (duplicate contributions,
   * see resolveDuplicates(...).months). Months not on the certificate are ignored.
   */
  readonly excludeMonths?: readonly string[];
  /** JSON pointer of the certificate in the request, for field errors (default `/body`). */
  readonly pointer?: string;
}

function toFen(value: bigint): Fen {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`amount out of safe integer range: ${value}`);
  return n;
}

/** Exact rounding of a non-negative amount in 1/1000 fen to fen, half-up. */
export function roundMilliFenHalfUp(milliFen: bigint): bigint {
  if (milliFen < 0n) throw new RangeError('negative amount');
  return (milliFen + 500n) / 1000n;
}

export function computePensionTransfer(
  cert: PensionCertificate,
  policy: TransferPolicy,
  options: PensionTransferOptions = {},
): PensionTransferResult {
  const pointer = options.pointer ?? '/body';
  const errors = new FieldErrors();
  checkFen(errors, `${pointer}/accountBalanceFen`, cert.accountBalanceFen, 0, MAX_ACCOUNT_BALANCE_FEN);
  checkContributionMonths(errors, cert.months, `${pointer}/months`);
  errors.throwIfAny('invalid pension certificate');

  const excluded = new Set((options.excludeMonths ?? []).map(requireMonthIndex));
  const { pooledRatePermille, pooledStartYear } = policy.pension;
  const byYear = new Map<number, { months: number; baseTotal: bigint }>();
  const excludedMonths: ExcludedMonth[] = [];

  for (const { month, baseFen } of cert.months) {
    const year = Number(month.slice(0, 4));
    if (year < pooledStartYear) {
      excludedMonths.push({ month, baseFen, reason: 'before-pooled-start' });
    } else if (excluded.has(requireMonthIndex(month))) {
      excludedMonths.push({ month, baseFen, reason: 'refunded-duplicate' });
    } else {
      const bucket = byYear.get(year) ?? { months: 0, baseTotal: 0n };
      bucket.months += 1;
      bucket.baseTotal += BigInt(baseFen);
      byYear.set(year, bucket);
    }
  }

  let pooledTotal = 0n;
  const years: PensionYearBreakdown[] = [...byYear.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, { months, baseTotal }]) => {
      const pooled = roundMilliFenHalfUp(baseTotal * BigInt(pooledRatePermille));
      pooledTotal += pooled;
      return { year, months, baseTotalFen: toFen(baseTotal), pooledFen: toFen(pooled) };
    });

  return {
    accountBalanceFen: cert.accountBalanceFen,
    pooledFen: toFen(pooledTotal),
    totalFen: toFen(BigInt(cert.accountBalanceFen) + pooledTotal),
    years,
    excludedMonths,
    basis: {
      policyVersion: policy.version,
      pooledRatePermille,
      pooledStartYear,
      rounding: 'half-up to the fen, once per calendar year',
    },
  };
}
